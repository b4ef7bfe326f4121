/**
 * The full backup over the bridge. The renderer never names a path: a new
 * archive comes back as a download (the shell asks where to save it, a USB
 * drive, say), and an archive to restore arrives as the content the user
 * picked. Both are limited to what a bridge string carries (300 MB); larger
 * archives go through the command line.
 */
import { dirname, join } from 'node:path'
import { AppError } from '../../errors'
import { backupFileName, buildFullBackup, recordFullBackup } from '../../backup/create'
import { BACKUP_MIME_TYPE, MAX_BRIDGE_BACKUP_BYTES } from '../../backup/format'
import { installBackup, type RestoreOutcome } from '../../backup/restore'
import { fullBackupStatus, lastBackupInstant } from '../../backup/status'
import { verifyBackup } from '../../backup/verify'
import { longSpanishDate, mexicoDate } from '../../domain/dates'
import { BACKUP_FOLDER } from '../../store/backups'
import type { FullBackupRecord } from '../../model/schema'
import type { Store } from '../../store/store'
import { appHandlers } from './app'
import type { HandlerSet } from './types'

/** A restore replaces the whole data file; one whose folder cannot be changed, or a newer version's file, is never replaced. */
function checkRestoreAllowed(store: Store): void {
  const state = store.state
  if (store.readOnly) throw new AppError('SOLO_LECTURA', `El archivo de datos está abierto en sólo lectura: ${store.readOnly.reason}. No se restauró nada.`)
  if (state.kind === 'locked') throw new AppError('BLOQUEADO', `No se puede restaurar: ${state.problem}`)
  if (state.kind === 'recovery' && !state.canStartEmpty) throw new AppError('REGLA', `${state.problem} No se reemplaza por un respaldo.`)
}

/** Archives created in this run and not yet recorded, by SHA-256, per store (the last few only). */
const created = new WeakMap<Store, Map<string, FullBackupRecord>>()
const KEEP_CREATED = 5

function remember(store: Store, record: FullBackupRecord): void {
  const list = created.get(store) ?? new Map<string, FullBackupRecord>()
  list.set(record.sha256, record)
  for (const sha of [...list.keys()].slice(0, Math.max(0, list.size - KEEP_CREATED))) list.delete(sha)
  created.set(store, list)
}

export const backupHandlers: HandlerSet<'getFullBackupStatus' | 'createFullBackup' | 'recordFullBackup' | 'inspectFullBackup' | 'restoreFullBackup'> = {
  getFullBackupStatus: (_input, { store, now }) => fullBackupStatus(store, now()),

  /** Builds the archive and hands it over; nothing is written until it is recorded. */
  createFullBackup: async (_input, { store, now, version }) => {
    const at = now()
    const built = await buildFullBackup(store, { now: at, appVersion: version, maxBytes: MAX_BRIDGE_BACKUP_BYTES })
    remember(store, { at: at.toISOString(), fileName: built.fileName, sha256: built.sha256, bytes: built.bytes.length })
    return { file: { fileName: built.fileName, mimeType: BACKUP_MIME_TYPE, contentBase64: built.bytes.toString('base64') }, report: built.report }
  },

  /** The archive was handed to be saved: the data file remembers it, with an entry in the bitácora. */
  recordFullBackup: async ({ sha256 }, { store, now }) => {
    const record = created.get(store)?.get(sha256)
    if (!record) throw new AppError('NO_ENCONTRADO', 'Ese respaldo completo no se creó en esta sesión de la aplicación: no se anota.')
    await recordFullBackup(store, record)
    created.get(store)?.delete(sha256)
    return fullBackupStatus(store, now())
  },

  inspectFullBackup: async ({ contentBase64 }, { store, now }) => {
    const { report } = await verifyBackup(Buffer.from(contentBase64, 'base64'), { now: now(), maxBytes: MAX_BRIDGE_BACKUP_BYTES })
    return { report, dataFile: store.dataFile, asideFolder: join(dirname(store.dataFile), BACKUP_FOLDER) }
  },

  restoreFullBackup: async ({ contentBase64, fileName }, context) => {
    const { store, now } = context
    checkRestoreAllowed(store)
    const at = now()
    // The whole archive is verified before anything of the data folder is touched.
    const backup = await verifyBackup(Buffer.from(contentBase64, 'base64'), { now: at, maxBytes: MAX_BRIDGE_BACKUP_BYTES })
    let outcome: RestoreOutcome | null = null
    await store.replaceWithRestored(async ({ dataFile }) => {
      outcome = await installBackup(backup, { dataFile, now: at, replace: true })
      return backup.data
    })
    const movedAsideTo = (outcome as RestoreOutcome | null)?.movedAsideTo ?? null
    const warnings = [...backup.report.warnings]
    const lastAt = lastBackupInstant(backup.manifest.createdAt, at)
    try {
      await store.update((draft, tools) => {
        draft.lastFullBackup = { at: lastAt, fileName: fileName ?? backupFileName(new Date(backup.manifest.createdAt)), sha256: backup.report.archiveSha256, bytes: backup.report.archiveBytes }
        tools.audit({
          entity: 'archivo',
          entityId: '',
          action: 'restaurar',
          summary: `Datos restaurados desde el respaldo completo del ${longSpanishDate(mexicoDate(new Date(backup.manifest.createdAt)))}${movedAsideTo ? `; los anteriores quedaron en ${movedAsideTo}` : ''}`.slice(0, 1000),
        })
      })
    } catch {
      // The data is restored; only its note in the bitácora could not be saved.
      warnings.push('Los datos se restauraron, pero no se pudo anotar la restauración en la bitácora.')
    }
    return { status: await appHandlers.getStatus(undefined, context), report: { ...backup.report, warnings }, movedAsideTo }
  },
}
