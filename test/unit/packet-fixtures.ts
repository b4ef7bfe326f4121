/**
 * Fixtures for the packet tests: a secretariat's data with real attachment
 * files (added through the bridge, as the demo data has none), a member's
 * empty app, and tools to build or damage zips byte by byte: the zip
 * writer refuses hostile names, so those are patched in afterwards.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import yauzl from 'yauzl'
import { ZipFile } from 'yazl'
import { openBridge, writeDemoData, type Bridge } from '../support/bridge'
import { NOW, TODAY } from '../support/clock'
import { tempFolder } from './helpers'

export { NOW, TODAY }
/** Convocada for today in the demo data (seed 11, 6 sessions). */
export const SESSION_ID = 'ses-2026-so05'
/** Concluded: a packet for it is refused. */
export const HELD_SESSION_ID = 'ses-2026-so04'

export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex')

export interface AddedFile {
  itemId: string
  fileName: string
  content: Buffer
}

/**
 * The secretariat: demo data on disk, and four documents attached to the
 * Quinta Sesión Ordinaria through `addAttachment` (names with accents, and
 * two different files with the same name on one item).
 */
export async function secretariat(sessions = 6): Promise<Bridge & { folder: string; files: AddedFile[] }> {
  const folder = await tempFolder()
  const dataFile = join(folder, 'secretariado.json')
  await writeDemoData(dataFile, { sessions, seed: 11 })
  const bridge = await openBridge(dataFile)
  const files: AddedFile[] = []
  if (sessions >= 5) {
    const detail = await bridge.call('getSession', { id: SESSION_ID })
    const [, , , followUp, substantive] = detail.session.agenda
    if (!followUp || !substantive) throw new Error('La sesión de demostración cambió: ajuste secretariat()')
    const wanted: AddedFile[] = [
      { itemId: substantive.id, fileName: 'Informe del portal de datos abiertos — versión preliminar.pdf', content: fakePdf('Informe del portal: ¿qué cambió? Año 2026, señalética y diseño.') },
      { itemId: substantive.id, fileName: 'Anexo estadístico.csv', content: Buffer.from('\uFEFFmunicipio,conjuntos\nGuadalajara,120\nZapopan,95\nTlajomulco de Zúñiga,40\n', 'utf8') },
      { itemId: substantive.id, fileName: 'Anexo estadístico.csv', content: Buffer.from('\uFEFFclave,estado\nSTL-SO04-2026-01,vencido\n', 'utf8') },
      { itemId: followUp.id, fileName: 'Notas de seguimiento.txt', content: Buffer.from('Avance de los acuerdos pendientes: revisión con la Secretaría de la Hacienda Pública.\n', 'utf8') },
    ]
    for (const file of wanted) {
      await bridge.call('addAttachment', { sessionId: SESSION_ID, itemId: file.itemId, fileName: file.fileName, contentBase64: file.content.toString('base64') })
      files.push(file)
    }
  }
  return { ...bridge, folder, files }
}

/** A member's own copy of the app: empty data, nothing of the secretariat's. */
export async function memberApp(): Promise<Bridge> {
  const folder = await tempFolder()
  return openBridge(join(folder, 'secretariado.json'))
}

/** Bytes that look like a small PDF, unique per text. */
export function fakePdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${text}\n${'0123456789abcdef'.repeat(64)}\n%%EOF\n`, 'utf8')
}

// ── zips ─────────────────────────────────────────────────────────────────

export interface RawEntry {
  name: string
  data: Buffer
  compress?: boolean
  /** The Unix mode recorded for the entry (e.g. 0o120777 for a symbolic link); a plain file by default. */
  mode?: number
}

export function makeZip(entries: readonly RawEntry[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile()
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
    for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: entry.compress ?? false, mtime: NOW, ...(entry.mode === undefined ? {} : { mode: entry.mode }) })
    zip.end()
  })
}

/** Every entry of a trusted zip (the tests' own), in order. */
export async function unzip(bytes: Buffer): Promise<RawEntry[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true })
  const entries: RawEntry[] = []
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry)
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    entries.push({ name: entry.fileName, data: Buffer.concat(chunks), compress: entry.compressionMethod === 8 })
  }
  zip.close()
  return entries
}

/** A manifest listing `entries` with their real sizes and SHA-256, plus `changes`. */
export function manifestFor(entries: readonly RawEntry[], changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'secretariado-paquete',
    formatVersion: 1,
    packetId: 'paq-0123456789abcdef',
    organization: 'Gobierno Abierto Jalisco',
    bodyName: 'Secretariado Técnico Local',
    session: {
      id: SESSION_ID,
      key: 'STL-SO05-2026',
      title: 'Quinta Sesión Ordinaria 2026',
      type: 'ordinaria',
      date: TODAY,
      startTime: '11:00',
      modality: 'presencial',
      venue: 'Casa Jalisco',
      link: '',
      status: 'convocada',
    },
    exportedBy: 'Secretaría Técnica',
    exportedAt: NOW.toISOString(),
    entries: entries.map((entry) => ({ name: entry.name, size: entry.data.length, sha256: sha256(entry.data) })),
    ...changes,
  }
}

/** The smallest valid packet: an agenda of one item with one attachment, and a guide PDF. */
export function minimalEntries(): RawEntry[] {
  const attachment = fakePdf('Documento de apoyo del punto 1')
  const agenda = {
    sessionId: SESSION_ID,
    startTime: '11:00',
    expectedEnd: '11:30',
    items: [
      {
        id: 'pto-uno',
        parentId: null,
        number: '1',
        title: 'Presentación del informe',
        type: 'informativo',
        presenter: 'ITEI',
        minutes: 30,
        start: '11:00',
        end: '11:30',
        attachments: [{ id: 'adj-uno', fileName: 'Informe.pdf', entry: 'adjuntos/punto-1-informe.pdf', size: attachment.length, sha256: sha256(attachment) }],
      },
    ],
    pendingAgreements: [],
  }
  return [
    { name: 'agenda.json', data: Buffer.from(JSON.stringify(agenda)), compress: true },
    { name: 'paquete.pdf', data: fakePdf('Guía del paquete') },
    { name: 'adjuntos/punto-1-informe.pdf', data: attachment },
  ]
}

/** A packet of `entries` whose manifest declares `declared` (by default, the same entries). */
export async function packetOf(entries: readonly RawEntry[], options: { declared?: readonly RawEntry[]; manifest?: Record<string, unknown> } = {}): Promise<Buffer> {
  const manifest = manifestFor(options.declared ?? entries, options.manifest)
  return makeZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)), compress: true }, ...entries])
}

/** Replaces a name everywhere it appears (local header and central directory); the new name must be as long. */
export function renameEntry(zip: Buffer, from: string, to: string, only: 'todas' | 'central' = 'todas'): Buffer {
  const a = Buffer.from(from, 'latin1')
  const b = Buffer.from(to, 'latin1')
  if (a.length !== b.length) throw new Error('renameEntry: los nombres deben medir lo mismo')
  const copy = Buffer.from(zip)
  const positions: number[] = []
  for (let at = copy.indexOf(a); at !== -1; at = copy.indexOf(a, at + 1)) positions.push(at)
  if (positions.length === 0) throw new Error(`renameEntry: no se encontró ${from}`)
  const targets = only === 'central' ? positions.slice(-1) : positions
  for (const at of targets) b.copy(copy, at)
  return copy
}

interface CentralHeader {
  offset: number
  name: string
}

/** The central directory's headers, found from the end-of-central-directory record. */
function centralHeaders(zip: Buffer): CentralHeader[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const headers: CentralHeader[] = []
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('centralHeaders: firma inesperada')
    const nameLength = zip.readUInt16LE(at + 28)
    headers.push({ offset: at, name: zip.toString('latin1', at + 46, at + 46 + nameLength) })
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return headers
}

/** Rewrites fields of one entry's central directory header: what the index declares, not what is stored. */
export function patchCentral(zip: Buffer, name: string, fields: { uncompressedSize?: number; flags?: number; localHeaderOffset?: number }): Buffer {
  const copy = Buffer.from(zip)
  const header = centralHeaders(copy).find((candidate) => candidate.name === name)
  if (!header) throw new Error(`patchCentral: no está ${name}`)
  if (fields.uncompressedSize !== undefined) copy.writeUInt32LE(fields.uncompressedSize, header.offset + 24)
  if (fields.flags !== undefined) copy.writeUInt16LE(fields.flags, header.offset + 8)
  if (fields.localHeaderOffset !== undefined) copy.writeUInt32LE(fields.localHeaderOffset, header.offset + 42)
  return copy
}
