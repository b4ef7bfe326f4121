/**
 * PDF object syntax (ISO 32000-1 §7.2–7.3): just enough to read the objects a
 * signature touches (catalog, page, form, signature dictionaries, cross-reference
 * streams) and to write new versions of them. Strings and streams are kept as
 * raw bytes; nothing here decrypts or interprets content.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  toString(): string {
    return `${this.num} ${this.gen} R`
  }
}

export class PdfString {
  constructor(
    readonly bytes: Buffer,
    readonly hex: boolean,
  ) {}
}

/** Numbers keep their written form so a rewritten dictionary says exactly what the original said. */
export class PdfNumber {
  constructor(
    readonly value: number,
    readonly raw: string,
  ) {}
  static of(value: number): PdfNumber {
    return new PdfNumber(value, Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, '').replace(/\.$/, ''))
  }
}

export class PdfDict {
  readonly entries = new Map<string, PdfValue>()
  get(key: string): PdfValue | undefined {
    return this.entries.get(key)
  }
  set(key: string, value: PdfValue): this {
    this.entries.set(key, value)
    return this
  }
  delete(key: string): void {
    this.entries.delete(key)
  }
  clone(): PdfDict {
    const copy = new PdfDict()
    for (const [key, value] of this.entries) copy.set(key, value)
    return copy
  }
}

export type PdfValue = null | boolean | PdfNumber | PdfName | PdfString | PdfRef | PdfDict | PdfValue[]

export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (byte ${offset})`)
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

export function isWhitespace(byte: number | undefined): boolean {
  return byte !== undefined && WHITESPACE.has(byte)
}

function isRegular(byte: number | undefined): boolean {
  return byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte)
}

type Token =
  | { kind: 'number'; value: PdfNumber }
  | { kind: 'name'; value: PdfName }
  | { kind: 'string'; value: PdfString }
  | { kind: 'keyword'; value: string }
  | { kind: 'open-dict' | 'close-dict' | 'open-array' | 'close-array' }
  | { kind: 'eof' }

/** Reads tokens and values from a buffer starting at any offset. */
export class PdfLexer {
  constructor(
    readonly buf: Buffer,
    public pos = 0,
  ) {}

  skipWhitespace(): void {
    const { buf } = this
    while (this.pos < buf.length) {
      const byte = buf[this.pos]
      if (isWhitespace(byte)) {
        this.pos++
      } else if (byte === 0x25) {
        // A comment runs to the end of the line.
        while (this.pos < buf.length && buf[this.pos] !== 0x0a && buf[this.pos] !== 0x0d) this.pos++
      } else {
        return
      }
    }
  }

  nextToken(): Token {
    this.skipWhitespace()
    const { buf } = this
    if (this.pos >= buf.length) return { kind: 'eof' }
    const start = this.pos
    const byte = buf[start]
    if (byte === 0x3c && buf[start + 1] === 0x3c) {
      this.pos += 2
      return { kind: 'open-dict' }
    }
    if (byte === 0x3e && buf[start + 1] === 0x3e) {
      this.pos += 2
      return { kind: 'close-dict' }
    }
    if (byte === 0x5b) {
      this.pos++
      return { kind: 'open-array' }
    }
    if (byte === 0x5d) {
      this.pos++
      return { kind: 'close-array' }
    }
    if (byte === 0x2f) return { kind: 'name', value: this.readName() }
    if (byte === 0x28) return { kind: 'string', value: this.readLiteralString() }
    if (byte === 0x3c) return { kind: 'string', value: this.readHexString() }
    if (!isRegular(byte)) throw new PdfSyntaxError('Carácter inesperado', start)
    while (isRegular(buf[this.pos])) this.pos++
    const word = buf.toString('latin1', start, this.pos)
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: 'number', value: new PdfNumber(Number(word), word) }
    return { kind: 'keyword', value: word }
  }

  private readName(): PdfName {
    const { buf } = this
    this.pos++
    const bytes: number[] = []
    while (isRegular(buf[this.pos])) {
      const byte = buf[this.pos] as number
      if (byte === 0x23 && /^[0-9a-fA-F]{2}$/.test(buf.toString('latin1', this.pos + 1, this.pos + 3))) {
        bytes.push(parseInt(buf.toString('latin1', this.pos + 1, this.pos + 3), 16))
        this.pos += 3
      } else {
        bytes.push(byte)
        this.pos++
      }
    }
    return new PdfName(Buffer.from(bytes).toString('latin1'))
  }

  private readLiteralString(): PdfString {
    const { buf } = this
    const start = this.pos
    this.pos++
    const out: number[] = []
    let depth = 1
    while (this.pos < buf.length) {
      const byte = buf[this.pos++] as number
      if (byte === 0x5c) {
        const next = buf[this.pos++]
        if (next === undefined) break
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c }
        if (simple[next] !== undefined) {
          out.push(simple[next])
        } else if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30
          for (let i = 0; i < 2 && (buf[this.pos] ?? 0) >= 0x30 && (buf[this.pos] ?? 0) <= 0x37; i++) octal = octal * 8 + ((buf[this.pos++] as number) - 0x30)
          out.push(octal & 0xff)
        } else if (next === 0x0d) {
          if (buf[this.pos] === 0x0a) this.pos++
        } else if (next !== 0x0a) {
          out.push(next)
        }
      } else if (byte === 0x28) {
        depth++
        out.push(byte)
      } else if (byte === 0x29) {
        if (--depth === 0) return new PdfString(Buffer.from(out), false)
        out.push(byte)
      } else if (byte === 0x0d) {
        // An end of line inside a string reads as a single line feed.
        if (buf[this.pos] === 0x0a) this.pos++
        out.push(0x0a)
      } else {
        out.push(byte)
      }
    }
    throw new PdfSyntaxError('Cadena sin cerrar', start)
  }

  private readHexString(): PdfString {
    const { buf } = this
    const start = this.pos
    const end = buf.indexOf(0x3e, start)
    if (end < 0) throw new PdfSyntaxError('Cadena hexadecimal sin cerrar', start)
    let hex = buf.toString('latin1', start + 1, end).replace(/[\0\t\n\f\r ]/g, '')
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError('Cadena hexadecimal no válida', start)
    if (hex.length % 2) hex += '0'
    this.pos = end + 1
    return new PdfString(Buffer.from(hex, 'hex'), true)
  }

  /** A complete value; `N G R` becomes a reference. */
  readValue(): PdfValue {
    const start = this.pos
    const token = this.nextToken()
    switch (token.kind) {
      case 'number': {
        // Look ahead for "gen R".
        const save = this.pos
        try {
          const gen = this.nextToken()
          if (gen.kind === 'number' && Number.isInteger(token.value.value) && Number.isInteger(gen.value.value)) {
            const r = this.nextToken()
            if (r.kind === 'keyword' && r.value === 'R') return new PdfRef(token.value.value, gen.value.value)
          }
        } catch {
          // Whatever follows is not a reference; the caller reads it on its own.
        }
        this.pos = save
        return token.value
      }
      case 'name':
      case 'string':
        return token.value
      case 'keyword':
        if (token.value === 'true') return true
        if (token.value === 'false') return false
        if (token.value === 'null') return null
        throw new PdfSyntaxError(`Palabra inesperada «${token.value}»`, start)
      case 'open-array': {
        const items: PdfValue[] = []
        for (;;) {
          this.skipWhitespace()
          if (this.buf[this.pos] === 0x5d) {
            this.pos++
            return items
          }
          if (this.pos >= this.buf.length) throw new PdfSyntaxError('Arreglo sin cerrar', start)
          items.push(this.readValue())
        }
      }
      case 'open-dict': {
        const dict = new PdfDict()
        for (;;) {
          const key = this.nextToken()
          if (key.kind === 'close-dict') return dict
          if (key.kind !== 'name') throw new PdfSyntaxError('Se esperaba un nombre en el diccionario', this.pos)
          dict.set(key.value.name, this.readValue())
        }
      }
      default:
        throw new PdfSyntaxError('Valor inesperado', start)
    }
  }

  expectKeyword(word: string): void {
    const at = this.pos
    const token = this.nextToken()
    if (token.kind !== 'keyword' || token.value !== word) throw new PdfSyntaxError(`Se esperaba «${word}»`, at)
  }

  readInteger(): number {
    const at = this.pos
    const token = this.nextToken()
    if (token.kind !== 'number' || !Number.isInteger(token.value.value)) throw new PdfSyntaxError('Se esperaba un número entero', at)
    return token.value.value
  }
}

// ---------------------------------------------------------------------------
// Writing

/** Serializes a value. The output is ASCII. */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof PdfNumber) return value.raw
  if (value instanceof PdfName) return serializeName(value.name)
  if (value instanceof PdfString) return serializeString(value.bytes)
  if (value instanceof PdfRef) return value.toString()
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`
  const parts = [...value.entries].map(([key, item]) => `${serializeName(key)} ${serialize(item)}`)
  return `<< ${parts.join(' ')} >>`
}

/** Printable ASCII as a literal string (escaping what must be), anything else in hexadecimal. */
function serializeString(bytes: Buffer): string {
  if (bytes.every((byte) => byte >= 0x20 && byte < 0x7f)) return `(${bytes.toString('latin1').replace(/[()\\]/g, (c) => `\\${c}`)})`
  return `<${bytes.toString('hex')}>`
}

function serializeName(name: string): string {
  let out = '/'
  for (const byte of Buffer.from(name, 'latin1')) {
    out += byte > 0x20 && byte < 0x7f && byte !== 0x23 && !DELIMITERS.has(byte) ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0')}`
  }
  return out
}

/**
 * A text string (§7.9.2.2): plain ASCII stays as it is; anything else is
 * written as UTF-16BE with a byte-order mark, which every reader understands.
 */
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'), false)
  const utf16 = Buffer.from(text, 'utf16le').swap16()
  return new PdfString(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16]), true)
}

/** Reads a text string: UTF-16BE or UTF-8 with their marks, otherwise PDFDocEncoding (Latin-1 for the characters that matter here). */
export function decodeTextString(value: PdfValue | undefined): string | undefined {
  if (!(value instanceof PdfString)) return undefined
  const { bytes } = value
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  return bytes.toString('latin1')
}

export function name(value: string): PdfName {
  return new PdfName(value)
}

export function num(value: number): PdfNumber {
  return PdfNumber.of(value)
}

export function dict(entries: Record<string, PdfValue>): PdfDict {
  const result = new PdfDict()
  for (const [key, value] of Object.entries(entries)) result.set(key, value)
  return result
}
