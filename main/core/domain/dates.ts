/**
 * Dates and times of the secretariat, all pinned to Guadalajara's time zone:
 * the machine's own zone (UTC on servers) must never decide which day it is.
 *
 * Calendar dates are plain `YYYY-MM-DD` strings and wall-clock times `HH:MM`
 * strings; their arithmetic is done on UTC calendar maths, so no zone can
 * shift a day. Instants are `Date`s, read in Guadalajara through Intl, which
 * knows the zone's history (daylight saving time until October 2022).
 */
export const TIME_ZONE = 'America/Mexico_City'

const DAY_MS = 86_400_000

/** One formatter per shape, built the first time it is needed (building one costs milliseconds at start-up). */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let built: Intl.DateTimeFormat | null = null
  return () => (built ??= new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options }))
}

const dayFormat = formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' })
const timeFormat = formatter('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const longFormat = formatter('es-MX', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
const dayMonthYearFormat = formatter('es-MX', { day: 'numeric', month: 'long', year: 'numeric' })
const offsetFormat = formatter('en-US', { timeZoneName: 'longOffset' })

// ── instants read in Guadalajara ────────────────────────────────────────

/** The calendar date of an instant in Guadalajara, `YYYY-MM-DD`. */
export function mexicoDate(instant: Date): string {
  return dayFormat().format(instant)
}

/** The wall-clock time of an instant in Guadalajara, `HH:MM`. */
export function mexicoTime(instant: Date): string {
  return timeFormat().format(instant)
}

/** "jueves 26 de noviembre de 2026" for a `YYYY-MM-DD` date. */
export function longSpanishDate(date: string): string {
  // 18:00 UTC of that day falls on the same calendar day in Guadalajara.
  return longFormat().format(new Date(`${date}T18:00:00Z`)).replace(',', '')
}

/** "26 de noviembre de 2026" for a `YYYY-MM-DD` date. */
export function spanishDate(date: string): string {
  return dayMonthYearFormat().format(new Date(`${date}T18:00:00Z`))
}

/** Guadalajara's UTC offset on a date (at noon), as `-06:00`. */
export function mexicoOffset(date: string): string {
  const name = offsetFormat().formatToParts(new Date(`${date}T18:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT-06:00'
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name)
  return match?.[1] ?? '+00:00'
}

/** The ISO instant of a wall-clock moment in Guadalajara: `2026-11-26T10:05:00.000-06:00`. */
export function mexicoInstant(date: string, minuteOfDay: number, second = 0): string {
  const minutes = Math.min(23 * 60 + 59, Math.max(0, Math.round(minuteOfDay)))
  return `${date}T${fromMinutes(minutes)}:${pad2(second)}.000${mexicoOffset(date)}`
}

// ── calendar dates ───────────────────────────────────────────────────────

/** Throws unless `date` is a real calendar date written `YYYY-MM-DD`. */
export function assertDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || fromDayNumber(toDayNumber(date)) !== date) throw new RangeError(`Fecha no válida (AAAA-MM-DD): ${date}`)
}

/** Days since 1970-01-01. */
export function toDayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function makeDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days)
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

export function isWeekend(date: string): boolean {
  const day = weekday(date)
  return day === 0 || day === 6
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7))
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Month arithmetic on (year, month) pairs: shiftMonth(2026, 1, -1) → [2025, 12]. */
export function shiftMonth(year: number, month: number, delta: number): [number, number] {
  const index = year * 12 + (month - 1) + delta
  return [Math.floor(index / 12), (index % 12) + 1]
}

/** The last given weekday of a month, e.g. the last Thursday. */
export function lastWeekdayOfMonth(year: number, month: number, day: number): string {
  const last = makeDate(year, month, daysInMonth(year, month))
  return addDays(last, -((weekday(last) - day + 7) % 7))
}

/** The n-th (1-based) given weekday of a month, e.g. the second Wednesday. */
export function nthWeekdayOfMonth(year: number, month: number, day: number, n: number): string {
  const first = makeDate(year, month, 1)
  return addDays(first, ((day - weekday(first) + 7) % 7) + 7 * (n - 1))
}

// ── wall-clock times ─────────────────────────────────────────────────────

/** Minutes after midnight of an `HH:MM` time. */
export function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** `HH:MM` for minutes after midnight, wrapping past midnight. */
export function fromMinutes(minutes: number): string {
  const total = ((Math.round(minutes) % 1440) + 1440) % 1440
  return `${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`
}

/** Adds minutes to an `HH:MM` time, wrapping past midnight. */
export function addMinutes(time: string, minutes: number): string {
  return fromMinutes(toMinutes(time) + minutes)
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
