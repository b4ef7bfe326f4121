/**
 * What changed in a PDF after each of its signatures. A signature covers the
 * bytes of one revision; later incremental updates are outside it, and an
 * update can make a reader show something other than what was signed (a box
 * painted over page 1, a redefined content stream, an annotation, a page, an
 * object swapped for one prepared before signing) while the signed bytes stay
 * intact. So the document as it was signed is rebuilt from those bytes and
 * compared, object by object, with the document as a reader sees it now.
 *
 * What a later signature legitimately adds is allowed: its value in a
 * signature field (a new one, or one reserved for it), that field's widget and
 * appearance, the form's field list and /SigFlags, validation data (DSS), the
 * document information and XMP metadata. Anything else is described in
 * Spanish, the way a person would say it.
 */
import { PdfDocument } from './pdf-document'
import { decodeTextString, PdfDict, PdfName, PdfNumber, PdfRef, PdfString, type PdfValue } from './pdf-syntax'

/** A signature as found in the final document. */
export interface SignatureInDocument {
  /** Where the bytes it covers end. */
  end: number
  /** The field (merged with its widget) whose /V it is. */
  fieldNum: number | null
  /** The signature dictionary's object number. */
  valueNum: number | null
  name: string | null
}

type Role =
  | { kind: 'catalog' }
  | { kind: 'pages' }
  | { kind: 'page'; page: number }
  | { kind: 'content'; page: number }
  | { kind: 'resources'; page: number }
  | { kind: 'annots'; page: number }
  | { kind: 'annotation'; page: number }
  | { kind: 'form' }
  | { kind: 'field'; name: string }
  | { kind: 'signature'; name: string }
  | { kind: 'entry'; key: string }
  | { kind: 'info' }
  | { kind: 'metadata' }

/** Catalog entries a later signature may change. */
const CATALOG_ALLOWED = new Set(['AcroForm', 'DSS', 'Extensions', 'Metadata'])
/** Form entries a later signature may change (besides adding its field to /Fields). */
const FORM_ALLOWED = new Set(['Fields', 'SigFlags', 'DA', 'DR'])
/** What filling a reserved signature field changes in its field and widget. */
const FILLED_FIELD_ALLOWED = new Set(['V', 'AP'])
const PAGE_GEOMETRY = new Set(['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'UserUnit'])
/** Most objects followed when mapping what each object is for (a hostile file cannot make this unbounded). */
const MAX_MAPPED_OBJECTS = 200_000
/** Most descriptions listed per signature; the rest are counted. */
const MAX_CHANGES = 12

/** The signatures of a document: their fields, values and where their coverage ends. */
export function signaturesIn(doc: PdfDocument): SignatureInDocument[] {
  const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm'))
  const result: SignatureInDocument[] = []
  const seen = new Set<number>()
  const walk = (node: PdfValue, parentName: string | null, inheritedType: string | undefined, depth: number): void => {
    if (depth > 32 || (node instanceof PdfRef && seen.has(node.num))) return
    if (node instanceof PdfRef) seen.add(node.num)
    const field = doc.dict(node)
    if (!field) return
    const title = decodeTextString(field.get('T'))
    const fullName = title === undefined ? parentName : parentName ? `${parentName}.${title}` : title
    const typeValue = field.get('FT')
    const type = typeValue instanceof PdfName ? typeValue.name : inheritedType
    const kids = doc.array(field.get('Kids'))
    if (kids) for (const kid of kids) walk(kid, fullName, type, depth + 1)
    const valueRef = field.get('V')
    const value = doc.dict(valueRef)
    if (type !== 'Sig' || !value || kids?.length) return
    const range = value.get('ByteRange')
    const numbers = Array.isArray(range) ? range.map((item) => (item instanceof PdfNumber ? item.value : Number.NaN)) : []
    const end = numbers.length === 4 ? (numbers[2] as number) + (numbers[3] as number) : Number.NaN
    if (!Number.isFinite(end)) return
    result.push({ end, fieldNum: node instanceof PdfRef ? node.num : null, valueNum: valueRef instanceof PdfRef ? valueRef.num : null, name: fullName })
  }
  for (const field of doc.array(form?.get('Fields')) ?? []) walk(field, null, undefined, 0)
  return result
}

/**
 * For each signature end (as given), what changed after it. `final` is the
 * document as a reader sees it; `pdf` its bytes. Only signatures that
 * verified (`verifiedEnds`) may explain a change: a fake /V with a made-up
 * /ByteRange explains nothing.
 */
export function changesAfter(pdf: Buffer, final: PdfDocument, ends: readonly number[], verifiedEnds: ReadonlySet<number>): string[][] {
  const signatures = signaturesIn(final).filter((signature) => verifiedEnds.has(signature.end) && signature.end <= pdf.length)
  const lastEnd = Math.max(0, ...signatures.map((signature) => signature.end))
  const tails = new Map<number, string[]>()
  /** An update after the last signature that adds nothing but validation data is fine; any other is reported. */
  const tailAfter = (from: number): string[] => {
    if (from >= pdf.length || /^[\s\0]*$/.test(pdf.toString('latin1', from))) return []
    let found = tails.get(from)
    if (!found) {
      found = validationDataOnly(pdf, final, from)
      tails.set(from, found)
    }
    return found
  }
  const byEnd = new Map<number, string[]>()
  return ends.map((end) => {
    const known = byEnd.get(end)
    if (known) return [...known]
    let result: string[]
    try {
      const signed = PdfDocument.load(pdf.subarray(0, end))
      const later = signatures.filter((signature) => signature.end > end)
      result = summarize([...compareRevisions(signed, final, later), ...tailAfter(Math.max(end, lastEnd))])
    } catch {
      result = ['No se pudo reconstruir el documento tal como se firmó; no se puede saber qué cambió después.']
    }
    byEnd.set(end, result)
    return [...result]
  })
}

/**
 * What an unsigned update after `end` changes beyond validation data (DSS):
 * the catalog may gain or change /DSS and nothing else; new objects must be
 * reachable from the DSS alone; nothing that existed may change.
 */
function validationDataOnly(pdf: Buffer, final: PdfDocument, end: number): string[] {
  let signed: PdfDocument
  try {
    signed = PdfDocument.load(pdf.subarray(0, end))
  } catch {
    return ['Después de la última firma se agregaron datos que no forman una actualización legible.']
  }
  const rootBefore = signed.trailer.get('Root')
  const rootNow = final.trailer.get('Root')
  if (!valuesEqual(rootBefore, rootNow)) return ['Se reemplazó el catálogo del documento.']
  const catalogBefore = signed.dict(rootBefore)
  const catalogNow = final.dict(rootNow)
  if (!catalogBefore || !catalogNow) return ['No se pudo leer el catálogo del documento.']
  const keys = differingKeys(catalogBefore, catalogNow)
  if (keys.length !== 1 || keys[0] !== 'DSS') return ['Después de la última firma se agregó una actualización que no lleva firma.']
  const fromDss = reachableNew(final, signed, catalogNow.get('DSS'), [])
  const rootNum = rootNow instanceof PdfRef ? rootNow.num : -1
  for (const num of final.entries.keys()) {
    if (!final.inUse(num) || num === rootNum) continue
    if (signed.inUse(num) ? !sameDefinition(signed, final, num) : !fromDss.has(num) && !isStructural(final, num)) {
      return ['Después de la última firma se agregó una actualización que no lleva firma.']
    }
  }
  for (const num of signed.entries.keys()) if (signed.inUse(num) && !final.inUse(num)) return ['Después de la última firma se agregó una actualización que no lleva firma.']
  return []
}

function summarize(changes: string[]): string[] {
  const unique = [...new Set(changes)]
  if (unique.length <= MAX_CHANGES) return unique
  return [...unique.slice(0, MAX_CHANGES), `… y ${unique.length - MAX_CHANGES} cambios más.`]
}

/** What differs between the signed document and the final one, once what later signatures add is set aside. */
function compareRevisions(signed: PdfDocument, final: PdfDocument, later: readonly SignatureInDocument[]): string[] {
  const changes: string[] = []
  const laterFields = new Map<number, SignatureInDocument>()
  const laterValues = new Set<number>()
  for (const signature of later) {
    if (signature.fieldNum !== null) laterFields.set(signature.fieldNum, signature)
    if (signature.valueNum !== null) laterValues.add(signature.valueNum)
  }

  const candidates = new Set<number>()
  for (const num of signed.entries.keys()) if (signed.inUse(num) && !sameDefinition(signed, final, num)) candidates.add(num)
  for (const num of final.entries.keys()) if (final.inUse(num) && !signed.inUse(num)) candidates.add(num)
  if (candidates.size === 0 && valuesEqual(signed.trailer.get('Root'), final.trailer.get('Root'))) return changes

  const finalRoot = final.trailer.get('Root')
  const signedRoot = signed.trailer.get('Root')
  if (!valuesEqual(signedRoot, finalRoot)) changes.push('Se reemplazó el catálogo del documento.')
  if (final.trailer.get('Encrypt') !== undefined && signed.trailer.get('Encrypt') === undefined) changes.push('Se cifró el documento.')

  const signedRoles = lazyRoles(signed)
  const finalRoles = lazyRoles(final)
  const catalogNum = finalRoot instanceof PdfRef ? finalRoot.num : -1
  const formRef = final.dict(finalRoot)?.get('AcroForm')
  const formNum = formRef instanceof PdfRef ? formRef.num : -1
  changes.push(...movedPointers(signed, final))
  const allowedNew = allowedNewObjects(final, later, signed)
  const placement = new WidgetPlacement(signed, laterFields)
  let unexplained = 0

  for (const num of [...candidates].sort((a, b) => a - b)) {
    const existed = signed.inUse(num)
    const exists = final.inUse(num)
    // A container (cross-reference or object stream) is compared through what it holds, unless it is more than a container.
    if (exists && isStructural(final, num) && (!existed || isStructural(signed, num)) && !finalRoles().has(num) && !signedRoles().has(num)) continue
    if (existed && !exists) {
      changes.push(`Se eliminó ${describeRole(signedRoles().get(num), num, 'removed')}.`)
      continue
    }
    if (!existed) {
      if (allowedNew.has(num)) continue
      const role = finalRoles().get(num)
      if ((role?.kind === 'info' || role?.kind === 'metadata') && isMetadataOf(final, num, role.kind)) continue
      if (role) changes.push(`${capitalize(describeRole(role, num, 'added'))}.`)
      else unexplained++
      continue
    }
    const signedRole = signedRoles().get(num)
    // The document information and the XMP metadata may change with a signature; an object that is also something else may not.
    if ((signedRole?.kind === 'info' || signedRole?.kind === 'metadata') && isMetadataOf(final, num, signedRole.kind)) continue
    const before = signed.getObject(num)
    const after = final.getObject(num)
    if (num === catalogNum && before instanceof PdfDict && after instanceof PdfDict) {
      changes.push(...compareCatalog(signed, final, before, after, laterFields))
    } else if (num === formNum && before instanceof PdfDict && after instanceof PdfDict) {
      changes.push(...compareForm(signed, final, before, after, laterFields))
    } else if (laterFields.has(num) && before instanceof PdfDict && after instanceof PdfDict) {
      changes.push(...compareFilledField(before, after, laterFields.get(num)?.name ?? null))
    } else {
      const role = signedRoles().get(num)
      if (role?.kind === 'page' && before instanceof PdfDict && after instanceof PdfDict) {
        changes.push(...comparePage(signed, final, before, after, role.page, placement))
      } else if (role?.kind === 'annots') {
        changes.push(...placement.compare(arrayOf(before), arrayOf(after), role.page))
      } else {
        changes.push(`${capitalize(describeRole(role, num, 'changed'))}.`)
      }
    }
  }
  changes.push(...visibleNewSignatures(signed, final, later))
  if (unexplained > 0) {
    changes.push(unexplained === 1 ? 'Se agregó un objeto que ninguna firma posterior explica.' : `Se agregaron ${unexplained} objetos que ninguna firma posterior explica.`)
  }
  const pagesBefore = signed.pages().length
  const pagesAfter = final.pages().length
  if (pagesBefore !== pagesAfter) changes.push(`El documento tenía ${pages(pagesBefore)} y ahora tiene ${pages(pagesAfter)}.`)
  return changes
}

/**
 * A later signature may add a field of its own only if it is invisible: a
 * visible one could cover what was signed. Reserved fields keep the box the
 * signed document gave them (compareFilledField refuses another /Rect).
 */
function visibleNewSignatures(signed: PdfDocument, final: PdfDocument, later: readonly SignatureInDocument[]): string[] {
  const changes: string[] = []
  const pageRefs = final.pages()
  for (const signature of later) {
    if (signature.fieldNum === null || signed.inUse(signature.fieldNum)) continue
    const field = final.dict(new PdfRef(signature.fieldNum, 0))
    // Numbers given by reference are read like any reader would; a box that cannot be read counts as visible.
    const rect = (final.array(field?.get('Rect')) ?? []).map((value) => final.resolve(value))
    const numbers = rect.map((value) => (value instanceof PdfNumber ? value.value : Number.NaN))
    const readable = numbers.length === 4 && numbers.every((value) => Number.isFinite(value))
    const area = readable ? Math.abs(((numbers[2] as number) - (numbers[0] as number)) * ((numbers[3] as number) - (numbers[1] as number))) : Number.POSITIVE_INFINITY
    if (area <= 1) continue
    const pageRef = field?.get('P')
    const index = pageRef instanceof PdfRef ? pageRefs.findIndex((ref) => ref.num === pageRef.num) : -1
    const where = index >= 0 ? ` en la página ${index + 1}` : ''
    changes.push(`Se agregó una firma visible («${signature.name ?? 'sin nombre'}») fuera de los espacios reservados${where}; puede tapar lo que estaba firmado.`)
  }
  return changes
}

const pages = (count: number): string => (count === 1 ? '1 página' : `${count} páginas`)
const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** Cross-reference streams and object streams are containers, compared through the objects they hold. */
function isStructural(doc: PdfDocument, num: number): boolean {
  const value = doc.getObject(num)
  const type = value instanceof PdfDict ? value.get('Type') : undefined
  return type instanceof PdfName && (type.name === 'XRef' || type.name === 'ObjStm')
}

/** Both documents read the object from the same bytes. */
function sameDefinition(a: PdfDocument, b: PdfDocument, num: number): boolean {
  const x = a.entries.get(num)
  const y = b.entries.get(num)
  if (!x || !y || x.kind !== y.kind) return objectsEqual(a, b, num)
  if (x.kind === 'offset' && y.kind === 'offset') return (x.offset === y.offset && x.gen === y.gen) || objectsEqual(a, b, num)
  if (x.kind === 'compressed' && y.kind === 'compressed' && x.stream === y.stream && x.index === y.index && sameDefinition(a, b, x.stream)) return true
  return objectsEqual(a, b, num)
}

function objectsEqual(a: PdfDocument, b: PdfDocument, num: number): boolean {
  if (a.generationOf(num) !== b.generationOf(num)) return false
  if (!valuesEqual(a.getObject(num), b.getObject(num))) return false
  const x = a.streamData(num)
  const y = b.streamData(num)
  return x === undefined ? y === undefined : y !== undefined && x.equals(y)
}

/** Structural equality; references are equal when they name the same object (its content is compared on its own). */
export function valuesEqual(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a === null || b === null || typeof a === 'boolean' || typeof b === 'boolean') return false
  if (a instanceof PdfNumber) return b instanceof PdfNumber && a.value === b.value
  if (a instanceof PdfName) return b instanceof PdfName && a.name === b.name
  if (a instanceof PdfString) return b instanceof PdfString && a.bytes.equals(b.bytes)
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => valuesEqual(item, b[index]))
  if (!(b instanceof PdfDict) || Array.isArray(b)) return false
  if (a.entries.size !== b.entries.size) return false
  for (const [key, value] of a.entries) if (!valuesEqual(value, b.get(key))) return false
  return true
}

function differingKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()])
  return [...keys].filter((key) => !valuesEqual(a.get(key), b.get(key)))
}

/** New objects a later signature brings: its value, a new field, and what its widget's appearance uses; validation data. */
function allowedNewObjects(final: PdfDocument, later: readonly SignatureInDocument[], signed: PdfDocument): Set<number> {
  const allowed = new Set<number>()
  for (const signature of later) {
    if (signature.valueNum !== null) allowed.add(signature.valueNum)
    if (signature.fieldNum === null) continue
    if (!signed.inUse(signature.fieldNum)) allowed.add(signature.fieldNum)
    reachableNew(final, signed, final.dict(new PdfRef(signature.fieldNum, 0))?.get('AP'), [], allowed)
  }
  reachableNew(final, signed, final.dict(final.trailer.get('Root'))?.get('DSS'), [], allowed)
  return allowed
}

/** The objects new in `final` reachable from a value (an existing object that changed is judged on its own). */
function reachableNew(final: PdfDocument, signed: PdfDocument, start: PdfValue | undefined, skipKeys: readonly string[], into = new Set<number>()): Set<number> {
  const stack: PdfValue[] = start === undefined ? [] : [start]
  while (stack.length > 0 && into.size <= MAX_MAPPED_OBJECTS) {
    const value = stack.pop() as PdfValue
    if (value instanceof PdfRef) {
      if (into.has(value.num) || signed.inUse(value.num)) continue
      into.add(value.num)
      stack.push(final.getObject(value.num))
    } else if (Array.isArray(value)) {
      stack.push(...value)
    } else if (value instanceof PdfDict) {
      for (const [key, item] of value.entries) if (key !== 'P' && key !== 'Parent' && !skipKeys.includes(key)) stack.push(item)
    }
  }
  return into
}

function compareCatalog(signed: PdfDocument, final: PdfDocument, before: PdfDict, after: PdfDict, laterFields: Map<number, SignatureInDocument>): string[] {
  const changes: string[] = []
  for (const key of differingKeys(before, after)) {
    if (key === 'AcroForm') {
      const a = signed.dict(before.get('AcroForm'))
      const b = final.dict(after.get('AcroForm'))
      // An inline form moved into its own object (or changed inline) is judged as a form.
      if (b) changes.push(...compareForm(signed, final, a ?? new PdfDict(), b, laterFields))
      else changes.push('Se quitó el formulario del documento.')
    } else if (CATALOG_ALLOWED.has(key)) {
      continue
    } else if (key === 'OCProperties') {
      changes.push('Se cambió la visibilidad de las capas del documento (contenido opcional).')
    } else if (key === 'Pages') {
      changes.push('Se reemplazó el árbol de páginas del documento.')
    } else if (key === 'OpenAction' || key === 'AA') {
      changes.push('Se agregó o cambió una acción que se ejecuta al abrir el documento.')
    } else if (key === 'Perms') {
      changes.push('Se cambiaron los permisos de certificación del documento.')
    } else if (key === 'Names') {
      changes.push('Se cambiaron los nombres del documento (acciones, destinos o archivos incrustados).')
    } else {
      changes.push(`Se cambió el catálogo del documento (/${key}).`)
    }
  }
  return changes
}

function compareForm(signed: PdfDocument, final: PdfDocument, before: PdfDict, after: PdfDict, laterFields: Map<number, SignatureInDocument>): string[] {
  const changes: string[] = []
  for (const key of differingKeys(before, after)) {
    if (key === 'Fields') {
      const a = signed.array(before.get('Fields')) ?? []
      const b = final.array(after.get('Fields')) ?? []
      if (a.some((old) => !b.some((item) => valuesEqual(old, item)))) changes.push('Se quitó un campo del formulario del documento.')
      const added = b.filter((item) => !a.some((old) => valuesEqual(old, item)))
      if (added.some((item) => !(item instanceof PdfRef) || !laterFields.has(item.num) || signed.inUse(item.num))) changes.push('Se agregó al formulario un campo que no es una firma.')
    } else if (!FORM_ALLOWED.has(key)) {
      changes.push(`Se cambió el formulario del documento (/${key}).`)
    }
  }
  return changes
}

function compareFilledField(before: PdfDict, after: PdfDict, fieldName: string | null): string[] {
  const label = fieldName ? `«${fieldName}»` : 'de firma'
  if (before.get('V') !== undefined && before.get('V') !== null) return [`Se cambió la firma del campo ${label}.`]
  const others = differingKeys(before, after).filter((key) => !FILLED_FIELD_ALLOWED.has(key))
  return others.length > 0 ? [`Se cambió el campo de firma ${label} (${others.map((key) => `/${key}`).join(', ')}).`] : []
}

function comparePage(signed: PdfDocument, final: PdfDocument, before: PdfDict, after: PdfDict, page: number, placement: WidgetPlacement): string[] {
  const changes: string[] = []
  for (const key of differingKeys(before, after)) {
    if (key === 'Annots') {
      changes.push(...placement.compare(arrayOf(signed.resolve(before.get('Annots'))), arrayOf(final.resolve(after.get('Annots'))), page))
    } else if (key === 'Contents') {
      changes.push(`Se cambió el contenido de la página ${page}.`)
    } else if (key === 'Resources') {
      changes.push(`Se cambiaron los recursos (fuentes, imágenes o dibujos) de la página ${page}.`)
    } else if (PAGE_GEOMETRY.has(key)) {
      changes.push(`Se cambió el tamaño o la orientación de la página ${page}.`)
    } else {
      changes.push(`Se cambió la página ${page} (/${key}).`)
    }
  }
  return changes
}

const arrayOf = (value: PdfValue | undefined): PdfValue[] => (Array.isArray(value) ? value : [])

/**
 * Where later signatures' widgets may appear: a new field on one page,
 * once; a reserved field only where the signed document had it. Any other
 * entry added to or removed from a page's annotations is a change, direct
 * dictionaries included.
 */
class WidgetPlacement {
  private readonly placed = new Map<number, number>()
  constructor(
    private readonly signed: PdfDocument,
    private readonly laterFields: ReadonlyMap<number, SignatureInDocument>,
  ) {}

  compare(before: PdfValue[], after: PdfValue[], page: number): string[] {
    const changes: string[] = []
    const remaining = [...before]
    const added: PdfValue[] = []
    for (const item of after) {
      const index = remaining.findIndex((old) => valuesEqual(old, item))
      if (index >= 0) remaining.splice(index, 1)
      else added.push(item)
    }
    if (remaining.length > 0) changes.push(`Se quitó una anotación de la página ${page}.`)
    for (const item of added) {
      const field = item instanceof PdfRef ? this.laterFields.get(item.num) : undefined
      if (!field || !(item instanceof PdfRef)) {
        changes.push(`Se agregó una anotación en la página ${page}.`)
      } else if (this.signed.inUse(item.num)) {
        changes.push(`Se agregó el recuadro de firma «${field.name ?? 'sin nombre'}» a la página ${page}, donde no estaba.`)
      } else {
        const times = (this.placed.get(item.num) ?? 0) + 1
        this.placed.set(item.num, times)
        if (times > 1) changes.push(`El recuadro de la firma «${field.name ?? 'sin nombre'}» aparece en más de una página.`)
      }
    }
    return changes
  }
}

/** The trailer's /Info and the catalog's /Metadata may point to new objects, never to objects that existed with another purpose. */
function movedPointers(signed: PdfDocument, final: PdfDocument): string[] {
  const changes: string[] = []
  const moved = (before: PdfValue | undefined, after: PdfValue | undefined): boolean =>
    !valuesEqual(before, after) && after instanceof PdfRef && signed.inUse(after.num)
  if (moved(signed.trailer.get('Info'), final.trailer.get('Info'))) changes.push('La información del documento ahora apunta a otro objeto que ya existía.')
  if (moved(signed.dict(signed.trailer.get('Root'))?.get('Metadata'), final.dict(final.trailer.get('Root'))?.get('Metadata'))) {
    changes.push('Los metadatos del documento ahora apuntan a otro objeto que ya existía.')
  }
  return changes
}

/** An Info dictionary is a plain dictionary; XMP metadata is a stream /Type /Metadata /Subtype /XML. */
function isMetadataOf(doc: PdfDocument, num: number, kind: 'info' | 'metadata'): boolean {
  const value = doc.getObject(num)
  if (!(value instanceof PdfDict)) return false
  if (kind === 'info') return doc.streamData(num) === undefined
  const type = value.get('Type')
  const subtype = value.get('Subtype')
  return type instanceof PdfName && type.name === 'Metadata' && subtype instanceof PdfName && subtype.name === 'XML'
}

function describeRole(role: Role | undefined, num: number, what: 'changed' | 'added' | 'removed'): string {
  const verb = { changed: 'se cambió', added: 'se agregó', removed: '' }[what]
  const prefix = (text: string): string => (what === 'removed' ? text : `${verb} ${text}`)
  switch (role?.kind) {
    case 'page':
      return what === 'added' ? `se agregó la página ${role.page}` : prefix(`la página ${role.page}`)
    case 'content':
      return what === 'changed' ? `se cambió el contenido de la página ${role.page}` : what === "added" ? `se agregó contenido a la página ${role.page}` : `contenido de la página ${role.page}`
    case 'resources':
      return what === 'changed' ? `se cambiaron los recursos (fuentes, imágenes o dibujos) de la página ${role.page}` : prefix(`un recurso de la página ${role.page}`)
    case 'annotation':
    case 'annots':
      return what === 'added' ? `se agregó una anotación en la página ${role.page}` : prefix(`una anotación de la página ${role.page}`)
    case 'pages':
      return prefix('el árbol de páginas del documento')
    case 'catalog':
      return prefix('el catálogo del documento')
    case 'form':
      return prefix('el formulario del documento')
    case 'field':
      return prefix(`el campo «${role.name}»`)
    case 'signature':
      return prefix(`la firma del campo «${role.name}»`)
    case 'entry':
      return role.key === 'OCProperties' ? prefix('la visibilidad de las capas del documento (contenido opcional)') : prefix(`un objeto del catálogo (/${role.key})`)
    case 'info':
      return prefix('la información del documento')
    case 'metadata':
      return prefix('los metadatos del documento')
    default:
      return what === 'removed' ? `el objeto ${num} del documento` : `${verb} el objeto ${num} del documento`
  }
}

/** What each object is for, computed once and only when something changed. */
function lazyRoles(doc: PdfDocument): () => Map<number, Role> {
  let roles: Map<number, Role> | undefined
  return () => (roles ??= mapRoles(doc))
}

function mapRoles(doc: PdfDocument): Map<number, Role> {
  const roles = new Map<number, Role>()
  const assign = (value: PdfValue | undefined, role: Role): boolean => {
    if (!(value instanceof PdfRef) || roles.has(value.num) || roles.size > MAX_MAPPED_OBJECTS) return false
    roles.set(value.num, role)
    return true
  }
  /** Marks everything reachable from a value (not back up the tree) with a role, first role winning. */
  const reach = (value: PdfValue | undefined, role: Role): void => {
    const stack: PdfValue[] = value === undefined ? [] : [value]
    while (stack.length > 0 && roles.size <= MAX_MAPPED_OBJECTS) {
      const current = stack.pop() as PdfValue
      if (current instanceof PdfRef) {
        if (!assign(current, role)) continue
        stack.push(doc.getObject(current.num))
      } else if (Array.isArray(current)) {
        stack.push(...current)
      } else if (current instanceof PdfDict) {
        for (const [key, item] of current.entries) if (key !== 'P' && key !== 'Parent' && key !== 'Pg' && key !== 'StructParent') stack.push(item)
      }
    }
  }

  const rootRef = doc.trailer.get('Root')
  assign(rootRef, { kind: 'catalog' })
  const catalog = doc.dict(rootRef)
  const pageRefs = doc.pages()
  pageRefs.forEach((ref, index) => assign(ref, { kind: 'page', page: index + 1 }))
  // Intermediate nodes of the page tree.
  const walkTree = (node: PdfValue | undefined, depth: number): void => {
    if (depth > 64 || !(node instanceof PdfRef)) return
    const value = doc.dict(node)
    const kids = doc.array(value?.get('Kids'))
    if (!kids) return
    assign(node, { kind: 'pages' })
    for (const kid of kids) if (kid instanceof PdfRef && !roles.has(kid.num)) walkTree(kid, depth + 1)
  }
  walkTree(catalog?.get('Pages'), 0)
  pageRefs.forEach((ref, index) => {
    const page = index + 1
    const value = doc.dict(ref)
    if (!value) return
    const contents = value.get('Contents')
    assign(contents, { kind: 'content', page })
    for (const item of doc.array(contents) ?? []) assign(item, { kind: 'content', page })
  })
  // Fields before annotations: a signature widget is described as its field.
  const formRef = catalog?.get('AcroForm')
  assign(formRef, { kind: 'form' })
  for (const signature of signaturesIn(doc)) {
    const label = signature.name ?? 'sin nombre'
    if (signature.valueNum !== null && !roles.has(signature.valueNum)) roles.set(signature.valueNum, { kind: 'signature', name: label })
    if (signature.fieldNum !== null && !roles.has(signature.fieldNum)) roles.set(signature.fieldNum, { kind: 'field', name: label })
  }
  for (const field of doc.array(doc.dict(formRef)?.get('Fields')) ?? []) {
    reach(field, { kind: 'field', name: decodeTextString(doc.dict(field)?.get('T')) ?? 'sin nombre' })
  }
  pageRefs.forEach((ref, index) => {
    const page = index + 1
    const value = doc.dict(ref)
    const annots = value?.get('Annots')
    assign(annots, { kind: 'annots', page })
    for (const item of doc.array(annots) ?? []) reach(item, { kind: 'annotation', page })
  })
  pageRefs.forEach((ref, index) => reach(doc.dict(ref)?.get('Resources'), { kind: 'resources', page: index + 1 }))

  reach(catalog?.get('Metadata'), { kind: 'metadata' })
  reach(doc.trailer.get('Info'), { kind: 'info' })
  for (const [key, value] of catalog?.entries ?? []) if (key !== 'Pages' && key !== 'AcroForm') reach(value, { kind: 'entry', key })
  return roles
}
