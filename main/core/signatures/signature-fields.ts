/**
 * Opening a PDF that is to be signed or checked, and listing its top-level
 * signature fields by name: what the signer's side of the app and the
 * command line both show before a reserved field is signed.
 */
import { AppError } from '../errors'
import { PdfDocument } from './pdf-document'
import { decodeTextString, PdfName } from './pdf-syntax'

/** Most fields listed: far above any acta's signers, so a hostile form stays cheap. */
const MAX_FIELDS = 500

export interface SignatureField {
  /** Its name (/T), by which a signature fills it. */
  field: string
  /** Its description (/TU), or the name. */
  label: string
  signed: boolean
}

/** The PDF's structure, or a Spanish refusal (not a PDF, unreadable). */
export function openPdfDocument(bytes: Buffer): PdfDocument {
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw new AppError('VALIDACION', 'El archivo no es un PDF.')
  try {
    return PdfDocument.load(bytes)
  } catch (error) {
    throw new AppError('LECTURA', `No se pudo leer la estructura del PDF (${error instanceof Error ? error.message : 'error desconocido'}).`, { cause: error })
  }
}

/** The named top-level signature fields of the form, in its order. */
export function signatureFieldsOf(doc: PdfDocument): SignatureField[] {
  const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm'))
  const fields: SignatureField[] = []
  for (const value of (doc.array(form?.get('Fields')) ?? []).slice(0, MAX_FIELDS)) {
    const field = doc.dict(value)
    const type = field?.get('FT')
    const name = decodeTextString(field?.get('T'))
    if (!field || !(type instanceof PdfName) || type.name !== 'Sig' || !name) continue
    fields.push({ field: name, label: decodeTextString(field.get('TU')) ?? name, signed: field.get('V') !== undefined })
  }
  return fields
}
