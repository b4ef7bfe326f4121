/**
 * Confirmations: before a session, each titular on the roll answers the
 * notice — confirmó (in person, or their suplente comes in their place),
 * declinó, or no answer yet. From them the core foresees the quorum, and the
 * roll call of the day starts from them: who declined is already marked as a
 * justified absence, and who sends their suplente has that suplente offered.
 */
import { AppError } from '../errors'
import type { Attendance, Confirmation, Member, Session, Settings } from '../model/schema'
import { computeQuorum } from './quorum'
import { isUpcoming } from './session-rules'
import { sessionTitle } from './session-title'

export type ConfirmationAnswer = Confirmation['response'] | 'sin-respuesta'

/** Answers are recorded while the session is still to be held; once it starts, the roll call takes over. */
export function checkConfirmable(session: Pick<Session, 'status' | 'type' | 'number' | 'year'>): void {
  if (!isUpcoming(session)) {
    throw new AppError('REGLA', `La ${sessionTitle(session)} ya no está por celebrarse: las confirmaciones se registran antes de la sesión; ahora cuenta el pase de lista.`)
  }
}

/** The members whose answer is asked: the active titulares (a suplente answers through their titular). */
export function confirmingMembers(members: readonly Member[]): Member[] {
  return members.filter((member) => member.active && member.role === 'titular')
}

/**
 * Checks one answer against the registry: the member is an active titular and
 * a substitute, when named, is one of their active suplentes and comes only
 * with «confirmó».
 */
export function checkConfirmation(members: readonly Member[], memberId: string, answer: ConfirmationAnswer, substituteId: string | null): Member {
  const member = members.find((candidate) => candidate.id === memberId)
  if (!member) throw new AppError('NO_ENCONTRADO', 'El integrante no existe en el padrón.')
  if (!member.active) throw new AppError('REGLA', `${member.fullName} está inactivo: no se le convoca.`)
  if (member.role !== 'titular') throw new AppError('REGLA', `${member.fullName} es suplente: registre la respuesta en su titular, indicando que asiste en su lugar.`)
  if (substituteId !== null) {
    if (answer !== 'confirmo') throw new AppError('REGLA', 'Sólo quien confirma puede enviar a su suplente en su lugar.')
    const substitute = members.find((candidate) => candidate.id === substituteId)
    if (!substitute || substitute.substituteFor !== memberId) throw new AppError('REGLA', `Elija a un suplente registrado de ${member.fullName}.`)
    if (!substitute.active) throw new AppError('REGLA', `${substitute.fullName} está inactivo y no puede suplir.`)
  }
  return member
}

/** The session's confirmations with this answer applied (`sin-respuesta` removes the member's entry). */
export function withConfirmation(
  confirmations: readonly Confirmation[],
  memberId: string,
  answer: ConfirmationAnswer,
  substituteId: string | null,
  at: string,
): Confirmation[] {
  const others = confirmations.filter((entry) => entry.memberId !== memberId)
  return answer === 'sin-respuesta' ? others : [...others, { memberId, response: answer, substituteId, at }]
}

/** Whether the suplente an answer names can still attend for that titular: active and still theirs. */
export function substituteAvailable(members: readonly Member[], titularId: string, substituteId: string): boolean {
  const substitute = members.find((member) => member.id === substituteId)
  return substitute !== undefined && substitute.active && substitute.substituteFor === titularId
}

export interface ExpectedQuorum {
  confirmed: number
  declined: number
  unanswered: number
  /** Titulares with vote on the roll. */
  votingMembers: number
  /** Seats with vote expected in the room: the titulares who confirmed, in person or through a suplente still available. */
  expected: number
  required: number
  /** Whether the confirmed seats alone reach the first call's quorum. */
  reached: boolean
}

/** The quorum the confirmations foresee for the first call, by the same count as the roll call's. */
export function expectedQuorum(session: Pick<Session, 'confirmations'>, members: readonly Member[], rule: Settings['quorum']): ExpectedQuorum {
  const titulares = confirmingMembers(members)
  const answers = new Map(session.confirmations.map((entry) => [entry.memberId, entry]))
  const foreseen: Attendance[] = titulares.map((member) => {
    const answer = answers.get(member.id)
    const confirmed = answer?.response === 'confirmo'
    // A suplente named in the answer who was deactivated or reassigned since cannot fill the seat.
    const through = confirmed ? answer.substituteId : null
    const fills = confirmed && (through === null || substituteAvailable(members, member.id, through))
    const status = !fills ? 'ausente' : through ? 'suplente' : 'presente'
    return { memberId: member.id, status, substituteId: fills ? through : null, arrivedAt: null, leftAt: null }
  })
  const quorum = computeQuorum(foreseen, members, rule, 'primera', null)
  let confirmed = 0
  let declined = 0
  for (const member of titulares) {
    const response = answers.get(member.id)?.response
    if (response === 'confirmo') confirmed++
    else if (response === 'declino') declined++
  }
  return {
    confirmed,
    declined,
    unanswered: titulares.length - confirmed - declined,
    votingMembers: quorum.votingMembers,
    expected: quorum.present,
    required: quorum.required,
    reached: quorum.reached,
  }
}

/**
 * The roll call's first rows when the session starts: every active member
 * absent until they arrive, except those who declined, already marked as a
 * justified absence (they gave notice).
 */
export function initialAttendance(members: readonly Member[], confirmations: readonly Confirmation[]): Attendance[] {
  const declined = new Set(confirmations.filter((entry) => entry.response === 'declino').map((entry) => entry.memberId))
  return members
    .filter((member) => member.active)
    .map((member) => ({ memberId: member.id, status: declined.has(member.id) ? 'justificada' : 'ausente', substituteId: null, arrivedAt: null, leftAt: null }))
}
