/**
 * PDF dates (ISO 32000-1 §7.9.4), written in Guadalajara's offset so a reader
 * sees the local wall-clock time of the signature, and read back to an instant.
 */
import { TIME_ZONE, mexicoDate, spanishDate as spanishCalendarDate } from '../domain/dates'

/** `D:20261126120000-06'00'` for an instant, in the given zone (Mexico City by default). */
export function pdfDate(instant: Date, timeZone = TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>
  // "GMT-06:00", or plain "GMT" at offset zero.
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? '')
  const zone = offset ? `${offset[1]}${offset[2]}'${offset[3]}'` : 'Z'
  return `D:${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}${parts.second}${zone}`
}

/** Reads a PDF date; undefined when it is not one. Missing parts default as the standard says. */
export function parsePdfDate(text: string | undefined): Date | undefined {
  if (!text) return undefined
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Z])(?:(\d{2})'?(?:(\d{2})'?)?)?)?\s*$/.exec(text.trim())
  if (!match) return undefined
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offH = '00', offM = '00'] = match
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second))
  const offset = sign === '+' || sign === '-' ? (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM)) : 0
  const instant = new Date(utc - offset * 60_000)
  return Number.isNaN(instant.getTime()) ? undefined : instant
}

/** "26 de noviembre de 2026, 12:00:00 (hora del centro de México)". */
export function spanishDateTime(instant: Date): string {
  const text = new Intl.DateTimeFormat('es-MX', {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant)
  return `${text} (hora del centro de México)`
}

/** "26 de noviembre de 2026". */
export function spanishDate(instant: Date): string {
  return spanishCalendarDate(mexicoDate(instant))
}
