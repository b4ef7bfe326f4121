/**
 * The columns of the CSV files the app imports: members and milestone
 * progress. Pure and without imports, so the import dialogs list the very
 * columns the parsers read (member-csv.ts, progress-csv.ts) and the limits
 * the core applies.
 */

/** The members file, in the order of its header line. */
export const MEMBER_CSV_COLUMNS = ['nombre', 'cargo', 'institucion', 'sector', 'municipio', 'caracter', 'suple_a', 'participacion', 'correo', 'telefono', 'rfc', 'curp'] as const
export type MemberCsvColumn = (typeof MEMBER_CSV_COLUMNS)[number]
/** Columns a members file must have; the others may be left out. */
export const MEMBER_CSV_REQUIRED: readonly MemberCsvColumn[] = ['nombre', 'institucion', 'sector']
/** The header line of a members file. */
export const MEMBER_CSV_HEADER = MEMBER_CSV_COLUMNS.join(',')
/**
 * The example person of the members template: every column filled the way
 * the import reads it (sector and carácter by name, «voz y voto»), so a
 * secretary sees what goes where. A titular: «suple_a» stays empty.
 */
export const MEMBER_CSV_EXAMPLE: Readonly<Record<MemberCsvColumn, string>> = {
  nombre: 'María Fernanda Ruiz Ochoa',
  cargo: 'Directora de Participación Ciudadana',
  institucion: 'Secretaría de Planeación y Participación Ciudadana',
  sector: 'gobierno estatal',
  municipio: '',
  caracter: 'titular',
  suple_a: '',
  participacion: 'voz y voto',
  correo: 'maria.ruiz@ejemplo.gob.mx',
  telefono: '33 3668 1800',
  rfc: '',
  curp: '',
}

/** A cell as a CSV writes it: quoted when it holds a separator, a quote or a line break. */
const csvCell = (value: string): string => (/[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/**
 * The members template to fill in a spreadsheet: UTF-8 with its BOM (so
 * Excel reads the accents typed under it), the header line and the example
 * row, with CRLF line ends. It imports as it is: one person, no problems.
 */
export const MEMBER_CSV_TEMPLATE = {
  fileName: 'plantilla-integrantes.csv',
  mimeType: 'text/csv;charset=utf-8',
  content: `\uFEFF${MEMBER_CSV_HEADER}\r\n${MEMBER_CSV_COLUMNS.map((column) => csvCell(MEMBER_CSV_EXAMPLE[column])).join(',')}\r\n`,
} as const

/** The most rows (people) a members file may have. */
export const MEMBER_CSV_MAX_ROWS = 2000
/** The largest members file, in bytes (2 MB). */
export const MEMBER_CSV_MAX_BYTES = 2_000_000
/**
 * What becomes of a row naming someone already in the registry (same name,
 * accents, case, spaces and titles aside): left out (what a secretary
 * importing an updated list expects) or added as one more person.
 */
export const EXISTING_MEMBER_CHOICES = ['omitir', 'agregar'] as const
export type ExistingMemberChoice = (typeof EXISTING_MEMBER_CHOICES)[number]

/** The columns the progress import reads; any other column (the commitments export has many) is ignored. */
export const PROGRESS_CSV_COLUMNS = ['hito_id', 'hito_avance', 'hito_estado', 'hito_evidencia'] as const
export type ProgressCsvColumn = (typeof PROGRESS_CSV_COLUMNS)[number]
/** Columns a progress file must have; without `hito_evidencia` the evidence is left as it is. */
export const PROGRESS_CSV_REQUIRED: readonly ProgressCsvColumn[] = ['hito_id', 'hito_avance', 'hito_estado']
/** The most rows (milestones) a progress file may have. */
export const PROGRESS_CSV_MAX_ROWS = 5000
/** The largest progress file, in bytes (5 MB). */
export const PROGRESS_CSV_MAX_BYTES = 5_000_000

/** Whether a column is one of the list's (for a header read from a file). */
export function isCsvColumn<C extends string>(columns: readonly C[], header: string): header is C {
  return (columns as readonly string[]).includes(header)
}

/** How a row of an import fares: imported, skipped (already in the registry), imported with a warning, or in error (nothing is imported). */
export type CsvRowStatus = 'correcta' | 'omitida' | 'advertencia' | 'error'

/** One row of an import's report: its line in the file (the header is line 1), what it names, and every problem it has. */
export interface CsvRowReport {
  line: number
  name: string
  status: CsvRowStatus
  errors: string[]
  warnings: string[]
}

/** The most characters of a row's `name`, and of a cell's value quoted in a problem, in a report. */
export const CSV_REPORT_NAME_MAX = 200
export const CSV_REPORT_VALUE_MAX = 80

/**
 * A cell's text as a report shows it: at most `max` characters, then «…». A
 * cell that an unclosed quote filled with the rest of the file is not echoed
 * whole.
 */
export function reportedText(text: string, max: number = CSV_REPORT_NAME_MAX): string {
  if (text.length <= max) return text
  // Whole characters, not halves of a surrogate pair.
  const characters = Array.from(text.slice(0, 2 * max))
  return characters.length <= max && text.length <= 2 * max ? text : `${characters.slice(0, max).join('')}…`
}

/** How the core read a file: its encoding and separator, and the sentence that says so («Se leyó como Windows-1252 (Excel)…»). */
export interface CsvSource {
  fileName: string
  encoding: string
  delimiter: string
  note: string
}
