/**
 * Lays out the demo sessions backwards from `today`: monthly ordinarias in the
 * last week of each month, a few extraordinarias in the middle of a month, the
 * next ordinaria already convened and, for longer histories, the one after it
 * in draft.
 */
import {
  addDays,
  isWeekend,
  lastWeekdayOfMonth,
  monthOf,
  nthWeekdayOfMonth,
  shiftMonth,
  yearOf,
} from '../core/domain/dates'
import type { Random } from './random'

export type SessionPhase = 'pasada' | 'cancelada' | 'convocada' | 'borrador'

export interface SessionSlot {
  type: 'ordinaria' | 'extraordinaria'
  date: string
  phase: SessionPhase
}

/** Roughly one extraordinaria for every seven sessions held, as in a typical STL year. */
const SESSIONS_PER_EXTRAORDINARIA = 7

export function layoutSessions(rng: Random, today: string, count: number, dense: boolean): SessionSlot[] {
  if (count <= 0) return []
  const future = count >= 6 ? 2 : 1
  const past = count - future
  const extraordinarias = past >= 5 ? Math.round(past / SESSIONS_PER_EXTRAORDINARIA) : 0
  const ordinarias = past - extraordinarias

  // The first ordinaria slot on or after today is the one already convened.
  let [year, month] = [yearOf(today), monthOf(today)]
  if (ordinariaDate(rng, year, month) < today) [year, month] = shiftMonth(year, month, 1)
  const slots: SessionSlot[] = [{ type: 'ordinaria', date: ordinariaDate(rng, year, month), phase: 'convocada' }]
  if (future === 2) {
    const [nextYear, nextMonth] = shiftMonth(year, month, 1)
    slots.push({ type: 'ordinaria', date: ordinariaDate(rng, nextYear, nextMonth), phase: 'borrador' })
  }

  const pastMonths: [number, number][] = []
  for (let back = 1; back <= ordinarias; back++) {
    const [pastYear, pastMonth] = shiftMonth(year, month, -back)
    pastMonths.push([pastYear, pastMonth])
    slots.push({ type: 'ordinaria', date: ordinariaDate(rng, pastYear, pastMonth), phase: 'pasada' })
  }

  // December's ordinaria is early in the month, so extraordinarias avoid it;
  // a month holds at most one extraordinaria (more would crowd the calendar).
  const candidates = pastMonths.filter(([, m]) => m !== 12)
  const chosen = rng.fork('extraordinarias').sample(candidates, extraordinarias)
  const extraordinariaSlots = chosen.map(([y, m]): SessionSlot => ({ type: 'extraordinaria', date: extraordinariaDate(rng, y, m), phase: 'pasada' }))
  // One extraordinaria called off, when there are enough to spare one (never in dense data, whose sessions must all be full).
  if (!dense && extraordinariaSlots.length >= 2) {
    const cancelled = rng.fork('cancelada').pick(extraordinariaSlots)
    cancelled.phase = 'cancelada'
  }
  slots.push(...extraordinariaSlots)
  // Short histories may not find a month for every extraordinaria: fill with older ordinarias so the count holds.
  for (let back = ordinarias + 1; slots.length < count; back++) {
    const [pastYear, pastMonth] = shiftMonth(year, month, -back)
    slots.push({ type: 'ordinaria', date: ordinariaDate(rng, pastYear, pastMonth), phase: 'pasada' })
  }
  return slots.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/**
 * A Tuesday, Wednesday or Thursday of the month's last week; in December the
 * second week, before the winter holidays empty the offices. The weekday is
 * drawn from a stream per month so a month's date never depends on `count`.
 */
export function ordinariaDate(rng: Random, year: number, month: number): string {
  const day = rng.fork(`ordinaria-${year}-${month}`).weighted([
    [4, 3],
    [3, 2],
    [2, 1],
  ] as const)
  return month === 12 ? nthWeekdayOfMonth(year, month, day, 2) : lastWeekdayOfMonth(year, month, day)
}

/** A working day between the 8th and the 20th, well before the month's ordinaria. */
function extraordinariaDate(rng: Random, year: number, month: number): string {
  let date = `${year}-${String(month).padStart(2, '0')}-${String(rng.fork(`extraordinaria-${year}-${month}`).int(8, 18)).padStart(2, '0')}`
  while (isWeekend(date)) date = addDays(date, 1)
  return date
}
