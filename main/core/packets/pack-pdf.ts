/**
 * `paquete.pdf`: the guide to a review packet for a member who reads it
 * without the app. It says what the packet holds and for which session, lists
 * the agenda with each item's documents, gives the SHA-256 of every file so
 * anyone can check them with the tools of their system, and explains how to
 * send comments back. The formal notice is the convocatoria's own PDF
 * (`convocatoria.pdf`, rendered by the documents module) beside it.
 *
 * Built with the documents module's layout, so it is PDF/A-2b, tagged, with
 * embedded fonts and «Página X de Y» like every other document of the app.
 */
import { longSpanishDate, mexicoDate, mexicoTime } from '../domain/dates'
import { agendaSubject, authorOf, drawTitleBlock, frameFor, sessionFactRows } from '../documents/common'
import { COLORS, Layout, STYLES } from '../documents/layout'
import { collectBytes, createArchivalDocument } from '../documents/pdf-document'
import { AGREEMENT_STATE_LABELS, hours, plural, shortDate } from '../documents/wording'
import type { Settings } from '../model/schema'
import { CONVOCATORIA_ENTRY, PREVIOUS_ACTA_PDF_ENTRY } from './entry-names'
import type { AgendaDocument, ManifestEntry, PacketManifest, PreviousActaDocument } from './format'
import { sizeLabel } from './limits'

export interface PackPdfInput {
  settings: Pick<Settings, 'organization' | 'bodyName'>
  manifest: Omit<PacketManifest, 'entries'>
  agenda: AgendaDocument
  previousActa: PreviousActaDocument | null
  /** Every entry already made (all but the manifest and this PDF). */
  entries: readonly ManifestEntry[]
  fontsDir?: string
}

export async function renderPackPdf(input: PackPdfInput): Promise<Buffer> {
  const { manifest, agenda, previousActa, settings } = input
  const { session } = manifest
  const exportedAt = new Date(manifest.exportedAt)
  const archival = createArchivalDocument(
    {
      title: `Paquete de revisión de la ${session.title}`,
      author: authorOf(settings),
      subject: `Orden del día y documentos de la ${session.title} (${session.key}) para su revisión previa; paquete ${manifest.packetId}.`,
      keywords: `paquete de revisión, orden del día, ${session.key}, ${settings.bodyName}`,
    },
    { now: exportedAt, fontsDir: input.fontsDir },
  )
  const { doc } = archival
  const bytes = collectBytes(doc)
  const layout = new Layout(archival)
  const has = (name: string): boolean => input.entries.some((entry) => entry.name === name)
  const attachments = agenda.items.flatMap((item) => item.attachments.map((attachment) => ({ item, attachment })))

  drawTitleBlock(layout, 'Paquete de revisión', `${session.title} del ${settings.bodyName}`, `Clave de la sesión: ${session.key} · Paquete ${manifest.packetId}`)
  const contents = [
    has(CONVOCATORIA_ENTRY) ? 'la convocatoria (convocatoria.pdf)' : null,
    'el orden del día con sus horarios',
    previousActa ? `el acta de la sesión anterior, ${previousActa.title} (${has(PREVIOUS_ACTA_PDF_ENTRY) ? 'acta-anterior.pdf' : 'acta-anterior.json'})` : null,
    attachments.length > 0 ? `${plural(attachments.length, 'documento de apoyo', 'documentos de apoyo')} (carpeta «adjuntos»)` : null,
  ].filter((part): part is string => part !== null)
  layout.paragraph(
    `Este paquete reúne lo necesario para revisar, antes de la sesión y sin conexión a internet, los asuntos de la ${session.title}, ` +
      `que se celebrará el ${longSpanishDate(session.date)} a las ${hours(session.startTime)}. Contiene ${joinSpanish(contents)}.`,
    { align: 'justify', gapAfter: 8 },
  )
  layout.table({
    columns: [
      { header: 'Dato', weight: 26, font: 'condensedBold' },
      { header: 'Valor', weight: 74 },
    ],
    rows: [
      ...sessionFactRows(session, agenda.expectedEnd),
      ['Preparado por', manifest.exportedBy || settings.bodyName],
      ['Fecha de preparación', `${longSpanishDate(mexicoDate(exportedAt))}, ${hours(mexicoTime(exportedAt))}`],
    ],
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
      { header: 'Presenta', weight: 20 },
      { header: 'Horario', weight: 14 },
      { header: 'Docs.', weight: 8, align: 'right' },
    ],
    rows: agenda.items.map((item) => {
      return [item.number, agendaSubject(item), item.presenter || '—', `${item.start}–${item.end}`, item.attachments.length > 0 ? String(item.attachments.length) : '—']
    }),
    zebra: true,
  })

  if (attachments.length > 0) {
    layout.heading('Documentos de apoyo', 1)
    layout.paragraph('Cada documento está en la carpeta «adjuntos» del paquete, con el nombre que se indica.', { gapAfter: 4 })
    layout.table({
      columns: [
        { header: 'Punto', weight: 8, align: 'right' },
        { header: 'Documento', weight: 40 },
        { header: 'Archivo en el paquete', weight: 40 },
        { header: 'Tamaño', weight: 12, align: 'right' },
      ],
      rows: attachments.map(({ item, attachment }) => [item.number, attachment.fileName, attachment.entry, sizeLabel(attachment.size)]),
    })
  }

  if (agenda.pendingAgreements.length > 0) {
    layout.heading('Acuerdos en seguimiento', 1)
    layout.table({
      columns: [
        { header: 'Clave', weight: 20, font: 'condensedBold' },
        { header: 'Acuerdo', weight: 56 },
        { header: 'Vence', weight: 12 },
        { header: 'Estado', weight: 12 },
      ],
      rows: agenda.pendingAgreements.map((agreement) => [
        agreement.key,
        [{ text: agreement.text }, { text: `\nResponsable: ${agreement.responsible}`, color: COLORS.muted }],
        agreement.dueDate ? shortDate(agreement.dueDate) : '—',
        AGREEMENT_STATE_LABELS[agreement.state],
      ]),
      zebra: true,
    })
  }

  layout.heading('Huellas SHA-256 de los archivos', 1)
  layout.paragraph(
    'La huella SHA-256 identifica cada archivo: si cambia un solo byte, la huella es otra. Para comprobar un archivo, calcule su huella y compárela con la de esta tabla ' +
      '(en Windows: «certutil -hashfile ARCHIVO SHA256»; en macOS: «shasum -a 256 ARCHIVO»; en Linux: «sha256sum ARCHIVO»). ' +
      'La aplicación Secretariado hace esta comprobación al abrir el paquete.',
    { align: 'justify', gapAfter: 6 },
  )
  layout.table({
    columns: [
      { header: 'Archivo', weight: 36 },
      { header: 'Tamaño', weight: 11, align: 'right' },
      { header: 'SHA-256', weight: 53 },
    ],
    rows: input.entries.map((entry) => [entry.name, sizeLabel(entry.size), entry.sha256]),
    style: { ...STYLES.table, size: 7.5 },
  })

  layout.heading('Cómo enviar sus comentarios', 1)
  layout.paragraphs(
    [
      'Con la aplicación Secretariado: abra este paquete (archivo .stlpkg), escriba sus comentarios en cada punto del orden del día y, si lo desea, un comentario general; ' +
        'firme con su nombre y exporte el archivo de comentarios. Envíe ese archivo a la Secretaría Técnica, que lo incorporará a la sesión.',
      `Sin la aplicación: envíe sus comentarios por escrito a la Secretaría Técnica, indicando la clave de la sesión (${session.key}), el número de cada punto que comenta y su nombre.`,
    ],
    { align: 'justify', gapAfter: 6 },
  )

  layout.stampPages(frameFor(settings, 'Paquete de revisión', `Sesión ${session.key}`))
  layout.finish()
  doc.end()
  return bytes
}

function joinSpanish(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} y ${parts[parts.length - 1]}`
}
