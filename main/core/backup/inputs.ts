/** Input schemas of the full backup operations, named by operations.ts. */
import { z } from 'zod'
import { withoutControlCharacters } from '../domain/text'
import { sizeLabel } from '../packets/limits'
import { MAX_BRIDGE_BACKUP_BYTES } from './limits'

/** An archive the user picked, as base64: at most 300 MB, the most a string of the bridge carries safely. */
const archiveBase64 = z
  .string()
  .min(1, 'Falta el respaldo')
  .max(Math.ceil(MAX_BRIDGE_BACKUP_BYTES / 3) * 4, `El respaldo es demasiado grande para abrirlo en la aplicación (máximo ${sizeLabel(MAX_BRIDGE_BACKUP_BYTES)}); use la línea de comandos: npm run cli -- backup restore`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El respaldo no es válido')

export const inspectFullBackupSchema = z.object({ contentBase64: archiveBase64 }).strict()

/** `confirmed`: the user was told the current data is moved aside and replaced, and said yes. */
export const restoreFullBackupSchema = z
  .object({
    contentBase64: archiveBase64,
    /** The picked file's name, remembered as the last full backup's. */
    fileName: z
      .string()
      .trim()
      .max(255, 'Nombre de archivo demasiado largo')
      .transform((name) => withoutControlCharacters(name.replace(/^.*[\\/]/, '')) || undefined)
      .optional(),
    confirmed: z.literal(true, { message: 'Confirme que desea reemplazar los datos actuales por los del respaldo' }),
  })
  .strict()

/** The archive just created (by its SHA-256), once the app has handed it to be saved. */
export const recordFullBackupSchema = z.object({ sha256: z.string().regex(/^[a-f0-9]{64}$/, 'SHA-256 no válido') }).strict()
