/**
 * Progress of the Plan de Acción. A commitment's progress is the weighted mean
 * of its milestones' progress; its completion level follows the OGP scale.
 */
import type { Agreement, Milestone } from '../model/schema'
import type { AgreementState } from '../contract/views'

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

export function isMilestoneOverdue(milestone: Pick<Milestone, 'dueDate' | 'status'>, today: string): boolean {
  return milestone.status !== 'completado' && milestone.dueDate < today
}

/** `vencido` is never stored: it is a pending or in-progress agreement past its due date. */
export function agreementState(agreement: Pick<Agreement, 'status' | 'dueDate'>, today: string): AgreementState {
  const open = agreement.status === 'pendiente' || agreement.status === 'en-proceso'
  return open && agreement.dueDate !== null && agreement.dueDate < today ? 'vencido' : agreement.status
}

/** A milestone's state and progress must agree: completed is 100 %, not started is 0 %. */
export function milestoneStateProblem(milestone: Pick<Milestone, 'status' | 'progress'>): string | null {
  if (milestone.status === 'completado' && milestone.progress !== 100) return 'un hito completado debe tener avance de 100 %'
  if (milestone.status === 'no-iniciado' && milestone.progress !== 0) return 'un hito no iniciado debe tener avance de 0 %'
  if (milestone.status === 'en-proceso' && milestone.progress === 100) return 'un hito con avance de 100 % debe marcarse como completado'
  return null
}
