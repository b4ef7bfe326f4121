/**
 * Calendar helpers pinned to Guadalajara's time zone: the machine's own zone
 * (UTC on servers) must never decide which day it is.
 */
export const TIME_ZONE = 'America/Mexico_City'

/** Today's date in Guadalajara, `YYYY-MM-DD`. */
export function mexicoDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

/** The wall-clock time in Guadalajara, `HH:MM`. */
export function mexicoTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant)
}

/** "jueves 26 de noviembre de 2026" for a `YYYY-MM-DD` date. */
export function longSpanishDate(date: string): string {
  // Noon UTC of that day falls on the same calendar day in Guadalajara.
  const instant = new Date(`${date}T18:00:00Z`)
  return new Intl.DateTimeFormat('es-MX', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(instant)
    .replace(',', '')
}
