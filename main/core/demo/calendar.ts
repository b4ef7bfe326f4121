/**
 * Date and time arithmetic for the demo data, on plain `YYYY-MM-DD` strings and
 * minutes after midnight. Everything is computed with UTC calendar maths so the
 * machine's own time zone (UTC on servers) never shifts a day; wall-clock times
 * are Guadalajara's (America/Mexico_City).
 */

const DAY_MS = 86_400_000

const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado']
const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
]

export function assertDate(date: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match || fromDayNumber(toDayNumber(date)) !== date) throw new RangeError(`Fecha no válida (AAAA-MM-DD): ${date}`)
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

/**
 * UTC offset of Guadalajara on a date. Mexico abolished daylight saving time in
 * October 2022; before that, central Mexico kept it from the first Sunday of
 * April to the last Sunday of October (May–September in 2001). Demo sessions run
 * in daytime, far from the 02:00 switch, so a day's granularity is enough.
 */
export function mexicoOffset(date: string): '-05:00' | '-06:00' {
  const year = yearOf(date)
  if (year < 1996 || year > 2022) return '-06:00'
  const start = year === 2001 ? nthWeekdayOfMonth(year, 5, 0, 1) : nthWeekdayOfMonth(year, 4, 0, 1)
  const end = year === 2001 ? lastWeekdayOfMonth(year, 9, 0) : lastWeekdayOfMonth(year, 10, 0)
  return date >= start && date < end ? '-05:00' : '-06:00'
}

/** An ISO instant with Guadalajara's offset for a wall-clock moment. */
export function instant(date: string, minuteOfDay: number, second = 0): string {
  const minutes = clampMinute(minuteOfDay)
  return `${date}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:${pad2(second)}.000${mexicoOffset(date)}`
}

/** `HH:MM` for minutes after midnight, kept within the day. */
export function timeOfDay(minuteOfDay: number): string {
  const minutes = clampMinute(minuteOfDay)
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/** "jueves 26 de noviembre de 2026", written out by hand so no ICU build can change it. */
export function longDate(date: string): string {
  const day = Number(date.slice(8, 10))
  return `${WEEKDAYS[weekday(date)]} ${day} de ${MONTHS[monthOf(date) - 1]} de ${yearOf(date)}`
}

/** "26 de noviembre de 2026". */
export function shortLongDate(date: string): string {
  return `${Number(date.slice(8, 10))} de ${MONTHS[monthOf(date) - 1]} de ${yearOf(date)}`
}

function clampMinute(minute: number): number {
  return Math.min(23 * 60 + 59, Math.max(0, Math.round(minute)))
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
