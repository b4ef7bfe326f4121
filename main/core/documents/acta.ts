/**
 * The acta (minutes) of a held session: header, title, place, date and times,
 * attendance and quorum, the agenda, the development of each item, the
 * agreements with their votes, the closing, a signature block for each
 * member present right after it, and a last page («Firmas electrónicas») with
 * a box for each expected signer. In the acta that is signed each box is also
 * an empty signature field named after the signer, which the signature fills.
 * Every page carries "Página X de Y" and the session key.
 */
import { agendaNumbers } from '../domain/agenda'
import { longSpanishDate, mexicoTime } from '../domain/dates'
import { sessionKey, sessionTitle } from '../domain/session-title'
import { expectedSigners, SIGNER_CAPACITY_LABELS, type ExpectedSigner } from '../domain/signers'
import type { Agreement, Data, Member, Session } from '../model/schema'
import { collectBytes, createArchivalDocument, type RenderOptions } from './pdf-document'
import { COLORS, Layout, STYLES, type TableSpec, type TextStyle } from './layout'
import { Progress } from './progress'
import { sessionForActa } from './select-session'
import { reserveSignatureField } from './signature-fields'
import { splitParagraphs, type Run } from './text-wrap'
import {
  attendanceWording,
  hours,
  ITEM_STATUS_LABELS,
  ITEM_TYPE_LABELS,
  MODALITY_LABELS,
  NAMED_VOTE_LABELS,
  plural,
  quorumRuleWording,
  responsibleWording,
  SECTOR_LABELS,
  voteWording,
} from './wording'
import { authorOf, drawTitleBlock, frameFor } from './common'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']

export interface ActaOptions extends RenderOptions {
  /** The acta as it is signed: no «Proyecto de acta» mark, whatever the review state, and a reserved signature field per expected signer. */
  final?: boolean
}

/**
 * The acta of `sessionRef` (a session id or `latest`) as PDF/A-2b bytes.
 * Refuses (AppError) a session that does not exist or was never held.
 */
export async function renderActa(data: Data, sessionRef: string, options: ActaOptions = {}): Promise<Buffer> {
  const session = sessionForActa(data, sessionRef)
  const title = sessionTitle(session)
  const key = sessionKey(data.settings.keyPrefix, session)
  const members = new Map(data.members.map((member) => [member.id, member]))
  const agreements = data.agreements.filter((agreement) => agreement.sessionId === session.id).sort((a, b) => a.key.localeCompare(b.key))
  const signers = signersOf(session, members)
  const electronic = expectedSigners(data, session)
  const progress = new Progress(session.attendance.length + session.agenda.length * 3 + agreements.length * 2 + signers.length + electronic.length, options.onProgress)

  const archival = createArchivalDocument(
    {
      title: `Acta de la ${title}`,
      author: authorOf(data.settings),
      subject: `Acta de la ${title} (${key}) del ${data.settings.bodyName} de ${data.settings.organization}, celebrada el ${longSpanishDate(session.date)}.`,
      keywords: `acta, ${key}, ${data.settings.bodyName}, ${data.settings.organization}`,
    },
    options,
  )
  const { doc } = archival
  const bytes = collectBytes(doc)
  const layout = new Layout(archival)
  let section = 0
  const heading = (text: string): void => layout.heading(`${ROMAN[section++] ?? section}. ${text}`, 1)

  // Title, place, date and times.
  const status = options.final || session.actStatus === 'aprobada' || session.actStatus === 'firmada' ? '' : ` · Proyecto de acta (${session.actStatus === 'en-revision' ? 'en revisión' : 'borrador'})`
  drawTitleBlock(layout, `Acta de la ${title}`, `${data.settings.bodyName} de ${data.settings.organization}`, `Clave de la sesión: ${key}${status}`)
  const chair = session.chairId ? members.get(session.chairId) : undefined
  const secretary = session.secretaryId ? members.get(session.secretaryId) : undefined
  layout.table({
    columns: [
      { header: 'Dato', weight: 24, font: 'condensedBold' },
      { header: 'Valor', weight: 76 },
    ],
    rows: [
      ['Fecha', longSpanishDate(session.date)],
      ['Hora de inicio', hours(session.startTime)],
      ['Hora de clausura', session.endTime ? hours(session.endTime) : 'No registrada'],
      ['Modalidad', MODALITY_LABELS[session.modality]],
      ...(session.modality !== 'virtual' ? [['Sede', session.venue || 'No registrada']] : []),
      ...(session.modality !== 'presencial' ? [['Enlace de conexión', session.link || 'No registrado']] : []),
      ['Coordinación', chair ? `${chair.fullName}, ${chair.position || chair.institution}` : 'No registrada'],
      ['Secretaría Técnica', secretary ? `${secretary.fullName}, ${secretary.position || secretary.institution}` : 'No registrada'],
    ],
    header: false,
    style: { ...STYLES.table, font: 'condensed', size: 9 },
    padY: 2.5,
    gapAfter: 10,
  })
  layout.paragraph(openingParagraph(data, session, title), { align: 'justify', gapAfter: 4 })

  // Attendance and quorum.
  heading('Lista de asistencia')
  const rows = session.attendance.map((row, index) => {
    const member = members.get(row.memberId)
    const name: Run[] = [{ text: member?.fullName ?? row.memberId, font: 'condensedBold' }]
    if (member?.position) name.push({ text: `\n${member.position}`, color: COLORS.muted })
    const sector = member ? `${SECTOR_LABELS[member.sector]}\n${member.voting === 'voz' ? 'Con voz' : 'Con voz y voto'}` : ''
    return [String(index + 1), name, member?.institution ?? '', sector, attendanceWording(row, members, session)]
  })
  layout.table({
    columns: [
      { header: 'Núm.', weight: 7, align: 'right' },
      { header: 'Nombre y cargo', weight: 30 },
      { header: 'Institución', weight: 27 },
      { header: 'Sector', weight: 14 },
      { header: 'Asistencia', weight: 23 },
    ],
    rows,
    zebra: true,
    gapAfter: 6,
  })
  await progress.step(session.attendance.length)
  layout.paragraph(attendanceSummary(session), { style: STYLES.small, gapAfter: 4 })

  heading('Declaración de quórum')
  layout.paragraph(quorumParagraph(data, session), { align: 'justify' })

  // The agenda.
  const numbers = agendaNumbers(session.agenda)
  heading('Orden del día')
  layout.table({
    columns: [
      { header: 'Punto', weight: 8, align: 'right' },
      { header: 'Asunto', weight: 92 },
    ],
    rows: session.agenda.map((item) => [
      numbers.get(item.id) ?? '',
      item.parentId ? [{ text: `\u2003${item.title}` }] : [{ text: item.title, font: 'condensedBold' }],
    ]),
    header: false,
    rules: false,
    style: { ...STYLES.table, size: 9 },
    padY: 2,
  })
  await progress.step(session.agenda.length)

  // Development of each item.
  heading('Desarrollo de la sesión')
  const agreementsByItem = new Map<string, Agreement[]>()
  for (const agreement of agreements) agreementsByItem.set(agreement.itemId, [...(agreementsByItem.get(agreement.itemId) ?? []), agreement])
  for (const item of session.agenda) {
    const number = numbers.get(item.id) ?? ''
    layout.heading(`${number}. ${item.title}`, 2)
    const meta = [item.presenter ? `Presenta: ${item.presenter}` : '', ITEM_TYPE_LABELS[item.type], ITEM_STATUS_LABELS[item.status]].filter(Boolean).join(' · ')
    layout.paragraph(meta, { style: STYLES.small, gapAfter: 3, keepWithNext: true })
    const notes = splitParagraphs(item.notes)
    if (notes.length > 0) layout.paragraphs(notes, { align: 'justify' })
    else layout.paragraph(emptyItemWording(item.status), { style: STYLES.italic })
    if (item.interventions.length > 0) {
      layout.heading('Intervenciones', 3)
      for (const intervention of item.interventions) {
        const speaker = intervention.memberId ? (members.get(intervention.memberId)?.fullName ?? intervention.speaker) : intervention.speaker
        layout.paragraph([{ text: `${speaker || 'Participante'} (${mexicoTime(new Date(intervention.at))}): `, font: 'bold' }, { text: intervention.summary }], {
          indent: 14,
          align: 'justify',
          gapAfter: 3,
        })
      }
    }
    const adopted = agreementsByItem.get(item.id) ?? []
    if (adopted.length > 0) {
      layout.gap(3)
      const runs: Run[] = [{ text: adopted.length === 1 ? 'Acuerdo adoptado en este punto: ' : 'Acuerdos adoptados en este punto: ' }]
      adopted.forEach((agreement, index) => {
        runs.push({ text: agreement.key, font: 'bold' })
        if (index < adopted.length - 1) runs.push({ text: ', ' })
      })
      runs.push({ text: '.' })
      layout.paragraph(runs)
    }
    layout.gap(4)
    await progress.step(2)
  }

  // Agreements.
  heading('Acuerdos')
  if (agreements.length === 0) layout.paragraph('En esta sesión no se adoptaron acuerdos.')
  const commitments = new Map(data.commitments.map((commitment) => [commitment.id, commitment]))
  for (const agreement of agreements) {
    const item = session.agenda.find((candidate) => candidate.id === agreement.itemId)
    const details: [string, string][] = [
      ['Punto del orden del día', item ? `${numbers.get(item.id) ?? ''}. ${item.title}` : '—'],
      ['Votación', voteWording(agreement.vote)],
    ]
    if (agreement.vote.named.length > 0) {
      details.push([
        'Votación nominal',
        agreement.vote.named.map((entry) => `${members.get(entry.memberId)?.fullName ?? entry.memberId}: ${NAMED_VOTE_LABELS[entry.vote]}`).join('; '),
      ])
    }
    details.push(['Responsables', responsibleWording(agreement.responsibleMemberIds, agreement.responsibleInstitutions, members)])
    details.push(['Fecha compromiso', agreement.dueDate ? longSpanishDate(agreement.dueDate) : 'Sin fecha compromiso'])
    const commitment = agreement.commitmentId ? commitments.get(agreement.commitmentId) : undefined
    if (commitment) details.push(['Compromiso del PAL', `Compromiso ${commitment.number}. ${commitment.title}`])
    const detailTable: TableSpec = {
      columns: [
        { header: 'Dato', weight: 24, font: 'condensedBold' },
        { header: 'Valor', weight: 76 },
      ],
      rows: details,
      header: false,
      rules: false,
      indent: 14,
      padY: 1.5,
      gapAfter: 8,
    }
    const paragraphs = splitParagraphs(agreement.text)
    const textHeight = paragraphs.reduce((sum, text) => sum + layout.heightOf(text, STYLES.body, layout.width) + 4, 0)
    // An agreement of reasonable length stays on one page; a long one flows, its heading kept with its first lines.
    const headingHeight = layout.heightOf(`Acuerdo ${agreement.key}`, STYLES.h2, layout.width) + 14
    const whole = headingHeight + textHeight + layout.tableHeight(detailTable)
    if (whole <= (layout.bottom - layout.top) * 0.45) layout.ensure(whole)
    layout.heading(`Acuerdo ${agreement.key}`, 2)
    layout.paragraphs(paragraphs, { align: 'justify', gapAfter: 4 })
    layout.table(detailTable)
    await progress.step(2)
  }

  // Closing.
  heading('Clausura')
  layout.paragraph(closingParagraph(session, title), { align: 'justify' })

  // Signatures of those present, right after the closing.
  heading('Firmas')
  layout.paragraph(`Firman la presente acta las personas integrantes que asistieron a la ${title}.`, { gapAfter: 6, keepWithNext: true })
  await drawSignatures(layout, signers, progress)

  // Electronic signatures, on a page of their own.
  if (!layout.atTop) layout.newPage()
  heading('Firmas electrónicas')
  await drawElectronicSignatures(layout, data, electronic, options.final === true, progress)

  layout.stampPages(frameFor(data.settings, `Acta de la ${title}`, `Sesión ${key}`))
  layout.finish()
  doc.end()
  const result = await bytes
  progress.finish()
  return result
}

function openingParagraph(data: Data, session: Session, title: string): string {
  const place =
    session.modality === 'virtual'
      ? `de manera virtual${session.link ? ` mediante el enlace ${session.link}` : ''}`
      : session.modality === 'hibrida'
        ? `en ${session.venue || 'la sede convocada'} y de manera virtual${session.link ? ` mediante el enlace ${session.link}` : ''}`
        : `en ${session.venue || 'la sede convocada'}`
  return (
    `Siendo las ${hours(session.startTime)} del ${longSpanishDate(session.date)}, se reunieron ${place} las personas integrantes del ` +
    `${data.settings.bodyName} de ${data.settings.organization}, con el objeto de celebrar la ${title}, conforme al orden del día ` +
    'que se detalla en la presente acta.'
  )
}

function attendanceSummary(session: Session): string {
  const present = session.attendance.filter((row) => row.status === 'presente').length
  const substituted = session.attendance.filter((row) => row.status === 'suplente').length
  const justified = session.attendance.filter((row) => row.status === 'justificada').length
  const parts = [`Asistieron ${present} de ${plural(session.attendance.length, 'persona convocada', 'personas convocadas')}`]
  if (substituted > 0) parts.push(`${plural(substituted, 'titular se hizo representar', 'titulares se hicieron representar')} por su suplente`)
  if (justified > 0) parts.push(`${plural(justified, 'inasistencia se justificó', 'inasistencias se justificaron')}`)
  return `${parts.join('; ')}.`
}

function quorumParagraph(data: Data, session: Session): string {
  const quorum = session.quorum
  if (!quorum) return 'No se registró la declaración de quórum de esta sesión.'
  const time = mexicoTime(new Date(quorum.declaredAt))
  const call = quorum.call === 'primera' ? 'primera' : 'segunda'
  const requirement =
    quorum.call === 'primera'
      ? `El quórum requerido es de ${quorum.required}, correspondiente a ${quorumRuleWording(data.settings.quorum)}.`
      : `En segunda convocatoria, la sesión puede celebrarse con ${quorum.required > 1 ? `al menos ${quorum.required} personas integrantes con derecho a voto` : 'las personas integrantes presentes'}.`
  const outcome = quorum.reached
    ? 'Al existir quórum legal, la Coordinación declaró válidamente instalada la sesión y válidos los acuerdos que en ella se adopten.'
    : 'Al no reunirse el quórum requerido, no pudo declararse instalada la sesión.'
  return (
    `A las ${hours(time)}, en ${call} convocatoria, la Secretaría Técnica verificó la asistencia de ${quorum.present} de las ` +
    `${plural(quorum.votingMembers, 'persona integrante', 'personas integrantes')} con derecho a voto. ${requirement} ${outcome}`
  )
}

function emptyItemWording(status: Session['agenda'][number]['status']): string {
  switch (status) {
    case 'diferido':
      return 'El punto se difirió para una sesión posterior.'
    case 'retirado':
      return 'El punto se retiró del orden del día.'
    case 'pendiente':
      return 'El punto no se desahogó.'
    case 'tratado':
      return 'Se desahogó el punto sin observaciones.'
  }
}

function closingParagraph(session: Session, title: string): string {
  const when = session.endTime ? `a las ${hours(session.endTime)} del ${longSpanishDate(session.date)}` : `el ${longSpanishDate(session.date)}`
  return (
    `No habiendo más asuntos que tratar, la Coordinación dio por concluida la ${title} ${when}, ` +
    'y se levanta la presente acta, que firman al calce las personas integrantes que en ella intervinieron.'
  )
}

interface Signer {
  name: string
  role: string
  institution: string
}

/**
 * Those present: titulares in person and suplentes standing in (once each,
 * even when the suplente also has a row of their own); the chair and the
 * secretary first.
 */
function signersOf(session: Session, members: ReadonlyMap<string, Member>): Signer[] {
  const signers = new Map<string, Signer & { order: number }>()
  session.attendance.forEach((row, index) => {
    const titular = members.get(row.memberId)
    if (!titular) return
    if (row.status === 'presente' && !signers.has(titular.id)) {
      const role = titular.id === session.chairId ? 'Coordinación' : titular.id === session.secretaryId ? 'Secretaría Técnica' : titular.position
      const order = titular.id === session.chairId ? -2 : titular.id === session.secretaryId ? -1 : index
      signers.set(titular.id, { name: titular.fullName, role, institution: titular.institution, order })
    } else if (row.status === 'suplente' && row.substituteId) {
      const substitute = members.get(row.substituteId)
      if (!substitute) return
      const order = signers.get(substitute.id)?.order ?? index
      signers.set(substitute.id, { name: substitute.fullName, role: `Suplente de ${titular.fullName}`, institution: substitute.institution, order })
    }
  })
  return [...signers.values()].sort((a, b) => a.order - b.order)
}

async function drawSignatures(layout: Layout, signers: readonly Signer[], progress: Progress): Promise<void> {
  if (signers.length === 0) {
    layout.paragraph('No se registraron personas presentes.', { style: STYLES.italic })
    return
  }
  const columns = 2
  const gutter = 36
  const width = (layout.width - gutter) / columns
  const nameStyle: TextStyle = { ...STYLES.bodyBold, size: 8.5, lineGap: 1.5 }
  const detailStyle: TextStyle = { ...STYLES.small, size: 7.5, lineGap: 1.2 }
  const signatureSpace = 42
  for (let start = 0; start < signers.length; start += columns) {
    const row = signers.slice(start, start + columns)
    const heights = row.map(
      (signer) => signatureSpace + 4 + layout.heightOf(signer.name, nameStyle, width) + layout.heightOf([signer.role, signer.institution].filter(Boolean).join('\n'), detailStyle, width),
    )
    const height = Math.max(...heights) + 16
    layout.block(
      height,
      (top) => {
        row.forEach((signer, index) => {
          const x = layout.left + index * (width + gutter)
          const lineY = top + signatureSpace
          layout.hline(lineY, x + 10, x + width - 10, COLORS.text, 0.6)
          let y = lineY + 4
          y += layout.textAt(signer.name, nameStyle, x, y, width, 'center')
          layout.textAt([signer.role, signer.institution].filter(Boolean).join('\n'), detailStyle, x, y, width, 'center')
        })
      },
      'signature-row',
    )
    await progress.step(row.length)
  }
}

/** Size of the box reserved for each electronic signature: room for five short lines at 7–8 pt. */
export const SIGNATURE_BOX = { width: 232, height: 80 } as const

/**
 * One framed box per expected signer, two to a row, with the signer's name,
 * capacity, position and institution under it. In the final acta each box is
 * also an empty signature field (/T = the signer's field name).
 */
async function drawElectronicSignatures(layout: Layout, data: Data, signers: readonly ExpectedSigner[], final: boolean, progress: Progress): Promise<void> {
  const rule =
    data.settings.signatureSigners === 'presentes-con-voto'
      ? 'la Presidencia, la Secretaría Técnica y las personas integrantes presentes con derecho a voto'
      : 'la Presidencia y la Secretaría Técnica de la sesión'
  layout.paragraph(
    `Firman electrónicamente la presente acta ${rule}. Cada persona firma con su e.firma o con su certificado digital en el recuadro reservado para ella, ` +
      'donde queda la representación visible de su firma.',
    { align: 'justify', gapAfter: final ? 12 : 4 },
  )
  if (!final) layout.paragraph('En el proyecto de acta los recuadros sólo indican el lugar de cada firma; se habilitan para firmar en el acta definitiva.', { style: STYLES.small, gapAfter: 12 })
  if (signers.length === 0) {
    const missing =
      data.settings.signatureSigners === 'presentes-con-voto'
        ? 'la sesión no tiene asignadas la Presidencia ni la Secretaría Técnica, y no hay personas integrantes presentes con derecho a voto'
        : 'la sesión no tiene asignadas la Presidencia ni la Secretaría Técnica'
    layout.paragraph(`No hay personas firmantes configuradas: ${missing}.`, { style: STYLES.italic })
    return
  }
  const columns = 2
  const { width, height: boxHeight } = SIGNATURE_BOX
  const gutter = layout.width - columns * width
  const nameStyle: TextStyle = { ...STYLES.bodyBold, size: 8.5, lineGap: 1.5 }
  const detailStyle: TextStyle = { ...STYLES.small, size: 7.5, lineGap: 1.2 }
  const detailOf = (signer: ExpectedSigner): string => [SIGNER_CAPACITY_LABELS[signer.capacity], signer.position, signer.institution].filter(Boolean).join('\n')
  for (let start = 0; start < signers.length; start += columns) {
    const row = signers.slice(start, start + columns)
    const textHeight = Math.max(...row.map((signer) => layout.heightOf(signer.name, nameStyle, width) + layout.heightOf(detailOf(signer), detailStyle, width)))
    layout.block(
      boxHeight + 5 + textHeight + 16,
      (top) => {
        row.forEach((signer, index) => {
          const x = layout.left + index * (width + gutter)
          layout.artifact(() => {
            layout.doc.save().rect(x, top, width, boxHeight).lineWidth(0.6).strokeColor(COLORS.rule).stroke().restore()
          })
          if (final) reserveSignatureField(layout.doc, { name: signer.field, tooltip: `Firma de ${signer.name}`, x, top, width, height: boxHeight })
          let y = top + boxHeight + 5
          y += layout.textAt(signer.name, nameStyle, x, y, width)
          layout.textAt(detailOf(signer), detailStyle, x, y, width)
        })
      },
      'signature-box',
    )
    await progress.step(row.length)
  }
}
