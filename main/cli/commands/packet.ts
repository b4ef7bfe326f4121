/**
 * `packet export`: a review packet for a session not yet held (the data file
 * is only read). `packet check`: verifies a packet's manifest and the SHA-256
 * of every entry, prints a Spanish report, and fails on any problem.
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writePdfFile } from '../../core/documents/write-pdf'
import { longSpanishDate, mexicoDate, mexicoTime } from '../../core/domain/dates'
import { AppError } from '../../core/errors'
import { attachmentCount, buildPacketFile, sessionForPacket } from '../../core/packets/build'
import { MAX_PACKET_BYTES, sizeLabel } from '../../core/packets/limits'
import { checkPacket, type EntryStatus } from '../../core/packets/read'
import { isCode } from '../../core/store/lock'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'

export interface PacketExportArgs {
  file: string
  /** A session id or `next`. */
  session: string
  out: string
  /** `AAAA-MM-DD`: the day `next` is counted from and the packet is dated; now by default. */
  today?: string
}

export async function runPacketExport(args: PacketExportArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const session = sessionForPacket(data, args.session, mexicoDate(now))
  const built = await buildPacketFile(data, session.id, dirname(args.file), now)
  const target = await writePdfFile(args.out, built.bytes, args.file)
  console.log(
    `Paquete de revisión de la ${built.manifest.session.title} escrito en ${target}: ${built.manifest.entries.length + 1} entradas, ` +
      `${attachmentCount(built.manifest)} adjuntos, ${sizeLabel(built.bytes.length)}. Identificador: ${built.packetId}.`,
  )
  return 0
}

const STATUS_LABELS: Record<EntryStatus, string> = {
  correcto: 'correcto',
  alterado: 'ALTERADO',
  'tamano-distinto': 'TAMAÑO DISTINTO',
  falta: 'FALTA',
  'no-declarado': 'NO DECLARADO',
  ilegible: 'ILEGIBLE',
}

export async function runPacketCheck(file: string): Promise<number> {
  const bytes = await readPacketBytes(file)
  const report = await checkPacket(bytes)
  if (report.session && report.packetId) {
    const at = report.exportedAt ? new Date(report.exportedAt) : null
    console.log(`Paquete ${report.packetId}: ${report.session.title} (${report.session.key}), ${longSpanishDate(report.session.date)}.`)
    if (at) console.log(`Preparado por ${report.exportedBy ?? '—'} el ${longSpanishDate(mexicoDate(at))} a las ${mexicoTime(at)}.`)
    console.log(`Manifiesto SHA-256 ${report.manifestSha256 ?? '—'}`)
  }
  const width = Math.max(0, ...report.entries.map((entry) => STATUS_LABELS[entry.status].length))
  for (const entry of report.entries) {
    const size = entry.size === null ? '' : ` (${sizeLabel(entry.size)})`
    console.log(`  ${STATUS_LABELS[entry.status].padEnd(width)}  ${entry.name}${size}`)
  }
  if (report.valid) {
    console.log(`Paquete válido: el manifiesto y las ${report.entries.length} entradas coinciden con sus huellas SHA-256.`)
    return 0
  }
  for (const problem of report.problems) console.log(`Problema: ${problem}`)
  const [first, ...rest] = report.problems
  console.error(`Error: el paquete no es válido. ${first ?? ''}${rest.length > 0 ? ` (y ${rest.length} más)` : ''}`)
  return 1
}

async function readPacketBytes(file: string): Promise<Buffer> {
  try {
    const info = await stat(file)
    if (info.size > MAX_PACKET_BYTES) throw new AppError('VALIDACION', `${file} mide ${sizeLabel(info.size)}; un paquete de revisión admite como máximo ${sizeLabel(MAX_PACKET_BYTES)}.`)
    return await readFile(file)
  } catch (error) {
    if (error instanceof AppError) throw error
    if (isCode(error, 'ENOENT')) throw new AppError('NO_ENCONTRADO', `No existe el archivo ${file}.`)
    throw new AppError('LECTURA', `No se pudo leer el archivo ${file}.`, { cause: error })
  }
}
