/**
 * Quorum. The members who count are the active titulares with voice and vote
 * on the session's roll; a titular counts as present when attending in person
 * or represented by a suplente. The required number follows the rule in
 * Configuración; a second call, where allowed, proceeds with a smaller minimum.
 */
import { AppError } from '../errors'
import type { Attendance, Member, Settings } from '../model/schema'

export interface QuorumStatus {
  votingMembers: number
  present: number
  required: number
  reached: boolean
  call: 'primera' | 'segunda'
  /** Ids of those who may vote right now: the titular present, or the suplente standing in. */
  voterIds: string[]
}

export function requiredForFirstCall(votingMembers: number, rule: Settings['quorum']): number {
  if (votingMembers === 0) return 0
  switch (rule.rule) {
    case 'mitad-mas-uno':
      return Math.floor(votingMembers / 2) + 1
    case 'dos-tercios':
      return Math.ceil((votingMembers * 2) / 3)
    case 'porcentaje':
      return Math.max(1, Math.ceil((votingMembers * rule.percent) / 100))
  }
}

/**
 * Who is in the room: by default right now (anyone with a departure time has
 * left); given a wall-clock `at` (`HH:MM` on the session's day), at that
 * moment (arrived by then and not yet gone); `null` when the moment is not
 * known, so arrival and departure times are not taken into account.
 */
export type QuorumMoment = string | null | undefined

function inRoomAt(row: Attendance, at: QuorumMoment): boolean {
  if (at === undefined) return row.leftAt === null
  if (at === null) return true
  return (row.arrivedAt === null || row.arrivedAt <= at) && (row.leftAt === null || row.leftAt > at)
}

export function computeQuorum(
  attendance: readonly Attendance[],
  members: readonly Member[],
  rule: Settings['quorum'],
  call: 'primera' | 'segunda' = 'primera',
  at?: QuorumMoment,
): QuorumStatus {
  const byId = new Map(members.map((member) => [member.id, member]))
  let votingMembers = 0
  const voterIds: string[] = []
  for (const row of attendance) {
    const member = byId.get(row.memberId)
    if (!member || member.role !== 'titular' || member.voting !== 'voz-y-voto') continue
    votingMembers++
    if (!inRoomAt(row, at)) continue
    if (row.status === 'presente') voterIds.push(member.id)
    else if (row.status === 'suplente' && row.substituteId) voterIds.push(row.substituteId)
  }
  const present = voterIds.length
  const required = call === 'primera' ? requiredForFirstCall(votingMembers, rule) : Math.max(1, rule.secondCallMinimum)
  return { votingMembers, present, required, reached: present > 0 && present >= required, call, voterIds }
}

/** Refuses a declaration the rules do not allow, with the numbers in the message. */
export function checkQuorumDeclaration(status: QuorumStatus, rule: Settings['quorum']): void {
  if (status.call === 'segunda' && !rule.secondCallAllowed) {
    throw new AppError('REGLA', 'La configuración no permite sesionar en segunda convocatoria.')
  }
  if (!status.reached) {
    const what = status.call === 'primera' ? 'en primera convocatoria' : 'en segunda convocatoria'
    throw new AppError('REGLA', `No hay quórum ${what}: se requieren ${status.required} integrantes con voto y hay ${status.present}.`)
  }
}
