/**
 * Reading a packet that came from outside. `inspectPacket` never throws: it
 * returns what it could verify and every problem it found, in Spanish.
 * `readPacket` is the strict door member mode uses: any problem refuses the
 * whole packet. `checkPacket` is the report behind `packet check`.
 *
 * Order of checks: the zip's structure and names (zip-reader.ts), then the
 * manifest (present, JSON, our format and version, the schema), then each
 * entry against the manifest (declared, same size, same SHA-256; nothing
 * extra), then the meaning of agenda.json and acta-anterior.json.
 */
import { createHash } from 'node:crypto'
import { AppError, describeZodError } from '../errors'
import {
  AGENDA_ENTRY,
  MANIFEST_ENTRY,
  PACK_PDF_ENTRY,
  PREVIOUS_ACTA_JSON_ENTRY,
  PREVIOUS_ACTA_PDF_ENTRY,
  displayName,
  isAttachmentEntry,
  nameKey,
} from './entry-names'
import {
  PACKET_FORMAT,
  PACKET_FORMAT_VERSION,
  agendaDocumentSchema,
  manifestSchema,
  previousActaSchema,
  type AgendaDocument,
  type PacketManifest,
  type PreviousActaDocument,
} from './format'
import { MAX_JSON_ENTRY_BYTES, MAX_MANIFEST_BYTES, sizeLabel } from './limits'
import { openZip, type ZipListing } from './zip-reader'

export interface Packet {
  manifest: PacketManifest
  /** manifest.json exactly as it is in the packet: its SHA-256 names the packet. */
  manifestBytes: Buffer
  manifestSha256: string
  agenda: AgendaDocument
  previousActa: PreviousActaDocument | null
  /** Every declared entry, verified against the manifest. */
  files: ReadonlyMap<string, Buffer>
}

export type EntryStatus = 'correcto' | 'alterado' | 'tamano-distinto' | 'falta' | 'no-declarado' | 'ilegible'

export interface EntryCheck {
  name: string
  /** Size and SHA-256 declared in the manifest (null for an undeclared entry). */
  size: number | null
  sha256: string | null
  status: EntryStatus
  problem: string | null
}

export interface PacketCheckReport {
  valid: boolean
  packetId: string | null
  manifestSha256: string | null
  session: PacketManifest['session'] | null
  exportedBy: string | null
  exportedAt: string | null
  entries: EntryCheck[]
  /** Every problem found, in Spanish; empty when the packet is valid. */
  problems: string[]
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
const message = (error: unknown): string =>
  error instanceof AppError ? error.message : 'El paquete no se pudo leer por un error inesperado.'

export async function inspectPacket(bytes: Buffer): Promise<{ packet: Packet | null; report: PacketCheckReport }> {
  const report: PacketCheckReport = { valid: false, packetId: null, manifestSha256: null, session: null, exportedBy: null, exportedAt: null, entries: [], problems: [] }
  let zip: ZipListing
  try {
    zip = await openZip(bytes)
  } catch (error) {
    report.problems.push(message(error))
    return { packet: null, report }
  }
  try {
    const manifestRead = await readManifest(zip)
    const { manifest, manifestBytes } = manifestRead
    report.packetId = manifest.packetId
    report.manifestSha256 = sha256(manifestBytes)
    report.session = manifest.session
    report.exportedBy = manifest.exportedBy
    report.exportedAt = manifest.exportedAt

    const files = new Map<string, Buffer>()
    const declared = new Set(manifest.entries.map((entry) => entry.name))
    for (const entry of manifest.entries) {
      const check: EntryCheck = { name: entry.name, size: entry.size, sha256: entry.sha256, status: 'correcto', problem: null }
      report.entries.push(check)
      const zipEntry = zip.entries.get(entry.name)
      const shown = `«${displayName(entry.name)}»`
      if (!zipEntry) {
        check.status = 'falta'
        check.problem = `Falta la entrada ${shown}, declarada en el manifiesto.`
        continue
      }
      if (zipEntry.uncompressedSize !== entry.size) {
        check.status = 'tamano-distinto'
        check.problem = `La entrada ${shown} mide ${zipEntry.uncompressedSize} bytes y el manifiesto declara ${entry.size}.`
        continue
      }
      let content: Buffer
      try {
        content = await zip.read(entry.name)
      } catch (error) {
        check.status = 'ilegible'
        check.problem = message(error)
        continue
      }
      if (sha256(content) !== entry.sha256) {
        check.status = 'alterado'
        check.problem = `La entrada ${shown} fue modificada: su SHA-256 no coincide con el del manifiesto.`
        continue
      }
      files.set(entry.name, content)
    }
    for (const name of zip.entries.keys()) {
      if (name === MANIFEST_ENTRY || declared.has(name)) continue
      report.entries.push({ name, size: null, sha256: null, status: 'no-declarado', problem: `La entrada «${displayName(name)}» no está declarada en el manifiesto.` })
    }
    report.problems.push(...report.entries.flatMap((entry) => (entry.problem ? [entry.problem] : [])))
    if (report.problems.length > 0) return { packet: null, report }

    const contents = interpretContents(manifest, files)
    if (typeof contents === 'string') {
      report.problems.push(contents)
      return { packet: null, report }
    }
    report.valid = true
    return { packet: { manifest, manifestBytes, manifestSha256: sha256(manifestBytes), ...contents, files }, report }
  } catch (error) {
    report.problems.push(message(error))
    return { packet: null, report }
  } finally {
    zip.close()
  }
}

/** The packet, fully verified; any problem refuses it with a Spanish AppError('VALIDACION'). */
export async function readPacket(bytes: Buffer): Promise<Packet> {
  const { packet, report } = await inspectPacket(bytes)
  if (!packet) {
    const [first, ...rest] = report.problems
    const more = rest.length > 0 ? ` (y ${rest.length} ${rest.length === 1 ? 'problema más' : 'problemas más'})` : ''
    throw new AppError('VALIDACION', `${first ?? 'El paquete no es válido.'}${more}`)
  }
  return packet
}

/** What `packet check` prints: every entry with its state, and every problem. */
export async function checkPacket(bytes: Buffer): Promise<PacketCheckReport> {
  return (await inspectPacket(bytes)).report
}

const refuse = (text: string): AppError => new AppError('VALIDACION', text)

async function readManifest(zip: ZipListing): Promise<{ manifest: PacketManifest; manifestBytes: Buffer }> {
  if (!zip.entries.has(MANIFEST_ENTRY)) throw refuse('El paquete no tiene manifiesto (manifest.json): no es un paquete de revisión o está incompleto.')
  const manifestBytes = await zip.read(MANIFEST_ENTRY, MAX_MANIFEST_BYTES)
  const raw = parseJson(manifestBytes, 'El manifiesto (manifest.json)')
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw refuse('El manifiesto (manifest.json) no es un objeto JSON.')
  const { format, formatVersion } = raw as Record<string, unknown>
  if (format !== PACKET_FORMAT) {
    throw refuse(`El archivo no es un paquete de revisión de Secretariado (formato ${typeof format === 'string' ? `«${displayName(format)}»` : 'no indicado'}).`)
  }
  if (formatVersion !== PACKET_FORMAT_VERSION) {
    if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > PACKET_FORMAT_VERSION) {
      throw refuse(`El paquete usa la versión ${formatVersion} del formato, más reciente que la que esta aplicación conoce (${PACKET_FORMAT_VERSION}). Actualice Secretariado para abrirlo.`)
    }
    throw refuse(`El paquete indica una versión de formato desconocida (${displayName(String(formatVersion))}); esta aplicación lee la versión ${PACKET_FORMAT_VERSION}.`)
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) throw refuse(`El manifiesto (manifest.json) no es válido: ${describeZodError(parsed.error, 3)}.`)
  const manifest = parsed.data
  const seen = new Set<string>()
  for (const entry of manifest.entries) {
    if (entry.name === MANIFEST_ENTRY) throw refuse('El manifiesto se declara a sí mismo entre las entradas.')
    if (seen.has(nameKey(entry.name))) throw refuse(`El manifiesto declara dos veces la entrada «${displayName(entry.name)}».`)
    seen.add(nameKey(entry.name))
  }
  for (const required of [AGENDA_ENTRY, PACK_PDF_ENTRY]) {
    if (!seen.has(required)) throw refuse(`El manifiesto no declara «${required}», que todo paquete de revisión incluye.`)
  }
  return { manifest, manifestBytes }
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    throw refuse(`${what} no es JSON válido.`)
  }
}

/** agenda.json and acta-anterior.json: valid, about the manifest's session, and pointing only at declared entries. */
function interpretContents(manifest: PacketManifest, files: ReadonlyMap<string, Buffer>): { agenda: AgendaDocument; previousActa: PreviousActaDocument | null } | string {
  const declared = new Map(manifest.entries.map((entry) => [entry.name, entry]))
  const agendaBytes = files.get(AGENDA_ENTRY)
  if (!agendaBytes) return 'Falta el orden del día (agenda.json).'
  if (agendaBytes.length > MAX_JSON_ENTRY_BYTES) return `El orden del día (agenda.json) supera ${sizeLabel(MAX_JSON_ENTRY_BYTES)}.`
  let agenda: AgendaDocument
  try {
    const parsed = agendaDocumentSchema.safeParse(parseJson(agendaBytes, 'El orden del día (agenda.json)'))
    if (!parsed.success) return `El orden del día (agenda.json) no es válido: ${describeZodError(parsed.error, 3)}.`
    agenda = parsed.data
  } catch (error) {
    return message(error)
  }
  if (agenda.sessionId !== manifest.session.id) return 'El orden del día (agenda.json) es de otra sesión que la del manifiesto.'
  const ids = new Set<string>()
  const topLevel = new Set<string>()
  const referenced = new Set<string>()
  for (const item of agenda.items) {
    if (ids.has(item.id)) return `El orden del día repite el punto «${item.id}».`
    ids.add(item.id)
    if (item.parentId === null) topLevel.add(item.id)
    else if (!topLevel.has(item.parentId)) return `El punto ${item.number} del orden del día depende de un punto que no lo precede.`
    for (const attachment of item.attachments) {
      const entry = declared.get(attachment.entry)
      if (!entry || !isAttachmentEntry(attachment.entry)) return `El adjunto «${displayName(attachment.fileName)}» del punto ${item.number} no está en el paquete.`
      if (entry.sha256 !== attachment.sha256 || entry.size !== attachment.size) return `El adjunto «${displayName(attachment.fileName)}» del punto ${item.number} no coincide con el manifiesto.`
      referenced.add(attachment.entry)
    }
  }
  const orphan = manifest.entries.find((entry) => isAttachmentEntry(entry.name) && !referenced.has(entry.name))
  if (orphan) return `La entrada «${displayName(orphan.name)}» no es adjunto de ningún punto del orden del día.`

  let previousActa: PreviousActaDocument | null = null
  const actaBytes = files.get(PREVIOUS_ACTA_JSON_ENTRY)
  if (actaBytes) {
    if (actaBytes.length > MAX_JSON_ENTRY_BYTES) return `El acta anterior (acta-anterior.json) supera ${sizeLabel(MAX_JSON_ENTRY_BYTES)}.`
    try {
      const parsed = previousActaSchema.safeParse(parseJson(actaBytes, 'El acta anterior (acta-anterior.json)'))
      if (!parsed.success) return `El acta anterior (acta-anterior.json) no es válida: ${describeZodError(parsed.error, 3)}.`
      previousActa = parsed.data
    } catch (error) {
      return message(error)
    }
    if (previousActa.pdf !== null && !declared.has(previousActa.pdf)) return 'El acta anterior menciona un PDF que no está en el paquete.'
  } else if (declared.has(PREVIOUS_ACTA_PDF_ENTRY)) {
    return 'El paquete tiene el PDF del acta anterior pero no sus datos (acta-anterior.json).'
  }
  return { agenda, previousActa }
}
