/** Agreements adopted on an agenda item, with their votes and automatic keys. */
import type { Draft } from 'immer'
import { AppError } from '../../errors'
import type { Data } from '../../model/schema'
import { checkEditable } from '../../domain/session-rules'
import { nextAgreementKey } from '../../domain/session-title'
import { checkAgreementVote } from '../../domain/votes'
import { AGREEMENT_STATE_LABELS } from '../../documents/wording'
import { buildAgreementRows } from '../views'
import { itemIn, sessionIn } from './session-access'
import type { HandlerSet } from './types'

function checkReferences(draft: Draft<Data>, fields: { responsibleMemberIds: string[]; commitmentId: string | null }): void {
  for (const id of fields.responsibleMemberIds) {
    if (!draft.members.some((member) => member.id === id)) throw new AppError('NO_ENCONTRADO', 'Un responsable indicado no existe en el padrón.')
  }
  if (fields.commitmentId !== null && !draft.commitments.some((commitment) => commitment.id === fields.commitmentId)) {
    throw new AppError('NO_ENCONTRADO', 'El compromiso del Plan de Acción indicado no existe.')
  }
}

export const agreementHandlers: HandlerSet<'listAgreements' | 'createAgreement' | 'updateAgreement' | 'deleteAgreement'> = {
  listAgreements: (_input, { store, now }) => buildAgreementRows(store.data, now()),

  createAgreement: ({ sessionId, itemId, ...fields }, { store }) =>
    store.update((draft, tools) => {
      const session = sessionIn(draft, sessionId)
      checkEditable(session, 'minuta')
      const item = itemIn(session, itemId)
      checkAgreementVote(session, draft.members, draft.settings, fields.vote)
      checkReferences(draft, fields)
      const agreement = {
        id: tools.newId('acu'),
        key: nextAgreementKey(draft, session),
        sessionId,
        itemId,
        ...fields,
        status: 'pendiente' as const,
        followUps: [],
        createdAt: tools.nowIso,
        updatedAt: tools.nowIso,
      }
      draft.agreements.push(agreement)
      tools.audit({ entity: 'acuerdo', entityId: agreement.id, action: 'crear', summary: `Acuerdo ${agreement.key} en «${item.title}»` })
      return agreement
    }),

  updateAgreement: ({ id, status, ...fields }, { store }) =>
    store.update((draft, tools) => {
      const agreement = draft.agreements.find((candidate) => candidate.id === id)
      if (!agreement) throw new AppError('NO_ENCONTRADO', 'El acuerdo no existe.')
      const session = sessionIn(draft, agreement.sessionId)
      const changed = JSON.stringify(fields) !== JSON.stringify({ text: agreement.text, vote: agreement.vote, responsibleMemberIds: agreement.responsibleMemberIds, responsibleInstitutions: agreement.responsibleInstitutions, dueDate: agreement.dueDate, commitmentId: agreement.commitmentId })
      // The wording and vote belong to the minutes; the state is follow-up and changes after the session too.
      if (changed) {
        checkEditable(session, 'minuta')
        checkAgreementVote(session, draft.members, draft.settings, fields.vote, new Date(agreement.createdAt))
        checkReferences(draft, fields)
        Object.assign(agreement, fields)
      }
      const statusChanged = agreement.status !== status
      agreement.status = status
      agreement.updatedAt = tools.nowIso
      tools.audit({ entity: 'acuerdo', entityId: id, action: statusChanged && !changed ? 'estado' : 'editar', summary: `Acuerdo ${agreement.key} ${statusChanged ? `ahora ${AGREEMENT_STATE_LABELS[status].toLowerCase()}` : 'actualizado'}` })
      return JSON.parse(JSON.stringify(agreement)) as typeof agreement
    }),

  deleteAgreement: async ({ id }, { store }) => {
    await store.update((draft, tools) => {
      const agreement = draft.agreements.find((candidate) => candidate.id === id)
      if (!agreement) throw new AppError('NO_ENCONTRADO', 'El acuerdo no existe.')
      checkEditable(sessionIn(draft, agreement.sessionId), 'minuta')
      if (agreement.followUps.length > 0) throw new AppError('REGLA', 'El acuerdo ya tiene seguimiento: cancélelo en lugar de eliminarlo.')
      draft.agreements = draft.agreements.filter((candidate) => candidate.id !== id)
      tools.audit({ entity: 'acuerdo', entityId: id, action: 'eliminar', summary: `Acuerdo ${agreement.key} eliminado` })
    })
    return null
  },
}
