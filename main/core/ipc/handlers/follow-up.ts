/** Follow-up of agreements across sessions, search, open data and the bitácora. */
import { AppError } from '../../errors'
import type { Agreement } from '../../model/schema'
import { auditCsv, filterAudit } from '../../domain/audit'
import { mexicoDate } from '../../domain/dates'
import { exportOpenData } from '../../domain/open-data'
import { AGREEMENT_STATE_LABELS } from '../../documents/wording'
import { search } from '../../domain/search'
import { checkFollowUpSession } from '../../domain/session-rules'
import { storeAttachment } from './attachments'
import { sessionIn } from './session-access'
import type { HandlerSet } from './types'

const plain = (agreement: Agreement): Agreement => JSON.parse(JSON.stringify(agreement)) as Agreement

export const followUpHandlers: HandlerSet<'addFollowUp' | 'removeFollowUp' | 'setAgreementStatus' | 'search' | 'exportOpenData' | 'listAudit' | 'exportAudit'> = {
  addFollowUp: async ({ agreementId, date, note, evidenceUrl, evidenceFile, sessionId, status }, { store }) => {
    const file = evidenceFile ? await storeAttachment(store, evidenceFile.fileName, evidenceFile.contentBase64) : null
    return store.update((draft, tools) => {
      const agreement = draft.agreements.find((candidate) => candidate.id === agreementId)
      if (!agreement) throw new AppError('NO_ENCONTRADO', 'El acuerdo no existe.')
      if (sessionId !== null) {
        const session = sessionIn(draft, sessionId)
        checkFollowUpSession(session)
        if (session.id === agreement.sessionId) throw new AppError('REGLA', 'El seguimiento se registra en una sesión posterior a la que adoptó el acuerdo.')
      }
      agreement.followUps.push({
        id: tools.newId('seg'),
        date,
        note,
        evidenceUrl,
        evidenceFile: file ? { id: tools.newId('adj'), ...file, addedAt: tools.nowIso } : null,
        sessionId,
      })
      if (status) agreement.status = status
      agreement.updatedAt = tools.nowIso
      tools.audit({ entity: 'acuerdo', entityId: agreementId, action: 'editar', summary: `Seguimiento del acuerdo ${agreement.key}${status ? ` (ahora ${AGREEMENT_STATE_LABELS[status].toLowerCase()})` : ''}` })
      return plain(agreement)
    })
  },

  removeFollowUp: ({ agreementId, followUpId }, { store }) =>
    store.update((draft, tools) => {
      const agreement = draft.agreements.find((candidate) => candidate.id === agreementId)
      if (!agreement) throw new AppError('NO_ENCONTRADO', 'El acuerdo no existe.')
      if (!agreement.followUps.some((entry) => entry.id === followUpId)) throw new AppError('NO_ENCONTRADO', 'El seguimiento no existe.')
      agreement.followUps = agreement.followUps.filter((entry) => entry.id !== followUpId)
      agreement.updatedAt = tools.nowIso
      tools.audit({ entity: 'acuerdo', entityId: agreementId, action: 'eliminar', summary: `Seguimiento quitado del acuerdo ${agreement.key}` })
      return plain(agreement)
    }),

  setAgreementStatus: ({ id, status }, { store }) =>
    store.update((draft, tools) => {
      const agreement = draft.agreements.find((candidate) => candidate.id === id)
      if (!agreement) throw new AppError('NO_ENCONTRADO', 'El acuerdo no existe.')
      if (agreement.status !== status) {
        agreement.status = status
        agreement.updatedAt = tools.nowIso
        tools.audit({ entity: 'acuerdo', entityId: id, action: 'estado', summary: `Acuerdo ${agreement.key} ahora ${AGREEMENT_STATE_LABELS[status].toLowerCase()}` })
      }
      return plain(agreement)
    }),

  search: ({ query, limit }, { store }) => search(store.data, query, limit),

  exportOpenData: ({ what, format }, { store, now }) => {
    const at = now()
    return {
      fileName: `${what}-${mexicoDate(at)}.${format}`,
      mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      content: exportOpenData(store.data, what, format, at),
    }
  },

  listAudit: (query, { store }) => filterAudit(store.data.audit, query),
  exportAudit: (query, { store, now }) => ({
    fileName: `bitacora-${mexicoDate(now())}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    content: auditCsv(filterAudit(store.data.audit, query)),
  }),
}
