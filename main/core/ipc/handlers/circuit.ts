/**
 * The signature circuit: an e.firma is personal, so the acta travels to each
 * signer and comes back with one more signature, while no key leaves its
 * owner. «Enviar a firma» stores the final acta (one reserved field per
 * expected signer) as the first revision and puts the session «en firma»;
 * each signed file received is accepted only when it is exactly the current
 * revision plus one incremental update adding one intact signature, in a
 * pending signer's field, by that signer, with nothing else changed. When
 * everyone has signed, the session is «firmada».
 *
 * The signer's side needs no data file: it reads the acta received, shows its
 * fields and signs one of them, returning the signed PDF.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { AppError } from '../../errors'
import type { signActaFileSchema } from '../../contract/document-inputs'
import type { ActaForSigningView, FileDownload, SessionDetail, SignatureCircuitView } from '../../contract/views'
import { certificateMatches, SIGNER_CAPACITY_LABELS, type ExpectedSigner } from '../../domain/signers'
import { sessionKey, sessionTitle } from '../../domain/session-title'
import type { Data, Session } from '../../model/schema'
import { describeSigner, signPdf, verifyPdf } from '../../signatures'
import { signatureAppearanceLines } from '../../signatures/appearance'
import { decodeTextString } from '../../signatures/pdf-syntax'
import { openPdfDocument, signatureFieldsOf } from '../../signatures/signature-fields'
import { writeFileDurable } from '../../store/durable-write'
import type { Store } from '../../store/store'
import { buildSessionDetail } from '../views'
import { sessionIn } from './session-access'
import { circuitComplete, openCredentials, readRevision, renderFinalActa, sha256, SIGNED_ACTAS_FOLDER, signatureView, signersOf, signerStatus } from './signing'
import { trustedRootsOf } from './trust'
import type { HandlerSet } from './types'

function findSession(data: Data, sessionId: string): Session {
  const session = data.sessions.find((candidate) => candidate.id === sessionId)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  return session
}

/** The signing order asked for, checked: each expected signer exactly once. */
function checkOrder(expected: readonly ExpectedSigner[], order: readonly string[]): string[] {
  const ids = expected.map((signer) => signer.memberId)
  const unknown = order.find((id) => !ids.includes(id))
  if (unknown !== undefined) throw new AppError('VALIDACION', 'El orden de firma incluye a alguien que no firma esta acta.')
  if (new Set(order).size !== order.length) throw new AppError('VALIDACION', 'El orden de firma repite a una persona.')
  const missing = expected.find((signer) => !order.includes(signer.memberId))
  if (missing) throw new AppError('VALIDACION', `El orden de firma no incluye a ${missing.name}.`)
  return [...order]
}

function revisionPath(store: Store, session: Session, digest: string): string {
  return `${SIGNED_ACTAS_FOLDER}/${sessionKey(store.data.settings.keyPrefix, session)}-${digest.slice(0, 16)}.pdf`
}

async function keep(store: Store, storedPath: string, bytes: Buffer): Promise<void> {
  // Read-only, locked or no longer the file's owner: nothing is written beside the data file.
  await store.assertCanWrite()
  await mkdir(join(store.dataFolder, SIGNED_ACTAS_FOLDER), { recursive: true })
  await writeFileDurable(join(store.dataFolder, storedPath), bytes)
}

/** «Enviar a firma»: the final acta becomes the first revision and the session goes «en firma». */
export async function startCircuit(
  store: Store,
  input: { sessionId: string; order: readonly string[] | null },
  options: { now: Date; fontsDir?: string },
): Promise<{ detail: SessionDetail; storedPath: string; bytes: Buffer }> {
  const session = findSession(store.data, input.sessionId)
  if (session.status === 'en-firma') throw new AppError('REGLA', 'El acta de esta sesión ya está en firma.')
  if (session.status === 'firmada') throw new AppError('REGLA', 'El acta de esta sesión ya está firmada.')
  if (session.status !== 'concluida') throw new AppError('REGLA', 'Sólo se envía a firma el acta de una sesión concluida.')
  if (session.signedActa) throw new AppError('REGLA', 'El acta de esta sesión ya tiene firmas; las siguientes se agregan al acta firmada.')
  const expected = signersOf(store.data, session)
  if (expected.length === 0) {
    throw new AppError('REGLA', 'Nadie está previsto para firmar: asigne la presidencia y la secretaría técnica de la sesión, o cambie en Configuración quién firma el acta.')
  }
  const order = input.order ? checkOrder(expected, input.order) : expected.map((signer) => signer.memberId)
  const { bytes, sha256: digest } = await renderFinalActa(store, session, options.fontsDir)
  const storedPath = revisionPath(store, session, digest)
  await keep(store, storedPath, bytes)
  const at = options.now.toISOString()
  await store.update((draft, tools) => {
    const target = sessionIn(draft, input.sessionId)
    target.status = 'en-firma'
    target.signatureCircuit = { startedAt: at, order, revisions: [{ storedPath, sha256: digest, length: bytes.length, at, memberId: null }] }
    target.updatedAt = tools.nowIso
    const names = order.map((memberId) => expected.find((signer) => signer.memberId === memberId)?.name ?? memberId).join(', ')
    tools.audit({ entity: 'sesion', entityId: input.sessionId, action: 'estado', summary: `Acta de la ${sessionTitle(target)} enviada a firma (${names}); SHA-256 ${digest}` })
  })
  return { detail: buildSessionDetail(store.data, input.sessionId, options.now), storedPath, bytes }
}

/** The circuit as the secretary follows it: who signed, who is pending, who is next, and the file to send. */
export function circuitView(data: Data, sessionId: string): SignatureCircuitView {
  const session = findSession(data, sessionId)
  const circuit = session.signatureCircuit
  const signers = signersOf(data, session)
  let nextMarked = false
  const views = signers.map((signer) => {
    const { signedAt } = signerStatus(session, signer)
    const entry = session.signedActa?.signers.find((done) => done.memberId === signer.memberId || done.field === signer.field)
    const next = circuit !== null && session.status === 'en-firma' && signedAt === null && !nextMarked
    if (next) nextMarked = true
    return {
      memberId: signer.memberId,
      name: signer.name,
      capacity: SIGNER_CAPACITY_LABELS[signer.capacity],
      field: signer.field,
      status: signedAt ? ('firmada' as const) : ('pendiente' as const),
      signedAt,
      certificate: entry ? { name: entry.name, rfc: entry.rfc, serial: entry.serial } : null,
      next,
    }
  })
  const current = circuit?.revisions[circuit.revisions.length - 1]
  return {
    sessionId,
    state: session.status === 'firmada' ? 'firmada' : session.status === 'en-firma' ? 'en-firma' : 'sin-iniciar',
    startedAt: circuit?.startedAt ?? null,
    signers: views,
    current:
      circuit && current
        ? { fileName: currentFileName(data, session), sha256: current.sha256, storedPath: current.storedPath, signatures: circuit.revisions.length - 1 }
        : null,
  }
}

function currentFileName(data: Data, session: Session): string {
  const signatures = (session.signatureCircuit?.revisions.length ?? 1) - 1
  const key = sessionKey(data.settings.keyPrefix, session)
  return session.status === 'firmada' ? `acta-firmada-${key}.pdf` : `acta-${key}-en-firma-${signatures}-firmas.pdf`
}

/** The file to send to the next signer: the last revision. */
export async function currentActa(store: Store, sessionId: string): Promise<{ fileName: string; bytes: Buffer; sha256: string }> {
  const session = findSession(store.data, sessionId)
  const circuit = session.signatureCircuit
  const current = circuit?.revisions[circuit.revisions.length - 1]
  if (!circuit || !current) throw new AppError('SIN_DATOS', 'El acta de esta sesión no se ha enviado a firma.')
  return { fileName: currentFileName(store.data, session), bytes: await readRevision(store, current), sha256: current.sha256 }
}

/** Receives a signed file back. Each refusal says why and changes nothing. */
export async function receiveSigned(store: Store, input: { sessionId: string; bytes: Buffer }, options: { now: Date }): Promise<SessionDetail> {
  const session = findSession(store.data, input.sessionId)
  const circuit = session.signatureCircuit
  if (session.status !== 'en-firma' || !circuit) throw new AppError('REGLA', 'El acta de esta sesión no está en firma.')
  const current = circuit.revisions[circuit.revisions.length - 1] as (typeof circuit.revisions)[number]
  const currentBytes = await readRevision(store, current)
  const received = input.bytes
  const members = new Map(store.data.members.map((member) => [member.id, member]))
  const nameOf = (memberId: string | null): string => (memberId ? (members.get(memberId)?.fullName ?? memberId) : 'alguien')

  if (received.equals(currentBytes)) throw new AppError('REGLA', 'El archivo recibido es el acta actual, sin una firma nueva. No se recibió nada.')
  if (!(received.length > currentBytes.length && received.subarray(0, currentBytes.length).equals(currentBytes))) {
    const older = circuit.revisions.slice(0, -1).findIndex((revision) => received.length > revision.length && sha256(received.subarray(0, revision.length)) === revision.sha256)
    if (older >= 0) {
      const between = circuit.revisions.slice(older + 1).map((revision) => nameOf(revision.memberId))
      throw new AppError(
        'REGLA',
        `La firma se hizo sobre una versión anterior del acta: después firmó ${between.join(', ')}. Envíe el archivo actual y pida que se firme ése. No se recibió nada.`,
      )
    }
    throw new AppError('REGLA', 'El archivo no es esta acta ni una de sus versiones en firma (puede ser otro documento o una copia alterada). No se recibió nada.')
  }

  let reports: ReturnType<typeof verifyPdf>
  try {
    reports = verifyPdf(received, options.now, { trustedRoots: trustedRootsOf(store.data) })
  } catch (error) {
    throw new AppError('LECTURA', `No se pudo verificar el archivo recibido: ${error instanceof Error ? error.message : 'error desconocido'}. No se recibió nada.`, { cause: error })
  }
  const added = reports.filter((report) => report.coveredBytes > currentBytes.length)
  if (added.length === 0) throw new AppError('REGLA', 'El archivo recibido no trae una firma nueva sobre el acta actual. No se recibió nada.')
  if (added.length > 1) throw new AppError('REGLA', 'El archivo trae más de una firma nueva: cada persona firma el acta actual y la devuelve. No se recibió nada.')
  const signature = added[0] as (typeof added)[number]
  if (!signature.intact) throw new AppError('REGLA', `La firma nueva no es válida: ${signature.problems.join(' ')} No se recibió nada.`)
  const modified = reports.find((report) => report.modifiedAfter)
  if (!signature.coversWholeDocument || modified) {
    const what = modified ? ` ${modified.changes.join(' ')}` : ''
    throw new AppError('REGLA', `El archivo se modificó después de firmarse.${what} No se recibió nada.`)
  }
  const signers = signersOf(store.data, session)
  const target = signers.find((signer) => signer.field === signature.field)
  if (!target) throw new AppError('REGLA', 'La firma no está en ninguno de los espacios reservados del acta. No se recibió nada.')
  if (signerStatus(session, target).signedAt !== null) throw new AppError('REGLA', `El espacio de firma de ${target.name} ya estaba firmado. No se recibió nada.`)
  if (!certificateMatches(members.get(target.memberId), signature.signer, signature.rfc)) {
    const expectedOther = signers.find((signer) => signerStatus(session, signer).signedAt === null && certificateMatches(members.get(signer.memberId), signature.signer, signature.rfc))
    const hint = expectedOther ? ` ${expectedOther.name} debe firmar en su propio espacio.` : ''
    throw new AppError(
      'REGLA',
      `La firma es de ${signature.signer ?? 'una persona sin nombre en su certificado'}${signature.rfc ? ` (${signature.rfc})` : ''}, que no es quien debe firmar en ese espacio (${target.name}).${hint} No se recibió nada.`,
    )
  }

  const digest = sha256(received)
  const storedPath = revisionPath(store, session, digest)
  await keep(store, storedPath, received)
  const at = signature.signedAt ?? options.now.toISOString()
  await store.update((draft, tools) => {
    const updated = sessionIn(draft, input.sessionId)
    const updatedCircuit = updated.signatureCircuit
    if (!updatedCircuit) throw new AppError('REGLA', 'El acta de esta sesión no está en firma.')
    updatedCircuit.revisions.push({ storedPath, sha256: digest, length: received.length, at: tools.nowIso, memberId: target.memberId })
    updated.signedActa = {
      storedPath,
      sha256: digest,
      signedAt: updated.signedActa?.signedAt ?? at,
      signers: [...(updated.signedActa?.signers ?? []), { name: signature.signer ?? target.name, rfc: signature.rfc, signedAt: at, memberId: target.memberId, field: target.field, serial: signature.serial }],
    }
    const complete = circuitComplete(updated)
    if (complete) {
      updated.status = 'firmada'
      updated.actStatus = 'firmada'
    }
    updated.updatedAt = tools.nowIso
    tools.audit({
      entity: 'sesion',
      entityId: input.sessionId,
      action: 'estado',
      summary: `Acta de la ${sessionTitle(updated)}: se recibió la firma de ${target.name}${signature.rfc ? ` (${signature.rfc})` : ''}${complete ? '; todas las firmas están en el acta, que queda firmada' : ''}; SHA-256 ${digest}`,
    })
  })
  return buildSessionDetail(store.data, input.sessionId, options.now)
}

// ── the signer's side ───────────────────────────────────────────────────

export function actaForSigning(fileName: string, bytes: Buffer, now: Date): ActaForSigningView {
  const doc = openPdfDocument(bytes)
  return {
    fileName,
    sha256: sha256(bytes),
    contentBase64: bytes.toString('base64'),
    title: decodeTextString(doc.dict(doc.trailer.get('Info'))?.get('Title')) ?? null,
    fields: signatureFieldsOf(doc),
    signatures: verifyPdf(bytes, now).map(signatureView),
  }
}

type SignFileInput = z.output<typeof signActaFileSchema>

/** Signs one reserved field of the acta received and hands the signed PDF back; nothing is stored. */
export async function signReceivedActa(input: SignFileInput, options: { now: Date; fontsDir?: string }): Promise<FileDownload> {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (sha256(bytes) !== input.expectedSha256) throw new AppError('REGLA', 'El documento no es el que se revisó en la vista previa. Ábralo de nuevo antes de firmarlo.')
  const field = signatureFieldsOf(openPdfDocument(bytes)).find((candidate) => candidate.field === input.field)
  if (!field) throw new AppError('VALIDACION', `El acta no tiene el espacio de firma «${input.field}».`)
  if (field.signed) throw new AppError('REGLA', `El espacio «${field.label}» ya está firmado.`)
  const credentials = openCredentials(input.credentials)
  const signer = describeSigner(credentials)
  const signed = await signPdf(bytes, credentials, {
    signingTime: options.now,
    reason: input.reason,
    location: input.location,
    field: input.field,
    appearance: signatureAppearanceLines({ signer: signer.name, ...(signer.rfc ? { rfc: signer.rfc } : {}), serialNumber: signer.serial, signingTime: options.now, reason: input.reason }),
    ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
  })
  const base = input.fileName.replace(/\.pdf$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120) || 'acta'
  return { fileName: `${base}-firmada.pdf`, mimeType: 'application/pdf', contentBase64: signed.toString('base64') }
}

export const circuitHandlers: HandlerSet<
  'startSignatureCircuit' | 'setSignatureOrder' | 'getSignatureCircuit' | 'getCurrentActa' | 'receiveSignedActa' | 'openActaForSigning' | 'signActaFile'
> = {
  startSignatureCircuit: async ({ sessionId, order }, { store, now, fontsDir }) => (await startCircuit(store, { sessionId, order }, { now: now(), ...(fontsDir ? { fontsDir } : {}) })).detail,

  setSignatureOrder: async ({ sessionId, order }, { store, now }) => {
    const session = findSession(store.data, sessionId)
    if (session.status !== 'en-firma' || !session.signatureCircuit) throw new AppError('REGLA', 'El acta de esta sesión no está en firma.')
    const checked = checkOrder(signersOf(store.data, session), order)
    // Who already signed stays where they signed: only the order of those still pending changes.
    const signed = (session.signedActa?.signers ?? []).flatMap((signer) => (signer.memberId ? [signer.memberId] : []))
    if (signed.some((memberId, index) => checked[index] !== memberId)) {
      throw new AppError('VALIDACION', 'Quienes ya firmaron conservan su lugar: cambie sólo el orden de quienes faltan por firmar.')
    }
    await store.update((draft, tools) => {
      const target = sessionIn(draft, sessionId)
      if (target.signatureCircuit) target.signatureCircuit.order = checked
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Nuevo orden de firma del acta de la ${sessionTitle(target)}: ${checked.map((id) => draft.members.find((member) => member.id === id)?.fullName ?? id).join(', ')}` })
    })
    return buildSessionDetail(store.data, sessionId, now())
  },

  getSignatureCircuit: ({ sessionId }, { store }) => circuitView(store.data, sessionId),

  getCurrentActa: async ({ sessionId }, { store }) => {
    const current = await currentActa(store, sessionId)
    return { fileName: current.fileName, mimeType: 'application/pdf', contentBase64: current.bytes.toString('base64') }
  },

  receiveSignedActa: ({ sessionId, contentBase64 }, { store, now }) => receiveSigned(store, { sessionId, bytes: Buffer.from(contentBase64, 'base64') }, { now: now() }),

  openActaForSigning: ({ fileName, contentBase64 }, { now }) => actaForSigning(fileName, Buffer.from(contentBase64, 'base64'), now()),

  signActaFile: (input, { now, fontsDir }) => signReceivedActa(input, { now: now(), ...(fontsDir ? { fontsDir } : {}) }),
}
