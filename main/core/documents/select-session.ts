/**
 * Which session a document is about: an id, `latest` (the most recent session
 * already held) or `next` (the next session not yet held), and whether that
 * session has what the document needs. Pure: `today` comes from the caller.
 */
import { AppError } from '../errors'
import type { Data, Session } from '../model/schema'
import { HELD_STATUSES, UPCOMING_STATUSES } from '../domain/session-rules'
import { sessionTitle } from '../domain/session-title'

// Held (it has an acta) and not yet held (it can still be convened) are rules of the session's life.
export { HELD_STATUSES, UPCOMING_STATUSES }

function byDateTime(a: Session, b: Session): number {
  return `${a.date} ${a.startTime}`.localeCompare(`${b.date} ${b.startTime}`)
}

/** The most recent held session, or null. */
export function latestHeldSession(sessions: readonly Session[]): Session | null {
  const held = sessions.filter((session) => HELD_STATUSES.includes(session.status)).sort(byDateTime)
  return held[held.length - 1] ?? null
}

/** The first session not yet held dated today or later (`today` is `YYYY-MM-DD` in Guadalajara), or null. */
export function nextUpcomingSession(sessions: readonly Session[], today: string): Session | null {
  const upcoming = sessions.filter((session) => UPCOMING_STATUSES.includes(session.status) && session.date >= today).sort(byDateTime)
  return upcoming[0] ?? null
}

function findSession(data: Data, id: string): Session {
  const session = data.sessions.find((candidate) => candidate.id === id)
  if (!session) throw new AppError('NO_ENCONTRADO', `No existe la sesión «${id}».`)
  return session
}

const STATUS_WORDS: Record<Session['status'], string> = {
  borrador: 'está en borrador',
  convocada: 'está convocada y aún no se celebra',
  'en-curso': 'está en curso',
  concluida: 'ya concluyó',
  'en-firma': 'ya concluyó y su acta está en firma',
  firmada: 'ya concluyó y su acta está firmada',
  cancelada: 'fue cancelada',
}

/** The session whose acta is wanted: `latest` or an id; refuses one that was never held. */
export function sessionForActa(data: Data, reference: string): Session {
  if (reference === 'latest') {
    const latest = latestHeldSession(data.sessions)
    if (!latest) throw new AppError('SIN_DATOS', 'Aún no hay sesiones celebradas: no hay acta que generar.')
    return latest
  }
  const session = findSession(data, reference)
  if (!HELD_STATUSES.includes(session.status)) {
    throw new AppError('SIN_DATOS', `La ${sessionTitle(session)} ${STATUS_WORDS[session.status]}: sólo una sesión celebrada tiene acta.`)
  }
  return session
}

/**
 * The session `reference` names: `next` (the next one not yet held, refused with
 * «… antes de `purpose`» when there is none), or an id whose status `allowed`
 * accepts (refused with «sólo … `rule`»).
 */
function upcomingOrNamed(data: Data, reference: string, today: string, purpose: string, allowed: (status: Session['status']) => boolean, rule: string): Session {
  if (reference === 'next') {
    const next = nextUpcomingSession(data.sessions, today)
    if (!next) throw new AppError('SIN_DATOS', `No hay una próxima sesión programada: cree o programe una sesión antes de ${purpose}.`)
    return next
  }
  const session = findSession(data, reference)
  if (!allowed(session.status)) throw new AppError('SIN_DATOS', `La ${sessionTitle(session)} ${STATUS_WORDS[session.status]}: ${rule}.`)
  return session
}

const isUpcoming = (status: Session['status']): boolean => UPCOMING_STATUSES.includes(status)

/** The session to convene: `next` or an id; refuses one already held or cancelled, or without an agenda. */
export function sessionForConvocatoria(data: Data, reference: string, today: string): Session {
  const session = upcomingOrNamed(data, reference, today, 'emitir la convocatoria', isUpcoming, 'sólo se convoca una sesión que aún no se celebra')
  if (session.agenda.length === 0) {
    throw new AppError('SIN_DATOS', `La ${sessionTitle(session)} no tiene orden del día: agregue los puntos antes de emitir la convocatoria.`)
  }
  return session
}

/** The session whose calendar invitation is wanted: `next` or an id of one not yet held (a request) or cancelled (the cancellation). */
export function sessionForInvitation(data: Data, reference: string, today: string): Session {
  return upcomingOrNamed(
    data,
    reference,
    today,
    'enviar la invitación',
    (status) => isUpcoming(status) || status === 'cancelada',
    'la invitación es para una sesión que aún no se celebra (o su cancelación)',
  )
}

/** The session whose sign-in sheet is wanted: `next` or an id of one not yet held or in course (its sheet is signed in the room). */
export function sessionForAttendanceSheet(data: Data, reference: string, today: string): Session {
  return upcomingOrNamed(
    data,
    reference,
    today,
    'imprimir la lista de asistencia',
    (status) => isUpcoming(status) || status === 'en-curso',
    'la lista de asistencia se firma en una sesión por celebrarse o en curso',
  )
}
