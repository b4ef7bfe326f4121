/**
 * Read models for the renderer, built from the data file and the rules in
 * ../domain, so derived values (titles, overdue, progress) are computed once,
 * in the core.
 */
import { AppError } from '../errors'
import type { Data } from '../model/schema'
import type { AgreementRow, MemberRow, PlanOverview, SessionDetail, SessionSummary } from '../contract/views'
import { mexicoDate } from '../domain/dates'
import { pairedNames } from '../domain/members'
import { agreementState, commitmentProgress, completionLevel, isMilestoneOverdue } from '../domain/progress'
import { sessionKey, sessionTitle } from '../domain/session-title'

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
      present: session.attendance.filter((row) => row.status === 'presente' || row.status === 'suplente').length,
      expected: session.attendance.length,
      agreements: agreementsBySession.get(session.id) ?? 0,
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime))
}

export function buildSessionDetail(data: Data, id: string): SessionDetail {
  const session = data.sessions.find((candidate) => candidate.id === id)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  return {
    session,
    title: sessionTitle(session),
    key: sessionKey(data.settings.keyPrefix, session),
    agreements: data.agreements.filter((agreement) => agreement.sessionId === id),
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
    commitments: data.commitments
      .map((commitment) => {
        const progress = commitmentProgress(commitment.milestones)
        return {
          ...commitment,
          milestones: commitment.milestones.map((milestone) => ({ ...milestone, overdue: isMilestoneOverdue(milestone, today) })),
          progress,
          level: completionLevel(progress),
          agreementKeys: keysByCommitment.get(commitment.id) ?? [],
        }
      })
      .sort((a, b) => a.planId.localeCompare(b.planId) || a.number - b.number),
  }
}
