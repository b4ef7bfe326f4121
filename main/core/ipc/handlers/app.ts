/** The app itself: status and recovery of the data file, settings, the audit log, external links. */
import { mkdir, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../errors'
import { buildDiagnostics } from '../../domain/diagnostics'
import { mexicoDate } from '../../domain/dates'
import type { AppStatus } from '../../contract/views'
import { parseExternalUrl } from '../../security/external-url'
import { programLabel } from '../../store/lock'
import type { HandlerContext } from '../context'
import { SIGNED_ACTAS_FOLDER } from './signing'
import type { HandlerSet } from './types'

export const appHandlers: HandlerSet<'getStatus' | 'restoreBackup' | 'startEmpty' | 'retryOpen' | 'openReadOnly' | 'unlockDataFile' | 'getSettings' | 'updateSettings' | 'exportDiagnostics' | 'openDataFolder' | 'openActasFolder' | 'openExternal'> = {
  getStatus: (_input, context) => appStatus(context),
  restoreBackup: async ({ name }, context) => {
    await context.store.restoreBackup(name)
    return appStatus(context)
  },
  startEmpty: async (_input, context) => {
    await context.store.startEmpty()
    return appStatus(context)
  },
  retryOpen: async (_input, context) => {
    await context.store.retryOpen()
    return appStatus(context)
  },
  openReadOnly: async (_input, context) => {
    await context.store.openReadOnly()
    return appStatus(context)
  },
  unlockDataFile: async ({ token }, context) => {
    await context.store.unlock(token)
    return appStatus(context)
  },

  getSettings: (_input, { store }) => store.data.settings,
  updateSettings: async (settings, { store }) => {
    await store.update((draft, tools) => {
      draft.settings = settings
      tools.audit({ entity: 'configuracion', entityId: '', action: 'editar', summary: 'Configuración actualizada' })
    })
    return store.data.settings
  },

  exportDiagnostics: async (_input, { store, version, now }) => {
    const at = now()
    const bundle = buildDiagnostics({
      data: store.data,
      appVersion: version,
      dataFileBytes: (await stat(store.dataFile)).size,
      backups: await store.backups(),
      runtime: { plataforma: `${process.platform} ${process.arch}`, node: process.versions.node, electron: process.versions.electron ?? 'no aplica', chrome: process.versions.chrome ?? 'no aplica' },
      now: at,
    })
    return { fileName: `diagnostico-secretariado-${mexicoDate(at)}.json`, mimeType: 'application/json', contentBase64: Buffer.from(JSON.stringify(bundle, null, 2)).toString('base64') }
  },

  openDataFolder: async (_input, { store, openPath }) => {
    await openPath(store.dataFolder)
    return null
  },
  openActasFolder: async (_input, { store, openPath }) => {
    const folder = join(store.dataFolder, SIGNED_ACTAS_FOLDER)
    // Read-only, locked or in recovery: nothing is created beside the data file.
    if (!store.readOnly && store.state.kind === 'ready') await mkdir(folder, { recursive: true })
    await openPath(folder)
    return null
  },

  openExternal: async ({ url }, { openExternal }) => {
    const parsed = parseExternalUrl(url)
    if (!parsed) throw new AppError('VALIDACION', 'Sólo se pueden abrir enlaces web (http o https) o de correo (mailto).')
    await openExternal(parsed.href)
    return null
  },
}

async function appStatus({ store, version }: HandlerContext): Promise<AppStatus> {
  const common = { version, dataFile: store.dataFile, dataFolder: store.dataFolder, schemaVersion: store.schemaVersion }
  const state = store.state
  if (state.kind === 'ready') {
    const backups = await store.backups()
    const readOnly = store.readOnly
    return { state: 'listo', ...common, backups, lastBackup: backups[0] ?? null, readOnly: readOnly !== null, readOnlyReason: readOnly?.reason ?? null }
  }
  if (state.kind === 'locked') {
    const owner = state.owner
    return {
      state: 'bloqueado',
      ...common,
      problem: state.problem,
      owner: owner && { program: programLabel(owner), host: owner.host, user: owner.user, since: owner.since, pid: owner.pid, sameHost: owner.host === hostname() },
      token: state.token,
    }
  }
  return {
    state: 'recuperacion',
    ...common,
    problem: state.problem,
    quarantinedTo: state.quarantinedTo,
    backups: state.canStartEmpty ? await store.validBackups() : [],
    canStartEmpty: state.canStartEmpty,
    keptBecause: state.keptBecause,
  }
}
