/**
 * The Plan de Acción Local covering `today`, with commitments whose milestones
 * are as far along as the calendar (and each commitment's pace) allows, so
 * progress charts show a realistic spread rather than a flat line.
 */
import type { Commitment, Milestone, Plan } from '../core/model/schema'
import { addDays, daysBetween, daysInMonth, makeDate, shiftMonth, yearOf } from '../core/domain/dates'
import { COMMITMENTS, type CommitmentSpec } from './pal-commitments'
import type { Random } from './random'
import { pad2 } from './text'

/** PAL periods are three years long and the current one began in 2025. */
const FIRST_PLAN_YEAR = 2025
const PLAN_YEARS = 3

type Pace = 'adelantado' | 'en-tiempo' | 'con-retraso' | 'rezagado'

export interface PlanBuild {
  plan: Plan
  commitments: Commitment[]
  specs: Map<string, CommitmentSpec>
}

export function planPeriod(today: string): { startYear: number; endYear: number } {
  const startYear = FIRST_PLAN_YEAR + PLAN_YEARS * Math.floor((yearOf(today) - FIRST_PLAN_YEAR) / PLAN_YEARS)
  return { startYear, endYear: startYear + PLAN_YEARS - 1 }
}

export function buildPlan(rng: Random, today: string): PlanBuild {
  const { startYear, endYear } = planPeriod(today)
  const plan: Plan = { id: `pal-${startYear}-${endYear}`, name: `PAL ${startYear}–${endYear}`, startYear, endYear }
  // Mostly on time, with a couple lagging: the mix a real mid-term report shows.
  const paces = rng.shuffle<Pace>(['adelantado', 'en-tiempo', 'en-tiempo', 'en-tiempo', 'con-retraso', 'con-retraso', 'rezagado'])
  const specs = new Map<string, CommitmentSpec>()
  const commitments = COMMITMENTS.map((spec, index): Commitment => {
    const id = `com-${startYear}-${pad2(index + 1)}`
    specs.set(id, spec)
    const startDate = monthStart(startYear, spec.startMonth)
    const endDate = monthEnd(startYear, spec.endMonth)
    const milestoneRng = rng.fork(id)
    return {
      id,
      planId: plan.id,
      number: index + 1,
      title: spec.title,
      pillars: spec.pillars,
      problem: spec.problem,
      baseline: spec.baseline,
      objective: spec.objective,
      expectedResult: spec.expectedResult,
      leadInstitution: spec.leadInstitution,
      coLeadInstitution: spec.coLeadInstitution,
      startDate,
      endDate,
      milestones: buildMilestones(milestoneRng, spec, { id, number: index + 1, startYear, endYear, startDate, today, pace: paces[index % paces.length] ?? 'en-tiempo' }),
    }
  })
  return { plan, commitments, specs }
}

function buildMilestones(
  rng: Random,
  spec: CommitmentSpec,
  context: { id: string; number: number; startYear: number; endYear: number; startDate: string; today: string; pace: Pace },
): Milestone[] {
  const count = spec.milestones.length
  const weights = splitHundred(rng, count)
  const span = spec.endMonth - spec.startMonth
  let windowStart = context.startDate
  let stalled = false
  return spec.milestones.map((milestone, index): Milestone => {
    const month = spec.startMonth + Math.round((span * (index + 1)) / count)
    const dueDate = addDays(monthEnd(context.startYear, month), -rng.int(0, 6))
    // Nothing moves before the commitment itself starts.
    const { status, progress } =
      context.today < context.startDate ? { status: 'no-iniciado' as const, progress: 0 } : milestoneState(rng, context.pace, context.today, windowStart, dueDate, index, stalled)
    if (status !== 'completado') stalled = stalled || context.pace === 'rezagado'
    windowStart = dueDate
    return {
      id: `${context.id}-h${index + 1}`,
      title: milestone.title,
      dueDate,
      deliverable: milestone.deliverable,
      status,
      progress,
      evidence:
        status === 'completado'
          ? `Evidencia publicada en https://transparencia.example.org/pal-${context.startYear}-${context.endYear}/compromiso-${context.number}/hito-${index + 1}`
          : status === 'en-proceso'
            ? 'Avance reportado ante el Secretariado Técnico Local; evidencia parcial en revisión.'
            : '',
      weight: weights[index] ?? 1,
    }
  })
}

function milestoneState(
  rng: Random,
  pace: Pace,
  today: string,
  windowStart: string,
  dueDate: string,
  index: number,
  stalled: boolean,
): Pick<Milestone, 'status' | 'progress'> {
  const done = { status: 'completado', progress: 100 } as const
  const notStarted = { status: 'no-iniciado', progress: 0 } as const
  const working = (percent: number) => ({ status: 'en-proceso' as const, progress: Math.min(95, Math.max(5, Math.round(percent / 5) * 5)) })

  if (stalled) return notStarted
  if (dueDate < today) {
    const lateBy = daysBetween(dueDate, today)
    switch (pace) {
      case 'adelantado':
      case 'en-tiempo':
        return done
      case 'con-retraso':
        return lateBy > 60 ? done : working(rng.int(55, 90))
      case 'rezagado':
        return index === 0 && lateBy > 120 ? done : working(rng.int(15, 55))
    }
  }
  if (windowStart <= today) {
    const elapsed = daysBetween(windowStart, today) / Math.max(1, daysBetween(windowStart, dueDate))
    switch (pace) {
      case 'adelantado':
        return elapsed > 0.75 ? done : working(elapsed * 100 + 25)
      case 'en-tiempo':
        return working(elapsed * 100)
      case 'con-retraso':
        return elapsed * 60 >= 5 ? working(elapsed * 60) : notStarted
      case 'rezagado':
        return notStarted
    }
  }
  // A commitment ahead of schedule has often started the next milestone already.
  return pace === 'adelantado' && rng.chance(0.5) && daysBetween(today, windowStart) < 90 ? working(rng.int(5, 20)) : notStarted
}

/** Integer weights of at least 5 that add up to 100. */
function splitHundred(rng: Random, count: number): number[] {
  const raw = Array.from({ length: count }, () => rng.int(2, 6))
  const total = raw.reduce((sum, n) => sum + n, 0)
  const weights = raw.map((n) => Math.max(5, Math.floor((n * 100) / total)))
  const first = weights[0]
  if (first !== undefined) weights[0] = first + 100 - weights.reduce((sum, n) => sum + n, 0)
  return weights
}

function monthStart(startYear: number, offset: number): string {
  const [year, month] = shiftMonth(startYear, 1, offset)
  return makeDate(year, month, 1)
}

function monthEnd(startYear: number, offset: number): string {
  const [year, month] = shiftMonth(startYear, 1, offset)
  return makeDate(year, month, daysInMonth(year, month))
}
