/**
 * Restoring a verified full backup into a data folder, all or nothing.
 *
 *   1. every file is written into a staging folder inside the target folder
 *      (same disk, so the moves below are renames) and synced;
 *   2. what is there now, the data file and its adjuntos/ and actas/, is moved
 *      aside into respaldos/antes-de-restaurar-<fecha>/ (the data file by a
 *      hard link, so it never disappears from its place), never deleted;
 *   3. the restored folders are moved into place and the restored data file
 *      replaces the current one with one atomic rename; the folder is synced.
 *
 * Any failure undoes the steps already taken, in reverse: the target is left
 * as it was. A folder that holds adjuntos/ or actas/ but no data file is
 * treated like an existing data file: those files belong to other data, so
 * they are never mixed with the restored ones; they are moved aside only
 * when the caller confirms the replacement.
 *
 * The caller holds the target's lock (the store's, or the command line's).
 */
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { AppError } from '../errors'
import { BACKUP_FOLDER } from '../store/backups'
import { errorCode, isCode } from '../store/lock'
import { BACKUP_FOLDERS, DATA_ENTRY, folderOf, type BackupFolder } from './format'
import type { VerifiedBackup } from './verify'

/** The file-system calls a restore makes, so tests can make any one of them fail. */
export type RestoreFs = Pick<typeof fsp, 'open' | 'rename' | 'link' | 'copyFile' | 'unlink' | 'mkdir' | 'rm' | 'rmdir' | 'lstat' | 'readdir'>

export interface RestoreOptions {
  dataFile: string
  /** Stamps the folder the current data is moved to. */
  now: Date
  /** The user confirmed replacing what the target holds (it is moved aside first). */
  replace: boolean
  fs?: RestoreFs
}

export interface RestoreOutcome {
  dataFile: string
  /** Where the replaced data file and folders went; null when there was nothing to move. */
  movedAsideTo: string | null
}

/** What a restore into `dataFile` would replace. */
export interface RestoreTarget {
  dataFile: string
  dataFileExists: boolean
  /** adjuntos/, actas/ present beside it. */
  folders: BackupFolder[]
}

export async function restoreTarget(dataFile: string, fs: RestoreFs = fsp): Promise<RestoreTarget> {
  const file = resolve(dataFile)
  const folder = dirname(file)
  const exists = async (path: string): Promise<boolean> =>
    fs.lstat(path).then(
      () => true,
      (error: unknown) => {
        if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return false
        throw new AppError('LECTURA', `No se pudo revisar ${path} (${errorCode(error)}).`, { cause: error })
      },
    )
  const folders: BackupFolder[] = []
  for (const name of BACKUP_FOLDERS) if (await exists(join(folder, name))) folders.push(name)
  return { dataFile: file, dataFileExists: await exists(file), folders }
}

export function isOccupied(target: RestoreTarget): boolean {
  return target.dataFileExists || target.folders.length > 0
}

/** `respaldos/antes-de-restaurar-<instante>` beside the data file. */
export function asideFolderFor(dataFile: string, now: Date): string {
  return join(dirname(resolve(dataFile)), BACKUP_FOLDER, `antes-de-restaurar-${now.toISOString().replace(/[:.]/g, '-')}`)
}

interface Step {
  undo: () => Promise<void>
  what: string
}

export async function installBackup(backup: VerifiedBackup, options: RestoreOptions): Promise<RestoreOutcome> {
  const fs = options.fs ?? fsp
  const dataFile = resolve(options.dataFile)
  const folder = dirname(dataFile)
  const base = basename(dataFile)
  await mkdirOrFail(fs, folder, true)
  const target = await restoreTarget(dataFile, fs)
  if (isOccupied(target) && !options.replace) {
    throw new AppError(
      'REGLA',
      target.dataFileExists
        ? `Ya existe el archivo de datos ${dataFile}: no se reemplaza sin confirmación.`
        : `La carpeta ${folder} ya tiene ${target.folders.map((name) => `${name}/`).join(' y ')} de otros datos: no se mezclan con los del respaldo sin confirmación.`,
    )
  }
  await removeStaleStaging(fs, folder, base)

  const staging = join(folder, `.${base}.restaurando-${randomBytes(6).toString('hex')}`)
  await mkdirOrFail(fs, staging, false)
  const steps: Step[] = []
  let aside: string | null = null
  try {
    // 1. Everything the archive holds, written and synced where it will be moved from.
    const stagedFolders = new Set<BackupFolder>()
    for (const path of backup.files.keys()) {
      const owner = folderOf(path)
      if (owner && !stagedFolders.has(owner)) {
        await mkdirOrFail(fs, join(staging, owner), false)
        stagedFolders.add(owner)
      }
    }
    for (const [path, bytes] of backup.files) await writeSynced(fs, join(staging, ...path.split('/')), bytes)
    for (const owner of stagedFolders) await syncFolder(fs, join(staging, owner))
    await syncFolder(fs, staging)

    // 2. What is there now, moved aside (never deleted).
    if (isOccupied(target)) {
      aside = await makeAsideFolder(fs, dataFile, options.now)
      const asideDir = aside
      for (const name of target.folders) {
        await fs.rename(join(folder, name), join(asideDir, name))
        steps.push({ what: `${name}/`, undo: () => fs.rename(join(asideDir, name), join(folder, name)) })
      }
      if (target.dataFileExists) {
        await keepCopy(fs, dataFile, join(asideDir, base))
        steps.push({ what: base, undo: () => fs.unlink(join(asideDir, base)).catch(ignoreMissing) })
      }
    }

    // 3. The restored files, into place; the data file last, with one atomic rename.
    for (const name of stagedFolders) {
      await fs.rename(join(staging, name), join(folder, name))
      steps.push({ what: `${name}/`, undo: () => fs.rename(join(folder, name), join(staging, name)) })
    }
    const stagedData = join(staging, DATA_ENTRY)
    if (target.dataFileExists && aside) {
      const asideDir = aside
      await fs.rename(stagedData, dataFile)
      steps.push({ what: base, undo: () => fs.rename(join(asideDir, base), dataFile) })
    } else {
      // Nothing was there: a file that appeared meanwhile is never replaced.
      await fs.link(stagedData, dataFile)
      steps.push({ what: base, undo: () => fs.unlink(dataFile) })
    }
    await syncFolder(fs, folder)
    if (aside) {
      await syncFolder(fs, aside)
      await syncFolder(fs, dirname(aside))
    }
  } catch (error) {
    const problems = await undo(steps)
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined)
    if (aside) await fs.rmdir(aside).catch(() => undefined)
    if (problems.length > 0) {
      throw new AppError(
        'ESCRITURA',
        `La restauración falló (${errorCode(error)}) y no se pudo deshacer por completo (${problems.join(', ')}). ` +
          `Nada se borró: los datos anteriores están en ${aside ?? folder}.`,
        { cause: error },
      )
    }
    if (error instanceof AppError) throw error
    throw new AppError('ESCRITURA', `No se pudo restaurar el respaldo en ${folder} (${errorCode(error)}). Los datos de esa carpeta siguen como estaban.`, { cause: error })
  }
  // Only copies of the archive's files are left in staging.
  await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined)
  return { dataFile, movedAsideTo: aside }
}

async function undo(steps: Step[]): Promise<string[]> {
  const problems: string[] = []
  for (const step of steps.reverse()) {
    try {
      await step.undo()
    } catch (error) {
      problems.push(`${step.what}: ${errorCode(error)}`)
    }
  }
  return problems
}

function ignoreMissing(error: unknown): void {
  if (!isCode(error, 'ENOENT')) throw error
}

async function mkdirOrFail(fs: RestoreFs, path: string, recursive: boolean): Promise<void> {
  try {
    await fs.mkdir(path, { recursive, mode: 0o700 })
  } catch (error) {
    throw new AppError('ESCRITURA', `No se pudo crear la carpeta ${path} (${errorCode(error)}). No se modificó nada.`, { cause: error })
  }
}

/** Staging folders of a restore that was cut short; safe to remove because the caller holds the lock. */
async function removeStaleStaging(fs: RestoreFs, folder: string, base: string): Promise<void> {
  const prefix = `.${base}.restaurando-`
  const names = await fs.readdir(folder).catch(() => [] as string[])
  for (const name of names) if (name.startsWith(prefix)) await fs.rm(join(folder, name), { recursive: true, force: true }).catch(() => undefined)
}

async function writeSynced(fs: RestoreFs, path: string, bytes: Buffer): Promise<void> {
  // 'wx': a fresh file in a fresh folder; nothing already there (a link, say) is ever written through.
  const handle = await fs.open(path, 'wx', 0o600)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function syncFolder(fs: RestoreFs, path: string): Promise<void> {
  // Windows cannot open a folder for syncing, and needs no such step.
  if (process.platform === 'win32') return
  const handle = await fs.open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function makeAsideFolder(fs: RestoreFs, dataFile: string, now: Date): Promise<string> {
  const wanted = asideFolderFor(dataFile, now)
  await mkdirOrFail(fs, dirname(wanted), true)
  for (let attempt = 1; attempt < 100; attempt++) {
    const path = attempt === 1 ? wanted : `${wanted}-${attempt}`
    try {
      await fs.mkdir(path, { mode: 0o700 })
      return path
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error
    }
  }
  throw new AppError('ESCRITURA', `No se pudo crear una carpeta para apartar los datos actuales en ${dirname(wanted)}.`)
}

/** Errors of `link` that mean the disk has no hard links (FAT drives, some network shares). */
const NO_HARD_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL', 'EMLINK']

/** The current data file, kept aside while it stays in place: a hard link, or a synced copy where links are not supported. */
async function keepCopy(fs: RestoreFs, source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target)
  } catch (error) {
    if (!NO_HARD_LINKS.some((code) => isCode(error, code))) throw error
    await fs.copyFile(source, target, fsp.constants.COPYFILE_EXCL)
    const handle = await fs.open(target, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}
