/**
 * The one clock of the test suites. Every test reads time from here: the demo
 * data is generated for `TODAY`, the handlers' and the store's `now` is `NOW`
 * (or a clock that starts at `NOW`), the browser's clock is set to it, and the
 * test certificates are valid around it. The machine's date never decides an
 * outcome, so the suites give the same result on any day.
 */
import { TIME_ZONE, mexicoOffset } from '../../main/core/domain/dates'

export { TIME_ZONE }

/** The suites' calendar day in Guadalajara. */
export const TODAY = '2026-11-26'

/** 09:00 in Guadalajara on `TODAY`: the morning of a session convened for 11:00. */
export const NOW = new Date(`${TODAY}T09:00:00${mexicoOffset(TODAY)}`)

export const DAY_MS = 86_400_000

/** `NOW` moved by a number of days (negative: before). */
export function daysFromNow(days: number): Date {
  return new Date(NOW.getTime() + days * DAY_MS)
}

/** A clock that always answers `at`. */
export function fixedClock(at: Date = NOW): () => Date {
  return () => new Date(at.getTime())
}

/**
 * A clock that starts at `start` and runs at the pace of real time, for the
 * browser harness, where the page's own clock also starts at `NOW` and runs:
 * saves and audit entries keep their order, and the day stays `TODAY`.
 */
export function runningClock(start: Date = NOW): () => Date {
  const origin = performance.now()
  return () => new Date(start.getTime() + Math.floor(performance.now() - origin))
}
