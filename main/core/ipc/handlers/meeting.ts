/** The meeting itself: roll call, quorum, live minutes. */
import { AppError } from '../../errors'
import { countsAsPresent, type Attendance } from '../../model/schema'
import { mexicoTime } from '../../domain/dates'
import { checkQuorumDeclaration, computeQuorum } from '../../domain/quorum'
import { checkEditable, checkQuorumDeclarable } from '../../domain/session-rules'
import { sessionTitle } from '../../domain/session-title'
import { changeSession, itemIn, sessionIn } from './session-access'
import type { HandlerSet } from './types'

const ATTENDANCE_LABELS: Record<Attendance['status'], string> = {
  presente: 'presente',
  ausente: 'ausente',
  justificada: 'ausencia justificada',
  suplente: 'representado por suplente',
}

/** Notes are saved every few seconds while typing: one log line per item and quarter of an hour is enough. */
const NOTES_AUDIT_WINDOW_MS = 15 * 60 * 1000

export const meetingHandlers: HandlerSet<
  'setAttendance' | 'declareQuorum' | 'saveItemNotes' | 'setItemStatus' | 'setItemElapsed' | 'addIntervention' | 'removeIntervention'
> = {
  setAttendance: ({ sessionId, memberId, status, substituteId, arrivedAt, leftAt }, { store }) =>
    changeSession(store, sessionId, 'asistencia', (session, draft, tools) => {
      const member = draft.members.find((candidate) => candidate.id === memberId)
      if (!member) throw new AppError('NO_ENCONTRADO', 'El integrante no existe en el padrón.')
      let row = session.attendance.find((candidate) => candidate.memberId === memberId)
      if (!row) {
        if (!member.active) throw new AppError('REGLA', `${member.fullName} está inactivo: no forma parte de la lista de asistencia.`)
        row = { memberId, status: 'ausente', substituteId: null, arrivedAt: null, leftAt: null }
        session.attendance.push(row)
        row = session.attendance[session.attendance.length - 1]
        if (!row) return
      }
      if (status === 'suplente') {
        const substitute = draft.members.find((candidate) => candidate.id === substituteId)
        if (!substitute || substitute.substituteFor !== memberId) {
          throw new AppError('REGLA', `Elija a un suplente registrado de ${member.fullName}.`)
        }
        if (!substitute.active) throw new AppError('REGLA', `${substitute.fullName} está inactivo y no puede suplir.`)
      } else if (substituteId !== null) {
        throw new AppError('REGLA', 'Sólo se indica suplente cuando el titular está representado por suplente.')
      }
      const present = countsAsPresent(status)
      if (!present && (arrivedAt !== null || leftAt !== null)) throw new AppError('REGLA', 'Las horas de llegada y salida sólo se registran para quien asistió.')
      if (arrivedAt !== null && leftAt !== null && leftAt < arrivedAt) throw new AppError('REGLA', 'La hora de salida no puede ser anterior a la de llegada.')
      // Arrival defaults to now only when someone is first marked present; a cleared time stays cleared.
      const wasPresent = countsAsPresent(row.status)
      row.status = status
      row.substituteId = status === 'suplente' ? substituteId : null
      row.arrivedAt = present ? (arrivedAt ?? (wasPresent ? null : mexicoTime(tools.now))) : null
      row.leftAt = present ? leftAt : null
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Asistencia: ${member.fullName}, ${ATTENDANCE_LABELS[status]}` })
    }),

  declareQuorum: ({ sessionId, call }, { store }) =>
    changeSession(store, sessionId, 'asistencia', (session, draft, tools) => {
      checkQuorumDeclarable(session)
      const status = computeQuorum(session.attendance, draft.members, draft.settings.quorum, call)
      checkQuorumDeclaration(status, draft.settings.quorum)
      session.quorum = { declaredAt: tools.nowIso, call, votingMembers: status.votingMembers, present: status.present, required: status.required, reached: true }
      tools.audit({
        entity: 'sesion',
        entityId: sessionId,
        action: 'editar',
        summary: `Quórum declarado en ${call} convocatoria: ${status.present} de ${status.votingMembers} integrantes con voto (se requieren ${status.required})`,
      })
    }),

  saveItemNotes: async ({ sessionId, itemId, notes }, { store }) => {
    const savedAt = await store.update((draft, tools) => {
      const session = sessionIn(draft, sessionId)
      checkEditable(session, 'minuta')
      const item = itemIn(session, itemId)
      if (item.notes === notes) return tools.nowIso
      item.notes = notes
      session.updatedAt = tools.nowIso
      const summary = `Minuta de la ${sessionTitle(session)}: notas del punto «${item.title}»`
      const last = draft.audit[draft.audit.length - 1]
      if (last && last.summary === summary && tools.now.getTime() - Date.parse(last.at) < NOTES_AUDIT_WINDOW_MS) last.at = tools.nowIso
      else tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary })
      return tools.nowIso
    })
    return { savedAt }
  },

  setItemStatus: ({ sessionId, itemId, status }, { store }) =>
    changeSession(store, sessionId, 'minuta', (session, _draft, tools) => {
      const item = itemIn(session, itemId)
      item.status = status
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'estado', summary: `Punto «${item.title}»: ${status}` })
    }),

  setItemElapsed: async ({ sessionId, itemId, elapsedSeconds }, { store }) => {
    await store.update((draft) => {
      const session = sessionIn(draft, sessionId)
      checkEditable(session, 'minuta')
      itemIn(session, itemId).elapsedSeconds = elapsedSeconds
    })
    return null
  },

  addIntervention: ({ sessionId, itemId, memberId, speaker, summary }, { store }) =>
    changeSession(store, sessionId, 'minuta', (session, draft, tools) => {
      const item = itemIn(session, itemId)
      const member = memberId === null ? null : draft.members.find((candidate) => candidate.id === memberId)
      if (memberId !== null && !member) throw new AppError('NO_ENCONTRADO', 'El integrante no existe en el padrón.')
      const name = member?.fullName ?? speaker
      item.interventions.push({ id: tools.newId('itv'), memberId, speaker: name, summary, at: tools.nowIso })
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Intervención de ${name} en «${item.title}»` })
    }),

  removeIntervention: ({ sessionId, itemId, interventionId }, { store }) =>
    changeSession(store, sessionId, 'minuta', (session, _draft, tools) => {
      const item = itemIn(session, itemId)
      if (!item.interventions.some((entry) => entry.id === interventionId)) throw new AppError('NO_ENCONTRADO', 'La intervención no existe.')
      item.interventions = item.interventions.filter((entry) => entry.id !== interventionId)
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'eliminar', summary: `Intervención quitada de «${item.title}»` })
    }),
}
