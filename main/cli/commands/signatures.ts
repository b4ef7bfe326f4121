/**
 * `signatures start|status|receive|current FILE --session ID|latest …`: the
 * signature circuit of a held session's acta from the command line, through
 * the same core functions as the app. `start` puts the session «en firma»
 * and writes the first file to send; each signer signs the file they receive
 * (`sign --field`) and `receive` takes it back, refused unless it is exactly
 * the current revision plus that one signature; `current` writes the file to
 * send next; `status` tells who signed and who is next.
 */
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { CircuitSignerView, SignatureCircuitView } from '../../core/contract/views'
import { sessionForActa } from '../../core/documents/select-session'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate, mexicoTime } from '../../core/domain/dates'
import { sessionTitle } from '../../core/domain/session-title'
import { AppError } from '../../core/errors'
import { circuitView, currentActa, receiveSigned, startCircuit } from '../../core/ipc/handlers/circuit'
import type { Session } from '../../core/model/schema'
import { readDataFile } from '../../core/store/read-data-file'
import { COMMAND_LINE_PROGRAM, COMMAND_LINE_WAIT_MS } from '../../core/store/lock'
import { Store } from '../../core/store/store'
import { readInput } from '../credentials'

interface CircuitArgs {
  file: string
  /** A session id or `latest`. */
  session: string
}

export interface SignaturesStartArgs extends CircuitArgs {
  /** Member ids in the order they sign; null: the expected order. */
  signers: string[] | null
  out: string
}

export interface SignaturesStatusArgs extends CircuitArgs {
  json: boolean
}

export interface SignaturesReceiveArgs extends CircuitArgs {
  signed: string
}

export interface SignaturesCurrentArgs extends CircuitArgs {
  out: string
}

/** What `status --json` prints for each signer, in signing order. */
export interface SignerStatusJson {
  memberId: string
  name: string
  field: string
  status: 'pendiente' | 'firmada'
  signedAt: string | null
}

const STATE_LABELS: Record<SignatureCircuitView['state'], string> = {
  'sin-iniciar': 'circuito de firma sin iniciar',
  'en-firma': 'en firma',
  firmada: 'firmada',
}

/** The data file, which must exist (Store.open would create an empty one). */
async function existingDataFile(file: string): Promise<string> {
  const dataFile = resolve(file)
  if (!(await stat(dataFile).then((info) => info.isFile(), () => false))) throw new AppError('NO_ENCONTRADO', `No existe el archivo de datos ${file}.`)
  return dataFile
}

/** An output path that is not the data file. */
function outputPath(out: string, dataFile: string): string {
  const target = resolve(out)
  if (target === dataFile) throw new AppError('VALIDACION', 'El archivo de salida (--out) no puede ser el archivo de datos.')
  return target
}

/** Runs `work` on the opened data file; the store is always closed. */
async function withStore<T>(dataFile: string, now: () => Date, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open({ dataFile, now, program: { program: COMMAND_LINE_PROGRAM, command: 'signatures' }, waitForLockMs: COMMAND_LINE_WAIT_MS })
  try {
    if (store.state.kind !== 'ready') throw new AppError('SIN_DATOS', `El archivo de datos no se puede usar: ${store.state.problem}`)
    return await work(store)
  } finally {
    await store.close()
  }
}

/** "26 de noviembre de 2026" style is long for a table: `AAAA-MM-DD HH:MM` in Mexico City time. */
function shortDateTime(iso: string): string {
  const instant = new Date(iso)
  return `${mexicoDate(instant)} ${mexicoTime(instant)}`
}

function who(signer: CircuitSignerView): string {
  return `${signer.name} (${signer.capacity})`
}

function nextSigner(view: SignatureCircuitView): CircuitSignerView | undefined {
  return view.signers.find((signer) => signer.next) ?? view.signers.find((signer) => signer.status === 'pendiente')
}

/** The line that says who signs next, or that everyone has signed. */
function nextLine(view: SignatureCircuitView, session: Session): string {
  const next = nextSigner(view)
  if (view.state === 'firmada' || !next) return `Firmaron todas las personas previstas: el acta de la ${sessionTitle(session)} queda firmada.`
  return `Sigue: ${who(next)}, en el campo «${next.field}».`
}

export async function runSignaturesStart(args: SignaturesStartArgs, now: () => Date = () => new Date()): Promise<number> {
  const dataFile = await existingDataFile(args.file)
  const out = outputPath(args.out, dataFile)
  return withStore(dataFile, now, async (store) => {
    const session = sessionForActa(store.data, args.session)
    const result = await startCircuit(store, { sessionId: session.id, order: args.signers }, { now: now() })
    const view = circuitView(store.data, session.id)
    console.log(`Acta de la ${sessionTitle(session)} en firma.`)
    console.log(`Acta guardada en la carpeta de datos: ${result.storedPath}`)
    if (view.current) console.log(`SHA-256: ${view.current.sha256}`)
    console.log('Orden de firma:')
    view.signers.forEach((signer, index) => console.log(`  ${index + 1}. ${who(signer)} · campo «${signer.field}»`))
    let target: string
    try {
      target = await writePdfFile(out, result.bytes, dataFile)
    } catch (error) {
      // The circuit has started: the file to send can still be had with `current`.
      const reason = error instanceof Error ? error.message : 'error desconocido'
      throw new AppError('ESCRITURA', `El circuito de firma quedó iniciado, pero ${reason.replace(/^No se/, 'no se')} Obtenga el archivo con «signatures current».`, { cause: error })
    }
    console.log(`Archivo para enviar escrito en ${target}.`)
    console.log(nextLine(view, session))
    return 0
  })
}

export async function runSignaturesStatus(args: SignaturesStatusArgs): Promise<number> {
  await existingDataFile(args.file)
  // Only read: the status never touches the data file.
  const data = await readDataFile(args.file)
  const session = sessionForActa(data, args.session)
  const view = circuitView(data, session.id)
  if (args.json) {
    const rows: SignerStatusJson[] = view.signers.map(({ memberId, name, field, status, signedAt }) => ({ memberId, name, field, status, signedAt }))
    console.log(JSON.stringify(rows, null, 2))
    return 0
  }
  console.log(`Acta de la ${sessionTitle(session)}: ${STATE_LABELS[view.state]}${view.startedAt ? ` (desde el ${shortDateTime(view.startedAt)})` : ''}.`)
  if (view.signers.length === 0) {
    console.log('La sesión no tiene firmantes previstos.')
    return 0
  }
  const header = ['#', 'Nombre', 'Calidad', 'Estado', 'Fecha de firma', 'Sigue']
  const rows = view.signers.map((signer, index) => [
    String(index + 1),
    signer.name,
    signer.capacity,
    signer.status,
    signer.signedAt ? shortDateTime(signer.signedAt) : '—',
    signer.next ? 'sí' : '',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of rows) console.log(line(row))
  console.log('Fechas en hora del centro de México.')
  if (view.current) console.log(`Archivo actual: ${view.current.storedPath} (${view.current.signatures} de ${view.signers.length} firmas; SHA-256 ${view.current.sha256}).`)
  if (view.state !== 'sin-iniciar') console.log(nextLine(view, session))
  return 0
}

export async function runSignaturesReceive(args: SignaturesReceiveArgs, now: () => Date = () => new Date()): Promise<number> {
  const dataFile = await existingDataFile(args.file)
  const bytes = await readInput(args.signed, 'el PDF firmado')
  return withStore(dataFile, now, async (store) => {
    const session = sessionForActa(store.data, args.session)
    const before = circuitView(store.data, session.id)
    await receiveSigned(store, { sessionId: session.id, bytes }, { now: now() })
    const after = circuitView(store.data, session.id)
    const added = after.signers.filter((signer) => signer.status === 'firmada' && before.signers.find((old) => old.memberId === signer.memberId)?.status !== 'firmada')
    for (const signer of added) {
      const certificate = signer.certificate ? ` con el certificado de ${signer.certificate.name}${signer.certificate.rfc ? ` (RFC ${signer.certificate.rfc})` : ''}` : ''
      console.log(`Firma recibida: ${who(signer)}${certificate}${signer.signedAt ? `, el ${shortDateTime(signer.signedAt)} (hora del centro de México)` : ''}.`)
    }
    if (after.current) console.log(`Acta actual en la carpeta de datos: ${after.current.storedPath} (SHA-256 ${after.current.sha256}).`)
    console.log(nextLine(after, session))
    return 0
  })
}

export async function runSignaturesCurrent(args: SignaturesCurrentArgs): Promise<number> {
  const dataFile = await existingDataFile(args.file)
  const out = outputPath(args.out, dataFile)
  return withStore(dataFile, () => new Date(), async (store) => {
    const session = sessionForActa(store.data, args.session)
    const acta = await currentActa(store, session.id)
    const target = await writePdfFile(out, acta.bytes, dataFile)
    console.log(`Acta actual de la ${sessionTitle(session)} (${acta.fileName}) escrita en ${target}.`)
    console.log(`SHA-256: ${acta.sha256}`)
    return 0
  })
}
