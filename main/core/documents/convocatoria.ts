/**
 * The convocatoria (notice) of a session not yet held: addressed to the
 * members, with date, time, place and link, the orden del día with presenters
 * and a computed schedule, the supporting documents, and the signature of the
 * Secretaría Técnica.
 */
import { agendaSchedule } from '../domain/agenda'
import { toMinutes } from '../domain/dates'
import { longSpanishDate, mexicoDate } from '../domain/dates'
import { sessionKey, sessionTitle } from '../domain/session-title'
import type { Data, Member, Session } from '../model/schema'
import { agendaSubject, authorOf, drawTitleBlock, frameFor, sessionFactRows } from './common'
import { COLORS, STYLES, Layout, type TextStyle } from './layout'
import { collectBytes, createArchivalDocument, type RenderOptions } from './pdf-document'
import { Progress } from './progress'
import { sessionForConvocatoria } from './select-session'
import { hours, SECTOR_LABELS, plural } from './wording'

/**
 * The convocatoria of `sessionRef` (a session id or `next`) as PDF/A-2b bytes.
 * `options.now` dates the notice and decides which session is `next`.
 * Refuses (AppError) a session that does not exist, was already held or
 * cancelled, or has no agenda.
 */
export async function renderConvocatoria(data: Data, sessionRef: string, options: RenderOptions = {}): Promise<Buffer> {
  const now = options.now ?? new Date()
  const today = mexicoDate(now)
  const session = sessionForConvocatoria(data, sessionRef, today)
  const title = sessionTitle(session)
  const key = sessionKey(data.settings.keyPrefix, session)
  const recipients = recipientsOf(data, session)
  const progress = new Progress(session.agenda.length + recipients.length, options.onProgress)

  const archival = createArchivalDocument(
    {
      title: `Convocatoria a la ${title}`,
      author: authorOf(data.settings),
      subject: `Convocatoria y orden del día de la ${title} (${key}) del ${data.settings.bodyName} de ${data.settings.organization}, a celebrarse el ${longSpanishDate(session.date)}.`,
      keywords: `convocatoria, orden del día, ${key}, ${data.settings.bodyName}`,
    },
    { ...options, now },
  )
  const { doc } = archival
  const bytes = collectBytes(doc)
  const layout = new Layout(archival)

  drawTitleBlock(layout, 'Convocatoria', `${title} del ${data.settings.bodyName}`, `Clave de la sesión: ${key}`)
  layout.paragraph(`Guadalajara, Jalisco, a ${longSpanishDate(today)}.`, { align: 'right', gapAfter: 10 })
  layout.paragraph(`Personas integrantes del ${data.settings.bodyName} de ${data.settings.organization}`, { style: STYLES.bodyBold })
  layout.paragraph('Presentes', { style: STYLES.bodyBold, gapAfter: 10 })

  const { items, end } = agendaSchedule(session.agenda, session.startTime)
  const schedule = new Map(items.map((item) => [item.id, item]))
  layout.paragraph(conveningSentence(data, session, 'se les convoca'), { align: 'justify', gapAfter: 8 })
  layout.table({
    columns: [
      { header: 'Dato', weight: 24, font: 'condensedBold' },
      { header: 'Valor', weight: 76 },
    ],
    rows: sessionFactRows(session, end, data.settings.defaultVenue || 'Por confirmar'),
    header: false,
    style: { ...STYLES.table, size: 9 },
    padY: 2.5,
    gapAfter: 8,
  })

  layout.heading('Orden del día', 1)
  layout.table({
    columns: [
      { header: 'Punto', weight: 7, align: 'right' },
      { header: 'Asunto', weight: 47 },
      { header: 'Presenta', weight: 24 },
      { header: 'Horario', weight: 14 },
      { header: 'Min.', weight: 8, align: 'right' },
    ],
    rows: session.agenda.map((item) => {
      const slot = schedule.get(item.id)
      return [slot?.number ?? '', agendaSubject(item), item.presenter || '—', slot ? `${slot.start}–${slot.end}` : '', String(item.minutes)]
    }),
    zebra: true,
  })
  const totalMinutes = (toMinutes(end) - toMinutes(session.startTime) + 1440) % 1440
  layout.paragraph(
    `Los horarios son estimados a partir de la hora de inicio y de la duración prevista de cada punto; la sesión tiene una duración estimada de ${plural(totalMinutes, 'minuto', 'minutos')}.`,
    { style: STYLES.small, gapAfter: 6 },
  )
  await progress.step(session.agenda.length)

  const documents = session.agenda.flatMap((item) => item.attachments.map((attachment) => ({ number: schedule.get(item.id)?.number ?? '', name: attachment.fileName })))
  if (documents.length > 0) {
    layout.heading('Documentos de apoyo', 1)
    layout.paragraph('Se adjuntan a la presente los siguientes documentos para su consulta previa:', { gapAfter: 4, keepWithNext: true })
    layout.table({
      columns: [
        { header: 'Punto', weight: 10, align: 'right' },
        { header: 'Documento', weight: 90 },
      ],
      rows: documents.map((entry) => [entry.number, entry.name]),
    })
  }

  layout.gap(6)
  layout.paragraph(
    'Se solicita confirmar su asistencia a la Secretaría Técnica. En caso de no poder asistir, se ruega notificarlo con anticipación ' +
      'y, en su caso, hacerse representar por su suplente, a fin de asegurar el quórum necesario para sesionar. ' +
      'Las observaciones a los documentos podrán remitirse por escrito antes de la sesión.',
    { align: 'justify', gapAfter: 10 },
  )
  drawSignature(layout, signerOf(data, session))

  layout.heading('Personas integrantes convocadas', 1)
  layout.table({
    columns: [
      { header: 'Núm.', weight: 7, align: 'right' },
      { header: 'Nombre', weight: 32, font: 'condensedBold' },
      { header: 'Institución', weight: 38 },
      { header: 'Sector', weight: 24 },
    ],
    rows: recipients.map((member, index) => [
      String(index + 1),
      member.fullName,
      member.institution,
      `${SECTOR_LABELS[member.sector]}${member.role === 'suplente' ? ' (suplente)' : ''}${member.voting === 'voz' ? ', con voz' : ''}`,
    ]),
    zebra: true,
  })
  await progress.step(recipients.length)

  layout.stampPages(frameFor(data.settings, `Convocatoria a la ${title}`, `Sesión ${key}`))
  layout.finish()
  doc.end()
  const result = await bytes
  progress.finish()
  return result
}

/** «Por medio de la presente … se les convoca a la …, que se celebrará el … a las …, en …, conforme al siguiente orden del día.» */
export function conveningSentence(data: Data, session: Session, verb: 'se les convoca' | 'se le convoca'): string {
  const title = sessionTitle(session)
  const place =
    session.modality === 'virtual'
      ? 'en modalidad virtual'
      : session.modality === 'hibrida'
        ? `en modalidad híbrida, en ${session.venue || 'la sede que se indica'} y mediante el enlace de conexión que se indica`
        : `en ${session.venue || data.settings.defaultVenue || 'la sede que se indica'}`
  return (
    `Por medio de la presente, y con fundamento en las reglas de operación del ${data.settings.bodyName}, ${verb} a la ` +
    `${title}, que se celebrará el ${longSpanishDate(session.date)} a las ${hours(session.startTime)}, ${place}, conforme al siguiente orden del día.`
  )
}

/** Active members, titulares first, each suplente after the titular it stands in for. */
export function recipientsOf(data: Data, session: Session): Member[] {
  const active = data.members.filter((member) => member.active)
  const listed = new Set(session.attendance.map((row) => row.memberId))
  const chosen = listed.size > 0 ? data.members.filter((member) => listed.has(member.id) || (member.active && member.substituteFor && listed.has(member.substituteFor))) : active
  const titulares = chosen.filter((member) => member.role === 'titular')
  const ordered: Member[] = []
  for (const titular of titulares) {
    ordered.push(titular)
    ordered.push(...chosen.filter((member) => member.substituteFor === titular.id))
  }
  ordered.push(...chosen.filter((member) => !ordered.includes(member)))
  return ordered
}

/** Who signs the notice: the session's technical secretary (name and position), else the app's profile. */
export function signerOf(data: Data, session: Session): { name: string; role: string } {
  const secretary = session.secretaryId ? data.members.find((member) => member.id === session.secretaryId) : undefined
  if (secretary) return { name: secretary.fullName, role: secretary.position || 'Secretaría Técnica' }
  return { name: data.settings.profile.name, role: data.settings.profile.role || 'Secretaría Técnica' }
}

function drawSignature(layout: Layout, signer: { name: string; role: string }): void {
  const nameStyle: TextStyle = { ...STYLES.bodyBold, size: 9.5 }
  const roleStyle: TextStyle = { ...STYLES.small, size: 8.5 }
  const width = 260
  const x = layout.left + (layout.width - width) / 2
  const height = 16 + 44 + layout.heightOf(signer.name, nameStyle, width) + layout.heightOf(signer.role, roleStyle, width) + 12
  layout.block(height, (top) => {
    let y = top
    y += layout.textAt('Atentamente', STYLES.body, x, y, width, 'center')
    const lineY = y + 40
    layout.hline(lineY, x + 20, x + width - 20, COLORS.text, 0.6)
    y = lineY + 4
    y += layout.textAt(signer.name, nameStyle, x, y, width, 'center')
    layout.textAt(signer.role, roleStyle, x, y, width, 'center')
  })
}
