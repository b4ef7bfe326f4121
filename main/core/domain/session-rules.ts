/**
 * The life of a session: numbering within its type and year, the transitions
 * the rules allow, what may still be edited in each state, and what each state
 * allows besides (documents, the review packet, signing, follow-up). Each rule
 * is a check that throws its reason; the screen gets the same rules as flags.
 */
import { AppError } from '../errors'
import type { Session, SessionStatus } from '../model/schema'
import { longSpanishDate, mexicoDate, mexicoTime } from './dates'
import { sessionTitle } from './session-title'

const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  borrador: ['convocada', 'cancelada'],
  convocada: ['en-curso', 'cancelada'],
  'en-curso': ['concluida', 'cancelada'],
  concluida: [],
  // Entered and left only through the signature circuit.
  'en-firma': [],
  firmada: [],
  cancelada: [],
}

export const STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  borrador: 'borrador',
  convocada: 'convocada',
  'en-curso': 'en curso',
  concluida: 'concluida',
  'en-firma': 'en firma',
  firmada: 'firmada',
  cancelada: 'cancelada',
}

/** Not yet held: it can still be convened, and its members review it beforehand. */
export const UPCOMING_STATUSES: readonly SessionStatus[] = ['borrador', 'convocada']
/** Held: the session took place, so it has an acta. */
export const HELD_STATUSES: readonly SessionStatus[] = ['concluida', 'en-firma', 'firmada']
/** Closed: signed or cancelled, the session changes no more. */
export const CLOSED_STATUSES: readonly SessionStatus[] = ['firmada', 'cancelada']

export function isUpcoming(session: Pick<Session, 'status'>): boolean {
  return UPCOMING_STATUSES.includes(session.status)
}

export function isHeld(session: Pick<Session, 'status'>): boolean {
  return HELD_STATUSES.includes(session.status)
}

export function isClosed(session: Pick<Session, 'status'>): boolean {
  return CLOSED_STATUSES.includes(session.status)
}

/** Its minutes change no more: signed, cancelled, or with its acta out for signature. */
export function isFrozen(session: Pick<Session, 'status'>): boolean {
  return isClosed(session) || session.status === 'en-firma'
}

export function allowedTransitions(status: SessionStatus): readonly SessionStatus[] {
  return TRANSITIONS[status]
}

/** Throws the reason a transition is refused; returns quietly when it is allowed. */
export function checkTransition(session: Pick<Session, 'status' | 'agenda' | 'quorum' | 'attendance'>, to: SessionStatus, reason = ''): void {
  const from = session.status
  if (!TRANSITIONS[from].includes(to)) {
    if (to === 'firmada') throw new AppError('REGLA', 'Una sesión sólo pasa a «firmada» al firmar su acta.')
    if (to === 'en-firma') throw new AppError('REGLA', 'Una sesión pasa a «en firma» al enviar su acta a firma.')
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

/** The day a session is started, against the day it was scheduled for. */
export interface StartDate {
  /** The session's `date`, `YYYY-MM-DD`. */
  scheduled: string
  /** Today in Guadalajara, `YYYY-MM-DD`. */
  today: string
  /** Starting it today needs the secretary to confirm that it is held today, not on its date. */
  differs: boolean
}

/** When starting the session is allowed now, the day it would start on against its date; null otherwise. */
export function startDate(session: Pick<Session, 'status' | 'date'>, now: Date): StartDate | null {
  if (!TRANSITIONS[session.status].includes('en-curso')) return null
  const today = mexicoDate(now)
  return { scheduled: session.date, today, differs: today !== session.date }
}

/**
 * A session started on another day than its date (late or early) is started
 * only once the secretary confirms it is held today: the acta records the
 * real date and time, never the scheduled date joined with another day's hours.
 */
export function checkStartDate(session: Pick<Session, 'date'>, now: Date, confirmed: boolean): void {
  const today = mexicoDate(now)
  if (today === session.date || confirmed) return
  throw new AppError(
    'REGLA',
    `La sesión está programada para el ${longSpanishDate(session.date)} y hoy es ${longSpanishDate(today)}. Confirme que se celebra hoy: el acta registrará la fecha y la hora reales.`,
  )
}

/** What starting on another day changes: the real date and start time, and the bitácora's account of it; null on its own date. */
export function realStart(
  session: Pick<Session, 'date' | 'startTime' | 'type' | 'number' | 'year'>,
  now: Date,
): { date: string; startTime: string; summary: string } | null {
  const date = mexicoDate(now)
  if (date === session.date) return null
  const startTime = mexicoTime(now)
  return {
    date,
    startTime,
    summary: `${sessionTitle(session)} iniciada el ${longSpanishDate(date)} a las ${startTime} h; estaba programada para el ${longSpanishDate(session.date)} a las ${session.startTime} h`,
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
  if (status === 'en-firma') {
    throw new AppError('REGLA', 'El acta de esta sesión está en firma: la sesión ya no se puede modificar mientras se recaban las firmas.')
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

/** Whether a check lets the action through; a refusal is an AppError, anything else is a fault and is rethrown. */
export function allows(check: () => void): boolean {
  try {
    check()
    return true
  } catch (error) {
    if (error instanceof AppError) return false
    throw error
  }
}

/** The same rule as checkEditable, as flags for the screen. */
export function editableScopes(session: Pick<Session, 'status'>): Record<EditScope, boolean> {
  const can = (scope: EditScope): boolean => allows(() => checkEditable(session, scope))
  return { datos: can('datos'), orden: can('orden'), asistencia: can('asistencia'), minuta: can('minuta') }
}

const PACKET_STATUS_WORDS: Readonly<Record<SessionStatus, string>> = {
  borrador: 'está en borrador',
  convocada: 'está convocada',
  'en-curso': 'ya está en curso',
  concluida: 'ya concluyó',
  'en-firma': 'ya concluyó y su acta está en firma',
  firmada: 'ya concluyó y su acta está firmada',
  cancelada: 'fue cancelada',
}

type TitledSession = Pick<Session, 'status' | 'type' | 'number' | 'year'>

/** A review packet is for a session not yet held (one in course, held or cancelled is refused) that has an agenda to review. */
export function checkPacketExport(session: TitledSession & Pick<Session, 'agenda'>): void {
  if (!isUpcoming(session)) {
    throw new AppError('REGLA', `La ${sessionTitle(session)} ${PACKET_STATUS_WORDS[session.status]}: el paquete de revisión se prepara para una sesión que aún no se celebra.`)
  }
  if (session.agenda.length === 0) {
    throw new AppError('REGLA', `La ${sessionTitle(session)} no tiene orden del día: agregue los puntos antes de preparar el paquete de revisión.`)
  }
}

/** The notice's e-mail drafts are for a convened session with an agenda. */
export function checkMailDrafts(session: TitledSession & Pick<Session, 'agenda'>): void {
  if (session.status !== 'convocada') {
    throw new AppError('REGLA', `La ${sessionTitle(session)} no está convocada: los correos de la convocatoria se preparan para una sesión convocada.`)
  }
  if (session.agenda.length === 0) {
    throw new AppError('SIN_DATOS', `La ${sessionTitle(session)} no tiene orden del día: agregue los puntos antes de preparar los correos.`)
  }
}

/** The projector follows the live minutes of a session in course. */
export function checkProjection(session: Pick<Session, 'status'>): void {
  checkEditable(session, 'minuta')
  if (session.status !== 'en-curso') throw new AppError('REGLA', 'La proyección sigue a una sesión en curso.')
}

/** The acta is signed once the session concluded; a signed acta takes further signers. */
export function checkActaSigning(session: Pick<Session, 'status'>): void {
  if (!isHeld(session)) throw new AppError('REGLA', 'Sólo se firma el acta de una sesión concluida.')
}

/** Quorum is declared once, with the session in course and its roll open to changes. */
export function checkQuorumDeclarable(session: Pick<Session, 'status' | 'quorum'>): void {
  checkEditable(session, 'asistencia')
  if (session.status !== 'en-curso') throw new AppError('REGLA', 'El quórum se declara con la sesión en curso.')
  if (session.quorum?.reached) throw new AppError('REGLA', 'El quórum de esta sesión ya fue declarado.')
}

/** A session records the follow-up of earlier agreements in its minutes until it is signed or cancelled. */
export function checkFollowUpSession(session: Pick<Session, 'status'>): void {
  if (isFrozen(session)) throw new AppError('REGLA', session.status === 'en-firma' ? 'El acta de esa sesión está en firma: su minuta ya no admite cambios.' : 'Esa sesión ya no admite cambios en su minuta.')
}

export type SessionAction = 'exportPacket' | 'convocatoria' | 'invitation' | 'attendanceSheet' | 'mailDrafts' | 'projector' | 'acta' | 'signActa' | 'declareQuorum' | 'recordFollowUp' | 'importComments' | 'sendForSignature' | 'receiveSignature'

/**
 * What the session's state allows now besides editing (see editableScopes), as
 * flags for the screen, each from the rule its operation applies. The documents
 * follow the state alone: a convocatoria is offered while the session is still
 * to be held, and asking for it without an agenda gets the core's reason.
 */
export function sessionActions(session: TitledSession & Pick<Session, 'agenda' | 'quorum'>): Record<SessionAction, boolean> {
  return {
    exportPacket: allows(() => checkPacketExport(session)),
    convocatoria: isUpcoming(session),
    invitation: isUpcoming(session) || session.status === 'cancelada',
    attendanceSheet: isUpcoming(session) || session.status === 'en-curso',
    mailDrafts: allows(() => checkMailDrafts(session)),
    projector: allows(() => checkProjection(session)),
    acta: isHeld(session),
    // The first signature closes the session; later signers sign the signed acta, not the session.
    signActa: allows(() => checkActaSigning(session)) && !isClosed(session),
    sendForSignature: session.status === 'concluida',
    receiveSignature: session.status === 'en-firma',
    declareQuorum: allows(() => checkQuorumDeclarable(session)),
    recordFollowUp: allows(() => checkFollowUpSession(session)),
    importComments: !isFrozen(session),
  }
}
