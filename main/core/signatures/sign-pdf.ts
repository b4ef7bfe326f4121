/**
 * Signs a PDF as a PAdES baseline signature (SubFilter ETSI.CAdES.detached,
 * SHA-256), appended as an incremental update so earlier signatures stay valid.
 *
 * The update holds: the signature dictionary (/ByteRange, /Contents, /M…),
 * a signature field merged with its widget (invisible, zero-size, printable,
 * with an empty appearance so PDF/A validators are satisfied), a new version
 * of the last page with the widget in /Annots, and a new version of the form
 * (/Fields, /SigFlags 3) — plus, on the first signature, a new catalog that
 * points to the form and declares the ESIC extension PAdES asks of PDF 1.7.
 *
 * The placeholder for /Contents is sized from a dry run of the CMS, so the
 * update's offsets are exact before any byte is signed.
 */
import { createHash } from 'node:crypto'
import { AppError } from '../errors'
import { buildCadesDetached, UnsupportedKeyError } from './cms'
import { assertCertificateUsable, describeSigner, type SignerCredentials } from './credentials'
import { appendIncrementalUpdate, type UpdateObject } from './incremental-update'
import { pdfDate } from './pdf-date'
import { PdfDocument } from './pdf-document'
import { decodeTextString, dict, name, num, PdfDict, PdfName, PdfNumber, PdfRef, PdfString, serialize, textString, type PdfValue } from './pdf-syntax'
import { verifyPdf } from './verify-pdf'

export interface SignPdfOptions {
  reason?: string
  location?: string
  /** The signer's name as written in the signature; defaults to the certificate's. */
  name?: string
  contactInfo?: string
  signingTime: Date
}

/** Fixed width of the /ByteRange array, so filling it in moves nothing. */
const BYTE_RANGE_WIDTH = '[0 9999999999 9999999999 9999999999]'.length

/** The signing itself is synchronous; any failure still arrives as a rejected promise, never as a throw. */
export function signPdf(pdf: Buffer, credentials: SignerCredentials, options: SignPdfOptions): Promise<Buffer> {
  return new Promise((resolve) => resolve(signPdfNow(pdf, credentials, options)))
}

function signPdfNow(pdf: Buffer, credentials: SignerCredentials, options: SignPdfOptions): Buffer {
  assertCertificateUsable(credentials, options.signingTime)
  const doc = openForSigning(pdf)
  const signer = describeSigner(credentials)

  let reserved: number
  try {
    reserved = buildCadesDetached(credentials, Buffer.alloc(32), { dryRun: true }).length + 64
  } catch (error) {
    if (error instanceof UnsupportedKeyError) throw new AppError('VALIDACION', `El tipo de llave (${error.message}) no se admite para firmar; use una llave RSA o de curva elíptica.`)
    throw error
  }

  const plan = planUpdate(doc, {
    ...options,
    name: options.name ?? signer.name,
    reservedBytes: reserved,
  })
  const { bytes, bodyOffsets } = appendIncrementalUpdate(pdf, doc, plan.objects)

  const sigBody = bodyOffsets.get(plan.signatureRef.num) as number
  const contentsStart = sigBody + plan.contentsOffset
  const contentsEnd = contentsStart + 2 + reserved * 2
  const byteRange = [0, contentsStart, contentsEnd, bytes.length - contentsEnd]
  const byteRangeText = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_WIDTH, ' ')
  bytes.write(byteRangeText, sigBody + plan.byteRangeOffset, 'latin1')

  const digest = createHash('sha256').update(bytes.subarray(0, contentsStart)).update(bytes.subarray(contentsEnd)).digest()
  const cms = buildCadesDetached(credentials, digest)
  if (cms.length > reserved) throw new AppError('INTERNO', 'La firma no cupo en el espacio reservado del PDF. No se escribió nada.')
  bytes.write(cms.toString('hex'), contentsStart + 1, 'latin1')

  // Never hand back a signature that would not verify.
  const reports = verifyPdf(bytes, options.signingTime)
  const own = reports[reports.length - 1]
  if (!own?.intact || !own.coversWholeDocument) throw new AppError('INTERNO', 'La firma recién creada no pasó la verificación. No se escribió nada.')
  return bytes
}

function openForSigning(pdf: Buffer): PdfDocument {
  if (!pdf.subarray(0, 1024).includes('%PDF-')) throw new AppError('VALIDACION', 'El archivo no es un PDF.')
  let doc: PdfDocument
  try {
    doc = PdfDocument.load(pdf)
  } catch (error) {
    throw new AppError('LECTURA', `No se pudo leer la estructura del PDF (${error instanceof Error ? error.message : 'error desconocido'}).`, { cause: error })
  }
  if (doc.trailer.get('Encrypt') !== undefined) throw new AppError('REGLA', 'El PDF está cifrado; no se puede firmar.')
  return doc
}

interface Plan {
  objects: UpdateObject[]
  signatureRef: PdfRef
  /** Offsets inside the signature object's body. */
  byteRangeOffset: number
  contentsOffset: number
}

function planUpdate(doc: PdfDocument, options: SignPdfOptions & { name: string; reservedBytes: number }): Plan {
  const rootRef = doc.trailer.get('Root')
  const catalog = doc.dict(rootRef)
  const pages = doc.pages()
  const pageRef = pages[pages.length - 1]
  if (!(rootRef instanceof PdfRef) || !catalog || !pageRef) throw new AppError('LECTURA', 'El PDF no tiene catálogo o páginas legibles.')
  const page = doc.dict(pageRef) as PdfDict

  let next = doc.size
  const allocate = (): PdfRef => new PdfRef(next++, 0)
  const signatureRef = allocate()
  const widgetRef = allocate()
  const appearanceRef = allocate()
  const changed: { ref: PdfRef; value: PdfDict }[] = []

  // The form: a new version of an indirect one, or a new object replacing an inline one.
  let newCatalog: PdfDict | undefined
  const formValue = catalog.get('AcroForm')
  const form = (doc.dict(formValue) ?? new PdfDict()).clone()
  const fields = [...(doc.array(form.get('Fields')) ?? [])]
  const fieldName = uniqueFieldName(doc, fields)
  form.set('Fields', [...fields, widgetRef])
  const flags = form.get('SigFlags')
  form.set('SigFlags', num((flags instanceof PdfNumber ? flags.value : 0) | 3))
  let formRef: PdfRef
  if (formValue instanceof PdfRef) {
    formRef = formValue
  } else {
    formRef = allocate()
    newCatalog = catalog.clone()
    newCatalog.set('AcroForm', formRef)
  }
  changed.push({ ref: formRef, value: form })

  // PAdES for PDF 1.7 declares the ETSI extension (ISO 32000-1 §7.12, ETSI EN 319 142-1 §5.2).
  const version = catalog.get('Version')
  const pdfVersion = Number(version instanceof PdfName ? version.name : doc.headerVersion)
  const extensions = doc.dict(catalog.get('Extensions'))
  if (pdfVersion < 2 && !extensions?.get('ESIC')) {
    newCatalog ??= catalog.clone()
    const updated = (extensions ?? new PdfDict()).clone()
    updated.set('ESIC', dict({ BaseVersion: name('1.7'), ExtensionLevel: num(2) }))
    newCatalog.set('Extensions', updated)
  }
  if (newCatalog) changed.push({ ref: rootRef, value: newCatalog })

  const newPage = page.clone()
  newPage.set('Annots', [...(doc.array(page.get('Annots')) ?? []), widgetRef])
  // The form's object may be the page itself only in broken files; never write one number twice.
  if (!changed.some((item) => item.ref.num === pageRef.num)) changed.push({ ref: pageRef, value: newPage })

  const widget = dict({
    Type: name('Annot'),
    Subtype: name('Widget'),
    FT: name('Sig'),
    T: textString(fieldName),
    V: signatureRef,
    F: num(132), // Print + Locked
    Rect: [num(0), num(0), num(0), num(0)],
    P: pageRef,
    AP: dict({ N: appearanceRef }),
  })

  // The signature dictionary, written by hand around two fixed-width placeholders.
  const head = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange `
  const middle = `${' '.repeat(BYTE_RANGE_WIDTH)} /Contents `
  const contents = `<${'0'.repeat(options.reservedBytes * 2)}>`
  const tailEntries = new PdfDict()
  tailEntries.set('M', new PdfString(Buffer.from(pdfDate(options.signingTime), 'latin1'), false))
  tailEntries.set('Name', textString(options.name))
  if (options.reason) tailEntries.set('Reason', textString(options.reason))
  if (options.location) tailEntries.set('Location', textString(options.location))
  if (options.contactInfo) tailEntries.set('ContactInfo', textString(options.contactInfo))
  tailEntries.set('Prop_Build', dict({ App: dict({ Name: name('Secretariado') }) }))
  const tail = ` ${serialize(tailEntries).slice(3)}` // reuse the entries, drop the opening "<< "
  const signatureBody = Buffer.from(head + middle + contents + tail, 'latin1')

  const objects: UpdateObject[] = [
    { ref: signatureRef, body: signatureBody },
    { ref: widgetRef, body: body(widget) },
    { ref: appearanceRef, body: Buffer.from(`${serialize(dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [num(0), num(0), num(0), num(0)], Length: num(0) }))}\nstream\n\nendstream`, 'latin1') },
    ...changed.map((item) => ({ ref: item.ref, body: body(item.value) })),
  ]
  return { objects, signatureRef, byteRangeOffset: head.length, contentsOffset: head.length + middle.length }
}

function body(value: PdfValue): Buffer {
  return Buffer.from(serialize(value), 'latin1')
}

/** "Firma 1", "Firma 2", … skipping names already used by the form's fields. */
function uniqueFieldName(doc: PdfDocument, fields: PdfValue[]): string {
  const used = new Set<string>()
  for (const field of fields) {
    const title = decodeTextString(doc.dict(field)?.get('T'))
    if (title) used.add(title)
  }
  let n = 1
  while (used.has(`Firma ${n}`)) n++
  return `Firma ${n}`
}
