/**
 * Every CSV the app writes: UTF-8 with a byte-order mark (so spreadsheets
 * read the accents), CRLF line ends, and no cell a spreadsheet would run as
 * a formula. Following OWASP's advice on CSV injection, a text cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate; plain
 * numbers («-3», «+2.5») are left as they are.
 */
import Papa from 'papaparse'

export type CsvCell = string | number | boolean | null | undefined

/** The first characters that make a cell start a formula: such a cell is written with a leading apostrophe. */
export const FORMULA_START_CHARACTERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r']
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/

/** A cell as written: text that would start a formula is made inert. */
export function neutralizeCell(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string' || !FORMULA_START_CHARACTERS.includes(cell.charAt(0)) || PLAIN_NUMBER.test(cell)) return cell
  return `'${cell}`
}

export function writeCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => row.map(neutralizeCell))
  return '\uFEFF' + Papa.unparse({ fields: [...fields], data }, { newline: '\r\n' }) + '\r\n'
}
