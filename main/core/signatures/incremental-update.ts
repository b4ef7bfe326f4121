/**
 * Appends an incremental update (ISO 32000-1 §7.5.6): new and changed objects,
 * then a cross-reference section listing exactly those objects at their exact
 * byte offsets, then a trailer whose /Prev points to the previous section.
 * The original bytes are left untouched, so earlier signatures stay valid.
 *
 * The section matches the kind the file already uses: a classic table after a
 * table, an (uncompressed) cross-reference stream after a stream.
 */
import type { PdfDocument } from './pdf-document'
import { PdfDict, PdfName, PdfNumber, PdfRef, num, serialize, type PdfValue } from './pdf-syntax'

export interface UpdateObject {
  ref: PdfRef
  /** The serialized value (and stream, if any), without `N G obj` and `endobj`. */
  body: Buffer
}

export interface WrittenUpdate {
  bytes: Buffer
  /** Where each object's body begins in `bytes`. */
  bodyOffsets: Map<number, number>
}

/** Keys a new trailer carries over; everything else describes the previous section only. */
const TRAILER_KEYS = ['Root', 'Info', 'ID', 'Encrypt']

export function appendIncrementalUpdate(original: Buffer, doc: PdfDocument, objects: UpdateObject[]): WrittenUpdate {
  const parts: Buffer[] = [original]
  let position = original.length
  const last = original[original.length - 1]
  if (last !== 0x0a && last !== 0x0d) {
    parts.push(Buffer.from('\n'))
    position++
  }

  const entries: { num: number; gen: number; offset: number }[] = []
  const bodyOffsets = new Map<number, number>()
  for (const object of objects) {
    const header = Buffer.from(`${object.ref.num} ${object.ref.gen} obj\n`, 'latin1')
    const chunk = Buffer.concat([header, object.body, Buffer.from('\nendobj\n', 'latin1')])
    entries.push({ num: object.ref.num, gen: object.ref.gen, offset: position })
    bodyOffsets.set(object.ref.num, position + header.length)
    parts.push(chunk)
    position += chunk.length
  }

  const xrefOffset = position
  const trailer = new PdfDict()
  for (const key of TRAILER_KEYS) {
    const value = doc.trailer.get(key)
    if (value !== undefined) trailer.set(key, value)
  }
  const highest = Math.max(doc.size - 1, ...entries.map((entry) => entry.num))

  if (doc.lastXrefKind === 'table') {
    trailer.set('Size', num(highest + 1))
    trailer.set('Prev', num(doc.lastXrefOffset))
    const lines = ['xref']
    for (const group of consecutiveGroups(entries)) {
      lines.push(`${group[0]?.num ?? 0} ${group.length}`)
      // Each entry is exactly 20 bytes, its end of line included.
      for (const entry of group) lines.push(`${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n `)
    }
    lines.push('trailer', serialize(trailer), 'startxref', String(xrefOffset), '%%EOF', '')
    parts.push(Buffer.from(lines.join('\n'), 'latin1'))
  } else {
    const streamNum = highest + 1
    entries.push({ num: streamNum, gen: 0, offset: xrefOffset })
    const offsetWidth = Math.max(4, Math.ceil(Math.log2(xrefOffset + 1) / 8))
    const rows: Buffer[] = []
    for (const entry of [...entries].sort((a, b) => a.num - b.num)) {
      const row = Buffer.alloc(1 + offsetWidth + 2)
      row[0] = 1
      row.writeUIntBE(entry.offset, 1, offsetWidth)
      row.writeUInt16BE(entry.gen, 1 + offsetWidth)
      rows.push(row)
    }
    const data = Buffer.concat(rows)
    const index: PdfValue[] = []
    for (const group of consecutiveGroups(entries)) index.push(num(group[0]?.num ?? 0), num(group.length))
    trailer.set('Type', new PdfName('XRef'))
    trailer.set('Size', num(streamNum + 1))
    trailer.set('Index', index)
    trailer.set('W', [num(1), num(offsetWidth), num(2)])
    trailer.set('Prev', num(doc.lastXrefOffset))
    trailer.set('Length', new PdfNumber(data.length, String(data.length)))
    parts.push(
      Buffer.from(`${streamNum} 0 obj\n${serialize(trailer)}\nstream\n`, 'latin1'),
      data,
      Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
    )
  }
  return { bytes: Buffer.concat(parts), bodyOffsets }
}

function consecutiveGroups<T extends { num: number }>(entries: T[]): T[][] {
  const sorted = [...entries].sort((a, b) => a.num - b.num)
  const groups: T[][] = []
  for (const entry of sorted) {
    const group = groups[groups.length - 1]
    const previous = group?.[group.length - 1]
    if (group && previous && previous.num + 1 === entry.num) group.push(entry)
    else groups.push([entry])
  }
  return groups
}
