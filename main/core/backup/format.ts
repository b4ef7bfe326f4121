/**
 * The full backup archive (`.stlbak`): one zip that holds everything a data
 * file needs to be moved to another computer or brought back after a lost
 * disk.
 *
 *   manifest.json        format, version, when, app and schema versions,
 *                        counts, and the path, size and SHA-256 of every
 *                        other entry (stored first, uncompressed)
 *   secretariado.json    the data file exactly as it is on disk (deflate)
 *   adjuntos/<file>      attachments and evidence (stored)
 *   actas/<file>         signed actas and actas out for signature (stored)
 *
 * Unzipped with any tool, the archive is a data folder ready to open. The
 * reader accepts nothing but these names, so no entry can point outside the
 * folder it is restored into.
 */
import { z } from 'zod'
import { isWindowsReservedName } from '../domain/text'
import { instantSchema } from '../model/schema'
import { sizeLabel } from '../packets/limits'
import { MAX_BACKUP_BYTES, MAX_BACKUP_ENTRIES, MAX_BACKUP_ENTRY_BYTES } from './limits'
import { displayName, UNSHOWABLE } from '../packets/entry-names'
import type { ZipReadOptions } from '../packets/zip-reader'
import { ATTACHMENTS_FOLDER } from '../ipc/handlers/attachments'
import { SIGNED_ACTAS_FOLDER } from '../ipc/handlers/signing'

export const BACKUP_FORMAT = 'secretariado-respaldo'
export const BACKUP_FORMAT_VERSION = 1
export const BACKUP_EXTENSION = '.stlbak'
export const BACKUP_MIME_TYPE = 'application/zip'

export const MANIFEST_ENTRY = 'manifest.json'
/** The data file's entry, whatever the data file is called on disk. */
export const DATA_ENTRY = 'secretariado.json'
/** The folders beside the data file that a backup carries, in this order. */
export const BACKUP_FOLDERS = [ATTACHMENTS_FOLDER, SIGNED_ACTAS_FOLDER] as const
export type BackupFolder = (typeof BACKUP_FOLDERS)[number]

/** Reminder in Configuración: no full backup yet, or the last one is older than this. */
export const FULL_BACKUP_REMINDER_DAYS = 30

/**
 * How far an archive's creation date may be ahead of the clock that reads it:
 * two computers' clocks (or time zones set wrong) differ by hours, not days.
 * A later date is refused, so it never passes for a recent backup.
 */
export const BACKUP_CLOCK_TOLERANCE_MS = 86_400_000

export { MAX_BACKUP_BYTES, MAX_BACKUP_ENTRIES, MAX_BACKUP_ENTRY_BYTES, MAX_BACKUP_MANIFEST_BYTES, MAX_BRIDGE_BACKUP_BYTES } from './limits'

/** A file name inside adjuntos/ or actas/: what the app itself writes (SHA-256 or session key names). */
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/
const MAX_NAME_CHARS = 240

/**
 * Whether a name inside adjuntos/ or actas/ is one the app writes and every
 * system keeps as it is: not a device name Windows reserves («CON»,
 * «nul.pdf»), not ending in a dot (Windows drops it, so «informe.pdf.» would
 * become «informe.pdf»), not a temporary file of a save.
 */
export function isSafeFileName(name: string): boolean {
  return SAFE_FILE_NAME.test(name) && !name.endsWith('.tmp') && !name.endsWith('.') && !isWindowsReservedName(name)
}

/** Two names that Windows or macOS would hold as the same file (case, trailing dots and spaces) share this key. */
export function entryKey(name: string): string {
  return name.toLowerCase().replace(/[. ]+$/, '')
}


/** Text of the manifest that is shown to the user: no control characters (terminal escapes) and no reordering marks. */
export function isPlainText(text: string): boolean {
  return !new RegExp(UNSHOWABLE.source).test(text)
}

/** Any text as it may be written to a terminal or shown: what could not be shown, as «?». */
export function printable(text: string): string {
  return text.replace(UNSHOWABLE, '?')
}

/** Which folder an entry belongs to, or null for the manifest and the data file. */
export function folderOf(name: string): BackupFolder | null {
  return BACKUP_FOLDERS.find((folder) => name.startsWith(`${folder}/`)) ?? null
}

/**
 * Why `name` cannot be an entry of a full backup, in Spanish, or null. A path
 * trick is named as such before anything else.
 */
export function backupEntryProblem(name: string): string | null {
  const shown = `«${displayName(name)}»`
  if (name.length === 0) return 'Hay una entrada sin nombre en el respaldo.'
  if (name.includes('\\')) return `La entrada ${shown} usa barras invertidas (\\) en su ruta; un respaldo sólo usa «/».`
  if (name.startsWith('/')) return `La entrada ${shown} es una ruta absoluta; un respaldo sólo contiene rutas relativas.`
  if (/^[A-Za-z]:/.test(name)) return `La entrada ${shown} indica una unidad de disco; un respaldo sólo contiene rutas relativas.`
  if (name.split('/').some((segment) => segment === '..' || segment === '.')) return `La entrada ${shown} intenta salir de la carpeta de datos («../»).`
  if (/[^\u0020-\u007e]/.test(name)) return `La entrada ${shown} tiene caracteres no permitidos en su nombre.`
  if (name.length > MAX_NAME_CHARS) return `La entrada ${shown} tiene un nombre demasiado largo.`
  if (name === MANIFEST_ENTRY || name === DATA_ENTRY) return null
  const folder = folderOf(name)
  const file = folder ? name.slice(folder.length + 1) : ''
  if (folder && SAFE_FILE_NAME.test(file)) {
    // Restored on Windows, «NUL.pdf» is the null device and «informe.pdf.» loses its dot: neither is a file of the data.
    if (isWindowsReservedName(file)) return `La entrada ${shown} usa un nombre que Windows reserva para un dispositivo (${file.split('.')[0]?.toUpperCase() ?? ''}).`
    if (file.endsWith('.')) return `La entrada ${shown} termina en punto; Windows no conserva ese nombre.`
    if (isSafeFileName(file)) return null
  }
  return `La entrada ${shown} no es parte de un respaldo de Secretariado.`
}

export const BACKUP_ZIP_OPTIONS: ZipReadOptions = {
  nameProblem: backupEntryProblem,
  terms: { noun: 'respaldo', kind: 'un respaldo completo de Secretariado', truncatedHint: 'Copie de nuevo el archivo o use otro respaldo.' },
  maxFileBytes: MAX_BACKUP_BYTES,
  maxTotalBytes: MAX_BACKUP_BYTES,
  maxEntries: MAX_BACKUP_ENTRIES,
  maxEntryBytes: MAX_BACKUP_ENTRY_BYTES,
}

const sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, 'SHA-256 no válido (64 dígitos hexadecimales en minúsculas)')
const count = z.number().int().nonnegative()
const plainText = z.string().refine(isPlainText, 'Contiene caracteres de control o marcas que reordenan el texto')

export const backupManifestEntrySchema = z
  .object({
    path: z.string().superRefine((name, context) => {
      const problem = name === MANIFEST_ENTRY ? 'El manifiesto no se declara a sí mismo' : backupEntryProblem(name)
      if (problem) context.addIssue({ code: 'custom', message: problem.replace(/\.$/, '') })
    }),
    size: count.max(MAX_BACKUP_ENTRY_BYTES, `Una entrada no puede medir más de ${sizeLabel(MAX_BACKUP_ENTRY_BYTES)}`),
    sha256: sha256Schema,
  })
  .strict()

export const backupManifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    createdAt: instantSchema,
    appVersion: plainText.min(1).max(80),
    /** The data file's own schema version, as archived (before any migration). */
    schemaVersion: z.number().int().min(1),
    /** The data file's name where the backup was made (informative: a restore names the file itself). */
    dataFileName: plainText.min(1).max(255),
    /** The data file's settings, repeated so a summary can be shown; they must match the data file. */
    organization: plainText.max(200),
    bodyName: plainText.max(200),
    counts: z.object({ members: count, sessions: count, agreements: count }).strict(),
    entries: z.array(backupManifestEntrySchema).min(1).max(MAX_BACKUP_ENTRIES - 1),
  })
  .strict()

export type BackupManifest = z.infer<typeof backupManifestSchema>
export type BackupManifestEntry = z.infer<typeof backupManifestEntrySchema>
