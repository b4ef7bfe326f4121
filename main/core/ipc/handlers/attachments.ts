/** Files attached to agenda items and follow-ups, kept in the data folder under their SHA-256. */
import { createHash } from 'node:crypto'
import { mkdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { AppError } from '../../errors'
import { MAX_ATTACHMENT_BYTES } from '../../contract/session-inputs'
import { safeFileName } from '../../domain/text'
import { writeFileDurable } from '../../store/durable-write'
import type { Store } from '../../store/store'

export const ATTACHMENTS_FOLDER = 'adjuntos'

/** Stores a file in the data folder under its SHA-256 and returns the attachment record fields. */
export async function storeAttachment(store: Store, fileName: string, contentBase64: string) {
  // Read-only, locked or no longer the file's owner: nothing is written beside the data file.
  await store.assertCanWrite()
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length === 0) throw new AppError('VALIDACION', 'El archivo está vacío.')
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDACION', 'El archivo supera el máximo de 50 MB.')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  // Named by content: the same file stored twice is kept once, and a name can never escape the folder.
  const extension = extname(fileName).toLowerCase().replace(/[^a-z0-9.]/g, '').slice(0, 10)
  const target = join(store.dataFolder, ATTACHMENTS_FOLDER, `${sha256}${extension}`)
  if (!(await stat(target).then((info) => info.size === bytes.length, () => false))) {
    await mkdir(join(store.dataFolder, ATTACHMENTS_FOLDER), { recursive: true })
    await writeFileDurable(target, bytes)
  }
  const safeName = safeFileName(fileName)
  return { fileName: safeName, storedPath: `${ATTACHMENTS_FOLDER}/${sha256}${extension}`, sha256, size: bytes.length }
}

