/**
 * Verifying a full backup archive, whole, before anything is restored from it.
 *
 *   1. the zip itself (packets/zip-reader.ts with the backup's name rule and
 *      limits): names, duplicates, links, encryption, sizes, bombs, headers;
 *   2. the manifest: present, intact (its CRC-32), JSON, our format and
 *      version, the strict schema;
 *   3. every entry against the manifest: listed, present, same size, same
 *      SHA-256, and nothing unlisted;
 *   4. the data file inside: read by the store's own reader (envelope and
 *      checksum, migrations, schema, references), with the counts, the
 *      organization, the body's name and the schema version the manifest
 *      declares: the summary shown before a restore is the data's own.
 *
 * A manifest dated after the caller's `now` (beyond a day of difference
 * between two computers' clocks) is refused: its date would otherwise pass
 * for a recent backup.
 *
 * Any problem refuses the archive with one Spanish AppError('VALIDACION')
 * naming the entry. Files the data names but the archive lacks are reported
 * as warnings: the archive is faithful to the folder it was made from.
 */
import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { AppError, describeZodError, toErrorInfo } from '../errors'
import type { FullBackupReport } from '../contract/views'
import { longSpanishDate, mexicoDate, mexicoTime } from '../domain/dates'
import type { Data } from '../model/schema'
import { SCHEMA_VERSION } from '../model/schema'
import { displayName } from '../packets/entry-names'
import { sizeLabel } from '../packets/limits'
import { openZip, type ZipListing } from '../packets/zip-reader'
import { openEnvelope } from '../store/data-format'
import { parseDataBytes } from '../store/read-data-file'
import {
  BACKUP_CLOCK_TOLERANCE_MS,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_ZIP_OPTIONS,
  DATA_ENTRY,
  MANIFEST_ENTRY,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_ENTRY_BYTES,
  MAX_BACKUP_MANIFEST_BYTES,
  backupManifestSchema,
  entryKey,
  folderOf,
  printable,
  type BackupManifest,
} from './format'

export interface VerifiedBackup {
  manifest: BackupManifest
  report: FullBackupReport
  /** Every entry but the manifest, by path, each checked against its SHA-256. */
  files: ReadonlyMap<string, Buffer>
  /** The data file's bytes, exactly as archived. */
  dataBytes: Buffer
  /** The data file, read and validated as the store reads it. */
  data: Data
}

const refuse = (message: string): AppError => new AppError('VALIDACION', message)
export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

export interface VerifyOptions {
  /** The caller's clock: an archive dated later than this (beyond the tolerance) is refused. */
  now: Date
  /** The largest archive accepted here, and the most its entries may expand to (the bridge accepts less than a file on disk). */
  maxBytes?: number
}

export async function verifyBackup(bytes: Buffer, options: VerifyOptions): Promise<VerifiedBackup> {
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES
  // What the archive expands to in memory is bounded like the archive itself.
  const zip = await openZip(bytes, {
    ...BACKUP_ZIP_OPTIONS,
    maxFileBytes: maxBytes,
    maxTotalBytes: Math.min(MAX_BACKUP_BYTES, maxBytes),
    maxEntryBytes: Math.min(MAX_BACKUP_ENTRY_BYTES, maxBytes),
  })
  try {
    const manifest = await readManifest(zip, options.now)
    const files = await readEntries(zip, manifest)
    const dataBytes = files.get(DATA_ENTRY)
    if (!dataBytes) throw refuse(`El respaldo no contiene el archivo de datos (${DATA_ENTRY}).`)
    const data = readData(dataBytes)
    const archivedSchema = archivedSchemaVersion(dataBytes)
    checkAgainstData(manifest, data, archivedSchema)
    const { counts } = manifest
    const entries = manifest.entries
    // The summary is the data file's own: after the checks above the manifest says the same.
    const report: FullBackupReport = {
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: archivedSchema,
      organization: printable(data.settings.organization),
      bodyName: printable(data.settings.bodyName),
      counts: { ...counts },
      files: entries.length,
      attachments: entries.filter((entry) => folderOf(entry.path) === 'adjuntos').length,
      actas: entries.filter((entry) => folderOf(entry.path) === 'actas').length,
      contentBytes: entries.reduce((sum, entry) => sum + entry.size, 0),
      archiveBytes: bytes.length,
      archiveSha256: sha256Hex(bytes),
      warnings: missingReferences(data, new Map(entries.map((entry) => [entry.path, entry.sha256]))),
    }
    return { manifest, report, files, dataBytes, data }
  } finally {
    zip.close()
  }
}

/** The manifest repeats what the data file says; any difference means one of them was changed. */
function checkAgainstData(manifest: BackupManifest, data: Data, archivedSchema: number): void {
  const { counts } = manifest
  if (data.members.length !== counts.members || data.sessions.length !== counts.sessions || data.agreements.length !== counts.agreements) {
    throw refuse(
      `El manifiesto declara ${counts.members} integrantes, ${counts.sessions} sesiones y ${counts.agreements} acuerdos, pero el archivo de datos del respaldo tiene ` +
        `${data.members.length}, ${data.sessions.length} y ${data.agreements.length}: el respaldo fue alterado.`,
    )
  }
  // The manifest holds them as they may be shown (see create.ts).
  const organization = printable(data.settings.organization)
  const bodyName = printable(data.settings.bodyName)
  if (manifest.organization !== organization || manifest.bodyName !== bodyName) {
    throw refuse(
      `El manifiesto dice que el respaldo es de «${manifest.bodyName} · ${manifest.organization}», pero el archivo de datos del respaldo es de ` +
        `«${bodyName} · ${organization}»: el respaldo fue alterado.`,
    )
  }
  if (manifest.schemaVersion !== archivedSchema) {
    throw refuse(`El manifiesto declara el esquema ${manifest.schemaVersion}, pero el archivo de datos del respaldo usa el ${archivedSchema}: el respaldo fue alterado.`)
  }
}

/** The schema version the data file was written with, before any migration (the store's reader has already accepted the file). */
export function archivedSchemaVersion(dataBytes: Buffer): number {
  const raw = openEnvelope(dataBytes)
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined
  if (typeof version !== 'number' || !Number.isInteger(version)) throw refuse(`El archivo de datos del respaldo (${DATA_ENTRY}) no indica una versión de esquema válida.`)
  return version
}

function atLabel(instant: Date): string {
  return `${longSpanishDate(mexicoDate(instant))} a las ${mexicoTime(instant)}`
}

async function readManifest(zip: ZipListing, now: Date): Promise<BackupManifest> {
  if (!zip.entries.has(MANIFEST_ENTRY)) throw refuse('El respaldo no tiene manifiesto (manifest.json): no es un respaldo completo de Secretariado o está incompleto.')
  const bytes = await zip.read(MANIFEST_ENTRY, MAX_BACKUP_MANIFEST_BYTES)
  // The manifest cannot carry its own SHA-256; the zip's CRC-32 of it catches any changed byte all the same.
  if (crc32(bytes) >>> 0 !== zip.entries.get(MANIFEST_ENTRY)?.crc32) {
    throw refuse('El manifiesto del respaldo (manifest.json) está dañado: su suma de verificación CRC-32 no coincide. El respaldo no se puede usar.')
  }
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    throw refuse('El manifiesto del respaldo (manifest.json) no es JSON válido: el respaldo está dañado o fue alterado.')
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw refuse('El manifiesto del respaldo (manifest.json) no es un objeto JSON.')
  const { format, formatVersion, schemaVersion } = raw as Record<string, unknown>
  if (format !== BACKUP_FORMAT) {
    throw refuse(`El archivo no es un respaldo completo de Secretariado (formato ${typeof format === 'string' ? `«${displayName(format)}»` : 'no indicado'}).`)
  }
  if (formatVersion !== BACKUP_FORMAT_VERSION) {
    if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > BACKUP_FORMAT_VERSION) {
      throw refuse(`El respaldo usa la versión ${formatVersion} del formato, más reciente que la que esta aplicación conoce (${BACKUP_FORMAT_VERSION}). Actualice Secretariado para restaurarlo.`)
    }
    throw refuse(`El respaldo indica una versión de formato desconocida (${displayName(String(formatVersion))}); esta aplicación lee la versión ${BACKUP_FORMAT_VERSION}.`)
  }
  if (typeof schemaVersion === 'number' && schemaVersion > SCHEMA_VERSION) {
    throw refuse(`El respaldo se hizo con una versión más reciente de Secretariado (esquema ${schemaVersion}; esta versión usa el ${SCHEMA_VERSION}). Actualice la aplicación para restaurarlo.`)
  }
  const parsed = backupManifestSchema.safeParse(raw)
  if (!parsed.success) throw refuse(`El manifiesto del respaldo (manifest.json) no es válido: ${describeZodError(parsed.error, 3)}.`)
  const manifest = parsed.data
  const createdAt = new Date(manifest.createdAt)
  if (createdAt.getTime() > now.getTime() + BACKUP_CLOCK_TOLERANCE_MS) {
    throw refuse(
      `El respaldo dice haberse creado el ${atLabel(createdAt)}, después de la fecha de este equipo (${atLabel(now)}): ` +
        'revise el reloj de este equipo o use otro respaldo.',
    )
  }
  const seen = new Set<string>()
  for (const entry of manifest.entries) {
    if (seen.has(entryKey(entry.path))) throw refuse(`El manifiesto del respaldo declara dos veces el archivo «${displayName(entry.path)}».`)
    seen.add(entryKey(entry.path))
  }
  if (!seen.has(DATA_ENTRY)) throw refuse(`El manifiesto del respaldo no declara el archivo de datos (${DATA_ENTRY}).`)
  return manifest
}

/** Every entry as the manifest declares it, and nothing else. */
async function readEntries(zip: ZipListing, manifest: BackupManifest): Promise<Map<string, Buffer>> {
  const declared = new Set(manifest.entries.map((entry) => entry.path))
  for (const name of zip.entries.keys()) {
    if (name !== MANIFEST_ENTRY && !declared.has(name)) {
      throw refuse(`El archivo «${displayName(name)}» está en el respaldo pero no en su manifiesto: el respaldo fue alterado.`)
    }
  }
  const files = new Map<string, Buffer>()
  for (const entry of manifest.entries) {
    const shown = displayName(entry.path)
    const zipEntry = zip.entries.get(entry.path)
    if (!zipEntry) throw refuse(`Falta el archivo ${shown}, declarado en el manifiesto del respaldo.`)
    if (zipEntry.uncompressedSize !== entry.size) {
      throw refuse(`El archivo ${shown} mide ${sizeLabel(zipEntry.uncompressedSize)} y el manifiesto del respaldo declara ${sizeLabel(entry.size)}: el respaldo está dañado o fue alterado.`)
    }
    const content = await zip.read(entry.path)
    if (sha256Hex(content) !== entry.sha256) {
      throw refuse(`El archivo ${shown} no coincide con su huella SHA-256 del manifiesto: el respaldo está dañado o fue alterado.`)
    }
    files.set(entry.path, content)
  }
  return files
}

function readData(bytes: Buffer): Data {
  try {
    return parseDataBytes(bytes)
  } catch (error) {
    throw refuse(`El archivo de datos del respaldo (${DATA_ENTRY}) no se puede usar: ${toErrorInfo(error).message}`)
  }
}

/** Files recorded in the data (attachments, evidence, actas) by path and SHA-256. */
export function referencedFiles(data: Data): Map<string, string> {
  const found = new Map<string, string>()
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item)
      return
    }
    if (typeof value !== 'object' || value === null) return
    const record = value as Record<string, unknown>
    if (typeof record.storedPath === 'string' && typeof record.sha256 === 'string') found.set(record.storedPath, record.sha256)
    for (const child of Object.values(record)) walk(child)
  }
  walk(data.sessions)
  walk(data.agreements)
  walk(data.commitments)
  walk(data.plans)
  return found
}

const MAX_WARNINGS = 10

/** Recorded files the archive (path → SHA-256) lacks or holds with other bytes, in Spanish. */
export function missingReferences(data: Data, archived: ReadonlyMap<string, string>): string[] {
  const problems: string[] = []
  for (const [path, digest] of referencedFiles(data)) {
    const held = archived.get(path)
    if (held === undefined) problems.push(`El archivo ${displayName(path)}, que registran los datos, no está en el respaldo.`)
    else if (held !== digest) problems.push(`El archivo ${displayName(path)} no coincide con la huella SHA-256 que registran los datos.`)
  }
  if (problems.length <= MAX_WARNINGS) return problems
  return [...problems.slice(0, MAX_WARNINGS), `Y ${problems.length - MAX_WARNINGS} archivos más con el mismo problema.`]
}
