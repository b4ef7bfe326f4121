/** The «Respaldo completo» card's view: the last archive, whether a new one is due (by the core's clock), and what one would hold. */
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { FullBackupStatusView } from '../contract/views'
import { sizeLabel } from '../packets/limits'
import { BACKUP_FOLDER } from '../store/backups'
import type { Store } from '../store/store'
import { BACKUP_FOLDERS, FULL_BACKUP_REMINDER_DAYS, MAX_BRIDGE_BACKUP_BYTES, isSafeFileName, type BackupFolder } from './format'

const DAY_MS = 86_400_000

/** Whole days from `at` to `now`, and whether a reminder is due (none yet, or older than the reminder period). */
export function fullBackupAge(at: string | null, now: Date): { ageDays: number | null; due: boolean } {
  if (at === null) return { ageDays: null, due: true }
  const elapsed = now.getTime() - new Date(at).getTime()
  return { ageDays: Math.max(0, Math.floor(elapsed / DAY_MS)), due: elapsed > FULL_BACKUP_REMINDER_DAYS * DAY_MS }
}

async function fileCount(dataFolder: string, folder: BackupFolder): Promise<number> {
  const entries = await readdir(join(dataFolder, folder), { withFileTypes: true }).catch(() => [])
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
