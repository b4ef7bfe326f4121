import { readFile } from 'node:fs/promises'
import { AppError } from '../../core/errors'
import { dispatch } from '../../core/ipc/dispatch'
import { JobRegistry } from '../../core/jobs'
import { Store } from '../../core/store/store'
import type { ProgressImportReport } from '../../core/contract/views'

/** Bulk milestone progress from CSV, through the same handler as the app (all or nothing). */
export async function runImportProgress(file: string, csvFile: string, dryRun: boolean): Promise<number> {
  const csv = await readFile(csvFile, 'utf8').catch(() => {
    throw new AppError('LECTURA', `No se pudo leer ${csvFile}.`)
  })
  const store = await Store.open({ dataFile: file })
  try {
    if (store.state.kind !== 'ready') throw new AppError('ARCHIVO_DANADO', store.state.problem)
    const result = await dispatch('importProgressCsv', { csv, apply: !dryRun }, {
      store,
      version: 'cli',
      now: () => new Date(),
      openExternal: () => Promise.resolve(),
      openPath: () => Promise.resolve(),
      jobs: new JobRegistry(),
      tempDir: store.dataFolder,
    })
    if (!result.ok) throw new AppError(result.error.code, result.error.message)
    const report = result.value as ProgressImportReport
    for (const row of report.rows.filter((entry) => entry.errors.length > 0)) console.error(`Renglón ${row.line}${row.name ? ` (${row.name})` : ''}: ${row.errors.join('; ')}`)
    if (!report.valid) {
      console.error('No se aplicó ningún cambio: corrija los renglones señalados.')
      return 1
    }
    console.log(report.changes === 0 ? 'Sin cambios: el avance del archivo coincide con los datos.' : report.applied ? `Avance actualizado en ${report.changes} hitos.` : `Se actualizarían ${report.changes} hitos (simulación: no se escribió nada).`)
    return 0
  } finally {
    await store.close()
  }
}
