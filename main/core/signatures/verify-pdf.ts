/**
 * Verifies every signature in a PDF: finds the signature fields, checks that
 * /ByteRange leaves out exactly the /Contents string, recomputes the digest of
 * the covered bytes, checks the CMS (message digest, signature, the
 * signing-certificate attribute), says how much of the file each signature
 * covers, what changed after it (modifications.ts), and how far its
 * certificate can be trusted.
 */
import { createHash } from 'node:crypto'
import { AppError } from '../errors'
import { describeCertificate } from './certificate-info'
import { checkDetachedCms } from './cms'
import { changesAfter } from './modifications'
import { parsePdfDate } from './pdf-date'
import { PdfDocument } from './pdf-document'
import { decodeTextString, PdfDict, PdfName, PdfNumber, PdfString, type PdfValue } from './pdf-syntax'
import { evaluateTrust, type TrustStatus } from './trust'

export type { TrustStatus } from './trust'

export interface SignatureReport {
  /** The field's full name, e.g. "Firma 1". */
  field: string | null
  signer: string | null
  rfc: string | null
  curp: string | null
  issuer: string | null
  /** The signer certificate's serial number, as the app shows it (SAT: its 20 digits). */
  serial: string | null
  /** ISO 8601 instant: the time the signer declared (/M), not a trusted timestamp. */
  signedAt: string | null
  /** The covered bytes are exactly those the signature was made over, and the signature checks. */
  intact: boolean
  /** The signature covers the file to its last byte (later signatures mean earlier ones do not). */
  coversWholeDocument: boolean
  coveredBytes: number
  /** Which revision of the file (1 = the original) the signature closes; null if it ends elsewhere. */
  revision: number | null
  revisionCount: number
  trust: TrustStatus
  /** Spanish, for people. */
  trustExplanation: string
  subFilter: string | null
  reason: string | null
  location: string | null
  /** Spanish reasons the signature is not intact, or notes about it. */
  problems: string[]
  /** Something other than a later signature changed what a reader sees after this signature. */
  modifiedAfter: boolean
  /** Spanish descriptions of those changes («Se agregó una anotación en la página 1.»). */
  changes: string[]
  /** This signature certifies the document (DocMDP). */
  certified: boolean
  /** The certification's permission level: 1 no changes, 2 form filling and signatures, 3 also annotations; null if not certifying. */
  certificationLevel: number | null
}

export interface VerifyOptions {
  /** Root certificates (DER) to treat as trusted; none by default. */
  trustedRoots?: readonly Buffer[]
}

/** More signatures than any acta carries: a file declaring more is refused rather than verified at length. */
const MAX_SIGNATURES = 200

/** A PDF says so in its first bytes (%PDF-, after at most some junk a few writers leave). */
const PDF_HEADER_WINDOW = 1024

/** Refuses, in plain words, a file that is empty or is not a PDF at all (a picture, a Word file) before reading its structure. */
export function assertPdfFile(pdf: Buffer): void {
  if (pdf.length === 0) throw new AppError('VALIDACION', 'El archivo está vacío: no tiene contenido. Elija otro archivo.')
  if (!pdf.subarray(0, PDF_HEADER_WINDOW).includes('%PDF-', 0, 'latin1')) {
    throw new AppError('VALIDACION', 'El archivo no es un PDF: su contenido no empieza como el de un documento PDF. Elija el archivo .pdf.')
  }
}

export function verifyPdf(pdf: Buffer, now: Date, options: VerifyOptions = {}): SignatureReport[] {
  assertPdfFile(pdf)
  let doc: PdfDocument
  try {
    doc = PdfDocument.load(pdf)
  } catch (error) {
    throw new AppError('LECTURA', `No se pudo leer la estructura del PDF (${error instanceof Error ? error.message : 'error desconocido'}).`, { cause: error })
  }
  let fields: SignatureField[]
  try {
    fields = signatureFields(doc)
  } catch (error) {
    throw new AppError('LECTURA', `No se pudieron leer los campos de firma del PDF (${error instanceof Error ? error.message : 'error desconocido'}).`, { cause: error })
  }
  const revisionEnds = findRevisionEnds(pdf)
  const certifying = doc.dict(doc.dict(doc.dict(doc.trailer.get('Root'))?.get('Perms'))?.get('DocMDP'))
  const reports = fields.map((field) => verifyField(pdf, field, revisionEnds, now, options, field.signature === certifying))
  // Oldest first: the one covering the fewest bytes was made first.
  reports.sort((a, b) => a.coveredBytes - b.coveredBytes)
  let changes: string[][]
  try {
    changes = changesAfter(
      pdf,
      doc,
      reports.map((report) => report.coveredBytes),
      new Set(reports.filter((report) => report.intact).map((report) => report.coveredBytes)),
    )
  } catch (error) {
    const reason = `No se pudo comparar el documento con lo firmado (${error instanceof Error ? error.message : 'error desconocido'}).`
    changes = reports.map(() => [reason])
  }
  reports.forEach((report, index) => {
    const found = report.coveredBytes > 0 ? (changes[index] ?? []) : []
    const laterSignatures = reports.length - 1 - index
    if (report.certificationLevel === 1 && laterSignatures > 0) found.unshift('El documento estaba certificado sin admitir cambios, y después se le agregaron firmas.')
    report.changes = found
    report.modifiedAfter = found.length > 0
  })
  return reports
}

interface SignatureField {
  name: string | null
  signature: PdfDict
}

function signatureFields(doc: PdfDocument): SignatureField[] {
  const catalog = doc.dict(doc.trailer.get('Root'))
  const form = doc.dict(catalog?.get('AcroForm'))
  const result: SignatureField[] = []
  const seen = new Set<PdfDict>()
  const values = new Set<PdfDict>()
  const walk = (node: PdfValue, parentName: string | null, inheritedType: string | undefined, depth: number): void => {
    const field = doc.dict(node)
    if (!field || seen.has(field) || depth > 32) return
    seen.add(field)
    const title = decodeTextString(field.get('T'))
    const fullName = title === undefined ? parentName : parentName ? `${parentName}.${title}` : title
    const typeValue = field.get('FT')
    const type = typeValue instanceof PdfName ? typeValue.name : inheritedType
    const kids = doc.array(field.get('Kids'))
    if (kids) for (const kid of kids) walk(kid, fullName, type, depth + 1)
    const value = doc.dict(field.get('V'))
    // One signature value listed by many fields is one signature (and verifying it once keeps a hostile file cheap).
    if (type === 'Sig' && value && !kids?.length && !values.has(value)) {
      values.add(value)
      if (result.length >= MAX_SIGNATURES) throw new AppError('LECTURA', `El PDF declara más de ${MAX_SIGNATURES} firmas; no se verifica.`)
      result.push({ name: fullName, signature: value })
    }
  }
  for (const field of doc.array(form?.get('Fields')) ?? []) walk(field, null, undefined, 0)
  return result
}

/** The offsets just after each %%EOF marker (and its end of line): where each revision ends. */
function findRevisionEnds(pdf: Buffer): number[] {
  const ends: number[] = []
  let at = pdf.indexOf('%%EOF', 0, 'latin1')
  while (at >= 0) {
    let end = at + 5
    if (pdf[end] === 0x0d) end++
    if (pdf[end] === 0x0a) end++
    ends.push(end)
    at = pdf.indexOf('%%EOF', at + 5, 'latin1')
  }
  return ends
}

function verifyField(pdf: Buffer, field: SignatureField, revisionEnds: number[], now: Date, options: VerifyOptions, certifies: boolean): SignatureReport {
  const { signature } = field
  const subFilterValue = signature.get('SubFilter')
  const subFilter = subFilterValue instanceof PdfName ? subFilterValue.name : null
  const signedAtDate = parsePdfDate(decodeTextString(signature.get('M')))
  const report: SignatureReport = {
    field: field.name,
    signer: decodeTextString(signature.get('Name')) ?? null,
    rfc: null,
    curp: null,
    issuer: null,
    serial: null,
    signedAt: signedAtDate?.toISOString() ?? null,
    intact: false,
    coversWholeDocument: false,
    coveredBytes: 0,
    revision: null,
    revisionCount: revisionEnds.length,
    trust: 'sin-certificado',
    trustExplanation: '',
    subFilter,
    reason: decodeTextString(signature.get('Reason')) ?? null,
    location: decodeTextString(signature.get('Location')) ?? null,
    problems: [],
    modifiedAfter: false,
    changes: [],
    certified: false,
    certificationLevel: null,
  }
  const level = certifies ? docMdpLevel(signature) : null
  report.certified = level !== null
  report.certificationLevel = level

  const range = byteRangeOf(signature.get('ByteRange'))
  const contents = signature.get('Contents')
  if (!range) {
    report.problems.push('La firma no tiene un /ByteRange válido.')
  } else {
    const [start, length1, start2, length2] = range
    report.coveredBytes = start2 + length2
    report.coversWholeDocument = start === 0 && start2 + length2 === pdf.length
    const index = revisionEnds.findIndex((end) => end === start2 + length2 || (end > start2 + length2 && /^[\r\n]*$/.test(pdf.toString('latin1', start2 + length2, end))))
    report.revision = index >= 0 ? index + 1 : null
    if (start !== 0 || start2 + length2 > pdf.length || start2 < length1) report.problems.push('El /ByteRange no describe un rango válido del archivo.')
  }

  if (range && report.problems.length === 0) {
    const [, gapStart, gapEnd] = range
    const gap = pdf.toString('latin1', gapStart, gapEnd)
    // The excluded bytes must be exactly the /Contents hexadecimal string, nothing else.
    if (!/^<[0-9a-fA-F]*>$/.test(gap) || !(contents instanceof PdfString) || !Buffer.from(gap.slice(1, -1), 'hex').equals(contents.bytes)) {
      report.problems.push('Los bytes que la firma deja fuera no son exactamente su /Contents.')
    }
  }

  if (!(contents instanceof PdfString)) {
    report.problems.push('La firma no tiene /Contents.')
  } else if (subFilter !== 'ETSI.CAdES.detached' && subFilter !== 'adbe.pkcs7.detached') {
    report.problems.push(`Tipo de firma no admitido: ${subFilter ?? '(sin /SubFilter)'}.`)
  } else if (range) {
    const [start, length1, start2, length2] = range
    const cms = checkDetachedCms(contents.bytes, (algorithm) =>
      createHash(algorithm)
        .update(pdf.subarray(start, start + length1))
        .update(pdf.subarray(start2, start2 + length2))
        .digest(),
    )
    report.problems.push(...cms.problems)
    if (report.problems.length === 0 && cms.digestMatches && cms.signatureValid && cms.certificateBound !== false) report.intact = true
    if (!report.signedAt && cms.signingTime) report.signedAt = cms.signingTime.toISOString()
    if (cms.signerCertificate) {
      const info = describeCertificate(cms.signerCertificate)
      report.signer = info.name
      report.rfc = info.rfc ?? null
      report.curp = info.curp ?? info.representativeCurp ?? null
      report.issuer = info.issuer
      report.serial = info.serial
    }
    const trust = evaluateTrust(cms.signerCertificate, cms.certificates, { now, ...(signedAtDate ? { signedAt: signedAtDate } : {}), ...(options.trustedRoots ? { trustedRoots: options.trustedRoots } : {}) })
    report.trust = trust.trust
    report.trustExplanation = trust.explanation
  }
  if (!report.trustExplanation) report.trustExplanation = 'No se pudo evaluar el certificado de esta firma.'
  return report
}

function byteRangeOf(value: PdfValue | undefined): [number, number, number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 4) return undefined
  const numbers = value.map((item) => (item instanceof PdfNumber && Number.isInteger(item.value) && item.value >= 0 ? item.value : -1))
  if (numbers.some((n) => n < 0)) return undefined
  return numbers as [number, number, number, number]
}

/** The DocMDP permission level a certifying signature declares (ISO 32000-1 §12.8.2.2), or null. */
function docMdpLevel(signature: PdfDict): number | null {
  const references = signature.get('Reference')
  for (const reference of Array.isArray(references) ? references : []) {
    if (!(reference instanceof PdfDict)) continue
    const method = reference.get('TransformMethod')
    if (!(method instanceof PdfName) || method.name !== 'DocMDP') continue
    const params = reference.get('TransformParams')
    const p = params instanceof PdfDict ? params.get('P') : undefined
    return p instanceof PdfNumber && [1, 2, 3].includes(p.value) ? p.value : 2
  }
  return null
}
