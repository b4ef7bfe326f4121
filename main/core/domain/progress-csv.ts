/**
 * Bulk update of milestone progress from CSV: the commitments export itself
 * is a valid input (extra columns are ignored), so a spreadsheet round trip
 * changes only what was edited. Every row is checked and reported with all of
 * its problems; any bad row means nothing is applied.
 */
import { MILESTONE_STATUSES, type Data, type Milestone } from '../model/schema'
import { CSV_REPORT_VALUE_MAX, PROGRESS_CSV_MAX_ROWS, PROGRESS_CSV_REQUIRED, reportedText, type CsvRowReport, type CsvSource } from './csv-columns'
import { milestoneStateProblem } from './progress'
import { csvText, readCsvTable, type CsvText } from './text-decoding'
import { foldForSearch } from './text'

export interface ProgressChange {
  commitmentId: string
  milestoneId: string
  progress: number
  status: Milestone['status']
  evidence: string | null
}

export interface ProgressCsvResult {
  rows: CsvRowReport[]
  changes: ProgressChange[]
  valid: boolean
}

/** What `importProgressCsv` answers: the row report, how the file was read, and how many milestones change. */
export interface ProgressImportReport {
  source: CsvSource
  rows: CsvRowReport[]
  valid: boolean
  /** Milestones whose values differ from the data (0 for an unchanged round trip). */
  changes: number
  applied: boolean
  maxRows: number
}

const STATUS_NAMES: Record<string, Milestone['status']> = {
  'no iniciado': 'no-iniciado',
  'no-iniciado': 'no-iniciado',
  'en proceso': 'en-proceso',
  'en-proceso': 'en-proceso',
  completado: 'completado',
}

const MAX_EVIDENCE = 2000

/** Checks a progress file against the plan. `source` is the file as read (text-decoding.ts), or its text. */
export function parseProgressCsv(source: CsvText | string, data: Data): ProgressCsvResult {
  const table = readCsvTable(typeof source === 'string' ? csvText(source) : source, (header) => foldForSearch(header).replace(/[\s-]+/g, '_'), PROGRESS_CSV_MAX_ROWS)
  const refused = (errors: string[]): ProgressCsvResult => ({ rows: [{ line: 1, name: '', status: 'error', errors, warnings: [] }], changes: [], valid: false })
  const problems: string[] = []
  if (table.tooMany) problems.push(`El archivo tiene más de ${PROGRESS_CSV_MAX_ROWS} filas; el máximo es ${PROGRESS_CSV_MAX_ROWS}. Divídalo en varios archivos.`)
  const missing = PROGRESS_CSV_REQUIRED.filter((column) => !table.headers.includes(column))
  if (missing.length > 0) problems.push(`Faltan columnas obligatorias: ${missing.join(', ')}.`)
  const repeated = table.repeated.filter((column) => (PROGRESS_CSV_REQUIRED as readonly string[]).includes(column) || column === 'hito_evidencia')
  if (repeated.length > 0) problems.push(`Columnas repetidas: ${repeated.join(', ')}.`)
  if (problems.length > 0) return refused(problems)
  const hasEvidence = table.headers.includes('hito_evidencia')

  const milestones = new Map<string, { commitmentId: string; milestone: Milestone }>()
  for (const commitment of data.commitments) for (const milestone of commitment.milestones) milestones.set(milestone.id, { commitmentId: commitment.id, milestone })

  const rows: CsvRowReport[] = []
  const changes: ProgressChange[] = []
  const seen = new Map<string, number>()
  for (const row of table.rows) {
    const cell = (column: string): string => (row.values[column] ?? '').trim()
    const shown = (text: string): string => reportedText(text, CSV_REPORT_VALUE_MAX)
    if (row.unreadable) {
      rows.push({ line: row.line, name: '', status: 'error', errors: [...row.problems], warnings: [] })
      continue
    }
    const id = cell('hito_id')
    // A commitment without milestones exports a row with no milestone: nothing to update there.
    if (!id && !cell('hito_avance') && !cell('hito_estado')) continue
    const errors: string[] = [...row.problems]
    const found = milestones.get(id)
    if (!id) errors.push('falta hito_id')
    else if (!found) errors.push(`el hito «${shown(id)}» no existe`)
    const earlier = id ? seen.get(id) : undefined
    if (earlier !== undefined) errors.push(`el hito «${shown(id)}» aparece más de una vez (también en la línea ${earlier})`)
    else if (id) seen.set(id, row.line)
    const progressText = cell('hito_avance').replace(/\s*%$/, '')
    const progress = /^\d{1,3}$/.test(progressText) ? Number(progressText) : NaN
    if (!(progress >= 0 && progress <= 100)) errors.push(`avance «${shown(row.values.hito_avance ?? '')}» no válido (un entero de 0 a 100)`)
    const status = STATUS_NAMES[foldForSearch(cell('hito_estado'))]
    if (!status) errors.push(`estado «${shown(row.values.hito_estado ?? '')}» no válido (use: ${MILESTONE_STATUSES.join(', ')})`)
    const stateProblem = status && Number.isInteger(progress) ? milestoneStateProblem({ status, progress }) : null
    if (stateProblem) errors.push(stateProblem)
    const evidence = hasEvidence ? cell('hito_evidencia') : null
    if (evidence !== null && evidence.length > MAX_EVIDENCE) errors.push(`la evidencia tiene ${evidence.length} caracteres; el máximo es ${MAX_EVIDENCE}`)
    rows.push({ line: row.line, name: reportedText(found?.milestone.title ?? id), status: errors.length > 0 ? 'error' : 'correcta', errors, warnings: [] })
    if (errors.length === 0 && found && status) {
      const { milestone } = found
      const evidenceChanged = evidence !== null && evidence !== milestone.evidence
      if (milestone.progress !== progress || milestone.status !== status || evidenceChanged) {
        changes.push({ commitmentId: found.commitmentId, milestoneId: id, progress, status, evidence: evidenceChanged ? evidence : null })
      }
    }
  }
  if (rows.length === 0) return refused(['El archivo no tiene filas de hitos.'])
  const valid = rows.every((row) => row.errors.length === 0)
  return { rows, changes: valid ? changes : [], valid }
}
