/**
 * The session's invitation (.ics) against RFC 5545: CRLF line ends, lines
 * folded at 75 octets without splitting a character, the required
 * properties, the time zone; and read back by an independent parser (ical.js).
 */
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { escapeText, foldLine, sessionInvitation, type InvitationInput } from '../../main/core/documents/icalendar'
import type { Session } from '../../main/core/model/schema'
import { demoData } from '../support/bridge'
import { NOW } from '../support/clock'

const data = demoData({ sessions: 4, seed: 7 })

function input(overrides: Partial<Session> = {}, rest: Partial<InvitationInput> = {}): InvitationInput {
  const base = data.sessions.find((session) => session.status === 'convocada') ?? data.sessions[0]
  if (!base) throw new Error('sin sesiones en los datos de prueba')
  const session = { ...base, ...overrides }
  return {
    session,
    settings: data.settings,
    members: data.members,
    organizer: data.members.find((member) => member.id === session.secretaryId) ?? null,
    method: 'REQUEST',
    sequence: 0,
    now: NOW,
    ...rest,
  }
}

/** The content lines after unfolding (RFC 5545 §3.1). */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1)
}

describe('invitación iCalendar de una sesión', () => {
  it('usa CRLF, dobla a 75 octetos sin partir caracteres y trae las propiedades obligatorias', () => {
    const long = 'Auditorio «Juan José Arreola», Biblioteca Pública del Estado de Jalisco, Periférico Norte 1695, Zapopan; planta baja — ñandú'
    const text = sessionInvitation(input({ venue: long, modality: 'presencial' }))
    // Every line ends in CRLF: no bare LF or CR anywhere.
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
      // A folded piece is valid UTF-8 on its own: no character split across lines.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line)
    }
    const lines = unfold(text)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.at(-1)).toBe('END:VCALENDAR')
    for (const required of ['PRODID:', 'VERSION:2.0', 'METHOD:REQUEST', 'UID:', 'DTSTAMP:', 'DTSTART;TZID=America/Mexico_City:', 'SEQUENCE:0', 'SUMMARY:']) {
      expect(lines.some((line) => line.startsWith(required)), required).toBe(true)
    }
    expect(lines).toContain('BEGIN:VTIMEZONE')
    expect(lines).toContain('TZID:America/Mexico_City')
    expect(lines).toContain('TZOFFSETTO:-0600')
    expect(lines.find((line) => line.startsWith('LOCATION:'))).toBe(`LOCATION:${escapeText(long)}`)
    expect(lines.find((line) => line.startsWith('DTSTAMP:'))).toBe(`DTSTAMP:${NOW.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`)
  })

  it('un lector independiente (ical.js) lee la hora en Guadalajara, el lugar, el organizador y los invitados', () => {
    const base = input()
    const text = sessionInvitation(input({ date: '2026-12-09', startTime: '10:00', endTime: '12:30', venue: 'Casa Jalisco, Guadalajara', modality: 'presencial' }))
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[])
    const zone = calendar.getFirstSubcomponent('vtimezone')
    expect(zone).not.toBeNull()
    if (zone) ICAL.TimezoneService.register(zone)
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined)
    expect(event.uid).toBe(`${base.session.id}@secretariado.gobiernoabierto.jalisco`)
    expect(event.summary).toContain('Sesión')
    expect(event.location).toBe('Casa Jalisco, Guadalajara')
    // 10:00 in Guadalajara (UTC−6) is 16:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-09T16:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-09T18:30:00.000Z')
    const organizer = base.organizer
    if (organizer?.email) expect(event.organizer).toBe(`mailto:${organizer.email}`)
    const invited = event.attendees.map((attendee) => String(attendee.getFirstValue()))
    const expected = data.members.filter((member) => member.active && member.email && member.id !== organizer?.id).map((member) => `mailto:${member.email}`)
    expect(invited.sort()).toEqual(expected.sort())
    expect(invited.length).toBeGreaterThan(0)
  })

  it('sin hora de fin reserva dos horas; una sesión anterior a 2022-10-30 va en UTC con su horario de verano', () => {
    const noEnd = unfold(sessionInvitation(input({ date: '2026-12-09', startTime: '17:00', endTime: null })))
    expect(noEnd).toContain('DTSTART;TZID=America/Mexico_City:20261209T170000')
    expect(noEnd).toContain('DTEND;TZID=America/Mexico_City:20261209T190000')
    // June 2021: Guadalajara was on daylight saving time (UTC−5), so 10:00 was 15:00 UTC.
    const old = unfold(sessionInvitation(input({ date: '2021-06-10', startTime: '10:00', endTime: '11:00' })))
    expect(old).toContain('DTSTART:20210610T150000Z')
    expect(old).toContain('DTEND:20210610T160000Z')
    expect(old).not.toContain('BEGIN:VTIMEZONE')
  })

  it('una sesión que se mueve sube SEQUENCE con el mismo UID; la cancelación es METHOD:CANCEL', () => {
    const first = unfold(sessionInvitation(input({ date: '2026-12-09' })))
    const moved = unfold(sessionInvitation(input({ date: '2026-12-10' }, { sequence: 1 })))
    const cancelled = unfold(sessionInvitation(input({ date: '2026-12-10', status: 'cancelada', cancelReason: 'Falta de quórum; se reprograma' }, { sequence: 2, method: 'CANCEL' })))
    const uid = (lines: string[]) => lines.find((line) => line.startsWith('UID:'))
    expect(uid(moved)).toBe(uid(first))
    expect(uid(cancelled)).toBe(uid(first))
    expect(moved).toContain('SEQUENCE:1')
    expect(cancelled).toContain('METHOD:CANCEL')
    expect(cancelled).toContain('STATUS:CANCELLED')
    expect(cancelled).toContain('SEQUENCE:2')
    expect(cancelled.find((line) => line.startsWith('DESCRIPTION:'))).toContain('Falta de quórum\\; se reprograma')
    expect(() => sessionInvitation(input({}, { sequence: -1 }))).toThrow(RangeError)
  })

  it('un texto hostil no rompe la estructura: saltos de línea, comas, punto y coma, barras, comillas en nombres', () => {
    const venue = 'Sala 1\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:falsa;x,y\\z'
    const text = sessionInvitation(input({ venue, modality: 'presencial' }))
    const lines = unfold(text)
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1)
    expect(lines.filter((line) => line === 'END:VEVENT')).toHaveLength(1)
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent') ?? undefined)
    expect(event.location).toBe(venue.replace(/\r\n|\r/g, '\n'))
    const named = sessionInvitation(input({}, { members: [{ ...data.members[0]!, fullName: 'Ana "la" Pérez\r\nX', email: 'ana@example.org', active: true }] }))
    expect(unfold(named).find((line) => line.startsWith('ATTENDEE'))).toBe('ATTENDEE;CN="Ana la PérezX";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ana@example.org')
  })

  it('foldLine no parte un carácter de varios octetos en el borde', () => {
    const line = `DESCRIPTION:${'a'.repeat(62)}${'é'.repeat(40)}😀`
    const folded = foldLine(line).split('\r\n')
    for (const piece of folded) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.map((piece, index) => (index === 0 ? piece : piece.slice(1))).join('')).toBe(line)
  })
})
