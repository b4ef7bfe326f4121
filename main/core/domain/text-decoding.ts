/**
 * The text of a file chosen by the user, from its bytes, as offices really
 * have them: a CSV saved by Excel on Windows is Windows-1252, «CSV UTF-8»
 * starts with a BOM, «Texto Unicode» is UTF-16 with tabs, and LibreOffice
 * writes UTF-8 without BOM. The rules, in order:
 *
 * - UTF-16 (LE or BE) with its BOM: decoded (a lone surrogate refuses the file).
 * - UTF-8 with BOM: the BOM is dropped; invalid UTF-8 after it refuses the file.
 * - Valid UTF-8 without BOM: as it is.
 * - Anything else is read as Windows-1252, unless it holds a byte that
 *   Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), or the
 *   result reads like another code page (MS-DOS, Macintosh): «Bego¤a».
 *
 * In every case a control character no text file has (NUL and the like, C1
 * controls) or a replacement character U+FFFD already in the file refuses it:
 * the replacement character never reaches the data. Each refusal says how to
 * save the file as UTF-8.
 *
 * Windows-1252 is decoded with its own table: Node's TextDecoder treats the
 * label as Latin-1 in some releases, turning 0x80–0x9F (€ ‘ ’ “ ” – —) into
 * invisible control characters.
 */
import Papa from 'papaparse'
import { AppError } from '../errors'
import { withoutControlCharacters } from './text'

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le', 'utf-16be'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]

export interface DecodedText {
  text: string
  encoding: TextEncoding
}

const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 con BOM',
  'windows-1252': 'Windows-1252 (Excel)',
  'utf-16le': 'UTF-16 (Texto Unicode de Excel)',
  'utf-16be': 'UTF-16 big-endian',
}

/** «Se leyó como Windows-1252 (Excel).»: what the import report says about the file. */
export function describeEncoding(encoding: TextEncoding): string {
  return `Se leyó como ${ENCODING_NAMES[encoding]}.`
}

/** How to save a spreadsheet so that it is read exactly: part of every refusal. */
export const SAVE_AS_UTF8_HOWTO =
  'Guárdelo como CSV UTF-8 y elíjalo de nuevo. En Excel: Archivo › Guardar como › CSV UTF-8 (delimitado por comas). En LibreOffice: Archivo › Guardar como › Texto CSV, con «Juego de caracteres: Unicode (UTF-8)».'

/** Windows-1252 at 0x80–0x9F; 0 where it defines no character. The other bytes are Latin-1. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
]

/**
 * Characters a Spanish text in Windows-1252 has next to spaces and digits but
 * not inside a word: there they are the accented letters of another code page
 * (MS-DOS 850: ñ → ¤, í → ¡, é → ‚, ó → ¢, ú → £; Macintosh: ñ → –, á → ‡, é → Ž, ó → —).
 */
const MISREAD_INSIDE_WORD = /\p{L}[¡¿¤¢£¥¦¨‚„†‡ˆ‰ŒœŽžŸ–—]+\p{L}/u

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Decodes a text file's bytes by the rules above; `fileName` names it in the refusals. */
export function decodeTextFile(bytes: Uint8Array, fileName: string): DecodedText {
  const name = `«${withoutControlCharacters(fileName).slice(0, 120) || 'archivo'}»`
  if (bytes.length === 0) throw new AppError('VALIDACION', `${name} está vacío.`)
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new AppError('VALIDACION', `${name} es un libro de Excel u otro archivo comprimido, no un CSV. ${SAVE_AS_UTF8_HOWTO}`)
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(decodeUtf16(bytes.subarray(2), true, name), 'utf-16le', name)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(decodeUtf16(bytes.subarray(2), false, name), 'utf-16be', name)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3))
    if (text === null) {
      throw new AppError('VALIDACION', `${name} dice ser UTF-8 pero tiene bytes que no lo son (línea ${firstInvalidUtf8Line(bytes)}). ${SAVE_AS_UTF8_HOWTO}`)
    }
    return checked(text, 'utf-8-bom', name)
  }
  const utf8 = decodeUtf8(bytes)
  if (utf8 !== null) return checked(utf8, 'utf-8', name)
  return checked(decodeWindows1252(bytes, name), 'windows-1252', name)
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

/** The line of the first byte that is not UTF-8, for the refusal: a lenient decoder marks it with U+FFFD and keeps the line feeds. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  return lineAt(lenient, lenient.indexOf('\uFFFD'))
}

function decodeWindows1252(bytes: Uint8Array, name: string): string {
  let text = ''
  const CHUNK = 0x2000
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = []
    const end = Math.min(bytes.length, start + CHUNK)
    for (let index = start; index < end; index++) {
      const byte = bytes[index] ?? 0
      if (byte < 0x80 || byte > 0x9f) {
        codes.push(byte)
        continue
      }
      const code = WINDOWS_1252_HIGH[byte - 0x80] ?? 0
      if (code === 0) {
        throw new AppError(
          'VALIDACION',
          `${name} no está en UTF-8 ni en Windows-1252: el byte 0x${byte.toString(16).toUpperCase()} de la línea ${lineAtByte(bytes, index)} no es ningún carácter en esas codificaciones. ${SAVE_AS_UTF8_HOWTO}`,
        )
      }
      codes.push(code)
    }
    text += String.fromCharCode(...codes)
  }
  const misread = MISREAD_INSIDE_WORD.exec(text)
  if (misread) {
    const word = wordAround(text, misread.index + 1)
    throw new AppError(
      'VALIDACION',
      `${name} parece guardado en otra codificación (CSV de MS-DOS o de Macintosh): en la línea ${lineAt(text, misread.index)} se leería «${word}». ${SAVE_AS_UTF8_HOWTO}`,
    )
  }
  return text
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, name: string): string {
  if (bytes.length % 2 !== 0) throw new AppError('VALIDACION', `${name} está incompleto: termina a la mitad de un carácter UTF-16. ${SAVE_AS_UTF8_HOWTO}`)
  const units = new Uint16Array(bytes.length / 2)
  for (let index = 0; index < units.length; index++) {
    const first = bytes[2 * index] ?? 0
    const second = bytes[2 * index + 1] ?? 0
    units[index] = littleEndian ? first | (second << 8) : (first << 8) | second
  }
  let text = ''
  const CHUNK = 0x2000
  for (let index = 0; index < units.length; index++) {
    const unit = units[index] ?? 0
    const isHigh = unit >= 0xd800 && unit <= 0xdbff
    const isLow = unit >= 0xdc00 && unit <= 0xdfff
    const next = units[index + 1] ?? 0
    if (isLow || (isHigh && !(next >= 0xdc00 && next <= 0xdfff))) {
      throw new AppError('VALIDACION', `${name} tiene un carácter UTF-16 dañado. ${SAVE_AS_UTF8_HOWTO}`)
    }
    if (isHigh) index++
  }
  for (let start = 0; start < units.length; start += CHUNK) text += String.fromCharCode(...units.subarray(start, start + CHUNK))
  return text
}

/** Tab, line feed and carriage return are text; the other C0 and C1 controls are not, nor DEL. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)
}

function checked(text: string, encoding: TextEncoding, name: string): DecodedText {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (!isControl(code)) continue
    throw new AppError(
      'VALIDACION',
      `${name} no es un archivo de texto que se pueda leer: tiene un carácter de control (U+${code.toString(16).toUpperCase().padStart(4, '0')}) en la línea ${lineAt(text, index)}. ${SAVE_AS_UTF8_HOWTO}`,
    )
  }
  const replaced = text.indexOf('\uFFFD')
  if (replaced !== -1) {
    throw new AppError(
      'VALIDACION',
      `${name} ya trae caracteres dañados («\uFFFD», línea ${lineAt(text, replaced)}): otro programa lo leyó con la codificación equivocada. Vuelva al archivo original. ${SAVE_AS_UTF8_HOWTO}`,
    )
  }
  return { text, encoding }
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line++
  return line
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1
  for (let position = 0; position < index && position < bytes.length; position++) if (bytes[position] === 0x0a) line++
  return line
}

function wordAround(text: string, index: number): string {
  let start = index
  let end = index
  while (start > 0 && index - start < 30 && !/[\s,;"]/.test(text.charAt(start - 1))) start--
  while (end < text.length && end - index < 30 && !/[\s,;"]/.test(text.charAt(end))) end++
  return text.slice(start, end)
}

/** A CSV file's text and how it was read: encoding and separator, for the import report. */
export interface CsvText {
  text: string
  encoding: TextEncoding
  delimiter: CsvDelimiter
  /** «Se leyó como Windows-1252 (Excel). Separador: punto y coma.» */
  note: string
}

export const CSV_DELIMITERS = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]
const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'coma', ';': 'punto y coma', '\t': 'tabulador' }

/**
 * The separator of a CSV, from its header line: the one of comma, semicolon
 * (Excel in es-MX) and tab («Texto Unicode») that appears most there, outside
 * quotes; comma on a tie. Column names hold none of them, so the header
 * decides without guessing from the data.
 */
export function csvDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((delimiter) => [delimiter, 0]))
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1)
  }
  let best: CsvDelimiter = ','
  for (const delimiter of CSV_DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter
  return best
}

/** Text already decoded, as a CSV: a leading BOM dropped, the separator from its header. */
export function csvText(text: string, encoding: TextEncoding = 'utf-8'): CsvText {
  const delimiter = csvDelimiter(text)
  return { text: text.replace(/^\uFEFF/, ''), encoding, delimiter, note: `${describeEncoding(encoding)} Separador: ${DELIMITER_NAMES[delimiter]}.` }
}

/** A CSV file as the bridge delivers it (base64) into text, by the rules above; larger than `maxBytes` is refused. */
export function readCsvFile(contentBase64: string, fileName: string, maxBytes: number): CsvText {
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length > maxBytes) throw new AppError('VALIDACION', `El archivo CSV supera el máximo de ${maxBytes / 1_000_000} MB.`)
  const { text, encoding } = decodeTextFile(bytes, fileName)
  return csvText(text, encoding)
}

export interface CsvTableRow {
  /** The line the row starts on (the header is line 1; blank lines count). */
  line: number
  values: Record<string, string>
  /** What is wrong with the row's shape: columns missing or extra, an unclosed quote. */
  problems: string[]
}

export interface CsvTable {
  headers: string[]
  /** Header names that appear more than once. */
  repeated: string[]
  rows: CsvTableRow[]
  /** More rows than `maxRows`: reading stopped there. */
  tooMany: boolean
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'tiene unas comillas sin cerrar',
  InvalidQuotes: 'tiene comillas mal puestas',
}

/**
 * The rows of a CSV under its header, each with its line in the file and
 * its shape problems, in Spanish. Headers pass through `header` (the imports
 * fold accents and case); blank rows are skipped. At most `maxRows` rows are
 * read; `tooMany` says there were more.
 */
export function readCsvTable(source: CsvText, header: (name: string) => string, maxRows: number): CsvTable {
  const { text, delimiter } = source
  let headers: string[] | null = null
  const rows: CsvTableRow[] = []
  let tooMany = false
  let position = 0
  let line = 1
  Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      // Blank lines before the row are skipped by the parser but still count.
      for (;;) {
        const end = text.indexOf('\n', position)
        if (end === -1 || !/^[\s,;\t]*$/.test(text.slice(position, end))) break
        position = end + 1
        line++
      }
      const start = line
      const cursor = Math.max(position, result.meta.cursor)
      for (let index = text.indexOf('\n', position); index !== -1 && index < cursor; index = text.indexOf('\n', index + 1)) line++
      position = cursor
      const fields = result.data
      if (headers === null) {
        headers = fields.map(header)
        return
      }
      if (rows.length >= maxRows) {
        tooMany = true
        parser.abort()
        return
      }
      const problems = [...new Set(result.errors.map((error) => QUOTE_PROBLEMS[error.code] ?? 'no se pudo leer'))]
      if (fields.length > headers.length) problems.push(`tiene más columnas que el encabezado (${fields.length} en lugar de ${headers.length})`)
      if (fields.length < headers.length) problems.push(`tiene menos columnas que el encabezado (${fields.length} en lugar de ${headers.length})`)
      // No prototype: a column named «constructor» or «__proto__» is just a column.
      const values = Object.create(null) as Record<string, string>
      headers.forEach((name, index) => {
        // The first of a repeated column is the one read (the repetition itself is reported).
        if (!Object.hasOwn(values, name)) values[name] = fields[index] ?? ''
      })
      rows.push({ line: start, values, problems })
    },
  })
  const all: string[] = headers ?? []
  const repeated = [...new Set(all.filter((name, index) => name !== '' && all.indexOf(name) !== index))]
  return { headers: [...new Set(all)], repeated, rows, tooMany }
}
