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
 * as it was (a respaldos/ folder made for the step 2 is removed too). A
 * folder that holds adjuntos/ or actas/ but no data file is treated like an
 * existing data file: those files belong to other data, so they are never
 * mixed with the restored ones; they are moved aside only when the caller
 * confirms the replacement.
 *
 * adjuntos/ and actas/ belong to the folder, not to one data file: a folder
 * where another data file lives (open in some program, or just there) is
 * never restored into, since its files would be swapped under it.
 *
 * The staging folder is `.<data file>.restaurando-<instante>-<hex>`, the same
 * instant as the aside folder's name, so after a cut (a crash, a power loss)
 * between steps 2 and 3 the two are easy to pair; the next restore into the
 * same data file removes its own stale staging folders (nothing else's).
 *
 * The caller holds the target's lock (the store's, or the command line's).
 */
import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { AppError } from '../errors'
import { BACKUP_FOLDER } from '../store/backups'
import { errorCode, heldMessage, isCode, liveLockHolder, lockPathOf } from '../store/lock'
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

const stampOf = (now: Date): string => now.toISOString().replace(/[:.]/g, '-')

/** `respaldos/antes-de-restaurar-<instante>` beside the data file. */
export function asideFolderFor(dataFile: string, now: Date): string {
  return join(dirname(resolve(dataFile)), BACKUP_FOLDER, `antes-de-restaurar-${stampOf(now)}`)
}

/** `.<data file>.restaurando-<instante>-<hex>`: whose it is, and when, in its name. */
export function stagingNameFor(base: string, now: Date, random: string): string {
  return `.${base}.restaurando-${stampOf(now)}-${random}`
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether `name` is a staging folder of a restore into exactly `base` (and not of another data file whose name starts alike). */
export function isStagingOf(base: string, name: string): boolean {
  return new RegExp(`^\\.${escapeRegExp(base)}\\.restaurando-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z-[0-9a-f]{12}$`).test(name)
}

/** Windows and macOS disks usually hold names regardless of case. */
const sameName = (a: string, b: string): boolean => (process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b)

/** A damaged data file the store set aside (`<nombre>.danado-<instante>.json`): kept, never opened again, so not a data file in use. */
const DAMAGED_ASIDE = /\.danado-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/

/** How every data file begins (store/data-format.ts). */
const DATA_FILE_START = Buffer.from('{"formato":"secretariado"', 'latin1')

/**
 * Refuses a folder that another data file shares: one whose lock a live owner
 * holds (the app, the command line), or one that simply sits there. Their
 * attachments and actas are the folder's, and a restore would swap them.
 */
export async function checkFolderNotShared(dataFile: string, fs: RestoreFs = fsp): Promise<void> {
  const file = resolve(dataFile)
  const folder = dirname(file)
  const base = basename(file)
  let names: string[]
  try {
    names = (await fs.readdir(folder)).sort()
  } catch (error) {
    if (isCode(error, 'ENOENT')) return
    throw new AppError('LECTURA', `No se pudo revisar la carpeta ${folder} (${errorCode(error)}).`, { cause: error })
  }
  const shared = (other: string): string =>
    `No se restauró nada: en la carpeta ${folder} está también el archivo de datos ${other}, que comparte con ${base} las carpetas adjuntos/ y actas/.`
  for (const name of names) {
    if (!name.endsWith('.lock') || sameName(name, basename(lockPathOf(file)))) continue
    const other = name.slice(0, -'.lock'.length)
    if (!other) continue
    const holder = await liveLockHolder(join(folder, other))
    if (holder) throw new AppError('BLOQUEADO', `${shared(other)} ${heldMessage(holder.owner)}`)
  }
  for (const name of names) {
    if (sameName(name, base) || name.endsWith('.tmp') || DAMAGED_ASIDE.test(name)) continue
    if (await isDataFile(fs, join(folder, name))) {
      throw new AppError('REGLA', `${shared(name)} Restaure en una carpeta propia, o mueva antes ${name} (con sus adjuntos/ y actas/) a otra carpeta.`)
    }
  }
}

/** Whether `path` is a regular file that begins like a data file (read without following a link, without blocking on a pipe). */
async function isDataFile(fs: RestoreFs, path: string): Promise<boolean> {
  const info = await fs.lstat(path).catch(() => null)
  if (!info?.isFile() || info.size < DATA_FILE_START.length) return false
  const handle = await fs.open(path, fsp.constants.O_RDONLY | (fsp.constants.O_NONBLOCK ?? 0) | (fsp.constants.O_NOFOLLOW ?? 0)).catch(() => null)
  if (!handle) return false
  try {
    const start = Buffer.alloc(DATA_FILE_START.length)
    const { bytesRead } = await handle.read(start, 0, start.length, 0)
    return bytesRead === start.length && start.equals(DATA_FILE_START)
  } catch {
    return false
  } finally {
    await handle.close().catch(() => undefined)
  }
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
  await checkFolderNotShared(dataFile, fs)
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

  const staging = join(folder, stagingNameFor(base, options.now, randomBytes(6).toString('hex')))
  await mkdirOrFail(fs, staging, false)
  const steps: Step[] = []
  let aside: string | null = null
  let madeAsideParent: string | undefined
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
      const made = await makeAsideFolder(fs, dataFile, options.now)
      aside = made.path
      madeAsideParent = made.createdParent
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
      await linkOrCopy(fs, stagedData, dataFile)
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
    // respaldos/, when this restore made it (only if nothing else is in it).
    if (madeAsideParent) await fs.rmdir(madeAsideParent).catch(() => undefined)
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

/** Creates the folder; returns the first folder it created (recursive), if any. */
async function mkdirOrFail(fs: RestoreFs, path: string, recursive: boolean): Promise<string | undefined> {
  try {
    const created = await fs.mkdir(path, { recursive, mode: 0o700 })
    return typeof created === 'string' ? created : recursive ? undefined : path
  } catch (error) {
    throw new AppError('ESCRITURA', `No se pudo crear la carpeta ${path} (${errorCode(error)}). No se modificó nada.`, { cause: error })
  }
}

/** Staging folders of a restore into this same data file that was cut short; safe to remove because the caller holds its lock. */
async function removeStaleStaging(fs: RestoreFs, folder: string, base: string): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[])
  for (const name of names) if (isStagingOf(base, name)) await fs.rm(join(folder, name), { recursive: true, force: true }).catch(() => undefined)
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

/** The aside folder, and respaldos/ when it had to be made for it (so a failed restore removes it again). */
async function makeAsideFolder(fs: RestoreFs, dataFile: string, now: Date): Promise<{ path: string; createdParent: string | undefined }> {
  const wanted = asideFolderFor(dataFile, now)
  const createdParent = await mkdirOrFail(fs, dirname(wanted), true)
  try {
    for (let attempt = 1; attempt < 100; attempt++) {
      const path = attempt === 1 ? wanted : `${wanted}-${attempt}`
      try {
        await fs.mkdir(path, { mode: 0o700 })
        return { path, createdParent }
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error
      }
    }
  } catch (error) {
    if (createdParent) await fs.rmdir(createdParent).catch(() => undefined)
    throw error
  }
  if (createdParent) await fs.rmdir(createdParent).catch(() => undefined)
  throw new AppError('ESCRITURA', `No se pudo crear una carpeta para apartar los datos actuales en ${dirname(wanted)}.`)
}

/** Errors of `link` that mean the disk has no hard links (FAT drives, some network shares) or cannot link these two names. */
const NO_HARD_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL', 'EMLINK', 'EXDEV']

/** The current data file, kept aside while it stays in place. */
const keepCopy = (fs: RestoreFs, source: string, target: string): Promise<void> => linkOrCopy(fs, source, target)

/**
 * `target` made a second name of `source`: a hard link, or, where the disk has
 * none, a synced copy. Either way a file already at `target` is never replaced,
 * and a copy cut short is removed.
 */
async function linkOrCopy(fs: RestoreFs, source: string, target: string): Promise<void> {
  try {
    await fs.link(source, target)
    return
  } catch (error) {
    if (!NO_HARD_LINKS.some((code) => isCode(error, code))) throw error
  }
  try {
    await fs.copyFile(source, target, fsp.constants.COPYFILE_EXCL)
  } catch (error) {
    if (!isCode(error, 'EEXIST')) await fs.unlink(target).catch(() => undefined)
    throw error
  }
  try {
    const handle = await fs.open(target, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    await fs.unlink(target).catch(() => undefined)
    throw error
  }
}
