/**
 * Bulk update of milestone progress from CSV: the commitments export itself
 * is a valid input (extra columns are ignored), so a spreadsheet round trip
 * changes only what was edited. Every row is checked; any bad row means
 * nothing is applied.
 */
import Papa from 'papaparse'
import { MILESTONE_STATUSES, type Data, type Milestone } from '../model/schema'
import { PROGRESS_CSV_REQUIRED } from './csv-columns'
import { milestoneStateProblem } from './progress'
import { foldForSearch } from './text'

export interface ProgressChange {
  commitmentId: string
  milestoneId: string
  progress: number
  status: Milestone['status']
  evidence: string | null
}

export interface ProgressCsvResult {
  rows: { line: number; name: string; errors: string[] }[]
  changes: ProgressChange[]
  valid: boolean
}

const STATUS_NAMES: Record<string, Milestone['status']> = {
  'no iniciado': 'no-iniciado',
  'no-iniciado': 'no-iniciado',
  'en proceso': 'en-proceso',
  'en-proceso': 'en-proceso',
  completado: 'completado',
}

export function parseProgressCsv(text: string, data: Data): ProgressCsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => foldForSearch(header).replace(/[\s-]+/g, '_'),
  })
  const headers = parsed.meta.fields ?? []
  const missing = PROGRESS_CSV_REQUIRED.filter((column) => !headers.includes(column))
  if (missing.length > 0) {
    return { rows: [{ line: 1, name: '', errors: [`Faltan columnas obligatorias: ${missing.join(', ')}.`] }], changes: [], valid: false }
  }
  const milestones = new Map<string, { commitmentId: string; milestone: Milestone }>()
  for (const commitment of data.commitments) for (const milestone of commitment.milestones) milestones.set(milestone.id, { commitmentId: commitment.id, milestone })

  const rows: ProgressCsvResult['rows'] = []
  const changes: ProgressChange[] = []
  const seen = new Set<string>()
  parsed.data.forEach((row, index) => {
    const line = index + 2
    const errors: string[] = []
    if (parsed.errors.some((error) => error.row === index)) errors.push('la fila no tiene el mismo número de columnas que el encabezado')
    const id = (row.hito_id ?? '').trim()
    // A commitment without milestones exports a row with no milestone: nothing to update there.
    if (!id && !(row.hito_avance ?? '').trim() && !(row.hito_estado ?? '').trim()) return
    const found = milestones.get(id)
    if (!id) errors.push('falta hito_id')
    else if (!found) errors.push(`el hito «${id}» no existe`)
    if (seen.has(id)) errors.push(`el hito «${id}» aparece más de una vez`)
    seen.add(id)
    const progressText = (row.hito_avance ?? '').trim().replace(/%$/, '')
    const progress = /^\d{1,3}$/.test(progressText) ? Number(progressText) : NaN
    if (!(progress >= 0 && progress <= 100)) errors.push(`avance «${row.hito_avance ?? ''}» no válido (un entero de 0 a 100)`)
    const status = STATUS_NAMES[foldForSearch(row.hito_estado ?? '')]
    if (!status) errors.push(`estado «${row.hito_estado ?? ''}» no válido (use: ${MILESTONE_STATUSES.join(', ')})`)
    const stateProblem = status && Number.isInteger(progress) ? milestoneStateProblem({ status, progress }) : null
    if (stateProblem) errors.push(stateProblem)
    const evidence = 'hito_evidencia' in row ? (row.hito_evidencia ?? '').trim() : null
    if (evidence !== null && evidence.length > 2000) errors.push('la evidencia supera 2000 caracteres')
    rows.push({ line, name: found?.milestone.title ?? id, errors })
    if (errors.length === 0 && found && status) {
      const { milestone } = found
      const evidenceChanged = evidence !== null && evidence !== milestone.evidence
      if (milestone.progress !== progress || milestone.status !== status || evidenceChanged) {
        changes.push({ commitmentId: found.commitmentId, milestoneId: id, progress, status, evidence: evidenceChanged ? evidence : null })
      }
    }
  })
  if (rows.length === 0) rows.push({ line: 1, name: '', errors: ['El archivo no tiene filas de hitos.'] })
  return { rows, changes, valid: rows.every((row) => row.errors.length === 0) }
}
