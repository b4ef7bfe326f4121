/**
 * Progress of the Plan de Acción and the state of agreements. A commitment's
 * progress is the weighted mean of its milestones' progress; its completion
 * level follows the OGP scale. Pure and without runtime imports beyond the
 * calendar, so the forms apply the same rules.
 */
import type { Agreement, Milestone, Plan } from '../model/schema'
import type { AgreementState } from '../contract/views'
import { daysBetween } from './dates'

export type CompletionLevel = 'no-iniciado' | 'limitado' | 'sustancial' | 'completo'

export function commitmentProgress(milestones: readonly Pick<Milestone, 'progress' | 'weight'>[]): number {
  const totalWeight = milestones.reduce((sum, m) => sum + m.weight, 0)
  if (totalWeight === 0) return 0
  const weighted = milestones.reduce((sum, m) => sum + m.progress * m.weight, 0)
  return Math.round(weighted / totalWeight)
}

/** 0 → no iniciado; under half → limitado; half or more → sustancial; 100 → completo. */
export function completionLevel(progress: number): CompletionLevel {
  if (progress <= 0) return 'no-iniciado'
  if (progress >= 100) return 'completo'
  return progress < 50 ? 'limitado' : 'sustancial'
}

/** How many days before its due date a milestone not yet completed is «por vencer» (the plan's tables and the dashboard alike). */
export const MILESTONE_DUE_SOON_DAYS = 60

export function isMilestoneOverdue(milestone: Pick<Milestone, 'dueDate' | 'status'>, today: string): boolean {
  return milestone.status !== 'completado' && milestone.dueDate < today
}

/** Days from `today` to the milestone's due date: 0 on the day, negative once past it. */
export function milestoneDaysLeft(milestone: Pick<Milestone, 'dueDate'>, today: string): number {
  return daysBetween(today, milestone.dueDate)
}

/** Not completed, not overdue, and due within MILESTONE_DUE_SOON_DAYS (today included). */
export function isMilestoneDueSoon(milestone: Pick<Milestone, 'dueDate' | 'status'>, today: string): boolean {
  return milestone.status !== 'completado' && !isMilestoneOverdue(milestone, today) && milestoneDaysLeft(milestone, today) <= MILESTONE_DUE_SOON_DAYS
}

/** Every state an agreement shows, `vencido` among them, in the order lists and charts give them. */
export const AGREEMENT_STATES: readonly AgreementState[] = ['pendiente', 'en-proceso', 'vencido', 'cumplido', 'cancelado']

/** Open: pending or in progress (overdue ones too); a fulfilled or cancelled agreement is closed. */
export function isAgreementOpen(agreement: Pick<Agreement, 'status'>): boolean {
  return agreement.status === 'pendiente' || agreement.status === 'en-proceso'
}

/** `vencido` is never stored: it is a pending or in-progress agreement past its due date. */
export function agreementState(agreement: Pick<Agreement, 'status' | 'dueDate'>, today: string): AgreementState {
  return isAgreementOpen(agreement) && agreement.dueDate !== null && agreement.dueDate < today ? 'vencido' : agreement.status
}

/** Days an overdue agreement is past its due date; null for one not overdue. */
export function agreementDaysLate(agreement: Pick<Agreement, 'status' | 'dueDate'>, today: string): number | null {
  return agreementState(agreement, today) === 'vencido' && agreement.dueDate !== null ? daysBetween(agreement.dueDate, today) : null
}

/** A milestone's state and progress must agree: completed is 100 %, not started is 0 %. */
export function milestoneStateProblem(milestone: Pick<Milestone, 'status' | 'progress'>): string | null {
  if (milestone.status === 'completado' && milestone.progress !== 100) return 'un hito completado debe tener avance de 100 %'
  if (milestone.status === 'no-iniciado' && milestone.progress !== 0) return 'un hito no iniciado debe tener avance de 0 %'
  if (milestone.status === 'en-proceso' && milestone.progress === 100) return 'un hito con avance de 100 % debe marcarse como completado'
  return null
}

type MilestoneStateFields = Pick<Milestone, 'status' | 'progress'>

/**
 * The milestone once its progress is set, with the state following it so the
 * pair passes milestoneStateProblem: 100 % completes it, any progress starts
 * it, and 0 % takes a completed one back to not started.
 */
export function withMilestoneProgress(milestone: Pick<Milestone, 'status'>, progress: number): MilestoneStateFields {
  if (progress >= 100) return { status: 'completado', progress }
  if (progress > 0) return { status: 'en-proceso', progress }
  return { status: milestone.status === 'completado' ? 'no-iniciado' : milestone.status, progress }
}

/**
 * The milestone once its state is set, with the progress following it so the
 * pair passes milestoneStateProblem: completed is 100 %, not started 0 %, and
 * one back in progress drops from 100 % to 90 %.
 */
export function withMilestoneStatus(milestone: Pick<Milestone, 'progress'>, status: Milestone['status']): MilestoneStateFields {
  if (status === 'completado') return { status, progress: 100 }
  if (status === 'no-iniciado') return { status, progress: 0 }
  return { status, progress: milestone.progress >= 100 ? 90 : milestone.progress }
}

/** The plan in force in the year of `today` (`YYYY-MM-DD`), else the most recent one; none when there are no plans. */
export function planInForce<P extends Pick<Plan, 'startYear' | 'endYear'>>(plans: readonly P[], today: string): P | undefined {
  const year = Number(today.slice(0, 4))
  const current = plans.find((plan) => plan.startYear <= year && year <= plan.endYear)
  return current ?? [...plans].sort((a, b) => a.endYear - b.endYear || a.startYear - b.startYear).at(-1)
}
