/**
 * Importing a member's comments file into the secretariat's data.
 *
 * Which packet was commented: the comments file carries the packet's
 * manifest.json, byte for byte, and its SHA-256. On import:
 *   1. the SHA-256 of the carried manifest must be the one the file states
 *      (the file was not edited to pair comments with another manifest);
 *   2. the manifest must be a valid packet manifest for the same packet id,
 *      session id and key the file names;
 *   3. the session must exist here, with the same title (not another body's
 *      session that happens to share an id), and still admit changes;
 *   4. every attachment the manifest lists must have the SHA-256 of a document
 *      the secretariat holds: one attached to the session now, or a file in
 *      the data folder's `adjuntos/`, which keeps every file ever attached
 *      under its SHA-256 (so a document replaced after the packet went out
 *      still counts). A packet whose documents were swapped (and its manifest
 *      rewritten to match, so member mode opened it) is refused;
 *   5. every comment must be on an item of the session's agenda.
 * Any failure refuses the whole file and nothing is written.
 *
 * Importing the same file twice changes nothing: each comment gets a digest of
 * session, item, author and text, and a comment whose digest is already on the
 * session is skipped; when nothing is new, the data file is not written at all.
 * A member who exports again with one comment added brings only that one.
 *
 * This proves consistency, not identity: a comments file is not signed, so the
 * author's name is what the member typed. The report shows it for the
 * secretariat to confirm against the channel the file came by.
 */
import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError, describeZodError } from '../errors'
import type { CommentsImportReport } from '../contract/views'
import { agendaNumbers } from '../domain/agenda'
import { sessionKey, sessionTitle } from '../domain/session-title'
import type { Comment, Data } from '../model/schema'
import { ATTACHMENTS_FOLDER } from '../ipc/handlers/attachments'
import type { Store } from '../store/store'
import { displayName, isAttachmentEntry } from './entry-names'
import {
  COMMENTS_FORMAT,
  COMMENTS_FORMAT_VERSION,
  PACKET_FORMAT,
  commentsFileSchema,
  manifestSchema,
  type CommentsFile,
  type PacketManifest,
} from './format'
import { MAX_COMMENTS_FILE_BYTES, sizeLabel } from './limits'
import { cleanText } from './member'

const refuse = (message: string): AppError => new AppError('VALIDACION', message)
const NOTHING = 'no se importó ningún comentario.'

/** The comments file, parsed and validated; refuses (VALIDACION) anything else with a Spanish message. */
export function parseCommentsFile(bytes: Buffer): CommentsFile {
  if (bytes.length === 0) throw refuse(`El archivo de comentarios está vacío; ${NOTHING}`)
  if (bytes.length > MAX_COMMENTS_FILE_BYTES) throw refuse(`El archivo mide ${sizeLabel(bytes.length)}; un archivo de comentarios admite como máximo ${sizeLabel(MAX_COMMENTS_FILE_BYTES)}.`)
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') throw refuse('Eligió un paquete de revisión (.stlpkg), no un archivo de comentarios.')
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')) as unknown
  } catch {
    throw refuse(`El archivo de comentarios no es JSON válido (está dañado o incompleto); ${NOTHING}`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw refuse(`El archivo no es un archivo de comentarios de Secretariado; ${NOTHING}`)
  const { format, formatVersion } = raw as Record<string, unknown>
  if (format === PACKET_FORMAT) throw refuse('Eligió el manifiesto de un paquete, no un archivo de comentarios.')
  if (format !== COMMENTS_FORMAT) throw refuse(`El archivo no es un archivo de comentarios de Secretariado; ${NOTHING}`)
  if (formatVersion !== COMMENTS_FORMAT_VERSION) {
    if (typeof formatVersion === 'number' && formatVersion > COMMENTS_FORMAT_VERSION) {
      throw refuse(`El archivo de comentarios usa la versión ${formatVersion} del formato, más reciente que la que esta aplicación conoce (${COMMENTS_FORMAT_VERSION}). Actualice Secretariado.`)
    }
    throw refuse(`El archivo de comentarios indica una versión de formato desconocida; ${NOTHING}`)
  }
  const parsed = commentsFileSchema.safeParse(raw)
  if (!parsed.success) throw refuse(`El archivo de comentarios no es válido: ${describeZodError(parsed.error, 3)}; ${NOTHING}`)
  return parsed.data
}

interface PlannedComment {
  itemId: string | null
  text: string
  digest: string
  status: 'agregado' | 'ya-registrado'
}

export interface CommentsImportPlan {
  sessionId: string
  manifest: PacketManifest
  author: string
  comments: PlannedComment[]
  /** What would be added: new comments, each once. */
  toAdd: PlannedComment[]
}

/** Identity of a comment for deduplication: session, item, author and text (not the time it was written). */
export function commentDigest(sessionId: string, itemId: string | null, author: string, text: string): string {
  return createHash('sha256').update(JSON.stringify([sessionId, itemId, author, text])).digest('hex')
}

/**
 * Checks a parsed comments file against the data; refuses with a Spanish
 * AppError, changes nothing. `storedDocuments`: SHA-256 of the files in the
 * data folder's `adjuntos/` (see `storedDocumentHashes`).
 */
export function planCommentsImport(data: Data, file: CommentsFile, storedDocuments: ReadonlySet<string> = new Set()): CommentsImportPlan {
  const manifestBytes = Buffer.from(file.packetManifest, 'utf8')
  if (createHash('sha256').update(manifestBytes).digest('hex') !== file.packetManifestSha256) {
    throw refuse(`El archivo de comentarios fue alterado: la huella SHA-256 del manifiesto del paquete no coincide con el manifiesto que incluye; ${NOTHING}`)
  }
  let manifest: PacketManifest
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(file.packetManifest) as unknown)
    if (!parsed.success) throw new Error('esquema')
    manifest = parsed.data
  } catch {
    throw refuse(`El manifiesto del paquete que incluye el archivo de comentarios no es válido; ${NOTHING}`)
  }
  if (manifest.packetId !== file.packetId || manifest.session.id !== file.sessionId || manifest.session.key !== file.sessionKey) {
    throw refuse(`El archivo de comentarios no corresponde al paquete que dice responder (paquete, sesión o clave distintos); ${NOTHING}`)
  }

  const session = data.sessions.find((candidate) => candidate.id === file.sessionId)
  const named = `${manifest.session.title} (${manifest.session.key})`
  if (!session) throw new AppError('NO_ENCONTRADO', `Los comentarios son de la ${named}, que no existe en estos datos; ${NOTHING}`)
  if (sessionTitle(session) !== manifest.session.title) {
    throw new AppError('REGLA', `Los comentarios son de la ${named}, pero en estos datos esa sesión es la ${sessionTitle(session)}: el paquete no salió de estos datos; ${NOTHING}`)
  }
  if (session.status === 'firmada') throw new AppError('REGLA', `El acta de la ${sessionTitle(session)} está firmada: la sesión ya no admite cambios; ${NOTHING}`)
  if (session.status === 'en-firma') throw new AppError('REGLA', `El acta de la ${sessionTitle(session)} está en firma: la sesión ya no admite cambios; ${NOTHING}`)
  if (session.status === 'cancelada') throw new AppError('REGLA', `La ${sessionTitle(session)} fue cancelada: ya no recibe comentarios; ${NOTHING}`)

  const held = new Set(session.agenda.flatMap((item) => item.attachments.map((attachment) => attachment.sha256)))
  for (const entry of manifest.entries) {
    if (isAttachmentEntry(entry.name) && !held.has(entry.sha256) && !storedDocuments.has(entry.sha256)) {
      throw new AppError(
        'REGLA',
        `El paquete comentado no coincide con los documentos de la ${sessionTitle(session)}: «${displayName(entry.name)}» (SHA-256 ${entry.sha256.slice(0, 12)}…) no es un documento que la Secretaría haya enviado. ` +
          `El paquete pudo modificarse, o los documentos cambiaron después de prepararlo; ${NOTHING}`,
      )
    }
  }

  const items = new Map(session.agenda.map((item) => [item.id, item]))
  const author = cleanText(file.author).replace(/\s+/g, ' ')
  const existing = new Set(session.comments.map((comment) => comment.digest))
  const comments: PlannedComment[] = []
  for (const [index, comment] of file.comments.entries()) {
    if (comment.itemId !== null && !items.has(comment.itemId)) {
      throw refuse(`El comentario ${index + 1} es de un punto que no está en el orden del día de la ${sessionTitle(session)}; ${NOTHING}`)
    }
    const text = cleanText(comment.text)
    if (!text) throw refuse(`El comentario ${index + 1} está vacío; ${NOTHING}`)
    const digest = commentDigest(session.id, comment.itemId, author, text)
    comments.push({ itemId: comment.itemId, text, digest, status: existing.has(digest) ? 'ya-registrado' : 'agregado' })
    existing.add(digest)
  }
  return { sessionId: session.id, manifest, author, comments, toAdd: comments.filter((comment) => comment.status === 'agregado') }
}

/**
 * Imports a comments file through the store (one durable save) and reports
 * what was added; a file with nothing new does not write at all.
 */
export async function importComments(store: Store, bytes: Buffer): Promise<CommentsImportReport> {
  const file = parseCommentsFile(bytes)
  const stored = await storedDocumentHashes(store.dataFolder)
  let plan = planCommentsImport(store.data, file, stored)
  if (plan.toAdd.length > 0) {
    plan = await store.update((draft, tools) => {
      // Planned again on the draft: another change may have landed since. The plan holds no draft objects.
      const fresh = planCommentsImport(draft, file, stored)
      const session = draft.sessions.find((candidate) => candidate.id === fresh.sessionId)
      if (!session || fresh.toAdd.length === 0) return fresh
      for (const comment of fresh.toAdd) {
        const record: Comment = {
          id: tools.newId('com'),
          itemId: comment.itemId,
          author: fresh.author,
          text: comment.text,
          writtenAt: file.writtenAt,
          importedAt: tools.nowIso,
          packetId: file.packetId,
          digest: comment.digest,
        }
        session.comments.push(record)
      }
      session.updatedAt = tools.nowIso
      tools.audit({
        entity: 'sesion',
        entityId: session.id,
        action: 'importar',
        summary: `${fresh.toAdd.length === 1 ? 'Se importó 1 comentario' : `Se importaron ${fresh.toAdd.length} comentarios`} de «${fresh.author}» (paquete de revisión ${file.packetId})`,
      })
      return fresh
    })
  }
  return reportOf(store.data, plan, file)
}

/**
 * SHA-256 of the documents kept in the data folder: attachments are stored
 * as `adjuntos/<sha256><ext>` and never deleted, so the folder remembers every
 * document the secretariat ever attached.
 */
export async function storedDocumentHashes(dataFolder: string): Promise<Set<string>> {
  const names = await readdir(join(dataFolder, ATTACHMENTS_FOLDER)).catch(() => [] as string[])
  return new Set(names.flatMap((name) => /^([a-f0-9]{64})(\.[a-z0-9.]*)?$/.exec(name)?.[1] ?? []))
}

function reportOf(data: Data, plan: CommentsImportPlan, file: CommentsFile): CommentsImportReport {
  const session = data.sessions.find((candidate) => candidate.id === plan.sessionId)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  const numbers = agendaNumbers(session.agenda)
  const titles = new Map(session.agenda.map((item) => [item.id, item.title]))
  return {
    sessionId: session.id,
    sessionTitle: sessionTitle(session),
    sessionKey: sessionKey(data.settings.keyPrefix, session),
    packetId: file.packetId,
    author: plan.author,
    writtenAt: file.writtenAt,
    added: plan.comments.filter((comment) => comment.status === 'agregado').length,
    duplicates: plan.comments.filter((comment) => comment.status === 'ya-registrado').length,
    comments: plan.comments.map((comment) => ({
      itemId: comment.itemId,
      itemNumber: comment.itemId ? (numbers.get(comment.itemId) ?? null) : null,
      itemTitle: comment.itemId ? (titles.get(comment.itemId) ?? null) : null,
      text: comment.text,
      status: comment.status,
    })),
  }
}
