/**
 * Dates as a Mexican secretariat writes them. Every formatter names its time
 * zone: the machine's clock may be UTC, the body meets in Guadalajara.
 */
import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import 'dayjs/locale/es-mx'
import { TIME_ZONE, mexicoDate } from '../../../main/core/domain/dates'

dayjs.extend(relativeTime)
dayjs.locale('es-mx')

const LOCALE = 'es-MX'

const longDate = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const mediumDate = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})
const fullDate = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const timeOfDay = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/**
 * A calendar date `YYYY-MM-DD` as an instant inside that same day in Mexico
 * City: noon UTC is 06:00 there, so the day never shifts.
 */
function calendarDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return null
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
}

function instant(value: string): Date | null {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "jueves 26 de noviembre de 2026" (no comma after the weekday, as in an acta). */
export function formatLongDate(date: string): string {
  const day = calendarDay(date) ?? instant(date)
  if (!day) return date
  return longDate
    .formatToParts(day)
    .map((part) => part.value)
    .join('')
    .replace(/^(\p{L}+),\s*/u, '$1 ')
}

/** "26 nov 2026": compact, for table cells. */
export function formatShortDate(date: string): string {
  const day = calendarDay(date) ?? instant(date)
  if (!day) return date
  return mediumDate.format(day).replace(/\./g, '')
}

/** "26 de noviembre de 2026". */
export function formatDate(date: string): string {
  const day = calendarDay(date) ?? instant(date)
  return day ? fullDate.format(day) : date
}

/** "10:07": the wall-clock time of an instant in Mexico City. */
export function formatInstantTime(value: string): string {
  const date = instant(value)
  return date ? timeOfDay.format(date) : value
}

/** "26 nov 2026, 10:07". */
export function formatDateTime(value: string): string {
  const date = instant(value)
  if (!date) return value
  return `${formatShortDate(value)}, ${timeOfDay.format(date)}`
}

/** "hace 3 horas". */
export function formatRelative(value: string): string {
  const date = instant(value)
  return date ? dayjs(date).fromNow() : ''
}

/** Today's calendar date in Mexico City, `YYYY-MM-DD`. */
export function todayInMexico(now: Date = new Date()): string {
  return mexicoDate(now)
}

const timeWithSeconds = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** "10:07:42": when something was saved, to the second. */
export function formatInstantTimeSeconds(value: string): string {
  const date = instant(value)
  return date ? timeWithSeconds.format(date) : value
}
