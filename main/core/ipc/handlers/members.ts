/** The member registry. Members are never deleted, only deactivated: past sessions refer to them. */
import { AppError } from '../../errors'
import { memberSchema } from '../../model/schema'
import { checkMemberPairing } from '../../domain/members'
import { MEMBER_CSV_MAX_BYTES, MEMBER_CSV_MAX_ROWS } from '../../domain/csv-columns'
import { parseMemberCsv, type MemberCsvResult, type MemberImportReport } from '../../domain/member-csv'
import { readCsvFile } from '../../domain/text-decoding'
import { withoutControlCharacters } from '../../domain/text'
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

  importMembersCsv: async ({ fileName, contentBase64, apply, existing }, { store }) => {
    const file = readCsvFile(contentBase64, fileName, MEMBER_CSV_MAX_BYTES)
    const report = (result: MemberCsvResult, imported: number): MemberImportReport => ({
      source: { fileName: withoutControlCharacters(fileName).slice(0, 260), encoding: file.encoding, delimiter: file.delimiter, note: file.note },
      rows: result.rows,
      valid: result.valid,
      existing,
      toAdd: result.members.length,
      toSkip: result.skipped,
      matches: result.matches,
      imported,
      maxRows: MEMBER_CSV_MAX_ROWS,
    })
    const checked = parseMemberCsv(file, store.data.members, existing)
    // All or nothing; a file whose every person is already registered writes nothing at all.
    if (!apply || !checked.valid || checked.members.length === 0) return report(checked, 0)
    let result = checked
    const imported = await store.update((draft, tools) => {
      // Checked again against the registry as it is now, so nothing between the check and the write changes the outcome.
      result = parseMemberCsv(file, draft.members, existing)
      if (!result.valid) throw new AppError('REGLA', 'El padrón cambió mientras se revisaba el archivo: revíselo de nuevo.')
      const ids = new Map<number, string>()
      // Titulares first, so suplentes in the same file can point at them.
      const order = result.members.map((member, index) => ({ member, index })).sort((a, b) => Number(a.member.role === 'suplente') - Number(b.member.role === 'suplente'))
      for (const { member: entry, index } of order) {
        const { substituteForName: _name, substituteForId, substituteForIndex, ...input } = entry
        const substituteFor = substituteForIndex !== null ? (ids.get(substituteForIndex) ?? null) : substituteForId
        checkMemberPairing({ role: input.role, substituteFor }, draft.members, null)
        const member = memberSchema.parse({ ...input, substituteFor, id: tools.newId('int'), active: true, createdAt: tools.nowIso, updatedAt: tools.nowIso })
        draft.members.push(member)
        ids.set(index, member.id)
      }
      const skippedNote = result.skipped > 0 ? `; ${result.skipped} omitidos por estar ya en el padrón` : ''
      tools.audit({ entity: 'integrante', entityId: '', action: 'importar', summary: `${ids.size} integrantes importados desde CSV (${file.encoding})${skippedNote}` })
      return ids.size
    })
    return report(result, imported)
  },
}
