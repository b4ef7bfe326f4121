/**
 * `import-members FILE MEMBERS.csv [--dry-run] [--existing omitir|agregar]`:
 * members from a CSV, through the same handler as the app (the same
 * encoding detection, checks and all-or-nothing rule). Prints how the file
 * was read, every row with its status and every problem, and the counts.
 * Exit 0 when imported (or, with --dry-run, when nothing is wrong); 1, with
 * nothing written, when any row has an error.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../../core/errors'
import type { OperationName } from '../../core/contract/operations'
import { MEMBER_CSV_MAX_BYTES, type CsvRowReport, type CsvRowStatus, type ExistingMemberChoice } from '../../core/domain/csv-columns'
import type { MemberImportReport } from '../../core/domain/member-csv'
import { dispatch } from '../../core/ipc/dispatch'
import { JobRegistry } from '../../core/jobs'
import { COMMAND_LINE_PROGRAM, COMMAND_LINE_WAIT_MS } from '../../core/store/lock'
import { Store } from '../../core/store/store'

const STATUS_LABELS: Record<CsvRowStatus, string> = {
  correcta: 'Correcta',
  omitida: 'Se omite',
  advertencia: 'Se agrega, con advertencia',
  error: 'Con errores',
}

/** The CSV named on the command line, as the bridge carries it; a file larger than `maxBytes` is refused unread. */
export async function readCsvArgument(csvFile: string, maxBytes: number): Promise<{ fileName: string; contentBase64: string }> {
  const info = await stat(csvFile).catch(() => null)
  if (!info?.isFile()) throw new AppError('LECTURA', `No existe el archivo ${csvFile}.`)
  if (info.size > maxBytes) throw new AppError('VALIDACION', `${csvFile} supera el máximo de ${maxBytes / 1_000_000} MB para un CSV.`)
  const bytes = await readFile(csvFile).catch(() => {
    throw new AppError('LECTURA', `No se pudo leer ${csvFile}.`)
  })
  return { fileName: basename(csvFile), contentBase64: bytes.toString('base64') }
}

/** Runs one import operation on the data file, opened and closed here, as the app's handler would. */
export async function runCsvOperation<R>(dataFile: string, name: OperationName, input: Record<string, unknown>): Promise<R> {
  // Store.open would create an empty data file; importing needs the real one.
  if (!(await stat(dataFile).then((info) => info.isFile(), () => false))) throw new AppError('NO_ENCONTRADO', `No existe el archivo de datos ${dataFile}.`)
  const store = await Store.open({ dataFile, program: { program: COMMAND_LINE_PROGRAM, command: name === 'importProgressCsv' ? 'import-progress' : 'import-members' }, waitForLockMs: COMMAND_LINE_WAIT_MS })
  try {
    if (store.state.kind !== 'ready') throw new AppError('ARCHIVO_DANADO', store.state.problem)
    const result = await dispatch(name, input, {
      store,
      version: 'cli',
      now: () => new Date(),
      openExternal: () => Promise.resolve(),
      openPath: () => Promise.resolve(),
      jobs: new JobRegistry(),
      tempDir: store.dataFolder,
    })
    if (!result.ok) throw new AppError(result.error.code, result.error.message)
    return result.value as R
  } finally {
    await store.close()
  }
}

/** The row report: one line per row (line number, what it names, its status), then each of its problems. */
export function printRows(rows: readonly CsvRowReport[], onlyProblems: boolean): void {
  for (const row of rows) {
    if (onlyProblems && row.errors.length === 0 && row.warnings.length === 0) continue
    const out = row.status === 'error' ? console.error : console.log
    out(`Línea ${row.line}${row.name ? ` · ${row.name}` : ''} · ${STATUS_LABELS[row.status]}`)
    for (const problem of [...row.errors, ...row.warnings]) out(`    - ${problem}`)
  }
}

const people = (count: number): string => (count === 1 ? '1 persona' : `${count} personas`)

export async function runImportMembers(options: { file: string; csv: string; dryRun: boolean; existing: ExistingMemberChoice }): Promise<number> {
  const csv = await readCsvArgument(options.csv, MEMBER_CSV_MAX_BYTES)
  const report = await runCsvOperation<MemberImportReport>(options.file, 'importMembersCsv', { ...csv, apply: !options.dryRun, existing: options.existing })
  console.log(report.source.note)
  printRows(report.rows, false)
  const errors = report.rows.filter((row) => row.errors.length > 0).length
  const skipped = report.existing === 'omitir' ? `; ${report.toSkip} se omite${report.toSkip === 1 ? '' : 'n'} por estar ya en el padrón` : ''
  const named = report.existing === 'agregar' && report.matches > 0 ? `; ${report.matches} con el nombre de alguien ya registrado, agregada${report.matches === 1 ? '' : 's'} de todos modos` : ''
  if (!report.valid) {
    console.error(`No se importó nada: ${errors === 1 ? 'una fila tiene errores' : `${errors} filas tienen errores`}. Corrija el archivo y vuelva a intentarlo.`)
    return 1
  }
  if (options.dryRun) console.log(`Simulación: se agregarían ${people(report.toAdd)}${skipped}${named}. No se escribió nada.`)
  else if (report.imported === 0) console.log(`Nada que importar: ${report.toSkip === 1 ? 'la persona del archivo ya está' : 'todas las personas del archivo ya están'} en el padrón. El archivo de datos no cambió.`)
  else console.log(`Se importaron ${people(report.imported)}${skipped}${named}.`)
  return 0
}
