/**
 * The invitation to a session as an iCalendar object (RFC 5545), for the
 * members' calendars: `METHOD:REQUEST` while the session stands (re-issued
 * with a higher SEQUENCE each time it moves), `METHOD:CANCEL` once cancelled.
 *
 * - Lines end in CRLF and are folded at 75 octets (never inside a UTF-8
 *   character); text values are escaped (\\ ; , and line breaks).
 * - The UID is the session's own, so every re-issue updates the same event.
 * - Times carry TZID=America/Mexico_City with its VTIMEZONE. Since 30 October
 *   2022 the zone is UTC−6 all year, which one STANDARD observance describes;
 *   a session before that date (when the zone still had daylight saving time)
 *   is written in UTC instead, so no calendar shows it at another hour.
 */
import type { Data, Member, Session, Settings } from '../model/schema'
import { invitationMethod } from '../domain/invitations'
import { sessionKey } from '../domain/session-title'
import { addMinutes, mexicoInstant, toMinutes, TIME_ZONE } from '../domain/dates'
import { sessionTitle } from '../domain/session-title'

export type InvitationMethod = 'REQUEST' | 'CANCEL'

export interface InvitationInput {
  session: Session
  settings: Settings
  members: readonly Member[]
  /** Who sends it: the session's technical secretary (ORGANIZER when they have an address). */
  organizer: Member | null
  method: InvitationMethod
  /** Grows by one each time the session moves or is cancelled (RFC 5545 §3.8.7.4). */
  sequence: number
  /** When the object is written (DTSTAMP). */
  now: Date
}

export interface SessionInvitationFile {
  method: InvitationMethod
  /** `invitacion-STL-SO03-2026.ics`, or `cancelacion-…` once cancelled. */
  fileName: string
  mimeType: string
  text: string
}

/** A session's invitation as the app hands it out: the request (or its cancellation), organised by its technical secretary, at its current SEQUENCE. */
export function invitationOf(data: Data, session: Session, now: Date): SessionInvitationFile {
  const method = invitationMethod(session)
  const organizer = data.members.find((member) => member.id === session.secretaryId) ?? null
  const text = sessionInvitation({ session, settings: data.settings, members: data.members, organizer, method, sequence: session.invitationSequence, now })
  const name = method === 'CANCEL' ? 'cancelacion' : 'invitacion'
  return { method, fileName: `${name}-${sessionKey(data.settings.keyPrefix, session)}.ics`, mimeType: `text/calendar;charset=utf-8;method=${method}`, text }
}

/** Without an end time, the invitation blocks this long. */
const DEFAULT_DURATION_MINUTES = 120
/** From this date on, Guadalajara's time is UTC−6 the whole year. */
const FIXED_OFFSET_SINCE = '2022-10-30'
const PRODID = '-//Gobierno Abierto Jalisco//Secretariado//ES'

/** The `.ics` text of the invitation. */
export function sessionInvitation(input: InvitationInput): string {
  const { session, settings, method, sequence, now } = input
  if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError('SEQUENCE debe ser un entero no negativo.')
  const withZone = session.date >= FIXED_OFFSET_SINCE
  const start = session.startTime
  const end = session.endTime && toMinutes(session.endTime) > toMinutes(start) ? session.endTime : null
  const endTime = end ?? addMinutes(start, DEFAULT_DURATION_MINUTES)
  // An end past midnight (a late session without an end time) stays on the same day's last minute.
  const endDate = toMinutes(endTime) > toMinutes(start) ? endTime : '23:59'

  const lines: string[] = ['BEGIN:VCALENDAR', `PRODID:${PRODID}`, 'VERSION:2.0', 'CALSCALE:GREGORIAN', `METHOD:${method}`]
  if (withZone) lines.push(...timeZoneLines())
  lines.push('BEGIN:VEVENT')
  lines.push(`UID:${session.id}@secretariado.gobiernoabierto.jalisco`)
  lines.push(`DTSTAMP:${utcStamp(now)}`)
  lines.push(dateTimeLine('DTSTART', session.date, start, withZone))
  lines.push(dateTimeLine('DTEND', session.date, endDate, withZone))
  lines.push(`SEQUENCE:${sequence}`)
  lines.push(`STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`)
  lines.push(`SUMMARY:${escapeText(`${sessionTitle(session)} · ${settings.bodyName}`)}`)
  const location = locationOf(session)
  if (location) lines.push(`LOCATION:${escapeText(location)}`)
  if (session.modality !== 'presencial' && session.link.trim()) lines.push(`URL:${session.link.trim()}`)
  lines.push(`DESCRIPTION:${escapeText(descriptionOf(input))}`)
  const organizer = input.organizer
  if (organizer?.email) lines.push(`ORGANIZER;CN=${parameterValue(organizer.fullName)}:mailto:${organizer.email}`)
  for (const member of input.members) {
    if (!member.active || !member.email || member.id === organizer?.id) continue
    lines.push(`ATTENDEE;CN=${parameterValue(member.fullName)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${member.email}`)
  }
  lines.push('TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** The zone as it has been since 30 October 2022: one standard observance at UTC−6. */
function timeZoneLines(): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${TIME_ZONE}`,
    'BEGIN:STANDARD',
    'DTSTART:20221030T020000',
    'TZOFFSETFROM:-0500',
    'TZOFFSETTO:-0600',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
  ]
}

function dateTimeLine(name: string, date: string, time: string, withZone: boolean): string {
  if (withZone) return `${name};TZID=${TIME_ZONE}:${date.replaceAll('-', '')}T${time.replace(':', '')}00`
  return `${name}:${utcStamp(new Date(mexicoInstant(date, toMinutes(time))))}`
}

/** `20261209T160000Z`. */
function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')
}

function locationOf(session: Session): string {
  const venue = session.venue.trim()
  if (session.modality === 'virtual') return session.link.trim() ? 'En línea' : ''
  if (session.modality === 'hibrida') return venue ? `${venue} (y en línea)` : 'En línea'
  return venue
}

function descriptionOf({ session, settings, method }: InvitationInput): string {
  const parts = [
    method === 'CANCEL'
      ? `Se cancela la ${sessionTitle(session)} del ${settings.bodyName}.${session.cancelReason.trim() ? ` Motivo: ${session.cancelReason.trim()}` : ''}`
      : `Convocatoria a la ${sessionTitle(session)} del ${settings.bodyName} (${settings.organization}).`,
  ]
  if (method === 'REQUEST' && session.agenda.length > 0) {
    parts.push('Orden del día:', ...session.agenda.map((item, index) => `${index + 1}. ${item.title}`))
  }
  if (session.modality !== 'presencial' && session.link.trim()) parts.push(`Enlace: ${session.link.trim()}`)
  return parts.join('\n')
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped; line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** A parameter value (CN=…): quoted, without the characters a quoted value cannot hold. */
function parameterValue(value: string): string {
  const clean = [...value].filter((character) => character !== '"' && character.charCodeAt(0) >= 0x20 && character !== '\u007f').join('')
  return `"${clean}"`
}

/** Folds a content line at 75 octets (RFC 5545 §3.1): CRLF and one space, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const pieces: string[] = []
  let current = ''
  let octets = 0
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8')
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    const limit = pieces.length === 0 ? 75 : 74
    if (octets + size > limit) {
      pieces.push(current)
      current = ''
      octets = 0
    }
    current += character
    octets += size
  }
  pieces.push(current)
  return pieces.join('\r\n ')
}
