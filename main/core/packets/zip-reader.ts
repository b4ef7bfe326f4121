/**
 * Reading an untrusted zip with yauzl, bounded at every step.
 *
 * - Names come raw from the central directory (`decodeStrings: false`), so the
 *   name checked is the name used: no Unicode-path extra field can swap it,
 *   and every refusal has our Spanish message instead of yauzl's English one.
 * - Every size is checked against the limits before a byte is inflated;
 *   `validateEntrySizes` makes yauzl fail an entry that inflates to more
 *   than it declared, and our own counter stops reading at the declared size
 *   anyway (a zip bomb costs at most the declared, limited, bytes).
 * - The local header of every entry must repeat the central directory's name,
 *   and no two entries may share bytes (overlapping entries are how the
 *   smallest zip bombs are built).
 *
 * - Entries that are symbolic links or folders (per the Unix mode a zip tool
 *   records) are refused: an extracted link could point anywhere.
 *
 * Every failure is an AppError('VALIDACION') with a Spanish message. A review
 * packet is read with the defaults; another archive of the app (the full
 * backup) passes its own name rule, limits and words through `ZipReadOptions`.
 */
import type { Readable } from 'node:stream'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { AppError } from '../errors'
import { displayName, entryNameProblem, nameKey } from './entry-names'
import { MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_PACKET_BYTES, sizeLabel } from './limits'

const refuse = (message: string): AppError => new AppError('VALIDACION', message)

/** How messages name the archive: «El paquete está dañado», «un paquete de revisión», what to do when it is cut short. */
export interface ZipTerms {
  /** A masculine noun: «paquete», «respaldo». */
  noun: string
  /** «un paquete de revisión». */
  kind: string
  /** Said after «está incompleto (truncado)…». */
  truncatedHint: string
}

export interface ZipReadOptions {
  /** Why a name is refused, or null; by default the review packet's rule. */
  nameProblem?: (name: string) => string | null
  terms?: ZipTerms
  maxFileBytes?: number
  maxTotalBytes?: number
  maxEntries?: number
  maxEntryBytes?: number
}

const PACKET_TERMS: ZipTerms = { noun: 'paquete', kind: 'un paquete de revisión', truncatedHint: 'Pida que se lo envíen de nuevo.' }

type ReadSettings = Required<ZipReadOptions>

function settingsOf(options: ZipReadOptions): ReadSettings {
  return {
    nameProblem: options.nameProblem ?? entryNameProblem,
    terms: options.terms ?? PACKET_TERMS,
    maxFileBytes: options.maxFileBytes ?? MAX_PACKET_BYTES,
    maxTotalBytes: options.maxTotalBytes ?? MAX_PACKET_BYTES,
    maxEntries: options.maxEntries ?? MAX_ENTRIES,
    maxEntryBytes: options.maxEntryBytes ?? MAX_ENTRY_BYTES,
  }
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000

/** A symbolic link, folder or device, as far as the entry's recorded Unix mode says (entries from other systems carry none). */
function isSpecialEntry(entry: Entry): boolean {
  const mode = (entry.externalFileAttributes >>> 16) & 0xffff
  const madeOnUnix = entry.versionMadeBy >> 8 === 3
  return madeOnUnix && mode !== 0 && (mode & S_IFMT) !== S_IFREG
}

export interface ZipListing {
  /** Entries by exact name, in the order of the central directory. */
  readonly entries: ReadonlyMap<string, Entry>
  /** The entry's bytes, refusing more than `limit` or than the entry declared. */
  read(name: string, limit?: number): Promise<Buffer>
  close(): void
}

/** Names are ASCII by rule; anything else is refused by `entryNameProblem`, so latin1 decoding loses nothing. */
function rawName(entry: Entry): string {
  const raw = (entry as unknown as { fileNameRaw: Buffer }).fileNameRaw
  return raw.toString('latin1')
}

export async function openZip(bytes: Buffer, options: ZipReadOptions = {}): Promise<ZipListing> {
  const settings = settingsOf(options)
  const { noun, kind } = settings.terms
  if (bytes.length === 0) throw refuse(`El archivo está vacío: no es ${kind}.`)
  if (bytes.length > settings.maxFileBytes) {
    throw refuse(`El archivo mide ${sizeLabel(bytes.length)}; ${kind} admite como máximo ${sizeLabel(settings.maxFileBytes)}.`)
  }
  let zip: ZipFile
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false, strictFileNames: false })
  } catch (error) {
    throw openError(bytes, error, settings.terms)
  }
  try {
    const entries = await listEntries(zip, settings)
    await checkLocalHeaders(zip, entries, bytes.length, settings.terms)
    return {
      entries,
      read: (name, limit = settings.maxEntryBytes) => {
        const entry = entries.get(name)
        if (!entry) return Promise.reject(refuse(`Falta la entrada «${displayName(name)}» en el ${noun}.`))
        return readEntry(zip, name, entry, limit, noun)
      },
      close: () => zip.close(),
    }
  } catch (error) {
    zip.close()
    throw error
  }
}

function openError(bytes: Buffer, error: unknown, { noun, kind, truncatedHint }: ZipTerms): AppError {
  const message = error instanceof Error ? error.message : ''
  const looksLikeZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  if (/End of central directory record signature not found/i.test(message)) {
    return looksLikeZip
      ? refuse(`El ${noun} está incompleto (truncado): falta el índice del archivo zip. ${truncatedHint}`)
      : refuse(`El archivo no es ${kind}: no es un archivo zip.`)
  }
  if (/multi-disk/i.test(message)) return refuse(`El ${noun} está dividido en varios volúmenes; ${kind} es un solo archivo.`)
  return refuse(`El ${noun} está dañado: el índice del archivo zip no es válido.`)
}

async function listEntries(zip: ZipFile, settings: ReadSettings): Promise<Map<string, Entry>> {
  const { noun, kind } = settings.terms
  if (zip.entryCount > settings.maxEntries) throw refuse(`El ${noun} tiene ${zip.entryCount} entradas; el máximo es ${settings.maxEntries}.`)
  const entries = new Map<string, Entry>()
  const keys = new Set<string>()
  let total = 0
  try {
    for await (const entry of zip.eachEntry()) {
      const name = rawName(entry)
      const problem = settings.nameProblem(name)
      if (problem) throw refuse(problem)
      const shown = `«${displayName(name)}»`
      if (keys.has(nameKey(name))) throw refuse(`La entrada ${shown} aparece repetida en el ${noun}.`)
      keys.add(nameKey(name))
      if (isSpecialEntry(entry)) throw refuse(`La entrada ${shown} es un enlace simbólico o una carpeta, no un archivo; ${kind} sólo contiene archivos.`)
      if (entry.isEncrypted()) throw refuse(`La entrada ${shown} está cifrada; ${kind} no usa cifrado.`)
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw refuse(`La entrada ${shown} usa un método de compresión no admitido (${entry.compressionMethod}).`)
      }
      if (entry.uncompressedSize > settings.maxEntryBytes) {
        throw refuse(`La entrada ${shown} declara ${sizeLabel(entry.uncompressedSize)}; cada entrada admite como máximo ${sizeLabel(settings.maxEntryBytes)}.`)
      }
      total += entry.uncompressedSize
      if (total > settings.maxTotalBytes) {
        throw refuse(`El contenido del ${noun} supera ${sizeLabel(settings.maxTotalBytes)} sin comprimir; no se abre (posible bomba de descompresión).`)
      }
      entries.set(name, entry)
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    const message = error instanceof Error ? error.message : ''
    if (/stored file/i.test(message)) throw refuse(`El ${noun} está dañado: una entrada sin comprimir declara dos tamaños distintos.`)
    throw refuse(`El ${noun} está dañado o incompleto: no se pudo leer su índice.`)
  }
  if (entries.size !== zip.entryCount) throw refuse(`El ${noun} está dañado: su índice no tiene las entradas que anuncia.`)
  return entries
}

/** The local header must repeat the name, and the entries' bytes must not overlap or run past the file. */
async function checkLocalHeaders(zip: ZipFile, entries: ReadonlyMap<string, Entry>, fileSize: number, { noun }: ZipTerms): Promise<void> {
  const ranges: { start: number; end: number; name: string }[] = []
  for (const [name, entry] of entries) {
    const shown = `«${displayName(name)}»`
    let header: Awaited<ReturnType<ZipFile['readLocalFileHeaderPromise']>>
    try {
      header = await zip.readLocalFileHeaderPromise(entry)
    } catch {
      throw refuse(`La entrada ${shown} está dañada o el ${noun} está incompleto.`)
    }
    if (!Buffer.from(header.fileName).equals((entry as unknown as { fileNameRaw: Buffer }).fileNameRaw)) {
      throw refuse(`La entrada ${shown} tiene otro nombre en su encabezado local; el ${noun} fue alterado.`)
    }
    const end = header.fileDataStart + entry.compressedSize
    if (end > fileSize) throw refuse(`La entrada ${shown} está incompleta: el ${noun} está truncado.`)
    ranges.push({ start: entry.relativeOffsetOfLocalHeader, end, name })
  }
  ranges.sort((a, b) => a.start - b.start)
  for (let index = 1; index < ranges.length; index++) {
    const previous = ranges[index - 1]
    const current = ranges[index]
    if (previous && current && current.start < previous.end) {
      throw refuse(`Las entradas «${displayName(previous.name)}» y «${displayName(current.name)}» comparten datos (posible bomba de descompresión).`)
    }
  }
}

async function readEntry(zip: ZipFile, name: string, entry: Entry, limit: number, noun: string): Promise<Buffer> {
  const shown = `«${displayName(name)}»`
  if (entry.uncompressedSize > limit) throw refuse(`La entrada ${shown} mide ${sizeLabel(entry.uncompressedSize)}; el máximo para ella es ${sizeLabel(limit)}.`)
  let stream: Readable
  try {
    stream = await zip.openReadStreamPromise(entry)
  } catch {
    throw refuse(`La entrada ${shown} está dañada o el ${noun} está incompleto.`)
  }
  const declared = entry.uncompressedSize
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let count = 0
    let settled = false
    const fail = (error: AppError): void => {
      if (settled) return
      settled = true
      stream.destroy()
      reject(error)
    }
    stream.on('data', (chunk: Buffer) => {
      count += chunk.length
      if (count > declared) {
        fail(refuse(`La entrada ${shown} contiene más datos de los que declara (posible bomba de descompresión).`))
        return
      }
      chunks.push(chunk)
    })
    stream.on('error', (error: Error) => {
      if (/too many bytes/i.test(error.message)) fail(refuse(`La entrada ${shown} contiene más datos de los que declara (posible bomba de descompresión).`))
      else if (/not enough bytes/i.test(error.message)) fail(refuse(`La entrada ${shown} está incompleta: tiene menos datos de los que declara.`))
      else fail(refuse(`La entrada ${shown} está dañada: no se pudo descomprimir.`))
    })
    stream.on('end', () => {
      if (settled) return
      settled = true
      if (count !== declared) reject(refuse(`La entrada ${shown} está incompleta: tiene menos datos de los que declara.`))
      else resolve(Buffer.concat(chunks, count))
    })
  })
}
