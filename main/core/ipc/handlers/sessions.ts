/** Sessions: creation with numbering and agenda, data edits, and lifecycle. */
import { movesInvitation } from '../../domain/invitations'
import { AppError } from '../../errors'
import type { AgendaItem, Session } from '../../model/schema'
import { blankItem, checkAgendaRoom, STANDARD_AGENDA } from '../../domain/agenda'
import { mexicoTime } from '../../domain/dates'
import { checkStartDate, checkTransition, nextSessionNumber, realStart, STATUS_LABELS } from '../../domain/session-rules'
import { sessionTitle } from '../../domain/session-title'
import { buildSessionDetail, buildSessionSummaries, previousSession } from '../views'
import { changeSession, memberExists, sessionIn } from './session-access'
import { initialAttendance } from '../../domain/confirmations'
import type { HandlerSet } from './types'

/** A fresh copy of an agenda: new ids, parents remapped, no notes, states or attachments. */
export function copyAgenda(agenda: readonly AgendaItem[], newId: (prefix: string) => string): AgendaItem[] {
  checkAgendaRoom([], agenda.length)
  const ids = new Map(agenda.map((item) => [item.id, newId('pto')]))
  return agenda.map((item) =>
    blankItem(ids.get(item.id) ?? newId('pto'), { title: item.title, type: item.type, presenter: item.presenter, minutes: item.minutes }, item.parentId ? (ids.get(item.parentId) ?? null) : null),
  )
}

export const sessionHandlers: HandlerSet<'listSessions' | 'getSession' | 'createSession' | 'updateSession' | 'changeSessionStatus'> = {
  listSessions: (_input, { store }) => buildSessionSummaries(store.data),
  getSession: ({ id }, { store, now }) => buildSessionDetail(store.data, id, now()),

  createSession: async (input, { store }) => {
    const id = await store.update((draft, tools) => {
      memberExists(draft, input.chairId, 'La persona que coordina')
      memberExists(draft, input.secretaryId, 'La persona de la secretaría técnica')
      const year = Number(input.date.slice(0, 4))
      const session: Session = {
        id: tools.newId('ses'),
        type: input.type,
        number: nextSessionNumber(draft.sessions, input.type, year),
        year,
        date: input.date,
        startTime: input.startTime,
        endTime: null,
        modality: input.modality,
        venue: input.venue,
        link: input.link,
        status: 'borrador',
        chairId: input.chairId,
        secretaryId: input.secretaryId,
        agenda: [],
        attendance: [],
        quorum: null,
        actStatus: 'borrador',
        actApprovedInSessionId: null,
        cancelReason: '',
        invitationSequence: 0,
        confirmations: [],
        live: null,
        comments: [],
        signedActa: null,
        signatureCircuit: null,
        errata: [],
        createdAt: tools.nowIso,
        updatedAt: tools.nowIso,
      }
      if (input.agendaSource === 'estandar') session.agenda = STANDARD_AGENDA.map((draftItem) => blankItem(tools.newId('pto'), draftItem))
      if (input.agendaSource === 'anterior') {
        const previous = previousSession(draft.sessions, session)
        if (!previous) throw new AppError('REGLA', 'No hay una sesión anterior de la cual copiar el orden del día.')
        session.agenda = copyAgenda(previous.agenda, tools.newId)
      }
      draft.sessions.push(session)
      tools.audit({ entity: 'sesion', entityId: session.id, action: 'crear', summary: `${sessionTitle(session)} creada en borrador` })
      return session.id
    })
    return buildSessionDetail(store.data, id, store.now())
  },

  updateSession: ({ id, ...fields }, { store }) =>
    changeSession(store, id, 'datos', (session, draft, tools) => {
      memberExists(draft, fields.chairId, 'La persona que coordina')
      memberExists(draft, fields.secretaryId, 'La persona de la secretaría técnica')
      const year = Number(fields.date.slice(0, 4))
      if (year !== session.year) {
        if (session.status !== 'borrador') throw new AppError('REGLA', 'Una sesión ya convocada no puede cambiar de año: cancélela y cree otra.')
        session.year = year
        session.number = nextSessionNumber(draft.sessions.filter((other) => other.id !== id), session.type, year)
      }
      const moved = movesInvitation(session, fields)
      Object.assign(session, fields)
      if (moved) session.invitationSequence += 1
      tools.audit({ entity: 'sesion', entityId: id, action: 'editar', summary: `Datos de la ${sessionTitle(session)} actualizados` })
    }),

  changeSessionStatus: async ({ id, status, reason, confirmDate = false }, { store, now }) => {
    const at = now()
    await store.update((draft, tools) => {
      const session = sessionIn(draft, id)
      checkTransition(session, status, reason)
      if (status === 'en-curso') checkStartDate(session, at, confirmDate)
      const from = session.status
      // Held on another day than its date: the session takes the real date and start time, so the acta tells what happened.
      const moved = status === 'en-curso' ? realStart(session, at) : null
      if (moved) {
        session.date = moved.date
        session.startTime = moved.startTime
      }
      session.status = status
      session.updatedAt = tools.nowIso
      if (status === 'en-curso' && session.attendance.length === 0) {
        // The roll call starts from the answers to the notice: who declined is already a justified absence.
        session.attendance = initialAttendance(draft.members, session.confirmations)
      }
      if (status === 'concluida' && session.endTime === null) session.endTime = mexicoTime(tools.now)
      if (status === 'cancelada') {
        session.cancelReason = reason
        // A convened session's members hold its invitation: the cancellation goes out one version higher.
        if (from === 'convocada') session.invitationSequence += 1
      }
      tools.audit({
        entity: 'sesion',
        entityId: id,
        action: 'estado',
        summary: `${sessionTitle(session)}: ${STATUS_LABELS[from]} → ${STATUS_LABELS[status]}${status === 'cancelada' ? ` (${reason})` : ''}`,
      })
      if (moved) tools.audit({ entity: 'sesion', entityId: id, action: 'editar', summary: moved.summary })
    })
    return buildSessionDetail(store.data, id, at)
  },
}
