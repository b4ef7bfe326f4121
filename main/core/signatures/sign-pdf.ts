/**
 * Signs a PDF as a PAdES baseline signature (SubFilter ETSI.CAdES.detached,
 * SHA-256), appended as an incremental update so earlier signatures stay valid.
 *
 * The update holds the signature dictionary (/ByteRange, /Contents, /M…) and
 * its field. A field reserved for the signer (found by name) is filled: a new
 * version of its widget with /V and a visible appearance (name, RFC, serial,
 * date, reason) drawn in its box; the page and the form's field list stay as
 * they were. Without a reserved field, a new invisible one is added (a new
 * version of the last page with the widget in /Annots). The form gets
 * /SigFlags 3. The first signature also certifies the document (DocMDP,
 * P = 2: later, only form filling and signatures are allowed) and declares
 * the ESIC extension PAdES asks of PDF 1.7, in a new version of the catalog.
 *
 * The placeholder for /Contents is sized from a dry run of the CMS, so the
 * update's offsets are exact before any byte is signed.
 */
import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import { AppError } from '../errors'
import { buildCadesDetached, UnsupportedKeyError } from './cms'
import { buildSignatureAppearance, type AppearanceLine } from './appearance'
import { assertCertificateUsable, describeSigner, type SignerCredentials } from './credentials'
import { appendIncrementalUpdate, type UpdateObject } from './incremental-update'
import { pdfDate } from './pdf-date'
import type { PdfDocument } from './pdf-document'
import { openPdfDocument } from './signature-fields'
import { decodeTextString, dict, name, num, PdfDict, PdfName, PdfNumber, PdfRef, PdfString, serialize, textString, type PdfValue } from './pdf-syntax'
import { verifyPdf } from './verify-pdf'

export interface SignPdfOptions {
  reason?: string
  location?: string
  /** The signer's name as written in the signature; defaults to the certificate's. */
  name?: string
  contactInfo?: string
  signingTime: Date
  /** The name of the reserved signature field to fill; a new field with this name is added when the document has none. */
  field?: string
  /** What the visible signature shows, when its field has a box on the page. */
  appearance?: AppearanceLine[]
  /** Where the appearance's fonts are (defaults to the app's). */
  fontsDir?: string
  /** Certify the document with DocMDP (P = 2) when this is its first signature; on by default. */
  certify?: boolean
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
  const doc = openPdfDocument(pdf)
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
  const lastPage = pages[pages.length - 1]
  if (!(rootRef instanceof PdfRef) || !catalog || !lastPage) throw new AppError('LECTURA', 'El PDF no tiene catálogo o páginas legibles.')

  let next = doc.size
  const allocate = (): PdfRef => new PdfRef(next++, 0)
  const signatureRef = allocate()
  const appearanceRef = allocate()
  const changed: { ref: PdfRef; value: PdfDict }[] = []
  const change = (ref: PdfRef, value: PdfDict): void => {
    // Never write one number twice (possible only in broken files).
    if (!changed.some((item) => item.ref.num === ref.num)) changed.push({ ref, value })
  }

  // The form: a new version of an indirect one, or a new object replacing an inline one.
  let newCatalog: PdfDict | undefined
  const formValue = catalog.get('AcroForm')
  const form = (doc.dict(formValue) ?? new PdfDict()).clone()
  const fields = [...(doc.array(form.get('Fields')) ?? [])]
  const signedBefore = fields.some((field) => doc.dict(doc.dict(field)?.get('V')) !== undefined && isSignatureField(doc, field))
  const reserved = options.field ? findField(doc, fields, options.field) : undefined
  if (reserved && doc.dict(reserved)?.get('V') !== undefined) throw new AppError('REGLA', `El campo de firma «${options.field}» ya está firmado.`)

  let widgetRef: PdfRef
  let widget: PdfDict
  let box = { width: 0, height: 0 }
  if (reserved) {
    widgetRef = reserved
    widget = (doc.dict(reserved) as PdfDict).clone()
    box = rectSize(doc.array(widget.get('Rect')))
  } else {
    widgetRef = allocate()
    form.set('Fields', [...fields, widgetRef])
    const page = doc.dict(lastPage) as PdfDict
    const newPage = page.clone()
    newPage.set('Annots', [...(doc.array(page.get('Annots')) ?? []), widgetRef])
    change(lastPage, newPage)
    widget = dict({
      Type: name('Annot'),
      Subtype: name('Widget'),
      FT: name('Sig'),
      T: textString(options.field ?? uniqueFieldName(doc, fields)),
      F: num(132), // Print + Locked
      Rect: [num(0), num(0), num(0), num(0)],
      P: lastPage,
    })
  }
  widget.set('V', signatureRef)
  widget.set('AP', dict({ N: appearanceRef }))

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
  // The first signature certifies: other readers then enforce the same rule the verifier applies.
  const certify = (options.certify ?? true) && !signedBefore && catalog.get('Perms') === undefined
  if (certify) {
    newCatalog ??= catalog.clone()
    newCatalog.set('Perms', dict({ DocMDP: signatureRef }))
  }
  change(widgetRef, widget)
  change(formRef, form)
  if (newCatalog) change(rootRef, newCatalog)

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
  if (certify) {
    tailEntries.set('Reference', [
      dict({ Type: name('SigRef'), TransformMethod: name('DocMDP'), TransformParams: dict({ Type: name('TransformParams'), P: num(2), V: name('1.2') }) }),
    ])
  }
  tailEntries.set('Prop_Build', dict({ App: dict({ Name: name('Secretariado') }) }))
  const tail = ` ${serialize(tailEntries).slice(3)}` // reuse the entries, drop the opening "<< "
  const signatureBody = Buffer.from(head + middle + contents + tail, 'latin1')

  const objects: UpdateObject[] = [
    { ref: signatureRef, body: signatureBody },
    { ref: appearanceRef, body: appearanceStream(box, options) },
    ...changed.map((item) => ({ ref: item.ref, body: body(item.value) })),
  ]
  return { objects, signatureRef, byteRangeOffset: head.length, contentsOffset: head.length + middle.length }
}

/** The widget's appearance: what the signature shows in its box, or an empty form for an invisible field. */
function appearanceStream(box: { width: number; height: number }, options: SignPdfOptions): Buffer {
  const visible = box.width > 1 && box.height > 1 && options.appearance !== undefined
  if (!visible) {
    const empty = dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [num(0), num(0), num(0), num(0)], Resources: new PdfDict(), Length: num(0) })
    return Buffer.from(`${serialize(empty)}\nstream\n\nendstream`, 'latin1')
  }
  const drawn = buildSignatureAppearance({ width: box.width, height: box.height, lines: options.appearance ?? [], ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}) })
  // Glyph outlines are verbose; compressed they weigh a third.
  const content = deflateSync(drawn.content)
  const streamDict = dict({
    Type: name('XObject'),
    Subtype: name('Form'),
    BBox: [num(0), num(0), num(box.width), num(box.height)],
    Resources: new PdfDict(),
    Filter: name('FlateDecode'),
    Length: num(content.length),
  })
  return Buffer.concat([Buffer.from(`${serialize(streamDict)}\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')])
}

function rectSize(rect: PdfValue[] | undefined): { width: number; height: number } {
  const values = (rect ?? []).map((value) => (value instanceof PdfNumber ? value.value : Number.NaN))
  if (values.length !== 4 || values.some((value) => !Number.isFinite(value))) return { width: 0, height: 0 }
  const [x1, y1, x2, y2] = values as [number, number, number, number]
  return { width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) }
}

function isSignatureField(doc: PdfDocument, field: PdfValue): boolean {
  const type = doc.dict(field)?.get('FT')
  return type instanceof PdfName && type.name === 'Sig'
}

/** A top-level signature field by its name (/T), as reserved on the acta's «Firmas» page. */
function findField(doc: PdfDocument, fields: PdfValue[], fieldName: string): PdfRef | undefined {
  for (const field of fields) {
    if (field instanceof PdfRef && isSignatureField(doc, field) && decodeTextString(doc.dict(field)?.get('T')) === fieldName) return field
  }
  return undefined
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
