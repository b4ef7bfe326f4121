/**
 * The text of a file chosen by the user, from its bytes, as offices really
 * have them: a CSV saved by Excel on Windows is Windows-1252, «CSV UTF-8»
 * starts with a BOM, «Texto Unicode» is UTF-16 with tabs, and LibreOffice
 * writes UTF-8 without BOM. The rules, in order:
 *
 * - UTF-16 (LE or BE) with its BOM: decoded (a lone surrogate refuses the file).
 * - UTF-8 with BOM: the BOM is dropped; invalid UTF-8 after it refuses the file.
 * - Valid UTF-8 without BOM: as it is.
 * - Not valid UTF-8, but with bytes shaped like UTF-8 that encode no
 *   character (overlong forms such as C0 AF, surrogates such as ED A0 80):
 *   refused; they are never text in any of these encodings.
 * - Not valid UTF-8, but holding valid UTF-8 accents or punctuation («é» as
 *   C3 A9, «“» as E2 80 9C): a UTF-8 file with text of another encoding
 *   pasted in. Read as Windows-1252, every accent of the rest would turn
 *   into «JosÃ©»; refused, naming the line of the first byte that is not UTF-8.
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
import { FORMULA_START_CHARACTERS } from './csv-out'
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
      throw new AppError('VALIDACION', `${name} dice ser UTF-8 pero tiene bytes que no lo son (línea ${lineAtByte(bytes, scanUtf8(bytes, 3).invalid)}). ${SAVE_AS_UTF8_HOWTO}`)
    }
    return checked(text, 'utf-8-bom', name)
  }
  const utf8 = decodeUtf8(bytes)
  if (utf8 !== null) return checked(utf8, 'utf-8', name)
  refuseMixedEncodings(bytes, name)
  return checked(decodeWindows1252(bytes, name), 'windows-1252', name)
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x80 && byte <= 0xbf
const inRange = (byte: number | undefined, low: number, high: number): boolean => byte !== undefined && byte >= low && byte <= high

/** The length of the well-formed UTF-8 sequence that starts at `index` (1 for ASCII), or 0 when none does. */
function utf8SequenceAt(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0
  if (lead < 0x80) return 1
  if (lead >= 0xc2 && lead <= 0xdf) return isContinuation(bytes[index + 1]) ? 2 : 0
  if (lead >= 0xe0 && lead <= 0xef) {
    const second = inRange(bytes[index + 1], lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf)
    return second && isContinuation(bytes[index + 2]) ? 3 : 0
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const second = inRange(bytes[index + 1], lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf)
    return second && isContinuation(bytes[index + 2]) && isContinuation(bytes[index + 3]) ? 4 : 0
  }
  return 0
}

/**
 * The length of a sequence at `index` shaped like UTF-8 but encoding no
 * character: an overlong form (C0 AF for «/»), a surrogate (ED A0 80), a code
 * point beyond U+10FFFF. 0 when there is none. A decoder that let them
 * through would let «/» or «.» in disguised; no text editor writes them.
 */
function malformedUtf8At(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0
  const next = (count: number): boolean => Array.from({ length: count }, (_, offset) => bytes[index + 2 + offset]).every(isContinuation)
  if (lead === 0xc0 || lead === 0xc1) return isContinuation(bytes[index + 1]) ? 2 : 0
  if (lead === 0xe0) return inRange(bytes[index + 1], 0x80, 0x9f) && next(1) ? 3 : 0
  if (lead === 0xed) return inRange(bytes[index + 1], 0xa0, 0xbf) && next(1) ? 3 : 0
  if (lead === 0xf0) return inRange(bytes[index + 1], 0x80, 0x8f) && next(2) ? 4 : 0
  if (lead === 0xf4) return inRange(bytes[index + 1], 0x90, 0xbf) && next(2) ? 4 : 0
  if (lead >= 0xf5 && lead <= 0xf7) return isContinuation(bytes[index + 1]) && next(2) ? 4 : 0
  return 0
}

/**
 * Whether a well-formed sequence is one a Spanish text has: a Latin letter or
 * sign (U+0080–U+017F: á é í ó ú ñ ü ¿ ¡ « » º, lead bytes C2–C5), general
 * punctuation and symbols (U+2000–U+2FFF: “ ” ‘ ’ – — … €, lead byte E2), or
 * a character beyond the basic plane (emoji). Read as Windows-1252 they are
 * «Ã©», «â€œ», «ðŸ˜€»: never what a Windows-1252 text says. Other lead
 * bytes are left out: «É”» (C9 94) is well-formed UTF-8 too, and is what a
 * Windows-1252 file says for «“JOSÉ”».
 */
function isSpanishUtf8(bytes: Uint8Array, index: number, length: number): boolean {
  const lead = bytes[index] ?? 0
  return (length === 2 && lead >= 0xc2 && lead <= 0xc5) || (length === 3 && lead === 0xe2) || length === 4
}

interface Utf8Scan {
  /** The first byte that is not UTF-8; -1 when all are. */
  invalid: number
  /** The first sequence shaped like UTF-8 that encodes no character, and its length. */
  malformed: number
  malformedLength: number
  /** The first well-formed sequence of a Spanish accent or sign (isSpanishUtf8), and its length. */
  spanish: number
  spanishLength: number
}

/** The bytes from `from`, checked as UTF-8 in one pass. */
function scanUtf8(bytes: Uint8Array, from = 0): Utf8Scan {
  const scan: Utf8Scan = { invalid: -1, malformed: -1, malformedLength: 0, spanish: -1, spanishLength: 0 }
  for (let index = from; index < bytes.length; ) {
    const length = utf8SequenceAt(bytes, index)
    if (length > 0) {
      if (length > 1 && scan.spanish === -1 && isSpanishUtf8(bytes, index, length)) {
        scan.spanish = index
        scan.spanishLength = length
      }
      index += length
      continue
    }
    if (scan.invalid === -1) scan.invalid = index
    const malformed = malformedUtf8At(bytes, index)
    if (malformed > 0 && scan.malformed === -1) {
      scan.malformed = index
      scan.malformedLength = malformed
    }
    index += Math.max(1, malformed)
  }
  return scan
}

const hexBytes = (bytes: Uint8Array): string => [...bytes].map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ')

/**
 * For a file that is not valid UTF-8: refuses it when it holds sequences
 * shaped like UTF-8 that encode nothing, or valid UTF-8 accents next to bytes
 * of another encoding (the rules at the top).
 */
function refuseMixedEncodings(bytes: Uint8Array, name: string): void {
  const scan = scanUtf8(bytes)
  if (scan.malformed !== -1) {
    const sequence = hexBytes(bytes.subarray(scan.malformed, scan.malformed + scan.malformedLength))
    throw new AppError(
      'VALIDACION',
      `${name} no se puede leer: en la línea ${lineAtByte(bytes, scan.malformed)} tiene bytes con forma de UTF-8 que no son ningún carácter (${sequence}). ${SAVE_AS_UTF8_HOWTO}`,
    )
  }
  if (scan.spanish !== -1 && scan.invalid !== -1) {
    const invalidByte = hexBytes(bytes.subarray(scan.invalid, scan.invalid + 1))
    throw new AppError(
      'VALIDACION',
      `${name} mezcla codificaciones: la línea ${lineAtByte(bytes, scan.spanish)} está en UTF-8 («${utf8WordAround(bytes, scan.spanish)}»), pero el byte ${invalidByte} de la línea ${lineAtByte(bytes, scan.invalid)} no es UTF-8 (quizá se pegó texto de otro archivo). Leído de una sola manera, los acentos de una parte saldrían cambiados. ${SAVE_AS_UTF8_HOWTO}`,
    )
  }
}

/** The word around a byte, decoded as UTF-8 (what the file says there), for a refusal. */
function utf8WordAround(bytes: Uint8Array, index: number): string {
  const isBoundary = (byte: number | undefined): boolean => byte === undefined || byte === 0x20 || byte === 0x2c || byte === 0x3b || byte === 0x22 || byte === 0x09 || byte === 0x0a || byte === 0x0d
  let start = index
  let end = index
  while (start > 0 && index - start < 40 && !isBoundary(bytes[start - 1])) start--
  while (end < bytes.length && end - index < 40 && !isBoundary(bytes[end])) end++
  return withoutControlCharacters(new TextDecoder('utf-8').decode(bytes.subarray(start, end)))
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

/** Line ends as spreadsheets write them: CRLF (Windows), LF, or CR alone (old Macintosh). */
const LINE_BREAK = /\r\n|\r|\n/g

/** Where each line of a text starts: 0, then the offset after each line end. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (const found of text.matchAll(LINE_BREAK)) starts.push(found.index + found[0].length)
  return starts
}

/** The line (from 1) holding the character at `index`, among the line starts of its text. */
function lineOfOffset(starts: readonly number[], index: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] ?? 0) <= index) low = middle
    else high = middle - 1
  }
  return low + 1
}

function lineAt(text: string, index: number): number {
  return lineOfOffset(lineStarts(text.slice(0, Math.max(0, index) + 1)), index)
}

/** The line of a byte of a text file in an ASCII-compatible encoding (CRLF, LF and CR each end a line). */
function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1
  for (let position = 0; position < index && position < bytes.length; position++) {
    if (bytes[position] === 0x0d || (bytes[position] === 0x0a && bytes[position - 1] !== 0x0d)) line++
  }
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
  /** The line the row starts on (the header is line 1; blank lines count; CRLF, LF and CR each end a line). */
  line: number
  values: Record<string, string>
  /** What is wrong with the row's shape: columns missing or extra, quotes misplaced or never closed, the header repeated. */
  problems: string[]
  /**
   * The row is no row of data: it repeats the header, or a quote never closed
   * took the rest of the file into it. Its problems say which; checking its
   * cells would only report what follows from that.
   */
  unreadable: boolean
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
  InvalidQuotes: 'tiene comillas mal puestas',
}

export const REPEATED_HEADER_PROBLEM = 'la fila repite los encabezados del archivo (¿se juntaron dos archivos?): quítela'

/**
 * A cell as the app wrote it before it was made inert (csv-out.ts): one
 * leading apostrophe before a character that would start a formula is
 * dropped, so an export read back unedited changes nothing. Spreadsheets
 * drop that apostrophe themselves when they save, so a file they wrote
 * has none to lose.
 */
export function restoreNeutralizedCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START_CHARACTERS.includes(cell.charAt(1)) ? cell.slice(1) : cell
}

/**
 * The rows of a CSV under its header, each with its line in the file and
 * its shape problems, in Spanish. Headers pass through `header` (the imports
 * fold accents and case); blank rows are skipped; cells made inert by the
 * app's export get back what they were (restoreNeutralizedCell). At most
 * `maxRows` rows are read; `tooMany` says there were more.
 */
export function readCsvTable(source: CsvText, header: (name: string) => string, maxRows: number): CsvTable {
  const { text, delimiter } = source
  const starts = lineStarts(text)
  const lineText = (index: number): string => text.slice(starts[index] ?? text.length, starts[index + 1] ?? text.length)
  let headers: string[] | null = null
  let headerNames = new Set<string>()
  const rows: CsvTableRow[] = []
  let tooMany = false
  // The end of the previous row, and the first line that starts at or after it.
  let position = 0
  let next = 0
  Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const cursor = Math.max(position, result.meta.cursor)
      while (next < starts.length && (starts[next] ?? 0) < position) next++
      // Blank lines before the row are skipped by the parser but still count.
      while (next + 1 < starts.length && (starts[next + 1] ?? 0) <= cursor && /^[\s,;\t]*$/.test(lineText(next))) next++
      const line = next + 1
      const rowStart = starts[next] ?? position
      position = cursor
      const fields = result.data
      if (headers === null) {
        headers = fields.map(header)
        headerNames = new Set(headers.filter((name) => name !== ''))
        return
      }
      if (rows.length >= maxRows) {
        tooMany = true
        parser.abort()
        return
      }
      // No prototype: a column named «constructor» or «__proto__» is just a column.
      const values = Object.create(null) as Record<string, string>
      headers.forEach((name, index) => {
        // The first of a repeated column is the one read (the repetition itself is reported).
        if (!Object.hasOwn(values, name)) values[name] = restoreNeutralizedCell(fields[index] ?? '')
      })
      const unclosed = result.errors.find((error) => error.code === 'MissingQuotes')
      if (unclosed) {
        // The parser's index is just past the opening quote, counted from the start of the text; kept within the row.
        const quote = Math.min(Math.max(rowStart, (unclosed.index ?? 0) - 1), cursor)
        const problem = `hay comillas sin cerrar desde la línea ${lineOfOffset(starts, quote)}: todo lo que sigue en el archivo quedó dentro de una sola celda (cierre esas comillas o quítelas)`
        rows.push({ line, values, problems: [problem], unreadable: true })
        return
      }
      if (repeatsHeader(fields.map(header), headerNames)) {
        rows.push({ line, values, problems: [REPEATED_HEADER_PROBLEM], unreadable: true })
        return
      }
      const problems = [...new Set(result.errors.map((error) => QUOTE_PROBLEMS[error.code] ?? 'no se pudo leer'))]
      if (fields.length > headers.length) problems.push(`tiene más columnas que el encabezado (${fields.length} en lugar de ${headers.length})`)
      if (fields.length < headers.length) problems.push(`tiene menos columnas que el encabezado (${fields.length} en lugar de ${headers.length})`)
      rows.push({ line, values, problems, unreadable: false })
    },
  })
  const all: string[] = headers ?? []
  const repeated = [...new Set(all.filter((name, index) => name !== '' && all.indexOf(name) !== index))]
  return { headers: [...new Set(all)], repeated, rows, tooMany }
}

/** A row whose every cell is a column name of the header (two at least, when the header has two): the header again, as when two files are joined. */
function repeatsHeader(cells: readonly string[], headerNames: ReadonlySet<string>): boolean {
  const named = cells.filter((cell) => cell !== '')
  return named.length >= Math.min(2, headerNames.size) && named.length > 0 && named.every((cell) => headerNames.has(cell))
}
