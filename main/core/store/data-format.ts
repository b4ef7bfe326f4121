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

/** The file's bytes. The JSON is encoded to UTF-8 once and hashed as bytes: a save's cost stays close to a plain write's. */
export function serializeData(data: Data): Buffer {
  const json = Buffer.from(JSON.stringify(data), 'utf8')
  return Buffer.concat([Buffer.from(prefixFor(sha256(json)), 'latin1'), json, Buffer.from('}')])
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
