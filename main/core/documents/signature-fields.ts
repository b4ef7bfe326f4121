/**
 * Empty signature fields reserved on a page: each is a merged field and
 * widget dictionary (/FT /Sig) named after its signer, with an empty
 * appearance, listed in the catalogue's /AcroForm. A signature added later
 * to the field with that /T fills exactly its box.
 *
 * pdfkit 0.20 has no signature fields, so they are written with its low-level
 * objects: `doc.ref()` dictionaries, the page's /Annots array and the
 * catalogue (`_root`). pdfkit's own form support would add what an unsigned
 * archival document must not carry (NeedAppearances, a default font): the
 * catalogue's /AcroForm here holds only /Fields.
 */
import { PAGE } from './pdf-document'

export interface ReservedField {
  /** Field name (/T), e.g. `firma-mem-ab12`. */
  name: string
  /** Name shown by viewers (/TU): «Firma de …». */
  tooltip: string
  /** Box on the current page, in pdfkit's coordinates (points from the top left). */
  x: number
  top: number
  width: number
  height: number
}

/** What pdfkit keeps and these fields need, beyond its published typings. */
interface DocumentInternals {
  _root: PDFKit.PDFKitReference & { data: Record<string, unknown> }
  endAcroForm: () => unknown
}

const forms = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFKitReference[]>()

/** The catalogue's /AcroForm of `doc`, created with the first field. */
function fieldsOf(doc: PDFKit.PDFDocument): PDFKit.PDFKitReference[] {
  let fields = forms.get(doc)
  if (fields) return fields
  fields = []
  const acroForm = doc.ref({ Fields: fields })
  const internals = doc as unknown as DocumentInternals
  internals._root.data.AcroForm = acroForm
  // pdfkit writes the catalogue's /AcroForm in endAcroForm(), which expects the fonts of its own
  // form mixin; this form has none, so it is simply written.
  internals.endAcroForm = () => {
    acroForm.end(undefined)
    return doc
  }
  forms.set(doc, fields)
  return fields
}

/** Reserves an empty signature field on the current page of `doc`. */
export function reserveSignatureField(doc: PDFKit.PDFDocument, field: ReservedField): void {
  const fields = fieldsOf(doc)
  // An empty Form XObject: PDF/A requires a normal appearance for every widget.
  const appearance = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, field.width, field.height], Resources: {} })
  appearance.end(new Uint8Array(0))
  // PDF default user space has its origin at the bottom left.
  const bottom = PAGE.height - (field.top + field.height)
  const widget = doc.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: new String(field.name),
    TU: new String(field.tooltip),
    // Print.
    F: 4,
    Rect: [field.x, bottom, field.x + field.width, bottom + field.height],
    P: doc.page.dictionary,
    AP: { N: appearance },
  })
  ;(doc.page.annotations as PDFKit.PDFKitReference[]).push(widget)
  widget.end(undefined)
  fields.push(widget)
}
