/**
 * The two file formats of offline review, as zod schemas (strict: an unknown
 * field is an error, never ignored):
 *
 * - the packet (`.stlpkg`, a zip): `manifest.json` lists every other entry
 *   with its size and SHA-256; `agenda.json` is the orden del día;
 *   `acta-anterior.json` (+ `.pdf`) the previous acta; `paquete.pdf` and
 *   `convocatoria.pdf` for members without the app; `adjuntos/…` the files.
 * - the comments file a member sends back (`secretariado-comentarios`), which
 *   carries the exact manifest of the packet it answers.
 *
 * README.md («Paquetes de revisión») documents both for people.
 */
import { z } from 'zod'
import {
  ACT_STATUSES,
  AGENDA_ITEM_STATUSES,
  AGENDA_ITEM_TYPES,
  MODALITIES,
  SESSION_STATUSES,
  SESSION_TYPES,
  dateSchema,
  idSchema,
  instantSchema,
  timeSchema,
} from '../model/schema'
import { MAX_AGENDA_ITEMS } from '../domain/agenda'
import { entryNameProblem } from './entry-names'
import { MAX_AUTHOR_CHARS, MAX_COMMENT_CHARS, MAX_COMMENTS, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_MANIFEST_BYTES } from './limits'

export const PACKET_FORMAT = 'secretariado-paquete'
export const PACKET_FORMAT_VERSION = 1
export const COMMENTS_FORMAT = 'secretariado-comentarios'
export const COMMENTS_FORMAT_VERSION = 1
export const PACKET_EXTENSION = '.stlpkg'
export const PACKET_MIME_TYPE = 'application/zip'

const sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, 'SHA-256 no válido (64 dígitos hexadecimales en minúsculas)')
const text = (max: number) => z.string().max(max, `Máximo ${max} caracteres`)
const entryNameSchema = z.string().superRefine((name, context) => {
  const problem = entryNameProblem(name)
  if (problem) context.addIssue({ code: 'custom', message: problem.replace(/\.$/, '') })
})
export const packetIdSchema = z.string().regex(/^paq-[a-f0-9]{16}$/, 'Identificador de paquete no válido')
const itemNumberSchema = z.string().regex(/^\d{1,3}(\.\d{1,3})?$/, 'Número de punto no válido')

export const manifestEntrySchema = z
  .object({
    name: entryNameSchema,
    size: z.number().int().nonnegative().max(MAX_ENTRY_BYTES, `Una entrada no puede medir más de ${MAX_ENTRY_BYTES / (1024 * 1024)} MB`),
    sha256: sha256Schema,
  })
  .strict()

export const manifestSchema = z
  .object({
    format: z.literal(PACKET_FORMAT),
    formatVersion: z.literal(PACKET_FORMAT_VERSION),
    packetId: packetIdSchema,
    organization: text(200),
    bodyName: text(200),
    session: z
      .object({
        id: idSchema,
        key: text(40),
        title: text(200),
        type: z.enum(SESSION_TYPES),
        date: dateSchema,
        startTime: timeSchema,
        modality: z.enum(MODALITIES),
        venue: text(300),
        link: text(500),
        status: z.enum(SESSION_STATUSES),
      })
      .strict(),
    exportedBy: text(160),
    exportedAt: instantSchema,
    entries: z.array(manifestEntrySchema).min(1).max(MAX_ENTRIES - 1),
  })
  .strict()

export const packetAttachmentSchema = z
  .object({
    id: idSchema,
    fileName: text(255),
    /** The packet entry holding the file: `adjuntos/…`. */
    entry: entryNameSchema,
    size: z.number().int().nonnegative(),
    sha256: sha256Schema,
  })
  .strict()

export const agendaDocumentSchema = z
  .object({
    sessionId: idSchema,
    startTime: timeSchema,
    expectedEnd: timeSchema,
    items: z
      .array(
        z
          .object({
            id: idSchema,
            parentId: idSchema.nullable(),
            number: itemNumberSchema,
            title: text(400),
            type: z.enum(AGENDA_ITEM_TYPES),
            presenter: text(200),
            minutes: z.number().int().min(0).max(600),
            start: timeSchema,
            end: timeSchema,
            attachments: z.array(packetAttachmentSchema).max(MAX_ENTRIES),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_AGENDA_ITEMS),
    /** Agreements of earlier sessions still open: what «Seguimiento de acuerdos» reviews. */
    pendingAgreements: z
      .array(
        z
          .object({
            key: text(40),
            text: text(8000),
            sessionTitle: text(200),
            responsible: text(4000),
            dueDate: dateSchema.nullable(),
            state: z.enum(['pendiente', 'en-proceso', 'cumplido', 'cancelado', 'vencido']),
          })
          .strict(),
      )
      .max(2000),
  })
  .strict()

export const previousActaSchema = z
  .object({
    sessionId: idSchema,
    title: text(200),
    key: text(40),
    date: dateSchema,
    status: z.enum(SESSION_STATUSES),
    actStatus: z.enum(ACT_STATUSES),
    /** The PDF in the packet: the signed acta when there is one, otherwise the acta as generated today. */
    pdf: z.literal('acta-anterior.pdf').nullable(),
    signed: z.boolean(),
    items: z
      .array(z.object({ number: itemNumberSchema, title: text(400), status: z.enum(AGENDA_ITEM_STATUSES), notes: text(200_000) }).strict())
      .max(MAX_AGENDA_ITEMS),
    agreements: z
      .array(z.object({ key: text(40), itemNumber: z.string().max(8), text: text(8000), vote: text(400), responsible: text(4000), dueDate: dateSchema.nullable() }).strict())
      .max(2000),
  })
  .strict()

/** One comment as a member writes it: on an agenda item, or general (itemId null). */
export const memberCommentSchema = z
  .object({
    itemId: idSchema.nullable(),
    text: z.string().trim().min(1, 'El comentario está vacío').max(MAX_COMMENT_CHARS, `Un comentario admite como máximo ${MAX_COMMENT_CHARS} caracteres`),
  })
  .strict()

export const authorSchema = z
  .string()
  .trim()
  .min(1, 'Escriba su nombre: los comentarios se firman con el nombre de quien los escribe')
  .max(MAX_AUTHOR_CHARS, `El nombre admite como máximo ${MAX_AUTHOR_CHARS} caracteres`)

export const commentsFileSchema = z
  .object({
    format: z.literal(COMMENTS_FORMAT),
    formatVersion: z.literal(COMMENTS_FORMAT_VERSION),
    packetId: packetIdSchema,
    sessionId: idSchema,
    sessionKey: text(40),
    author: authorSchema,
    writtenAt: instantSchema,
    /** SHA-256 of `packetManifest`: which packet, byte for byte, was commented. */
    packetManifestSha256: sha256Schema,
    /** The packet's manifest.json, exactly as it was in the packet (UTF-8 text). */
    packetManifest: z.string().min(1).max(MAX_MANIFEST_BYTES),
    comments: z.array(memberCommentSchema).min(1, 'El archivo no tiene comentarios').max(MAX_COMMENTS, `Un archivo admite como máximo ${MAX_COMMENTS} comentarios`),
  })
  .strict()

export type PacketManifest = z.infer<typeof manifestSchema>
export type ManifestEntry = z.infer<typeof manifestEntrySchema>
export type AgendaDocument = z.infer<typeof agendaDocumentSchema>
export type PreviousActaDocument = z.infer<typeof previousActaSchema>
export type CommentsFile = z.infer<typeof commentsFileSchema>

/** JSON as written into a packet: stable key order (the objects are built in order), two-space indent, final newline. */
export function jsonBytes(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8')
}
