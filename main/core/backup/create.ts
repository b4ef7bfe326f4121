/**
 * Creating a full backup archive from an open store: the data file as it is
 * persisted (pending saves are flushed first), every file of adjuntos/ and
 * actas/, and a manifest with the SHA-256 of each. The archive is verified
 * with the same reader a restore uses before it is handed out.
 */
import { constants, type Dirent } from 'node:fs'
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { AppError } from '../errors'
import type { FullBackupReport } from '../contract/views'
import { mexicoDate } from '../domain/dates'
import type { FullBackupRecord } from '../model/schema'
import { displayName } from '../packets/entry-names'
import { sizeLabel } from '../packets/limits'
import { writeZip, type ZipEntryInput } from '../packets/zip-writer'
import { BACKUP_FOLDER } from '../store/backups'
import { writeFileDurable } from '../store/durable-write'
import { errorCode, isCode, lockPathOf } from '../store/lock'
import { parseDataBytes } from '../store/read-data-file'
import type { Store } from '../store/store'
import {
  BACKUP_EXTENSION,
  BACKUP_FOLDERS,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DATA_ENTRY,
  MANIFEST_ENTRY,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_ENTRY_BYTES,
  isSafeFileName,
  printable,
  type BackupFolder,
  type BackupManifest,
} from './format'
import { ownFolder, realFolder } from './folders'
import { archivedSchemaVersion, sha256Hex, verifyBackup } from './verify'

export interface BuiltBackup {
  bytes: Buffer
  sha256: string
  /** `respaldo-secretariado-AAAA-MM-DD.stlbak`, the day in Guadalajara. */
  fileName: string
  report: FullBackupReport
}

export interface BuildOptions {
  now: Date
  appVersion: string
  /** The largest archive the caller can hand on (the bridge carries less than a file). */
  maxBytes?: number
}

export function backupFileName(now: Date): string {
  return `respaldo-secretariado-${mexicoDate(now)}${BACKUP_EXTENSION}`
}

export async function buildFullBackup(store: Store, options: BuildOptions): Promise<BuiltBackup> {
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES
  if (store.state.kind !== 'ready') throw new AppError('SIN_DATOS', 'No hay datos que respaldar: el archivo de datos necesita recuperarse primero.')
  await store.flush()
  const dataBytes = await readDataFileBytes(store.dataFile)
  const data = parseDataBytes(dataBytes)
  const warnings: string[] = []
  const files: { path: string; bytes: Buffer }[] = [{ path: DATA_ENTRY, bytes: dataBytes }]
  let total = dataBytes.length
  const realDataFolder = await realFolder(store.dataFolder)
  for (const folder of BACKUP_FOLDERS) {
    for (const file of await folderFiles(store.dataFolder, realDataFolder, folder, warnings)) {
      total += file.bytes.length
      if (total > maxBytes) throw tooLarge(total, maxBytes)
      files.push(file)
    }
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: options.now.toISOString(),
    appVersion: options.appVersion,
    schemaVersion: archivedSchemaVersion(dataBytes),
    dataFileName: printable(basename(store.dataFile)),
    // As they may be shown (the reader refuses control characters in a manifest): what verify compares them with.
    organization: printable(data.settings.organization),
    bodyName: printable(data.settings.bodyName),
    counts: { members: data.members.length, sessions: data.sessions.length, agreements: data.agreements.length },
    entries: files.map((file) => ({ path: file.path, size: file.bytes.length, sha256: sha256Hex(file.bytes) })),
  }
  const entries: ZipEntryInput[] = [
    // Stored, so a changed byte in it is seen as it is; the data file compresses well; attachments and PDFs already are compressed.
    { name: MANIFEST_ENTRY, data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), compress: false },
    ...files.map((file) => ({ name: file.path, data: file.bytes, compress: file.path === DATA_ENTRY })),
  ]
  const bytes = await writeZip(entries, options.now)
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes)
  // The archive is read back exactly as a restore would read it: what is handed out is known to restore.
  const verified = await verifyBackup(bytes, { now: options.now, maxBytes })
  return {
    bytes,
    sha256: verified.report.archiveSha256,
    fileName: backupFileName(options.now),
    report: { ...verified.report, warnings: [...warnings, ...verified.report.warnings] },
  }
}

function tooLarge(bytes: number, max: number): AppError {
  return new AppError(
    'VALIDACION',
    `El respaldo completo mediría más de ${sizeLabel(max)} (${sizeLabel(bytes)} o más); aquí se admite como máximo ${sizeLabel(max)}. ` +
      'Use la línea de comandos (npm run cli -- backup create), que admite respaldos mayores.',
  )
}

async function readDataFileBytes(file: string): Promise<Buffer> {
  try {
    return await readRegularFile(file, MAX_BACKUP_ENTRY_BYTES)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('LECTURA', `No se pudo leer el archivo de datos ${file} (${errorCode(error)}).`, { cause: error })
  }
}

/** A regular file's bytes, never following a link at the last step (where the system allows it). */
async function readRegularFile(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new AppError('LECTURA', `${path} no es un archivo.`)
    if (info.size > limit) throw new AppError('VALIDACION', `El archivo ${path} mide ${sizeLabel(info.size)}; un respaldo admite como máximo ${sizeLabel(limit)} por archivo.`)
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

/** The files of one folder beside the data file, by name; what the app never writes there is left out with a warning. */
async function folderFiles(dataFolder: string, realDataFolder: string, folder: BackupFolder, warnings: string[]): Promise<{ path: string; bytes: Buffer }[]> {
  const own = await ownFolder(dataFolder, realDataFolder, folder)
  if (!own) {
    const present = await lstat(join(dataFolder, folder)).then(
      () => true,
      () => false,
    )
    if (present) warnings.push(`No se incluyó ${folder}/: no es una carpeta dentro de la carpeta de datos (es un enlace o un archivo); lo que contiene no se respalda.`)
    return []
  }
  const { root, real } = own
  let listing: Dirent[]
  try {
    listing = await readdir(root, { withFileTypes: true })
  } catch (error) {
    if (isCode(error, 'ENOENT')) return []
    throw new AppError('LECTURA', `No se pudo leer la carpeta ${root} (${errorCode(error)}).`, { cause: error })
  }
  const files: { path: string; bytes: Buffer }[] = []
  for (const entry of listing.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = `${folder}/${entry.name}`
    // Temporary files of a save in progress (".name.pid.n.tmp") are not data.
    if (entry.name.startsWith('.') && entry.name.endsWith('.tmp')) continue
    if (!entry.isFile()) {
      warnings.push(`No se incluyó ${displayName(path)}: no es un archivo (es una carpeta o un enlace).`)
      continue
    }
    if (!isSafeFileName(entry.name)) {
      warnings.push(`No se incluyó ${displayName(path)}: la aplicación no escribe archivos con ese nombre.`)
      continue
    }
    try {
      const bytes = await readRegularFile(join(root, entry.name), MAX_BACKUP_ENTRY_BYTES)
      // The folder swapped for a link while it was read: what was read may come from elsewhere.
      if ((await realpath(join(root, entry.name))) !== join(real, entry.name)) throw new AppError('LECTURA', `La carpeta ${root} cambió mientras se respaldaba: intente de nuevo.`)
      files.push({ path, bytes })
    } catch (error) {
      if (error instanceof AppError) throw error
      // Removed while listing: it is not part of the data any more.
      if (isCode(error, 'ENOENT')) continue
      throw new AppError('LECTURA', `No se pudo leer ${join(root, entry.name)} (${errorCode(error)}).`, { cause: error })
    }
  }
  const after = await ownFolder(dataFolder, realDataFolder, folder)
  if (!after || after.info.ino !== own.info.ino || after.info.dev !== own.info.dev) throw new AppError('LECTURA', `La carpeta ${root} cambió mientras se respaldaba: intente de nuevo.`)
  return files
}

/** Remembers the archive in the data file, with an entry in the bitácora. */
export async function recordFullBackup(store: Store, record: FullBackupRecord): Promise<void> {
  await store.update((draft, tools) => {
    draft.lastFullBackup = record
    tools.audit({
      entity: 'archivo',
      entityId: '',
      action: 'crear',
      summary: `Respaldo completo ${record.fileName} (${sizeLabel(record.bytes)}, SHA-256 ${record.sha256.slice(0, 16)}…)`,
    })
  })
}

export interface WriteBackupOptions {
  dataFile: string
  /** Replace an existing file of that name. */
  force: boolean
}

/**
 * Writes an archive where the user chose: to a temporary file in that folder,
 * synced, then renamed, so a half-written archive never has the final name.
 */
export async function writeBackupFile(out: string, bytes: Buffer, options: WriteBackupOptions): Promise<string> {
  const target = resolve(out)
  await checkDestination(target, resolve(options.dataFile))
  const existing = await stat(target).then(
    (info) => info,
    () => null,
  )
  if (existing?.isDirectory()) throw new AppError('VALIDACION', `${target} es una carpeta: indique el nombre del archivo del respaldo.`)
  if (existing && !options.force) throw new AppError('VALIDACION', `Ya existe ${target}: no se reemplaza. Elija otro nombre o use --force para reemplazarlo.`)
  try {
    await writeFileDurable(target, bytes)
  } catch (error) {
    const reason = isCode(error, 'ENOENT') ? 'la carpeta no existe' : isCode(error, 'ENOSPC') ? 'no hay espacio en el disco' : errorCode(error)
    throw new AppError('ESCRITURA', `No se pudo escribir el respaldo en ${target} (${reason}); no quedó ningún archivo a medias.`, { cause: error })
  }
  return target
}

/** Windows and macOS disks usually hold names regardless of case: «Adjuntos» is adjuntos/. */
const foldCase = (path: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path)

/** The path with its folder resolved through links (`..`, a link, another spelling); as spelled when the folder does not exist. */
async function realTarget(path: string): Promise<string> {
  const folder = await realpath(dirname(path)).catch(() => dirname(path))
  return join(folder, basename(path))
}

/**
 * An archive is never written over the data file or its lock, nor into the
 * folders a backup reads or the store rotates (adjuntos/, actas/, respaldos/):
 * compared by real paths, so a link or another spelling of the same folder is
 * seen for what it is.
 */
async function checkDestination(target: string, dataFile: string): Promise<void> {
  const spelled = [target, await realTarget(target)].map(foldCase)
  const file = foldCase(await realTarget(dataFile))
  const folder = dirname(file)
  if (spelled.some((path) => path === file || path === foldCase(resolve(dataFile)))) throw new AppError('VALIDACION', 'El respaldo no puede escribirse sobre el archivo de datos.')
  if (spelled.some((path) => path === foldCase(lockPathOf(file)) || path === foldCase(lockPathOf(resolve(dataFile))))) {
    throw new AppError('VALIDACION', 'El respaldo no puede escribirse sobre el candado del archivo de datos.')
  }
  const folders = [...BACKUP_FOLDERS, BACKUP_FOLDER]
  for (const base of [folder, foldCase(dirname(resolve(dataFile)))]) {
    for (const path of spelled) {
      const inside = relative(base, path)
      const within = folders.find((name) => inside === name || inside.startsWith(`${name}${sep}`))
      if (within) throw new AppError('VALIDACION', `El respaldo no puede guardarse dentro de ${within}/ de la carpeta de datos: elija otra carpeta, mejor en otro disco.`)
    }
  }
}
