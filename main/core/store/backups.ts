/**
 * Rolling backups in `respaldos/` beside the data file: the state before each
 * of the last 10 saves, and the first state of each day (the last 30 days).
 * A backup is a hard link to the file being replaced, so it costs no copy;
 * where links are not supported (FAT drives) the file is copied instead. The
 * folder is synced after its names change, so a crash right after a save
 * never loses the backup that save took.
 */
import { basename, dirname, join } from 'node:path'
import type { BackupInfo } from '../contract/views'
import { mexicoDate } from '../domain/dates'
import { nodeFs, syncFolder, type DurableFs } from './durable-write'
import { isCode } from './lock'

export const BACKUP_FOLDER = 'respaldos'
export const KEEP_SAVES = 10
export const KEEP_DAYS = 30

const NAME = /^(guardado|diario)-(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/

export function backupFolder(dataFile: string): string {
  return join(dirname(dataFile), BACKUP_FOLDER)
}

let sequence = 0

/** Keeps the current data file (if any) as a backup. Never throws: a backup must not block a save. */
export async function keepBackup(dataFile: string, now: Date, fs: DurableFs = nodeFs): Promise<string | null> {
  const folder = backupFolder(dataFile)
  try {
    await fs.mkdir(folder, { recursive: true })
    const stamp = compactStamp(now)
    const saved = join(folder, `guardado-${stamp}-${String(++sequence % 10000).padStart(4, '0')}.json`)
    if (!(await preserve(dataFile, saved, fs))) return null
    const names = await fs.readdir(folder)
    const day = `diario-${mexicoDay(now)}`
    if (!names.some((name) => name.startsWith(day))) await preserve(dataFile, join(folder, `${day}T000000000Z.json`), fs)
    await prune(folder, names, fs)
    // The new names (and the pruned ones) reach the disk before the save that relies on them replaces the file.
    await syncFolder(folder, fs)
    return saved
  } catch {
    return null
  }
}

async function preserve(source: string, target: string, fs: DurableFs): Promise<boolean> {
  try {
    await fs.link(source, target)
    return true
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false
    if (isCode(error, 'EEXIST')) return true
    // No hard links on this drive: copy, and make the copy durable before the original is replaced.
    await fs.copyFile(source, target)
    const copy = await fs.open(target, 'r+')
    try {
      await copy.sync()
    } finally {
      await copy.close()
    }
    return true
  }
}

async function prune(folder: string, names: string[], fs: DurableFs): Promise<void> {
  const parsed = names.map((name) => ({ name, match: NAME.exec(name) })).filter((entry) => entry.match)
  const saves = parsed.filter((entry) => entry.match?.[1] === 'guardado').map((entry) => entry.name).sort()
  const days = parsed.filter((entry) => entry.match?.[1] === 'diario').map((entry) => entry.name).sort()
  const stale = [...saves.slice(0, Math.max(0, saves.length - KEEP_SAVES)), ...days.slice(0, Math.max(0, days.length - KEEP_DAYS))]
  await Promise.all(stale.map((name) => fs.unlink(join(folder, name)).catch(() => undefined)))
}

/** Backups on disk, newest first. */
export async function listBackups(dataFile: string, fs: DurableFs = nodeFs): Promise<BackupInfo[]> {
  const folder = backupFolder(dataFile)
  let names: string[]
  try {
    names = await fs.readdir(folder)
  } catch {
    return []
  }
  const infos: BackupInfo[] = []
  for (const name of names) {
    const match = NAME.exec(name)
    if (!match?.[2]) continue
    try {
      const stats = await fs.stat(join(folder, name))
      // A backup is the file as it was last written, so its time is its modification time.
      infos.push({ name, kind: match[1] === 'diario' ? 'diario' : 'guardado', savedAt: stats.mtime.toISOString(), size: stats.size })
    } catch {
      // Removed while listing: skip it.
    }
  }
  return infos.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.name.localeCompare(a.name))
}

/** A backup name from the user is only ever looked up in the listing, never joined as a path. */
export function isBackupName(name: string): boolean {
  return NAME.test(name) && basename(name) === name
}

function compactStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

/** The calendar day in Guadalajara, as YYYYMMDD. */
function mexicoDay(date: Date): string {
  return mexicoDate(date).replaceAll('-', '')
}
