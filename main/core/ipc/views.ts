/**
 * Read models for the renderer, built from the data file and the rules in
 * ../domain, so derived values (titles, overdue, progress) are computed once,
 * in the core.
 */
import { AppError } from '../errors'
import { countsAsPresent, type Confirmation, type Data, type Member, type Session } from '../model/schema'
import type { AgreementRow, CommitmentView, ConfirmationsView, DashboardView, MemberRow, PlanOverview, QuorumView, RosterEntry, SessionDetail, SessionSummary } from '../contract/views'
import { agendaSchedule, isFollowUpItem } from '../domain/agenda'
import { checkConfirmable, confirmingMembers, expectedQuorum, substituteAvailable } from '../domain/confirmations'
import { computeQuorum } from '../domain/quorum'
import { allowedTransitions, allows, editableScopes, isHeld, sessionActions, startDate } from '../domain/session-rules'
import { mexicoDate } from '../domain/dates'
import { pairedNames } from '../domain/members'
import {
  AGREEMENT_STATES,
  agreementDaysLate,
  agreementState,
  commitmentProgress,
  completionLevel,
  isAgreementOpen,
  isMilestoneDueSoon,
  isMilestoneOverdue,
  milestoneDaysLeft,
  planInForce,
} from '../domain/progress'
import { sessionKey, sessionTitle } from '../domain/session-title'
import { firstSteps } from '../domain/first-steps'

export function buildMemberRows(data: Data): MemberRow[] {
  const pairs = pairedNames(data.members)
  return data.members.map((member) => ({ ...member, pairedName: pairs.get(member.id) ?? null }))
}

export function buildSessionSummaries(data: Data): SessionSummary[] {
  const agreementsBySession = new Map<string, number>()
  for (const agreement of data.agreements) agreementsBySession.set(agreement.sessionId, (agreementsBySession.get(agreement.sessionId) ?? 0) + 1)
  const prefix = data.settings.keyPrefix
  return data.sessions
    .map((session) => ({
      id: session.id,
      title: sessionTitle(session),
      key: sessionKey(prefix, session),
      type: session.type,
      number: session.number,
      year: session.year,
      date: session.date,
      startTime: session.startTime,
      endTime: session.endTime,
      modality: session.modality,
      venue: session.venue,
      status: session.status,
      actStatus: session.actStatus,
      agendaItems: session.agenda.length,
      present: session.attendance.filter((row) => countsAsPresent(row.status)).length,
      expected: session.attendance.length,
      agreements: agreementsBySession.get(session.id) ?? 0,
      held: isHeld(session),
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime))
}

export function buildSessionDetail(data: Data, id: string, now: Date): SessionDetail {
  const session = data.sessions.find((candidate) => candidate.id === id)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  const schedule = agendaSchedule(session.agenda, session.startTime)
  const titles = new Map(session.agenda.map((item) => [item.id, item.title]))
  const plan = Object.fromEntries(schedule.items.map((item) => [item.id, { number: item.number, start: item.start, end: item.end, followUp: isFollowUpItem(titles.get(item.id) ?? '') }]))
  const previous = previousSession(data.sessions, session)
  return {
    session,
    title: sessionTitle(session),
    key: sessionKey(data.settings.keyPrefix, session),
    agreements: data.agreements.filter((agreement) => agreement.sessionId === id),
    plan,
    expectedEnd: schedule.end,
    roster: buildRoster(data.members, session),
    quorum: buildQuorumView(data, session),
    allowedTransitions: [...allowedTransitions(session.status)],
    held: isHeld(session),
    editable: editableScopes(session),
    can: sessionActions(session),
    startDate: startDate(session, now),
    previous: previous ? { id: previous.id, title: sessionTitle(previous) } : null,
    pendingAgreements: pendingAgreementsBefore(data, session, now),
    confirmations: buildConfirmations(data, session),
  }
}

/** Open agreements adopted in sessions held before this one: what its «Seguimiento de acuerdos» reviews. */
function pendingAgreementsBefore(data: Data, session: Session, now: Date): AgreementRow[] {
  const earlier = new Set(
    data.sessions.filter((other) => other.id !== session.id && `${other.date}${other.startTime}` < `${session.date}${session.startTime}`).map((other) => other.id),
  )
  return buildAgreementRows(data, now).filter(
    (row) => earlier.has(row.sessionId) && (row.open || row.followUps.some((entry) => entry.sessionId === session.id)),
  )
}

/** The session held just before this one (by date), of any type, not cancelled. */
export function previousSession(sessions: readonly Session[], session: Session): Session | null {
  const earlier = sessions
    .filter((other) => other.id !== session.id && other.status !== 'cancelada' && `${other.date}${other.startTime}` < `${session.date}${session.startTime}`)
    .sort((a, b) => `${b.date}${b.startTime}`.localeCompare(`${a.date}${a.startTime}`))
  return earlier[0] ?? null
}

/** Everyone on the roll: the attendance rows once open, otherwise the active members. */
function buildRoster(members: readonly Member[], session: Session): RosterEntry[] {
  const rows = new Map(session.attendance.map((row) => [row.memberId, row]))
  const answers = new Map(session.confirmations.map((entry) => [entry.memberId, entry]))
  const listed = session.attendance.length > 0 ? members.filter((member) => rows.has(member.id)) : members.filter((member) => member.active)
  return listed.map((member) => ({
    memberId: member.id,
    fullName: member.fullName,
    position: member.position,
    institution: member.institution,
    sector: member.sector,
    role: member.role,
    voting: member.voting,
    substitutes: members.filter((other) => other.substituteFor === member.id && other.active).map((other) => ({ id: other.id, fullName: other.fullName })),
    attendance: rows.get(member.id) ?? null,
    confirmation: confirmationOf(answers.get(member.id)),
  }))
}

function confirmationOf(entry: Confirmation | undefined): RosterEntry['confirmation'] {
  return entry ? { answer: entry.response, substituteId: entry.substituteId } : null
}

/** The titulares' answers to the notice, by the registry's order, and the quorum they foresee. */
function buildConfirmations(data: Data, session: Session): ConfirmationsView {
  const answers = new Map(session.confirmations.map((entry) => [entry.memberId, entry]))
  const names = new Map(data.members.map((member) => [member.id, member.fullName]))
  const rows = confirmingMembers(data.members).map((member) => {
    const entry = answers.get(member.id)
    return {
      memberId: member.id,
      fullName: member.fullName,
      institution: member.institution,
      sector: member.sector,
      voting: member.voting,
      answer: entry?.response ?? ('sin-respuesta' as const),
      substitute: entry?.substituteId
        ? { id: entry.substituteId, fullName: names.get(entry.substituteId) ?? entry.substituteId, available: substituteAvailable(data.members, member.id, entry.substituteId) }
        : null,
      substitutes: data.members.filter((other) => other.substituteFor === member.id && other.active).map((other) => ({ id: other.id, fullName: other.fullName })),
      answeredAt: entry?.at ?? null,
    }
  })
  return { open: allows(() => checkConfirmable(session)), rows, expected: expectedQuorum(session, data.members, data.settings.quorum) }
}

function buildQuorumView(data: Data, session: Session): QuorumView {
  const call = session.quorum?.call ?? 'primera'
  const status = computeQuorum(session.attendance, data.members, data.settings.quorum, call)
  const byId = new Map(data.members.map((member) => [member.id, member]))
  return {
    votingMembers: status.votingMembers,
    present: status.present,
    required: status.required,
    reached: status.reached,
    call,
    secondCallAllowed: data.settings.quorum.secondCallAllowed,
    voters: status.voterIds.map((voterId) => ({ id: voterId, fullName: byId.get(voterId)?.fullName ?? voterId, institution: byId.get(voterId)?.institution ?? '' })),
  }
}

export function buildAgreementRows(data: Data, now: Date): AgreementRow[] {
  const today = mexicoDate(now)
  const sessions = new Map(data.sessions.map((session) => [session.id, session]))
  const names = new Map(data.members.map((member) => [member.id, member.fullName]))
  return data.agreements
    .map((agreement) => {
      const session = sessions.get(agreement.sessionId)
      return {
        ...agreement,
        sessionTitle: session ? sessionTitle(session) : '',
        sessionDate: session?.date ?? '',
        state: agreementState(agreement, today),
        open: isAgreementOpen(agreement),
        daysLate: agreementDaysLate(agreement, today),
        responsibleNames: agreement.responsibleMemberIds.map((memberId) => names.get(memberId) ?? memberId),
      }
    })
    .sort((a, b) => b.sessionDate.localeCompare(a.sessionDate) || a.key.localeCompare(b.key))
}

export function buildPlanOverview(data: Data, now: Date): PlanOverview {
  const today = mexicoDate(now)
  const keysByCommitment = new Map<string, string[]>()
  for (const agreement of data.agreements) {
    if (agreement.commitmentId) keysByCommitment.set(agreement.commitmentId, [...(keysByCommitment.get(agreement.commitmentId) ?? []), agreement.key])
  }
  return {
    plans: data.plans,
    currentPlanId: planInForce(data.plans, today)?.id ?? null,
    commitments: data.commitments
      .map((commitment) => {
        const progress = commitmentProgress(commitment.milestones)
        return {
          ...commitment,
          milestones: commitment.milestones.map((milestone) => ({
            ...milestone,
            overdue: isMilestoneOverdue(milestone, today),
            dueSoon: isMilestoneDueSoon(milestone, today),
            daysLeft: milestoneDaysLeft(milestone, today),
          })),
          progress,
          level: completionLevel(progress),
          agreementKeys: keysByCommitment.get(commitment.id) ?? [],
        }
      })
      .sort((a, b) => a.planId.localeCompare(b.planId) || a.number - b.number),
  }
}

export function buildDashboard(data: Data, now: Date): DashboardView {
  const today = mexicoDate(now)
  const plan = planInForce(data.plans, today) ?? null
  const overview = buildPlanOverview(data, now)
  const commitments = overview.commitments.filter((commitment) => commitment.planId === plan?.id)
  const mean = (values: number[]): number => (values.length === 0 ? 0 : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length))
  const group = <K extends string>(keysOf: (commitment: CommitmentView) => K[]) => {
    const groups = new Map<K, number[]>()
    for (const commitment of commitments) for (const key of keysOf(commitment)) groups.set(key, [...(groups.get(key) ?? []), commitment.progress])
    return [...groups.entries()].map(([key, values]) => ({ key, progress: mean(values), commitments: values.length }))
  }
  const agreements = buildAgreementRows(data, now)
  return {
    asOf: today,
    plan: plan ? { id: plan.id, name: plan.name } : null,
    commitments: commitments.length,
    averageProgress: mean(commitments.map((commitment) => commitment.progress)),
    byLevel: (['no-iniciado', 'limitado', 'sustancial', 'completo'] as const).map((level) => ({ level, count: commitments.filter((commitment) => commitment.level === level).length })),
    byPillar: group((commitment) => commitment.pillars).map(({ key, ...rest }) => ({ pillar: key, ...rest })),
    byInstitution: group((commitment) => [commitment.leadInstitution]).map(({ key, ...rest }) => ({ institution: key, ...rest })).sort((a, b) => b.progress - a.progress),
    milestonesDue: commitments
      .flatMap((commitment) =>
        commitment.milestones
          .filter((milestone) => milestone.overdue || milestone.dueSoon)
          .map((milestone) => ({ commitmentId: commitment.id, commitmentNumber: commitment.number, commitmentTitle: commitment.title, milestoneId: milestone.id, title: milestone.title, dueDate: milestone.dueDate, status: milestone.status, progress: milestone.progress, overdue: milestone.overdue, daysLeft: milestone.daysLeft })),
      )
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    agreementsByState: AGREEMENT_STATES.map((state) => ({ state, count: agreements.filter((row) => row.state === state).length })),
    openAgreements: agreements.filter((row) => row.open).length,
    overdueAgreements: agreements.filter((row) => row.state === 'vencido').sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '')),
    firstSteps: firstSteps(data),
  }
}
