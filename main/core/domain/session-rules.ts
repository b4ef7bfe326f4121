/**
 * The life of a session: numbering within its type and year, the transitions
 * the rules allow, and what may still be edited in each state.
 */
import { AppError } from '../errors'
import type { Session, SessionStatus } from '../model/schema'

const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  borrador: ['convocada', 'cancelada'],
  convocada: ['en-curso', 'cancelada'],
  'en-curso': ['concluida', 'cancelada'],
  concluida: [],
  firmada: [],
  cancelada: [],
}

export const STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  borrador: 'borrador',
  convocada: 'convocada',
  'en-curso': 'en curso',
  concluida: 'concluida',
  firmada: 'firmada',
  cancelada: 'cancelada',
}

export function allowedTransitions(status: SessionStatus): readonly SessionStatus[] {
  return TRANSITIONS[status]
}

/** Throws the reason a transition is refused; returns quietly when it is allowed. */
export function checkTransition(session: Pick<Session, 'status' | 'agenda' | 'quorum' | 'attendance'>, to: SessionStatus, reason = ''): void {
  const from = session.status
  if (!TRANSITIONS[from].includes(to)) {
    if (to === 'firmada') throw new AppError('REGLA', 'Una sesión sólo pasa a «firmada» al firmar su acta.')
    throw new AppError('REGLA', `Una sesión ${STATUS_LABELS[from]} no puede pasar a «${STATUS_LABELS[to]}».`)
  }
  if (to === 'convocada' && session.agenda.length === 0) {
    throw new AppError('REGLA', 'Antes de convocar, la sesión necesita un orden del día.')
  }
  if (to === 'concluida') {
    if (!session.quorum?.reached) throw new AppError('REGLA', 'No se puede concluir una sesión sin declarar el quórum. Si no lo hubo, cancélela.')
    if (session.agenda.some((item) => item.status === 'pendiente')) {
      throw new AppError('REGLA', 'Quedan puntos pendientes: márquelos como tratados, diferidos o retirados antes de concluir.')
    }
  }
  if (to === 'cancelada') {
    if (session.quorum?.reached) throw new AppError('REGLA', 'La sesión ya se instaló con quórum: concluya la sesión en lugar de cancelarla.')
    if (reason.trim().length === 0) throw new AppError('REGLA', 'Indique el motivo de la cancelación.')
  }
}

/** The next free number for a type within a year; cancelled sessions keep theirs so numbers are never reused. */
export function nextSessionNumber(sessions: readonly Pick<Session, 'type' | 'year' | 'number'>[], type: Session['type'], year: number): number {
  const used = sessions.filter((session) => session.type === type && session.year === year).map((session) => session.number)
  return used.length === 0 ? 1 : Math.max(...used) + 1
}

export type EditScope = 'datos' | 'orden' | 'asistencia' | 'minuta'

/** What each state lets the secretary change; a signed or cancelled session changes no more. */
export function checkEditable(session: Pick<Session, 'status'>, scope: EditScope): void {
  const status = session.status
  if (status === 'firmada') {
    throw new AppError('REGLA', 'El acta de esta sesión está firmada: la sesión ya no se puede modificar. Registre las correcciones como fe de erratas.')
  }
  if (status === 'cancelada') throw new AppError('REGLA', 'La sesión fue cancelada: ya no se puede modificar.')
  const allowed: Record<EditScope, readonly SessionStatus[]> = {
    datos: ['borrador', 'convocada', 'en-curso'],
    orden: ['borrador', 'convocada', 'en-curso'],
    asistencia: ['en-curso', 'concluida'],
    minuta: ['en-curso', 'concluida'],
  }
  if (!allowed[scope].includes(status)) {
    const messages: Record<EditScope, string> = {
      datos: 'Los datos de una sesión concluida ya no se modifican.',
      orden: 'El orden del día de una sesión concluida ya no se modifica.',
      asistencia: 'La asistencia se registra cuando la sesión está en curso.',
      minuta: 'La minuta se escribe cuando la sesión está en curso.',
    }
    throw new AppError('REGLA', messages[scope])
  }
}

/** The same rule as checkEditable, as flags for the screen. */
export function editableScopes(session: Pick<Session, 'status'>): Record<EditScope, boolean> {
  const can = (scope: EditScope): boolean => {
    try {
      checkEditable(session, scope)
      return true
    } catch {
      return false
    }
  }
  return { datos: can('datos'), orden: can('orden'), asistencia: can('asistencia'), minuta: can('minuta') }
}
