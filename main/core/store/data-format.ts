/**
 * The bytes of a data file: the data as compact JSON inside an envelope that
 * carries its SHA-256, so that any damaged byte (a bad disk, a truncated copy,
 * a hand edit) is caught on load instead of being read as plausible data.
 *
 *   {"formato":"secretariado","sha256":"<hex>","datos":<JSON of the data>}
 */
import { createHash } from 'node:crypto'
import { AppError } from '../errors'
import type { Data } from '../model/schema'

const FORMAT = 'secretariado'

/**
 * The largest data file the app opens: 256 MiB. A year of sessions with dense
 * minutes is a few MiB, so this is far beyond real use; it keeps the whole
 * file, its text and its parsed objects well inside what the JavaScript engine
 * can hold (a string can hold about 512 MiB, and the parsed data takes several
 * times the file's size). The size is checked before the file is read.
 */
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024

/**
 * A data file too big to load. Nothing was read into memory, and the file is
 * left exactly where and as it is.
 */
export class DataFileTooLargeError extends AppError {
  readonly size: number
  readonly limit: number
  constructor(size: number, limit: number, options?: { cause?: unknown }) {
    const why = size > limit ? `mide ${megabytes(size)}, más de los ${megabytes(limit)} que Secretariado puede abrir` : `mide ${megabytes(size)}: es demasiado grande para la memoria disponible`
    super(
      'LECTURA',
      `El archivo de datos ${why}. No se modificó ni se apartó. Para seguir trabajando, cierre la aplicación, mueva ese archivo a otra carpeta (consérvelo) y ábrala de nuevo: podrá restaurar una copia de seguridad.`,
      options,
    )
    this.name = 'DataFileTooLargeError'
    this.size = size
    this.limit = limit
  }
}

const megabyteFormat = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 })

function megabytes(bytes: number): string {
  return `${megabyteFormat.format(bytes / (1024 * 1024))} MB`
}
const prefixFor = (sha256: string): string => `{"formato":"${FORMAT}","sha256":"${sha256}","datos":`
/** The prefix is ASCII of a fixed length (the checksum is always 64 hex digits), so the data can be written after room for it. */
const PREFIX_BYTES = prefixFor('0'.repeat(64)).length

/**
 * The file's bytes: the prefix, the data's JSON (the same text as
 * `JSON.stringify(data)`) and the closing brace, in one buffer.
 *
 * A save of a large file is mostly this step, so it avoids what would make it
 * slower and less even than a plain write of the same data: the JSON is
 * produced in pieces (each top-level value, and the elements of each array a
 * few at a time) and each piece is encoded straight into the buffer and then
 * dropped. No string of the whole file is ever built (one of megabytes of
 * two-byte text, which the engine keeps in its old generation until a full
 * garbage collection), and the bytes are not copied again to add the prefix.
 */
export function serializeData(data: Data): Buffer {
  const out = new ByteWriter(PREFIX_BYTES + capacityHint + 1)
  out.skip(PREFIX_BYTES)
  writeJson(out, data)
  out.put('}')
  const bytes = out.bytes()
  const json = bytes.subarray(PREFIX_BYTES, bytes.length - 1)
  capacityHint = Math.max(MIN_CAPACITY, json.length + (json.length >> 4))
  bytes.write(prefixFor(sha256(json)), 0, 'latin1')
  return bytes
}

const MIN_CAPACITY = 64 * 1024
/** Room for the next file's JSON: the last one's size plus a sixteenth, so that a save usually allocates its buffer once. */
let capacityHint = MIN_CAPACITY

/** Text of this many UTF-16 units or so per piece: small enough to be short-lived, large enough that the calls cost nothing. */
const PIECE_CHARS = 32 * 1024

/**
 * Writes `JSON.stringify(value)` in pieces. It is the same text for data
 * without `toJSON` methods that depend on their key (the data file holds only
 * JSON values); anything else is written whole, by `JSON.stringify` itself.
 */
function writeJson(out: ByteWriter, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    out.put(JSON.stringify(value) ?? 'null')
    return
  }
  let separator = '{'
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key]
    const name = `${separator}${JSON.stringify(key)}:`
    if (Array.isArray(item) && typeof (item as { toJSON?: unknown }).toJSON !== 'function') {
      out.put(name)
      writeArray(out, item)
    } else {
      const text = JSON.stringify(item)
      // Like JSON.stringify: a value with no JSON form (undefined, a function) leaves its key out.
      if (text === undefined) continue
      out.put(name)
      out.put(text)
    }
    separator = ','
  }
  out.put(separator === '{' ? '{}' : '}')
}

/** An array (without toJSON) a few elements at a time: each run is stringified as an array and written without its brackets. */
function writeArray(out: ByteWriter, items: readonly unknown[]): void {
  out.put('[')
  let count = 1
  for (let start = 0; start < items.length; ) {
    const end = Math.min(items.length, start + count)
    const text = JSON.stringify(items.slice(start, end))
    if (start > 0) out.put(',')
    out.put(text.slice(1, -1))
    // The next run aims at PIECE_CHARS, from the size of this one.
    count = Math.max(1, Math.min(4096, Math.floor(((end - start) * PIECE_CHARS) / Math.max(1, text.length))))
    start = end
  }
  out.put(']')
}

const encoder = new TextEncoder()

/** A growing buffer that text is encoded into as UTF-8. */
class ByteWriter {
  private buffer: Buffer
  private length = 0

  constructor(capacity: number) {
    // Zero-filled: the returned bytes are a view of this buffer, and nothing of the process's old memory may sit behind them.
    this.buffer = Buffer.alloc(capacity)
  }

  skip(count: number): void {
    this.ensure(this.length + count)
    this.length += count
  }

  put(text: string): void {
    let rest = text
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.buffer.subarray(this.length))
      this.length += written
      if (read === rest.length) return
      // Out of room: the buffer at least doubles, so this ends after a few rounds.
      rest = rest.slice(read)
      this.ensure(this.length + rest.length + 1024)
    }
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length)
  }

  private ensure(size: number): void {
    if (size <= this.buffer.length) return
    const larger = Buffer.alloc(Math.max(size, this.buffer.length * 2))
    this.buffer.copy(larger, 0, 0, this.length)
    this.buffer = larger
  }
}

/** Returns the raw data after checking the envelope and checksum; schema validation comes after. */
export function openEnvelope(bytes: Buffer): unknown {
  let parsed: unknown
  let text = ''
  try {
    text = bytes.toString('utf8')
    parsed = JSON.parse(text)
  } catch (error) {
    // The engine's own limits (string length, memory) are not damage: the file may be fine, only too big for this program.
    if (error instanceof RangeError) throw new DataFileTooLargeError(bytes.length, MAX_DATA_FILE_BYTES, { cause: error })
    throw new AppError('ARCHIVO_DANADO', `El archivo no es JSON válido${jsonErrorDetail(error, text.length)}.`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || (parsed as { formato?: unknown }).formato !== FORMAT) {
    throw new AppError('ARCHIVO_DANADO', 'El archivo no es un archivo de datos de Secretariado.')
  }
  const { sha256: declared, datos } = parsed as { sha256?: unknown; datos?: unknown }
  const prefix = typeof declared === 'string' && /^[a-f0-9]{64}$/.test(declared) ? prefixFor(declared) : null
  if (!prefix || bytes.subarray(0, prefix.length).toString('latin1') !== prefix || bytes[bytes.length - 1] !== 0x7d) {
    throw new AppError('ARCHIVO_DANADO', 'El encabezado del archivo está alterado.')
  }
  if (sha256(bytes.subarray(prefix.length, bytes.length - 1)) !== declared) {
    throw new AppError('ARCHIVO_DANADO', 'La suma de verificación no coincide: el archivo se alteró fuera de Secretariado o el disco lo dañó.')
  }
  return datos
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Says "incomplete" when the parser ran out of text, which is what a truncated copy looks like. */
function jsonErrorDetail(error: unknown, length: number): string {
  const message = error instanceof Error ? error.message : ''
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN)
  if (/end of JSON|Unterminated|Unexpected end/i.test(message) || position >= length - 1) return ` (está incompleto: termina en el carácter ${length})`
  return Number.isNaN(position) ? '' : ` (error cerca del carácter ${position})`
}
