/**
 * Building a review packet for a session not yet held. Pure apart from
 * reading the attachments (and a signed acta) from the data folder: the data,
 * the folder and the instant come in as arguments, so the same function
 * serves the window, the command line and the tests.
 *
 * Every file is checked against the SHA-256 its record holds before it is
 * packed: a damaged attachment stops the export instead of travelling.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { renderActa } from '../documents/acta'
import { renderConvocatoria } from '../documents/convocatoria'
import { HELD_STATUSES, nextUpcomingSession } from '../documents/select-session'
import { responsibleWording, voteWording } from '../documents/wording'
import { agendaNumbers, agendaSchedule } from '../domain/agenda'
import { checkPacketExport } from '../domain/session-rules'
import { sessionKey, sessionTitle } from '../domain/session-title'
import { AppError } from '../errors'
import { buildSessionDetail } from '../ipc/views'
import type { Attachment, Data, Session } from '../model/schema'
import {
  AGENDA_ENTRY,
  CONVOCATORIA_ENTRY,
  MANIFEST_ENTRY,
  PACK_PDF_ENTRY,
  PREVIOUS_ACTA_JSON_ENTRY,
  PREVIOUS_ACTA_PDF_ENTRY,
  attachmentEntryName,
  isAttachmentEntry,
} from './entry-names'
import {
  PACKET_EXTENSION,
  PACKET_FORMAT,
  PACKET_FORMAT_VERSION,
  agendaDocumentSchema,
  jsonBytes,
  manifestSchema,
  previousActaSchema,
  type AgendaDocument,
  type ManifestEntry,
  type PacketManifest,
  type PreviousActaDocument,
} from './format'
import { MAX_PACKET_BYTES, sizeLabel } from './limits'
import { renderPackPdf } from './pack-pdf'
import { writeZip, type ZipEntryInput } from './zip-writer'
import type { z } from 'zod'

export interface BuildOptions {
  /** Folder of the PDF fonts; found from the source or the build by default. */
  fontsDir?: string
}

export interface BuiltPacket {
  bytes: Buffer
  packetId: string
  /** `paquete-STL-SO05-2026.stlpkg` */
  fileName: string
  manifest: PacketManifest
  manifestSha256: string
}

/**
 * The session a packet is for: an id or `next` (the first session not yet held
 * dated `today` or later, `YYYY-MM-DD` in Guadalajara). A packet is for review
 * before the session: one already held, in course or cancelled is refused.
 */
export function sessionForPacket(data: Data, reference: string, today: string): Session {
  if (reference === 'next') {
    const next = nextUpcomingSession(data.sessions, today)
    if (!next) throw new AppError('SIN_DATOS', 'No hay una próxima sesión programada: cree o programe una sesión antes de preparar el paquete de revisión.')
    return checkPacketSession(next)
  }
  const session = data.sessions.find((candidate) => candidate.id === reference)
  if (!session) throw new AppError('NO_ENCONTRADO', `No existe la sesión «${reference}».`)
  return checkPacketSession(session)
}

function checkPacketSession(session: Session): Session {
  checkPacketExport(session)
  return session
}

/** Refuses to export a packet the reader would refuse, saying what exceeds its limits. */
function readable(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value)
  if (result.success) return
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
  throw new AppError('REGLA', `${what} no cabe en un paquete de revisión${where}: ${issue?.message ?? 'no es válido'}.`)
}

/** The packet's bytes (see `buildPacketFile` for its name and manifest). */
export async function buildPacket(data: Data, sessionId: string, dataFolder: string, now: Date, options: BuildOptions = {}): Promise<Buffer> {
  return (await buildPacketFile(data, sessionId, dataFolder, now, options)).bytes
}

export async function buildPacketFile(data: Data, sessionId: string, dataFolder: string, now: Date, options: BuildOptions = {}): Promise<BuiltPacket> {
  const found = data.sessions.find((candidate) => candidate.id === sessionId)
  if (!found) throw new AppError('NO_ENCONTRADO', `No existe la sesión «${sessionId}».`)
  const session = checkPacketSession(found)
  const key = sessionKey(data.settings.keyPrefix, session)
  const packetId = `paq-${randomBytes(8).toString('hex')}`
  const numbers = agendaNumbers(session.agenda)

  // Attachments, in agenda order, each verified against its record.
  const taken = new Set<string>()
  const files: ZipEntryInput[] = []
  const entryOf = new Map<string, string>()
  let total = 0
  for (const item of session.agenda) {
    for (const attachment of item.attachments) {
      const number = numbers.get(item.id) ?? ''
      const content = await readAttachment(dataFolder, attachment, number)
      total += content.length
      if (total > MAX_PACKET_BYTES) {
        throw new AppError('REGLA', `Los documentos de la sesión suman más de ${sizeLabel(MAX_PACKET_BYTES)}, el máximo de un paquete de revisión: quite o reduzca algunos adjuntos.`)
      }
      const name = attachmentEntryName(number, attachment.fileName, extname(attachment.storedPath), taken)
      entryOf.set(attachment.id, name)
      files.push({ name, data: content, compress: false })
    }
  }

  const agenda = agendaDocument(data, session, entryOf, now)
  const previous = previousHeldSession(data.sessions, session)
  const previousActa = previous ? await previousActaFiles(data, previous, dataFolder, now, options) : null

  const header: Omit<PacketManifest, 'entries'> = {
    format: PACKET_FORMAT,
    formatVersion: PACKET_FORMAT_VERSION,
    packetId,
    organization: data.settings.organization,
    bodyName: data.settings.bodyName,
    session: {
      id: session.id,
      key,
      title: sessionTitle(session),
      type: session.type,
      date: session.date,
      startTime: session.startTime,
      modality: session.modality,
      venue: session.venue || data.settings.defaultVenue,
      link: session.link,
      status: session.status,
    },
    exportedBy: data.settings.profile.name,
    exportedAt: now.toISOString(),
  }

  // Entry order: manifest, agenda, the guide PDF, the notice, the previous acta, the attachments.
  const convocatoria = await renderConvocatoria(data, session.id, { now, fontsDir: options.fontsDir })
  const agendaEntry = { name: AGENDA_ENTRY, data: jsonBytes(agenda), compress: true }
  const others = [
    { name: CONVOCATORIA_ENTRY, data: convocatoria, compress: false },
    ...(previousActa
      ? [
          { name: PREVIOUS_ACTA_JSON_ENTRY, data: jsonBytes(previousActa.document), compress: true },
          { name: PREVIOUS_ACTA_PDF_ENTRY, data: previousActa.pdf, compress: false },
        ]
      : []),
    ...files,
  ]
  // The guide lists the SHA-256 of every other entry, so it is made last.
  const pack = await renderPackPdf({
    settings: data.settings,
    manifest: header,
    agenda,
    previousActa: previousActa?.document ?? null,
    entries: [agendaEntry, ...others].map(describe),
    fontsDir: options.fontsDir,
  })
  const all = [agendaEntry, { name: PACK_PDF_ENTRY, data: pack, compress: false }, ...others]
  const manifest: PacketManifest = { ...header, entries: all.map(describe) }
  // What is exported must open: the documents pass the very schemas the reader applies (agenda size, entries, texts).
  readable(agendaDocumentSchema, agenda, 'El orden del día')
  if (previousActa) readable(previousActaSchema, previousActa.document, 'El acta de la sesión anterior')
  readable(manifestSchema, manifest, 'El manifiesto')
  const manifestBytes = jsonBytes(manifest)
  const content = manifestBytes.length + all.reduce((sum, entry) => sum + entry.data.length, 0)
  const bytes = await writeZip([{ name: MANIFEST_ENTRY, data: manifestBytes, compress: true }, ...all], now)
  // Both limits the reader applies: the file, and its content uncompressed.
  if (Math.max(bytes.length, content) > MAX_PACKET_BYTES) {
    throw new AppError('REGLA', `El paquete mediría ${sizeLabel(Math.max(bytes.length, content))}, más que el máximo de ${sizeLabel(MAX_PACKET_BYTES)}: quite o reduzca algunos adjuntos.`)
  }
  return {
    bytes,
    packetId,
    fileName: `paquete-${key}${PACKET_EXTENSION}`,
    manifest,
    manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
  }
}

function describe(entry: { name: string; data: Buffer }): ManifestEntry {
  return { name: entry.name, size: entry.data.length, sha256: createHash('sha256').update(entry.data).digest('hex') }
}

/** Reads an attachment from the data folder and checks it is the file its record describes. */
async function readAttachment(dataFolder: string, attachment: Attachment, itemNumber: string): Promise<Buffer> {
  const what = `El adjunto «${attachment.fileName}» del punto ${itemNumber}`
  const root = resolve(dataFolder)
  const path = resolve(root, attachment.storedPath)
  if (!path.startsWith(root + sep)) throw new AppError('VALIDACION', `${what} tiene una ruta no válida.`)
  let content: Buffer
  try {
    content = await readFile(path)
  } catch {
    throw new AppError('LECTURA', `${what} no se encontró en la carpeta de datos (${attachment.storedPath}); no se preparó el paquete.`)
  }
  if (content.length !== attachment.size || createHash('sha256').update(content).digest('hex') !== attachment.sha256) {
    throw new AppError('ARCHIVO_DANADO', `${what} está dañado: su contenido ya no corresponde al SHA-256 registrado (${attachment.storedPath}); no se preparó el paquete.`)
  }
  return content
}

/** agenda.json: numbers, schedule, presenters, attachments by entry, and the agreements under follow-up. */
export function agendaDocument(data: Data, session: Session, entryOf: ReadonlyMap<string, string>, now: Date): AgendaDocument {
  const schedule = agendaSchedule(session.agenda, session.startTime)
  const slots = new Map(schedule.items.map((item) => [item.id, item]))
  const members = new Map(data.members.map((member) => [member.id, member]))
  return {
    sessionId: session.id,
    startTime: session.startTime,
    expectedEnd: schedule.end,
    items: session.agenda.map((item) => {
      const slot = slots.get(item.id)
      return {
        id: item.id,
        parentId: item.parentId,
        number: slot?.number ?? '',
        title: item.title,
        type: item.type,
        presenter: item.presenter,
        minutes: item.minutes,
        start: slot?.start ?? session.startTime,
        end: slot?.end ?? session.startTime,
        attachments: item.attachments.map((attachment) => ({
          id: attachment.id,
          fileName: attachment.fileName,
          entry: entryOf.get(attachment.id) ?? '',
          size: attachment.size,
          sha256: attachment.sha256,
        })),
      }
    }),
    pendingAgreements: buildSessionDetail(data, session.id, now).pendingAgreements.map((row) => ({
      key: row.key,
      text: row.text,
      sessionTitle: row.sessionTitle,
      responsible: responsibleWording(row.responsibleMemberIds, row.responsibleInstitutions, members),
      dueDate: row.dueDate,
      state: row.state,
    })),
  }
}

/** The last session held before this one: the acta its item «aprobación del acta de la sesión anterior» reads. */
export function previousHeldSession(sessions: readonly Session[], session: Session): Session | null {
  const when = (other: Session): string => `${other.date} ${other.startTime}`
  const held = sessions.filter((other) => other.id !== session.id && HELD_STATUSES.includes(other.status) && when(other) < when(session)).sort((a, b) => when(b).localeCompare(when(a)))
  return held[0] ?? null
}

async function previousActaFiles(
  data: Data,
  previous: Session,
  dataFolder: string,
  now: Date,
  options: BuildOptions,
): Promise<{ document: PreviousActaDocument; pdf: Buffer }> {
  const numbers = agendaNumbers(previous.agenda)
  const members = new Map(data.members.map((member) => [member.id, member]))
  const title = sessionTitle(previous)
  let pdf: Buffer
  const signed = previous.signedActa
  if (signed) {
    // The signed acta travels as signed: its bytes are the record, checked like any attachment.
    const root = resolve(dataFolder)
    const path = resolve(root, signed.storedPath)
    const content = path.startsWith(root + sep) ? await readFile(path).catch(() => null) : null
    if (!content) throw new AppError('LECTURA', `No se encontró el acta firmada de la ${title} en la carpeta de datos (${signed.storedPath}); no se preparó el paquete.`)
    if (createHash('sha256').update(content).digest('hex') !== signed.sha256) {
      throw new AppError('ARCHIVO_DANADO', `El acta firmada de la ${title} está dañada: no corresponde al SHA-256 registrado; no se preparó el paquete.`)
    }
    pdf = content
  } else {
    pdf = await renderActa(data, previous.id, { now, fontsDir: options.fontsDir })
  }
  const document: PreviousActaDocument = {
    sessionId: previous.id,
    title,
    key: sessionKey(data.settings.keyPrefix, previous),
    date: previous.date,
    status: previous.status,
    actStatus: previous.actStatus,
    pdf: PREVIOUS_ACTA_PDF_ENTRY,
    signed: signed !== null,
    items: previous.agenda.map((item) => ({ number: numbers.get(item.id) ?? '', title: item.title, status: item.status, notes: item.notes })),
    agreements: data.agreements
      .filter((agreement) => agreement.sessionId === previous.id)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((agreement) => ({
        key: agreement.key,
        itemNumber: numbers.get(agreement.itemId) ?? '',
        text: agreement.text,
        vote: voteWording(agreement.vote),
        responsible: responsibleWording(agreement.responsibleMemberIds, agreement.responsibleInstitutions, members),
        dueDate: agreement.dueDate,
      })),
  }
  return { document, pdf }
}

/** For the command line's summary. */
export function attachmentCount(manifest: PacketManifest): number {
  return manifest.entries.filter((entry) => isAttachmentEntry(entry.name)).length
}
