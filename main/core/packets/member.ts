/**
 * Member mode: a packet opened read-only on a member's laptop, without the
 * secretariat's data. The verified packet stays in memory (a few at most) so
 * its files can be opened one by one; nothing of it is written anywhere.
 * The member's comments leave as a small JSON file that carries the packet's
 * manifest, byte for byte, so the secretariat can tell which packet was read.
 */
import { AppError, describeZodError } from '../errors'
import type { FileDownload, PacketView } from '../contract/views'
import { safeFileName, withoutControlCharacters } from '../domain/text'
import {
  CONVOCATORIA_ENTRY,
  PACK_PDF_ENTRY,
  PREVIOUS_ACTA_PDF_ENTRY,
  displayName,
  isAttachmentEntry,
} from './entry-names'
import { COMMENTS_FORMAT, COMMENTS_FORMAT_VERSION, commentsFileSchema, jsonBytes, type CommentsFile } from './format'
import { mimeTypeOf } from './mime'
import type { Packet } from './read'

/** The packets open in this process, most recent last; the oldest is dropped beyond `capacity`. */
export class PacketRegistry {
  private readonly packets = new Map<string, Packet>()

  constructor(private readonly capacity = 3) {}

  add(packet: Packet): void {
    this.packets.delete(packet.manifest.packetId)
    this.packets.set(packet.manifest.packetId, packet)
    while (this.packets.size > this.capacity) {
      const oldest = this.packets.keys().next().value
      if (oldest === undefined) break
      this.packets.delete(oldest)
    }
  }

  get(packetId: string): Packet {
    const packet = this.packets.get(packetId)
    if (!packet) throw new AppError('NO_ENCONTRADO', 'El paquete de revisión ya no está abierto: ábralo de nuevo.')
    return packet
  }

  clear(): void {
    this.packets.clear()
  }
}

/** The registry the bridge's handlers share. */
export const openPackets = new PacketRegistry()

const DOCUMENT_LABELS: Record<string, string> = {
  [PACK_PDF_ENTRY]: 'Guía del paquete (orden del día, documentos y huellas SHA-256)',
  [CONVOCATORIA_ENTRY]: 'Convocatoria',
  [PREVIOUS_ACTA_PDF_ENTRY]: 'Acta de la sesión anterior',
}

export function packetView(packet: Packet): PacketView {
  const { manifest, agenda, previousActa } = packet
  const sizes = new Map(manifest.entries.map((entry) => [entry.name, entry.size]))
  return {
    packetId: manifest.packetId,
    manifestSha256: packet.manifestSha256,
    organization: manifest.organization,
    bodyName: manifest.bodyName,
    exportedBy: manifest.exportedBy,
    exportedAt: manifest.exportedAt,
    session: { ...manifest.session, expectedEnd: agenda.expectedEnd },
    items: agenda.items.map((item) => ({
      ...item,
      attachments: item.attachments.map((attachment) => ({ ...attachment, fileName: safeFileName(attachment.fileName, 'documento'), mimeType: mimeTypeOf(attachment.fileName) })),
    })),
    documents: Object.keys(DOCUMENT_LABELS)
      .filter((name) => sizes.has(name))
      .map((name) => ({ entry: name, label: DOCUMENT_LABELS[name] ?? name, size: sizes.get(name) ?? 0, mimeType: 'application/pdf' })),
    previousActa: previousActa
      ? {
          title: previousActa.title,
          key: previousActa.key,
          date: previousActa.date,
          actStatus: previousActa.actStatus,
          signed: previousActa.signed,
          pdfEntry: previousActa.pdf,
          items: previousActa.items,
          agreements: previousActa.agreements,
        }
      : null,
    pendingAgreements: agenda.pendingAgreements,
  }
}

/**
 * A file of the packet for the window: an attachment (under its original
 * name) or one of the packet's PDFs. Only files the manifest declares and the
 * packet verified can be asked for; the manifest and JSON entries are not files
 * for the member.
 */
export function packetFile(packet: Packet, name: string): FileDownload {
  const content = packet.files.get(name)
  const allowed = isAttachmentEntry(name) || Object.hasOwn(DOCUMENT_LABELS, name)
  if (!content || !allowed) throw new AppError('NO_ENCONTRADO', `El paquete no tiene el archivo «${displayName(name)}».`)
  const attachment = packet.agenda.items.flatMap((item) => item.attachments).find((candidate) => candidate.entry === name)
  const fileName = attachment ? safeFileName(attachment.fileName, 'documento', 200) : name
  return { fileName, mimeType: mimeTypeOf(attachment ? attachment.fileName : name), contentBase64: content.toString('base64') }
}


export interface MemberCommentsInput {
  packetId: string
  author: string
  /** A general comment on the session; empty for none. */
  general: string
  items: { itemId: string; text: string }[]
}

/** The comments file a member sends back; validated with the same schema the secretariat's import uses. */
export function buildCommentsFile(packet: Packet, input: MemberCommentsInput, now: Date): FileDownload {
  const itemNumbers = new Map(packet.agenda.items.map((item) => [item.id, item.number]))
  for (const comment of input.items) {
    if (!itemNumbers.has(comment.itemId)) throw new AppError('VALIDACION', 'Un comentario es de un punto que no está en el orden del día del paquete.')
  }
  const comments = [
    ...(input.general.trim() ? [{ itemId: null, text: cleanText(input.general) }] : []),
    ...input.items.map((comment) => ({ itemId: comment.itemId, text: cleanText(comment.text) })),
  ]
  if (comments.length === 0) throw new AppError('VALIDACION', 'Escriba al menos un comentario antes de exportar.')
  const file: CommentsFile = {
    format: COMMENTS_FORMAT,
    formatVersion: COMMENTS_FORMAT_VERSION,
    packetId: packet.manifest.packetId,
    sessionId: packet.manifest.session.id,
    sessionKey: packet.manifest.session.key,
    author: withoutControlCharacters(input.author).trim(),
    writtenAt: now.toISOString(),
    packetManifestSha256: packet.manifestSha256,
    packetManifest: packet.manifestBytes.toString('utf8'),
    comments,
  }
  const parsed = commentsFileSchema.safeParse(file)
  if (!parsed.success) throw new AppError('VALIDACION', `Los comentarios no son válidos: ${describeZodError(parsed.error, 3)}.`)
  const slug = parsed.data.author
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return {
    fileName: `comentarios-${packet.manifest.session.key}${slug ? `-${slug}` : ''}.json`,
    mimeType: 'application/json',
    contentBase64: jsonBytes(parsed.data).toString('base64'),
  }
}

/** Trimmed, line breaks kept, other control characters dropped, Unicode in one form (so equal texts hash alike). */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim()
}
