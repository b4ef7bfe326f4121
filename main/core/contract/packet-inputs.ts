/**
 * Input schemas of offline review: review packets out, members' comments
 * back. Kept beside operations.ts, which names them.
 */
import { z } from 'zod'
import { idSchema } from '../model/schema'
import { authorSchema, packetIdSchema } from '../packets/format'
import { FIXED_ENTRIES, entryNameProblem } from '../packets/entry-names'
import { MAX_COMMENT_CHARS, MAX_COMMENTS, MAX_COMMENTS_FILE_BYTES, MAX_PACKET_BYTES } from '../packets/limits'

const base64 = (maxBytes: number, what: string) =>
  z
    .string()
    .min(1, `Falta ${what}`)
    .max(Math.ceil(maxBytes / 3) * 4, `${what} es demasiado grande`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, `${what} no es válido`)

export const exportPacketSchema = z.object({ sessionId: idSchema }).strict()

/** A packet file as chosen by the member (at most 300 MB). */
export const openPacketSchema = z.object({ contentBase64: base64(MAX_PACKET_BYTES, 'el paquete') }).strict()

export const packetAttachmentSchema = z
  .object({
    packetId: packetIdSchema,
    name: z
      .string()
      .max(200)
      .refine((name) => entryNameProblem(name) === null && name !== FIXED_ENTRIES[0], { message: 'Nombre de archivo del paquete no válido' }),
  })
  .strict()

/** One comment's text as the member writes it, trimmed; empty for none. */
export const commentTextSchema = z.string().trim().max(MAX_COMMENT_CHARS, `Un comentario admite como máximo ${MAX_COMMENT_CHARS} caracteres`)

/** The name that signs a comments file (the file's authorSchema), saying why it is needed when it is missing. */
export const commentAuthorSchema = z.string().trim().min(1, 'Escriba su nombre: los comentarios se firman con el nombre de quien los escribe.').pipe(authorSchema)

export const exportCommentsSchema = z
  .object({
    packetId: packetIdSchema,
    author: commentAuthorSchema,
    /** The general comment on the session; empty for none. */
    general: commentTextSchema.default(''),
    items: z
      .array(z.object({ itemId: idSchema, text: commentTextSchema.min(1, 'El comentario de un punto está vacío') }).strict())
      .max(MAX_COMMENTS - 1, `Como máximo ${MAX_COMMENTS - 1} comentarios por archivo`),
  })
  .strict()

/** A member's comments file (JSON, at most 4 MB). */
export const importCommentsSchema = z.object({ contentBase64: base64(MAX_COMMENTS_FILE_BYTES, 'el archivo de comentarios') }).strict()
