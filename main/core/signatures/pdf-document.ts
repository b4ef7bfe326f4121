/**
 * Reads a PDF's cross-reference data (classic tables and cross-reference
 * streams, following /Prev through every incremental update) so that single
 * objects can be fetched by number. Objects inside object streams are
 * supported; encrypted documents are not (the caller refuses them).
 */
import { inflateSync } from 'node:zlib'
import { PdfDict, PdfLexer, PdfName, PdfNumber, PdfRef, PdfSyntaxError, type PdfValue } from './pdf-syntax'

export type XrefEntry =
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; stream: number; index: number }
  | { kind: 'free' }

export interface IndirectObject {
  num: number
  gen: number
  value: PdfValue
  /** Where the object's header starts and where `endobj` ends. */
  start: number
  end: number
  /** For a stream: its dictionary is `value`; the raw (still encoded) bytes are here. */
  streamData?: Buffer
}

export class PdfDocument {
  readonly entries = new Map<number, XrefEntry>()
  /** The newest trailer (for a cross-reference stream: its dictionary). */
  readonly trailer: PdfDict
  readonly lastXrefOffset: number
  readonly lastXrefKind: 'table' | 'stream'
  readonly headerVersion: string
  private readonly cache = new Map<number, PdfValue>()
  private readonly objectStreams = new Map<number, { slots: { num: number; offset: number }[]; data: Buffer }>()

  private constructor(
    readonly buf: Buffer,
    trailer: PdfDict,
    lastXrefOffset: number,
    lastXrefKind: 'table' | 'stream',
    headerVersion: string,
  ) {
    this.trailer = trailer
    this.lastXrefOffset = lastXrefOffset
    this.lastXrefKind = lastXrefKind
    this.headerVersion = headerVersion
  }

  static load(buf: Buffer): PdfDocument {
    const header = /^%PDF-(\d\.\d)/.exec(buf.toString('latin1', 0, Math.min(buf.length, 1024)).replace(/^[^%]*/, ''))
    if (!header?.[1]) throw new PdfSyntaxError('Falta el encabezado %PDF-', 0)
    const startxref = findStartXref(buf)
    const kind = buf.toString('latin1', startxref, startxref + 4) === 'xref' ? 'table' : 'stream'
    let doc: PdfDocument | undefined
    const visited = new Set<number>()
    let offset: number | undefined = startxref
    while (offset !== undefined) {
      if (visited.has(offset)) throw new PdfSyntaxError('Las tablas de referencias forman un ciclo', offset)
      visited.add(offset)
      const section = readXrefSection(buf, offset)
      doc ??= new PdfDocument(buf, section.trailer, startxref, kind, header[1])
      doc.addEntries(section.entries)
      // A hybrid file keeps part of its table in a stream; it ranks right after the table that points to it.
      const hybrid = section.trailer.get('XRefStm')
      if (hybrid instanceof PdfNumber && !visited.has(hybrid.value)) {
        visited.add(hybrid.value)
        doc.addEntries(readXrefSection(buf, hybrid.value).entries)
      }
      const prev = section.trailer.get('Prev')
      offset = prev instanceof PdfNumber ? prev.value : undefined
    }
    if (!doc) throw new PdfSyntaxError('No hay tabla de referencias', startxref)
    return doc
  }

  private addEntries(entries: Map<number, XrefEntry>): void {
    // Newer sections are read first, so an entry already present wins.
    for (const [num, entry] of entries) if (!this.entries.has(num)) this.entries.set(num, entry)
  }

  /** One past the highest object number in use (the trailer's /Size, or more if the table says so). */
  get size(): number {
    const size = this.trailer.get('Size')
    let max = size instanceof PdfNumber ? size.value : 0
    for (const num of this.entries.keys()) max = Math.max(max, num + 1)
    return max
  }

  getObject(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num) as PdfValue
    const entry = this.entries.get(num)
    let value: PdfValue = null
    if (entry?.kind === 'offset') {
      const object = this.readObjectAt(entry.offset)
      if (object.num !== num) throw new PdfSyntaxError(`La tabla de referencias apunta mal al objeto ${num}`, entry.offset)
      // An object whose header names another generation is not the one the table lists: readers find nothing.
      value = object.gen === entry.gen ? object.value : null
    } else if (entry?.kind === 'compressed') {
      value = this.readCompressed(num, entry.stream, entry.index)
    }
    this.cache.set(num, value)
    return value
  }

  /** The raw (still encoded) bytes of a stream object, or undefined for anything else. */
  streamData(num: number): Buffer | undefined {
    const entry = this.entries.get(num)
    if (entry?.kind !== 'offset') return undefined
    return this.readObjectAt(entry.offset).streamData
  }

  /** Whether an object number is in use (not free, not unknown). */
  inUse(num: number): boolean {
    const entry = this.entries.get(num)
    return entry !== undefined && entry.kind !== 'free'
  }

  /** The generation an object number is in use with (objects in object streams have 0), or null. */
  generationOf(num: number): number | null {
    const entry = this.entries.get(num)
    if (entry?.kind === 'offset') return entry.gen
    return entry?.kind === 'compressed' ? 0 : null
  }

  /** Follows references until a direct value; a reference to another generation than the one in use finds nothing (null), as in readers. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value
    for (let hops = 0; current instanceof PdfRef; hops++) {
      if (hops > 32) throw new PdfSyntaxError('Demasiadas referencias encadenadas', 0)
      current = this.generationOf(current.num) === current.gen ? this.getObject(current.num) : null
    }
    return current
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value)
    return resolved instanceof PdfDict ? resolved : undefined
  }

  array(value: PdfValue | undefined): PdfValue[] | undefined {
    const resolved = this.resolve(value)
    return Array.isArray(resolved) ? resolved : undefined
  }

  readObjectAt(offset: number): IndirectObject {
    return parseIndirectObject(this.buf, offset, (value) => {
      const resolved = value instanceof PdfRef ? this.getObject(value.num) : value
      return resolved instanceof PdfNumber ? resolved.value : undefined
    })
  }

  /** The leaf pages in document order. */
  pages(): PdfRef[] {
    const root = this.dict(this.trailer.get('Root'))
    const result: PdfRef[] = []
    const seen = new Set<number>()
    const walk = (node: PdfValue | undefined, depth: number): void => {
      if (!(node instanceof PdfRef) || seen.has(node.num) || depth > 64) return
      seen.add(node.num)
      const value = this.dict(node)
      if (!value) return
      const kids = this.array(value.get('Kids'))
      const type = value.get('Type')
      if (kids && !(type instanceof PdfName && type.name === 'Page')) {
        for (const kid of kids) walk(kid, depth + 1)
      } else {
        result.push(node)
      }
    }
    walk(root?.get('Pages'), 0)
    return result
  }

  private readCompressed(num: number, streamNum: number, index: number): PdfValue {
    let stream = this.objectStreams.get(streamNum)
    if (!stream) {
      const entry = this.entries.get(streamNum)
      if (entry?.kind !== 'offset') throw new PdfSyntaxError(`No se encuentra el flujo de objetos ${streamNum}`, 0)
      const object = this.readObjectAt(entry.offset)
      if (!(object.value instanceof PdfDict) || !object.streamData) throw new PdfSyntaxError('El flujo de objetos no es un flujo', entry.offset)
      const data = decodeStream(object.value, object.streamData)
      const count = numberOf(object.value.get('N'))
      const first = numberOf(object.value.get('First'))
      const lexer = new PdfLexer(data, 0)
      const slots: { num: number; offset: number }[] = []
      for (let i = 0; i < count; i++) {
        const objNum = lexer.readInteger()
        slots.push({ num: objNum, offset: first + lexer.readInteger() })
      }
      stream = { slots, data }
      this.objectStreams.set(streamNum, stream)
    }
    // The table names the slot; the slot must hold that object (a stream may repeat a number, the table decides which).
    const slot = stream.slots[index]
    if (slot?.num !== num) throw new PdfSyntaxError(`El objeto ${num} no está en su flujo de objetos`, 0)
    return new PdfLexer(stream.data, slot.offset).readValue()
  }
}

function numberOf(value: PdfValue | undefined): number {
  if (!(value instanceof PdfNumber)) throw new PdfSyntaxError('Se esperaba un número', 0)
  return value.value
}

function findStartXref(buf: Buffer): number {
  const tailStart = Math.max(0, buf.length - 4096)
  const at = buf.lastIndexOf('startxref', buf.length, 'latin1')
  if (at < tailStart) throw new PdfSyntaxError('Falta «startxref» al final del archivo', buf.length)
  const lexer = new PdfLexer(buf, at + 'startxref'.length)
  const offset = lexer.readInteger()
  if (offset < 0 || offset >= buf.length) throw new PdfSyntaxError('«startxref» apunta fuera del archivo', at)
  return offset
}

interface XrefSection {
  entries: Map<number, XrefEntry>
  trailer: PdfDict
}

function readXrefSection(buf: Buffer, offset: number): XrefSection {
  if (buf.toString('latin1', offset, offset + 4) === 'xref') return readXrefTable(buf, offset)
  return readXrefStream(buf, offset)
}

function readXrefTable(buf: Buffer, offset: number): XrefSection {
  const lexer = new PdfLexer(buf, offset)
  lexer.expectKeyword('xref')
  const entries = new Map<number, XrefEntry>()
  for (;;) {
    lexer.skipWhitespace()
    if (buf.toString('latin1', lexer.pos, lexer.pos + 7) === 'trailer') break
    const first = lexer.readInteger()
    const count = lexer.readInteger()
    for (let i = 0; i < count; i++) {
      const field1 = lexer.readInteger()
      const gen = lexer.readInteger()
      const at = lexer.pos
      const type = lexer.nextToken()
      if (type.kind !== 'keyword' || (type.value !== 'n' && type.value !== 'f')) throw new PdfSyntaxError('Entrada de la tabla de referencias no válida', at)
      // A section that lists a number twice: the first entry counts, as in readers.
      if (!entries.has(first + i)) entries.set(first + i, type.value === 'n' ? { kind: 'offset', offset: field1, gen } : { kind: 'free' })
    }
  }
  lexer.expectKeyword('trailer')
  const trailer = lexer.readValue()
  if (!(trailer instanceof PdfDict)) throw new PdfSyntaxError('El «trailer» no es un diccionario', lexer.pos)
  return { entries, trailer }
}

function readXrefStream(buf: Buffer, offset: number): XrefSection {
  const object = parseIndirectObject(buf, offset, (value) => (value instanceof PdfNumber ? value.value : undefined))
  const dictValue = object.value
  if (!(dictValue instanceof PdfDict) || !object.streamData) throw new PdfSyntaxError('«startxref» no apunta a una tabla de referencias', offset)
  const type = dictValue.get('Type')
  if (!(type instanceof PdfName) || type.name !== 'XRef') throw new PdfSyntaxError('«startxref» no apunta a una tabla de referencias', offset)
  const data = decodeStream(dictValue, object.streamData)
  const widths = (dictValue.get('W') as PdfValue[] | undefined)?.map(numberOf)
  if (!widths || widths.length !== 3) throw new PdfSyntaxError('/W no válido en la tabla de referencias', offset)
  const size = numberOf(dictValue.get('Size'))
  const index = ((dictValue.get('Index') as PdfValue[] | undefined) ?? [PdfNumber.of(0), PdfNumber.of(size)]).map(numberOf)
  const [w1, w2, w3] = widths as [number, number, number]
  const rowLength = w1 + w2 + w3
  const entries = new Map<number, XrefEntry>()
  let pos = 0
  const field = (width: number, fallback: number): number => {
    if (width === 0) return fallback
    let value = 0
    for (let i = 0; i < width; i++) value = value * 256 + (data[pos++] ?? 0)
    return value
  }
  for (let i = 0; i + 1 < index.length; i += 2) {
    const first = index[i] as number
    const count = index[i + 1] as number
    for (let j = 0; j < count; j++) {
      if (pos + rowLength > data.length) throw new PdfSyntaxError('La tabla de referencias está incompleta', offset)
      const type = field(w1, 1)
      const f2 = field(w2, 0)
      const f3 = field(w3, 0)
      const entry: XrefEntry =
        type === 1 ? { kind: 'offset', offset: f2, gen: f3 } : type === 2 ? { kind: 'compressed', stream: f2, index: f3 } : { kind: 'free' }
      if (!entries.has(first + j)) entries.set(first + j, entry)
    }
  }
  return { entries, trailer: dictValue }
}

/** Parses `N G obj … endobj` at an offset; for a stream, also slices its bytes. */
export function parseIndirectObject(buf: Buffer, offset: number, lengthOf: (value: PdfValue | undefined) => number | undefined): IndirectObject {
  const lexer = new PdfLexer(buf, offset)
  lexer.skipWhitespace()
  const start = lexer.pos
  const num = lexer.readInteger()
  const gen = lexer.readInteger()
  lexer.expectKeyword('obj')
  const value = lexer.readValue()
  const afterValue = lexer.pos
  lexer.skipWhitespace()
  let streamData: Buffer | undefined
  if (value instanceof PdfDict && buf.toString('latin1', lexer.pos, lexer.pos + 6) === 'stream') {
    let dataStart = lexer.pos + 6
    if (buf[dataStart] === 0x0d) dataStart++
    if (buf[dataStart] === 0x0a) dataStart++
    const declared = lengthOf(value.get('Length'))
    let dataEnd = declared !== undefined ? dataStart + declared : -1
    const endKeyword = (at: number): boolean => {
      const lex = new PdfLexer(buf, at)
      lex.skipWhitespace()
      return buf.toString('latin1', lex.pos, lex.pos + 9) === 'endstream'
    }
    if (dataEnd < dataStart || dataEnd > buf.length || !endKeyword(dataEnd)) {
      // A wrong /Length: fall back to the keyword, as readers do.
      const found = buf.indexOf('endstream', dataStart, 'latin1')
      if (found < 0) throw new PdfSyntaxError('Flujo sin «endstream»', dataStart)
      dataEnd = found
      while (dataEnd > dataStart && (buf[dataEnd - 1] === 0x0a || buf[dataEnd - 1] === 0x0d)) dataEnd--
    }
    streamData = buf.subarray(dataStart, dataEnd)
    lexer.pos = dataEnd
    lexer.expectKeyword('endstream')
  } else {
    lexer.pos = afterValue
  }
  lexer.expectKeyword('endobj')
  return { num, gen, value, start, end: lexer.pos, ...(streamData ? { streamData } : {}) }
}

/** Undoes FlateDecode (with PNG predictors), the only filter cross-reference and object streams use in practice. */
export function decodeStream(streamDict: PdfDict, raw: Buffer): Buffer {
  const filterValue = streamDict.get('Filter')
  const filters = (Array.isArray(filterValue) ? filterValue : filterValue ? [filterValue] : []).map((f) => (f instanceof PdfName ? f.name : ''))
  const parmsValue = streamDict.get('DecodeParms')
  const parmsList = Array.isArray(parmsValue) ? parmsValue : [parmsValue ?? null]
  let data = raw
  filters.forEach((filter, i) => {
    if (filter !== 'FlateDecode') throw new PdfSyntaxError(`Filtro no admitido: ${filter || '(desconocido)'}`, 0)
    data = inflateSync(data)
    const parms = parmsList[i]
    if (parms instanceof PdfDict) {
      const predictor = parms.get('Predictor')
      const p = predictor instanceof PdfNumber ? predictor.value : 1
      if (p >= 10) {
        const columns = parms.get('Columns')
        const colors = parms.get('Colors')
        const bits = parms.get('BitsPerComponent')
        const bytesPerPixel = Math.max(1, Math.ceil(((colors instanceof PdfNumber ? colors.value : 1) * (bits instanceof PdfNumber ? bits.value : 8)) / 8))
        const rowBytes = Math.ceil(((columns instanceof PdfNumber ? columns.value : 1) * (colors instanceof PdfNumber ? colors.value : 1) * (bits instanceof PdfNumber ? bits.value : 8)) / 8)
        data = undoPngPredictor(data, rowBytes, bytesPerPixel)
      } else if (p !== 1) {
        throw new PdfSyntaxError(`Predictor no admitido: ${p}`, 0)
      }
    }
  })
  return data
}

function undoPngPredictor(data: Buffer, rowBytes: number, bpp: number): Buffer {
  const rows = Math.floor(data.length / (rowBytes + 1))
  const out = Buffer.alloc(rows * rowBytes)
  for (let r = 0; r < rows; r++) {
    const filter = data[r * (rowBytes + 1)]
    const src = r * (rowBytes + 1) + 1
    const dst = r * rowBytes
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i] as number
      const left = i >= bpp ? (out[dst + i - bpp] as number) : 0
      const up = r > 0 ? (out[dst - rowBytes + i] as number) : 0
      const upLeft = r > 0 && i >= bpp ? (out[dst - rowBytes + i - bpp] as number) : 0
      let value: number
      switch (filter) {
        case 0:
          value = raw
          break
        case 1:
          value = raw + left
          break
        case 2:
          value = raw + up
          break
        case 3:
          value = raw + Math.floor((left + up) / 2)
          break
        case 4: {
          const p = left + up - upLeft
          const pa = Math.abs(p - left)
          const pb = Math.abs(p - up)
          const pc = Math.abs(p - upLeft)
          value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)
          break
        }
        default:
          throw new PdfSyntaxError(`Predictor PNG no válido: ${String(filter)}`, 0)
      }
      out[dst + i] = value & 0xff
    }
  }
  return out
}
