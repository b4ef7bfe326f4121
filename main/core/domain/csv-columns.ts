/**
 * The columns of the CSV files the app imports: members and milestone
 * progress. Pure and without imports, so the import dialogs list the very
 * columns the parsers read (member-csv.ts, progress-csv.ts).
 */

/** The members file, in the order of its header line. */
export const MEMBER_CSV_COLUMNS = ['nombre', 'cargo', 'institucion', 'sector', 'municipio', 'caracter', 'suple_a', 'participacion', 'correo', 'telefono', 'rfc', 'curp'] as const
export type MemberCsvColumn = (typeof MEMBER_CSV_COLUMNS)[number]
/** Columns a members file must have; the others may be left out. */
export const MEMBER_CSV_REQUIRED: readonly MemberCsvColumn[] = ['nombre', 'institucion', 'sector']
/** The header line of a members file. */
export const MEMBER_CSV_HEADER = MEMBER_CSV_COLUMNS.join(',')

/** The columns the progress import reads; any other column (the commitments export has many) is ignored. */
export const PROGRESS_CSV_COLUMNS = ['hito_id', 'hito_avance', 'hito_estado', 'hito_evidencia'] as const
export type ProgressCsvColumn = (typeof PROGRESS_CSV_COLUMNS)[number]
/** Columns a progress file must have; without `hito_evidencia` the evidence is left as it is. */
export const PROGRESS_CSV_REQUIRED: readonly ProgressCsvColumn[] = ['hito_id', 'hito_avance', 'hito_estado']

/** Whether a column is one of the list's (for a header read from a file). */
export function isCsvColumn<C extends string>(columns: readonly C[], header: string): header is C {
  return (columns as readonly string[]).includes(header)
}
