/** The «Respaldo completo» card's view: the last archive, whether a new one is due (by the core's clock), and what one would hold. */
import { readdir, realpath } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { FullBackupStatusView } from '../contract/views'
import { sizeLabel } from '../packets/limits'
import { BACKUP_FOLDER } from '../store/backups'
import type { Store } from '../store/store'
import { ownFolder } from './folders'
import { BACKUP_FOLDERS, FULL_BACKUP_REMINDER_DAYS, MAX_BRIDGE_BACKUP_BYTES, isSafeFileName, type BackupFolder } from './format'

const DAY_MS = 86_400_000

/** Whole days from `at` to `now`, and whether a reminder is due (none yet, or older than the reminder period). */
export function fullBackupAge(at: string | null, now: Date): { ageDays: number | null; due: boolean } {
  if (at === null) return { ageDays: null, due: true }
  const elapsed = now.getTime() - new Date(at).getTime()
  return { ageDays: Math.max(0, Math.floor(elapsed / DAY_MS)), due: elapsed > FULL_BACKUP_REMINDER_DAYS * DAY_MS }
}

/**
 * The last full backup's instant after a restore: the archive's own date, but
 * never later than the restore itself. A date ahead of this clock (another
 * computer's clock, within the tolerance verify allows) would otherwise tell
 * the card that a backup is newer than it is and hold back its reminder.
 */
export function lastBackupInstant(createdAt: string, restoredAt: Date): string {
  return new Date(Math.min(new Date(createdAt).getTime(), restoredAt.getTime())).toISOString()
}

/** The files a backup would take from one folder: none from a link that points outside the data folder. */
async function fileCount(dataFolder: string, folder: BackupFolder): Promise<number> {
  const own = await realpath(dataFolder)
    .then((real) => ownFolder(dataFolder, real, folder))
    .catch(() => null)
  if (!own) return 0
  const entries = await readdir(own.root, { withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile() && isSafeFileName(entry.name)).length
}

export async function fullBackupStatus(store: Store, now: Date): Promise<FullBackupStatusView> {
  const data = store.data
  const last = data.lastFullBackup
  const [attachments, actas] = await Promise.all(BACKUP_FOLDERS.map((folder) => fileCount(store.dataFolder, folder)))
  return {
    last: last ? { ...last } : null,
    ...fullBackupAge(last?.at ?? null, now),
    reminderDays: FULL_BACKUP_REMINDER_DAYS,
    contents: { members: data.members.length, sessions: data.sessions.length, agreements: data.agreements.length, attachments: attachments ?? 0, actas: actas ?? 0 },
    asideFolder: join(dirname(store.dataFile), BACKUP_FOLDER),
    maxBytes: MAX_BRIDGE_BACKUP_BYTES,
    maxSizeLabel: sizeLabel(MAX_BRIDGE_BACKUP_BYTES),
  }
}
