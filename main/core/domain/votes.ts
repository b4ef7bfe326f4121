/**
 * Votes on agreements. Totals never exceed the members present with vote;
 * unanimity means every vote cast was in favour; named votes, when recorded,
 * come only from those who may vote now and must add up to the totals.
 */
import { AppError } from '../errors'
import type { Member, Session, Settings, Vote } from '../model/schema'
import { mexicoDate, mexicoTime } from './dates'
import { computeQuorum } from './quorum'

export function checkVote(vote: Vote, voterIds: readonly string[]): Vote {
  const cast = vote.favor + vote.contra + vote.abstenciones
  const present = voterIds.length
  if (cast === 0) throw new AppError('REGLA', 'Registre al menos un voto.')
  if (cast > present) {
    throw new AppError('REGLA', `La votación suma ${cast} votos, pero sólo hay ${present} integrantes con voto presentes.`)
  }
  if (vote.favor <= vote.contra) {
    throw new AppError('REGLA', `La propuesta no obtuvo mayoría (${vote.favor} a favor, ${vote.contra} en contra): no se registra como acuerdo.`)
  }
  if (vote.unanimous && (vote.contra > 0 || vote.abstenciones > 0)) {
    throw new AppError('REGLA', 'Una votación por unanimidad no puede tener votos en contra ni abstenciones.')
  }
  if (vote.named.length > 0) {
    const allowed = new Set(voterIds)
    const seen = new Set<string>()
    for (const { memberId } of vote.named) {
      if (!allowed.has(memberId)) throw new AppError('REGLA', 'Sólo pueden votar nominalmente los integrantes con voto presentes.')
      if (seen.has(memberId)) throw new AppError('REGLA', 'Un integrante aparece dos veces en la votación nominal.')
      seen.add(memberId)
    }
    const count = (kind: string): number => vote.named.filter((entry) => entry.vote === kind).length
    if (count('favor') !== vote.favor || count('contra') !== vote.contra || count('abstencion') !== vote.abstenciones) {
      throw new AppError('REGLA', 'Los votos nominales no coinciden con los totales a favor, en contra y abstenciones.')
    }
  }
  return vote
}

/**
 * A vote on an agreement of this session, checked against those who could
 * vote: its roll, counted under the call it declared (the first one until it
 * declares) and the quorum rule of Configuración. A new agreement is voted
 * now, by those in the room (the roll the live minutes show). An agreement
 * edited later keeps the room as it was when it was voted, `votedAt` (when it
 * was recorded): arrived by then and not yet gone; so correcting an agreement
 * of a concluded session is not refused because everyone's departure was
 * recorded at the close. A vote recorded on another day than the session's
 * cannot be placed among its times, so then everyone who attended counts.
 */
export function checkAgreementVote(
  session: Pick<Session, 'attendance' | 'quorum' | 'date'>,
  members: readonly Member[],
  settings: Pick<Settings, 'quorum'>,
  vote: Vote,
  votedAt?: Date,
): Vote {
  const moment = votedAt === undefined ? undefined : mexicoDate(votedAt) === session.date ? mexicoTime(votedAt) : null
  const quorum = computeQuorum(session.attendance, members, settings.quorum, session.quorum?.call ?? 'primera', moment)
  return checkVote(vote, quorum.voterIds)
}
