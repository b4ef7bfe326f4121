/**
 * The sign-in sheet (lista de asistencia) of an in-person or hybrid session:
 * the session's facts, then the members by sector, each titular followed by
 * their suplente, with a box for the handwritten signature and the arrival
 * time. Archival PDF/A like the acta and the notice.
 */
import { agendaSchedule } from '../domain/agenda'
import { longSpanishDate, mexicoDate } from '../domain/dates'
import { sessionKey, sessionTitle } from '../domain/session-title'
import { SECTORS, type Data, type Member, type Sector, type Session } from '../model/schema'
import { authorOf, drawTitleBlock, frameFor, sessionFactRows } from './common'
import { STYLES, Layout } from './layout'
import { collectBytes, createArchivalDocument, type RenderOptions } from './pdf-document'
import { Progress } from './progress'
import { sessionForAttendanceSheet } from './select-session'
import type { RichText } from './text-wrap'
import { SECTOR_LABELS } from './wording'

/** The sign-in sheet of `sessionRef` (an id or `next`) as PDF/A-2b bytes; `options.now` decides which session is `next`. */
export async function renderAttendanceSheet(data: Data, sessionRef: string, options: RenderOptions = {}): Promise<Buffer> {
  const now = options.now ?? new Date()
  const session = sessionForAttendanceSheet(data, sessionRef, mexicoDate(now))
  const title = sessionTitle(session)
  const key = sessionKey(data.settings.keyPrefix, session)
  const groups = membersBySector(data, session)
  const progress = new Progress(groups.length, options.onProgress)

  const archival = createArchivalDocument(
    {
      title: `Lista de asistencia de la ${title}`,
      author: authorOf(data.settings),
      subject: `Lista de asistencia para firma autógrafa de la ${title} (${key}) del ${data.settings.bodyName} de ${data.settings.organization}, ${longSpanishDate(session.date)}.`,
      keywords: `lista de asistencia, ${key}, ${data.settings.bodyName}`,
    },
    { ...options, now },
  )
  const { doc } = archival
  const bytes = collectBytes(doc)
  const layout = new Layout(archival)

  drawTitleBlock(layout, 'Lista de asistencia', `${title} del ${data.settings.bodyName}`, `Clave de la sesión: ${key}`)
  layout.table({
    columns: [
      { header: 'Dato', weight: 24, font: 'condensedBold' },
      { header: 'Valor', weight: 76 },
    ],
    rows: sessionFactRows(session, session.endTime ?? agendaSchedule(session.agenda, session.startTime).end, data.settings.defaultVenue || 'Por confirmar'),
    header: false,
    style: { ...STYLES.table, size: 9 },
    padY: 2.5,
    gapAfter: 8,
  })
  layout.paragraph(
    'Cada persona integrante, o quien la supla, firma en el recuadro de su nombre al llegar y anota la hora. ' +
      'Quien asiste en representación de otra persona escribe su nombre bajo la firma.',
    { style: STYLES.small, align: 'justify', gapAfter: 8 },
  )

  let number = 0
  for (const group of groups) {
    layout.heading(SECTOR_LABELS[group.sector], 1)
    layout.table({
      columns: [
        { header: 'Núm.', weight: 7, align: 'right' },
        { header: 'Nombre, cargo e institución', weight: 43 },
        { header: 'Carácter', weight: 14 },
        { header: 'Firma', weight: 26, box: true },
        { header: 'Hora', weight: 10, box: true },
      ],
      rows: group.members.map((member) => {
        number += 1
        return [String(number), nameCell(member), characterOf(data, member), '', '']
      }),
      style: { ...STYLES.table, size: 8.5 },
      // Room to sign by hand: every row is tall enough for a signature.
      padY: 11,
      gapAfter: 6,
    })
    await progress.step()
  }

  layout.stampPages(frameFor(data.settings, `Lista de asistencia · ${title}`, `Sesión ${key}`))
  layout.finish()
  doc.end()
  const result = await bytes
  progress.finish()
  return result
}

function nameCell(member: Member): RichText {
  const detail = [member.position, member.institution].filter((part) => part.trim()).join(', ')
  return detail ? [{ text: member.fullName, font: 'condensedBold' }, { text: `\n${detail}` }] : [{ text: member.fullName, font: 'condensedBold' }]
}

function characterOf(data: Data, member: Member): string {
  const voice = member.voting === 'voz' ? ', con voz' : ''
  if (member.role !== 'suplente') return `Titular${voice}`
  const titular = member.substituteFor ? data.members.find((candidate) => candidate.id === member.substituteFor) : undefined
  return titular ? `Suplente de ${titular.fullName}${voice}` : `Suplente${voice}`
}

/** Active members (or the session's roster once the roll exists), by sector in the registry's order, each titular followed by their suplentes. */
function membersBySector(data: Data, session: Session): { sector: Sector; members: Member[] }[] {
  const listed = new Set(session.attendance.map((row) => row.memberId))
  const chosen = data.members.filter((member) => member.active || listed.has(member.id))
  const ordered: Member[] = []
  for (const titular of chosen.filter((member) => member.role === 'titular')) {
    ordered.push(titular, ...chosen.filter((member) => member.substituteFor === titular.id))
  }
  ordered.push(...chosen.filter((member) => !ordered.includes(member)))
  return SECTORS.map((sector) => ({ sector, members: ordered.filter((member) => member.sector === sector) })).filter((group) => group.members.length > 0)
}
