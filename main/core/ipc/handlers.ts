/**
 * One handler per contract operation. Input arrives already validated by
 * dispatch; rules live in ../domain; every change goes through store.update.
 */
import { AppError } from '../errors'
import type { ParsedInputOf, OperationName, OutputOf } from '../contract/operations'
import type { AppStatus } from '../contract/views'
import { memberSchema, type Member } from '../model/schema'
import { checkMemberPairing } from '../domain/members'
import { parseExternalUrl } from '../security/external-url'
import type { HandlerContext } from './context'
import { buildAgreementRows, buildMemberRows, buildPlanOverview, buildSessionDetail, buildSessionSummaries } from './views'

type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>, context: HandlerContext) => Promise<OutputOf<K>> | OutputOf<K>
}

export const handlers: Handlers = {
  getStatus: (_input, context) => appStatus(context),
  restoreBackup: async ({ name }, context) => {
    await context.store.restoreBackup(name)
    return appStatus(context)
  },
  startEmpty: async (_input, context) => {
    await context.store.startEmpty()
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

  listMembers: (_input, { store }) => buildMemberRows(store.data),
  createMember: (input, { store }) =>
    store.update((draft, tools) => {
      checkMemberPairing(input, draft.members as Member[], null)
      const member = memberSchema.parse({ ...input, id: tools.newId('int'), active: true, createdAt: tools.nowIso, updatedAt: tools.nowIso })
      draft.members.push(member)
      tools.audit({ entity: 'integrante', entityId: member.id, action: 'crear', summary: `Alta de ${member.fullName} (${member.institution})` })
      return member
    }),
  updateMember: ({ id, member: input }, { store }) =>
    store.update((draft, tools) => {
      const member = draft.members.find((candidate) => candidate.id === id)
      if (!member) throw new AppError('NO_ENCONTRADO', 'El integrante no existe.')
      checkMemberPairing(input, draft.members as Member[], id)
      if (input.role === 'suplente' && draft.members.some((other) => other.substituteFor === id)) {
        throw new AppError('REGLA', `${member.fullName} tiene suplente: no puede volverse suplente a su vez.`)
      }
      Object.assign(member, input, { updatedAt: tools.nowIso })
      tools.audit({ entity: 'integrante', entityId: id, action: 'editar', summary: `Datos de ${member.fullName} actualizados` })
      return memberSchema.parse(member)
    }),
  setMemberActive: ({ id, active }, { store }) =>
    store.update((draft, tools) => {
      const member = draft.members.find((candidate) => candidate.id === id)
      if (!member) throw new AppError('NO_ENCONTRADO', 'El integrante no existe.')
      if (member.active === active) return memberSchema.parse(member)
      member.active = active
      member.updatedAt = tools.nowIso
      tools.audit({ entity: 'integrante', entityId: id, action: 'estado', summary: `${member.fullName} ${active ? 'reactivado' : 'dado de baja'}` })
      return memberSchema.parse(member)
    }),

  listSessions: (_input, { store }) => buildSessionSummaries(store.data),
  getSession: ({ id }, { store }) => buildSessionDetail(store.data, id),

  listAgreements: (_input, { store, now }) => buildAgreementRows(store.data, now()),
  getPlanOverview: (_input, { store, now }) => buildPlanOverview(store.data, now()),
  listAudit: ({ limit }, { store }) => store.data.audit.slice(-limit).reverse(),

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
    return { state: 'listo', ...common, backups, lastBackup: backups[0] ?? null }
  }
  return {
    state: 'recuperacion',
    ...common,
    problem: state.problem,
    quarantinedTo: state.quarantinedTo,
    backups: state.canStartEmpty ? await store.validBackups() : [],
    canStartEmpty: state.canStartEmpty,
  }
}
