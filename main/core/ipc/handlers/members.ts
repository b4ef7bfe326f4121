/** The member registry. Members are never deleted, only deactivated: past sessions refer to them. */
import { AppError } from '../../errors'
import { memberSchema, type Member } from '../../model/schema'
import { checkMemberPairing } from '../../domain/members'
import { parseMemberCsv } from '../../domain/member-csv'
import { foldForSearch } from '../../domain/text'
import { buildMemberRows } from '../views'
import type { HandlerSet } from './types'

export const memberHandlers: HandlerSet<'listMembers' | 'createMember' | 'updateMember' | 'setMemberActive' | 'importMembersCsv'> = {
  listMembers: (_input, { store }) => buildMemberRows(store.data),

  createMember: (input, { store }) =>
    store.update((draft, tools) => {
      checkMemberPairing(input, draft.members, null)
      const member = memberSchema.parse({ ...input, id: tools.newId('int'), active: true, createdAt: tools.nowIso, updatedAt: tools.nowIso })
      draft.members.push(member)
      tools.audit({ entity: 'integrante', entityId: member.id, action: 'crear', summary: `Alta de ${member.fullName} (${member.institution})` })
      return member
    }),

  updateMember: ({ id, member: input }, { store }) =>
    store.update((draft, tools) => {
      const member = draft.members.find((candidate) => candidate.id === id)
      if (!member) throw new AppError('NO_ENCONTRADO', 'El integrante no existe.')
      checkMemberPairing(input, draft.members, id)
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

  importMembersCsv: async ({ csv, apply }, { store }) => {
    const result = parseMemberCsv(csv, store.data.members)
    const valid = result.rows.every((row) => row.errors.length === 0) && result.members.length > 0
    if (!apply || !valid) return { rows: result.rows, valid, imported: 0 }
    const imported = await store.update((draft, tools) => {
      const created: Member[] = []
      // Titulares first, so suplentes in the same file can point at them.
      const ordered = [...result.members].sort((a, b) => (a.role === b.role ? 0 : a.role === 'titular' ? -1 : 1))
      for (const { substituteForName, ...input } of ordered) {
        const titular = substituteForName
          ? [...draft.members].find((member) => member.role === 'titular' && foldForSearch(member.fullName) === foldForSearch(substituteForName))
          : undefined
        const member = memberSchema.parse({ ...input, substituteFor: titular?.id ?? null, id: tools.newId('int'), active: true, createdAt: tools.nowIso, updatedAt: tools.nowIso })
        draft.members.push(member)
        created.push(member)
      }
      tools.audit({ entity: 'integrante', entityId: '', action: 'importar', summary: `${created.length} integrantes importados desde CSV` })
      return created.length
    })
    return { rows: result.rows, valid, imported }
  },
}
