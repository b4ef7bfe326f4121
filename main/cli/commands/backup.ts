/**
 * The full backup on the command line:
 *
 *   backup create FILE --out B.stlbak [--force] [--at …]   the data file (locked, saves flushed), adjuntos/ and actas/ in one archive
 *   backup verify B.stlbak                                 the whole archive checked; a Spanish summary, or the reason it is refused
 *   backup restore B.stlbak --to FILE [--force] [--at …]   verified first, then restored all or nothing
 *
 * `restore` never replaces an existing data file (or a folder with adjuntos/
 * or actas/ of other data) without --force; with it, the current files are
 * first moved into respaldos/antes-de-restaurar-<fecha>/ beside FILE, never
 * deleted. The target's lock is held throughout, so the app cannot have it open;
 * a folder another data file shares (open or not) is never restored into.
 * Folders made for the target are removed again when the restore fails.
 */
import { mkdir, readFile, rmdir, stat } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { buildFullBackup, recordFullBackup, writeBackupFile } from '../../core/backup/create'
import { MAX_BACKUP_BYTES, printable } from '../../core/backup/format'
import { checkFolderNotShared, installBackup, isOccupied, restoreTarget } from '../../core/backup/restore'
import { verifyBackup } from '../../core/backup/verify'
import type { FullBackupReport } from '../../core/contract/views'
import { longSpanishDate, mexicoDate, mexicoTime } from '../../core/domain/dates'
import { AppError } from '../../core/errors'
import { sizeLabel } from '../../core/packets/limits'
import { BACKUP_FOLDER } from '../../core/store/backups'
import { acquireLock, COMMAND_LINE_PROGRAM, COMMAND_LINE_WAIT_MS, isCode } from '../../core/store/lock'
import { Store } from '../../core/store/store'
import { referenceClock } from '../reference-time'
import packageInfo from '../../../package.json'

/** The version recorded in the archive's manifest: the package's own. */
const VERSION = packageInfo.version

export interface BackupCreateArgs {
  file: string
  out: string
  force: boolean
}

export async function runBackupCreate(args: BackupCreateArgs, clock: () => Date): Promise<number> {
  // Store.open would create an empty data file; a backup needs the real one.
  if (!(await stat(args.file).then((info) => info.isFile(), () => false))) throw new AppError('NO_ENCONTRADO', `No existe el archivo de datos ${args.file}.`)
  const store = await Store.open({ dataFile: resolve(args.file), now: clock, program: { program: COMMAND_LINE_PROGRAM, command: 'backup create' }, waitForLockMs: COMMAND_LINE_WAIT_MS })
  try {
    if (store.state.kind !== 'ready') throw new AppError('SIN_DATOS', `El archivo de datos no se puede usar: ${store.state.problem}`)
    const at = clock()
    const built = await buildFullBackup(store, { now: at, appVersion: VERSION })
    const target = await writeBackupFile(args.out, built.bytes, { dataFile: store.dataFile, force: args.force })
    await recordFullBackup(store, { at: at.toISOString(), fileName: basename(target), sha256: built.sha256, bytes: built.bytes.length })
    const { report } = built
    console.log(`Respaldo completo escrito en ${target}: ${contents(report)}; ${sizeLabel(built.bytes.length)}.`)
    console.log(`SHA-256 ${built.sha256}`)
    console.log('Guárdelo fuera de este equipo (una memoria USB, otro disco): con él se recuperan los datos en otra computadora.')
    for (const warning of report.warnings) console.error(`Aviso: ${warning}`)
    return 0
  } finally {
    await store.close()
  }
}

/** `clock`: an archive dated after it (beyond the tolerance) is refused. */
export async function runBackupVerify(file: string, clock: () => Date = referenceClock(undefined)): Promise<number> {
  const { report } = await verifyBackup(await readArchive(file), { now: clock() })
  console.log(`Respaldo válido: ${file}`)
  printReport(report)
  for (const warning of report.warnings) console.error(`Aviso: ${warning}`)
  return 0
}

export interface BackupRestoreArgs {
  archive: string
  to: string
  force: boolean
}

export async function runBackupRestore(args: BackupRestoreArgs, clock: () => Date): Promise<number> {
  const dataFile = resolve(args.to)
  const now = clock()
  // The whole archive is verified before the target is looked at.
  const backup = await verifyBackup(await readArchive(args.archive), { now })
  await checkFolderNotShared(dataFile)
  const target = await restoreTarget(dataFile)
  if (isOccupied(target) && !args.force) {
    const what = target.dataFileExists ? `Ya existe ${dataFile}` : `La carpeta de ${dataFile} ya tiene ${target.folders.map((name) => `${name}/`).join(' y ')} de otros datos`
    throw new AppError(
      'VALIDACION',
      `${what}: no se reemplaza. Para reemplazarlo use --force (antes se mueven el archivo de datos, sus adjuntos y sus actas a ${BACKUP_FOLDER}/antes-de-restaurar-<fecha>/, junto al archivo; no se borra nada).`,
    )
  }
  // The lock lives beside the data file, so its folder is made first; what was made is removed if the restore fails.
  const folder = dirname(dataFile)
  let created: string | undefined
  let lock: Awaited<ReturnType<typeof acquireLock>> | null = null
  let restored = false
  try {
    try {
      created = await mkdir(folder, { recursive: true })
    } catch (error) {
      throw new AppError('ESCRITURA', `No se pudo crear la carpeta ${folder} para restaurar.`, { cause: error })
    }
    lock = await acquireLock(dataFile, { now: clock, program: { program: COMMAND_LINE_PROGRAM, command: 'backup restore' }, waitMs: COMMAND_LINE_WAIT_MS })
    const outcome = await installBackup(backup, { dataFile, now, replace: args.force })
    restored = true
    console.log(`Respaldo restaurado en ${outcome.dataFile}: ${contents(backup.report)}.`)
    console.log(`Respaldo del ${longSpanishDate(mexicoDate(new Date(backup.report.createdAt)))} a las ${mexicoTime(new Date(backup.report.createdAt))}.`)
    if (outcome.movedAsideTo) console.log(`Los datos anteriores se movieron a ${outcome.movedAsideTo} (no se borró nada).`)
    for (const warning of backup.report.warnings) console.error(`Aviso: ${warning}`)
    return 0
  } finally {
    await lock?.release()
    if (!restored && created) await removeCreated(folder, created)
  }
}

/** Removes the folders made for a restore that did not happen, deepest first, each only if it is empty. */
async function removeCreated(folder: string, topmost: string): Promise<void> {
  for (let path = folder; ; path = dirname(path)) {
    if (!(await rmdir(path).then(() => true, () => false))) return
    if (path === topmost || dirname(path) === path) return
  }
}

function contents(report: FullBackupReport): string {
  const { members, sessions, agreements } = report.counts
  return `${members} integrantes, ${sessions} sesiones, ${agreements} acuerdos, ${report.attachments} adjuntos y ${report.actas} actas (${report.files} archivos, ${sizeLabel(report.contentBytes)})`
}

function printReport(report: FullBackupReport): void {
  const at = new Date(report.createdAt)
  // Whatever an archive carries is written to the terminal as text, never as escapes.
  console.log(`  Creado:    ${longSpanishDate(mexicoDate(at))} a las ${mexicoTime(at)} (Secretariado ${printable(report.appVersion)}, esquema ${report.schemaVersion})`)
  console.log(`  De:        ${printable(report.bodyName)} · ${printable(report.organization)}`)
  console.log(`  Contiene:  ${contents(report)}`)
  console.log(`  Archivo:   ${sizeLabel(report.archiveBytes)}, SHA-256 ${report.archiveSha256}`)
  console.log('El manifiesto, la huella SHA-256 de cada archivo y el archivo de datos son correctos.')
}

async function readArchive(file: string): Promise<Buffer> {
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new AppError('VALIDACION', `${file} no es un archivo.`)
    if (info.size > MAX_BACKUP_BYTES) throw new AppError('VALIDACION', `${file} mide ${sizeLabel(info.size)}; un respaldo completo admite como máximo ${sizeLabel(MAX_BACKUP_BYTES)}.`)
    return await readFile(file)
  } catch (error) {
    if (error instanceof AppError) throw error
    if (isCode(error, 'ENOENT')) throw new AppError('NO_ENCONTRADO', `No existe el archivo ${file}.`)
    throw new AppError('LECTURA', `No se pudo leer el archivo ${file}.`, { cause: error })
  }
}
