/**
 * `import-progress FILE PROGRESS.csv [--dry-run]`: bulk milestone progress
 * from CSV, through the same handler as the app (the same encoding
 * detection, checks and all-or-nothing rule).
 */
import { PROGRESS_CSV_MAX_BYTES } from '../../core/domain/csv-columns'
import type { ProgressImportReport } from '../../core/domain/progress-csv'
import { printRows, readCsvArgument, runCsvOperation } from './import-members'

export async function runImportProgress(file: string, csvFile: string, dryRun: boolean): Promise<number> {
  const csv = await readCsvArgument(csvFile, PROGRESS_CSV_MAX_BYTES)
  const report = await runCsvOperation<ProgressImportReport>(file, 'importProgressCsv', { ...csv, apply: !dryRun })
  console.log(report.source.note)
  // A commitments export has a row per milestone: only the rows with a problem are listed.
  printRows(report.rows, true)
  if (!report.valid) {
    console.error('No se aplicó ningún cambio: corrija las filas señaladas.')
    return 1
  }
  console.log(
    report.changes === 0
      ? 'Sin cambios: el avance del archivo coincide con los datos.'
      : report.applied
        ? `Avance actualizado en ${report.changes === 1 ? '1 hito' : `${report.changes} hitos`}.`
        : `Se actualizaría${report.changes === 1 ? ' 1 hito' : `n ${report.changes} hitos`} (simulación: no se escribió nada).`,
  )
  return 0
}
