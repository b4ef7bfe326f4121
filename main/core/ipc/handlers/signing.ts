/**
 * Signing the acta in the app. The first signature turns a concluded session
 * into a signed one: the signed PDF is kept in the data folder with its
 * SHA-256 and the session is locked; later signers sign that same file again
 * (an incremental update). Corrections after signing are fe de erratas.
 * Passwords and keys live only in this call's memory.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { AppError } from '../../errors'
import type { credentialsSchema } from '../../contract/document-inputs'
import type { ActaSigningView, ExpectedSignerView, SessionDetail, SignatureView, SignerView } from '../../contract/views'
import { renderActa } from '../../documents'
import { missingCharacters } from '../../documents/common'
import { signatureAppearanceLines } from '../../signatures/appearance'
import { checkActaSigning } from '../../domain/session-rules'
import { certificateMatches, expectedSigners, namesMatch, signatureFieldName, SIGNER_CAPACITY_LABELS, type ExpectedSigner } from '../../domain/signers'
import type { Data, Session, SignatureCircuit } from '../../model/schema'
import { sessionKey, sessionTitle } from '../../domain/session-title'
import { assertCertificateUsable, describeSigner, loadEfirma, loadPkcs12, signPdf, verifyPdf, type SignatureReport, type SignerCredentials } from '../../signatures'
import { writeFileDurable } from '../../store/durable-write'
import type { Store } from '../../store/store'
import { buildSessionDetail } from '../views'
import { sessionIn } from './session-access'
import { trustedRootsOf } from './trust'
import type { HandlerSet } from './types'

export const SIGNED_ACTAS_FOLDER = 'actas'

type Credentials = z.output<typeof credentialsSchema>

export function openCredentials(credentials: Credentials): SignerCredentials {
  return credentials.kind === 'p12'
    ? loadPkcs12(Buffer.from(credentials.p12Base64, 'base64'), credentials.password)
    : loadEfirma(Buffer.from(credentials.cerBase64, 'base64'), Buffer.from(credentials.keyBase64, 'base64'), credentials.password)
}

function signerView(credentials: SignerCredentials): SignerView {
  const info = describeSigner(credentials)
  return {
    name: info.name,
    rfc: info.rfc ?? null,
    curp: info.curp ?? null,
    representativeRfc: info.representativeRfc ?? null,
    issuer: info.issuer,
    validFrom: info.validFrom.toISOString(),
    validTo: info.validTo.toISOString(),
    serial: info.serial,
  }
}

export function signatureView(report: SignatureReport): SignatureView {
  const { signer, rfc, curp, issuer, signedAt, intact, coversWholeDocument, trust, trustExplanation, reason, location, problems, field, modifiedAfter, changes, certified } = report
  return { signer, rfc, curp, issuer, signedAt, intact, coversWholeDocument, trust, trustExplanation, reason, location, problems, field, modifiedAfter, changes, certified }
}



export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** The stored signed acta, refused if its bytes no longer match what was recorded. */
async function storedActa(store: Store, sessionId: string): Promise<{ bytes: Buffer; sha256: string } | null> {
  const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  if (!session.signedActa) return null
  let bytes: Buffer
  try {
    bytes = await readFile(join(store.dataFolder, session.signedActa.storedPath))
  } catch {
    throw new AppError('LECTURA', `No se encontró el acta firmada en la carpeta de datos (${session.signedActa.storedPath}).`)
  }
  return { bytes, sha256: sha256(bytes) }
}

/**
 * The final acta is a function of the data alone: it is dated by the
 * session's last change, so rendering it again gives the same bytes, and a
 * signature made after a preview is made on exactly what the signer saw
 * (or refused when anything changed in between).
 */
export async function renderFinalActa(store: Store, session: Session, fontsDir: string | undefined): Promise<{ bytes: Buffer; sha256: string; warnings: string[] }> {
  const missing = missingCharacters()
  const bytes = await renderActa(store.data, session.id, { ...(fontsDir ? { fontsDir } : {}), now: new Date(session.updatedAt), final: true, onMissingCharacter: missing.onMissingCharacter })
  const warning = missing.warning()
  return { bytes, sha256: sha256(bytes), warnings: warning ? [warning] : [] }
}

/** A revision of an acta out for signature, refused if its bytes are not the ones recorded. */
export async function readRevision(store: Store, revision: SignatureCircuit['revisions'][number]): Promise<Buffer> {
  let bytes: Buffer
  try {
    bytes = await readFile(join(store.dataFolder, revision.storedPath))
  } catch {
    throw new AppError('LECTURA', `No se encontró el acta en firma en la carpeta de datos (${revision.storedPath}).`)
  }
  if (sha256(bytes) !== revision.sha256) throw new AppError('REGLA', 'El acta en firma de la carpeta de datos no coincide con la registrada: fue alterada fuera de la aplicación.')
  return bytes
}

/** The document the next signature goes on: the current revision of an acta out for signature, the stored signed acta, or the final acta rendered now. */
async function documentToSign(store: Store, session: Session, fontsDir: string | undefined): Promise<{ bytes: Buffer; sha256: string; warnings: string[]; alreadySigned: boolean }> {
  const circuit = session.signatureCircuit
  const current = circuit?.revisions[circuit.revisions.length - 1]
  if (circuit && current) return { bytes: await readRevision(store, current), sha256: current.sha256, warnings: [], alreadySigned: circuit.revisions.length > 1 }
  const previous = await storedActa(store, session.id)
  if (previous) {
    if (previous.sha256 !== session.signedActa?.sha256) {
      throw new AppError('REGLA', 'El acta firmada de la carpeta de datos no coincide con la registrada: fue alterada fuera de la aplicación. No se firmó.')
    }
    return { ...previous, warnings: [], alreadySigned: true }
  }
  return { ...(await renderFinalActa(store, session, fontsDir)), alreadySigned: false }
}

/** Who signs: while the acta is out for signature, those the circuit fixed in its order; otherwise those the settings name. */
export function signersOf(data: Data, session: Session): ExpectedSigner[] {
  const expected = expectedSigners(data, session)
  if (!session.signatureCircuit) return expected
  const members = new Map(data.members.map((member) => [member.id, member]))
  return session.signatureCircuit.order.flatMap((memberId) => {
    const known = expected.find((signer) => signer.memberId === memberId)
    if (known) return [known]
    const member = members.get(memberId)
    return member
      ? [{ memberId, name: member.fullName, position: member.position, institution: member.institution, capacity: 'integrante' as const, field: signatureFieldName(memberId) }]
      : []
  })
}

export function signerStatus(session: Session, signer: ExpectedSigner): { signedAt: string | null } {
  const entry = session.signedActa?.signers.find((done) => done.memberId === signer.memberId || done.field === signer.field)
  return { signedAt: entry?.signedAt ?? null }
}

function expectedSignerViews(data: Data, session: Session): ExpectedSignerView[] {
  return signersOf(data, session).map((signer) => {
    const { signedAt } = signerStatus(session, signer)
    return { memberId: signer.memberId, name: signer.name, capacity: SIGNER_CAPACITY_LABELS[signer.capacity], field: signer.field, status: signedAt ? 'firmada' : 'pendiente', signedAt }
  })
}

/**
 * The reserved field this signature fills: the one asked for, else the
 * pending signer the certificate names, else the technical secretary's.
 * Null when the session expects nobody in particular (a field is added).
 */
function chooseField(data: Data, session: Session, signerId: string | null, certificateName: string): ExpectedSigner | null {
  const expected = signersOf(data, session)
  const pending = expected.filter((signer) => signerStatus(session, signer).signedAt === null)
  if (signerId !== null) {
    const chosen = expected.find((signer) => signer.memberId === signerId)
    if (!chosen) throw new AppError('REGLA', 'La persona elegida no está entre quienes firman esta acta.')
    if (!pending.includes(chosen)) throw new AppError('REGLA', `El espacio de firma de ${chosen.name} ya está firmado.`)
    return chosen
  }
  if (expected.length === 0) return null
  const byName = pending.find((signer) => namesMatch(signer.name, certificateName))
  if (byName) return byName
  const secretary = pending.find((signer) => signer.capacity === 'secretaria')
  if (secretary) return secretary
  if (pending.length === 0) throw new AppError('REGLA', 'Todas las firmas previstas ya están en el acta.')
  throw new AppError('REGLA', `El certificado de ${certificateName} no corresponde a ninguna firma pendiente; elija el espacio en el que firma.`)
}

/** Every signer of the circuit's order has a signature in the acta. */
export function circuitComplete(session: Session): boolean {
  const circuit = session.signatureCircuit
  if (!circuit) return false
  const signed = new Set(circuit.revisions.flatMap((revision) => (revision.memberId ? [revision.memberId] : [])))
  return circuit.order.every((memberId) => signed.has(memberId))
}

export interface SignSessionActaInput {
  sessionId: string
  credentials: SignerCredentials
  reason: string
  location: string
  /** The expected signer whose field to fill; null: chosen from the certificate (see chooseField). */
  signerId: string | null
  /** The SHA-256 of the document the signer previewed; without it, the document as it is now. */
  expectedSha256?: string
}

/**
 * Signs a concluded session's acta: the final acta (or the signed acta kept
 * in the data folder, for a later signer) gets one more signature in its
 * signer's reserved field; the result is kept in `actas/` with its SHA-256
 * and the session is locked. Shared by the app and the command line.
 */
export async function signSessionActa(
  store: Store,
  input: SignSessionActaInput,
  options: { now: Date; fontsDir?: string },
): Promise<{ detail: SessionDetail; storedPath: string; sha256: string; bytes: Buffer }> {
  const { sessionId } = input
  const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  checkActaSigning(session)
  const signingTime = options.now
  assertCertificateUsable(input.credentials, signingTime)
  const signer = signerView(input.credentials)
  if (session.signedActa?.signers.some((entry) => entry.name === signer.name && entry.rfc === signer.rfc)) {
    throw new AppError('REGLA', `${signer.name} ya firmó esta acta.`)
  }
  const base = await documentToSign(store, session, options.fontsDir)
  if (input.expectedSha256 !== undefined && base.sha256 !== input.expectedSha256) {
    throw new AppError('REGLA', 'El acta cambió desde la vista previa (otra firma o un cambio en la sesión). Revise de nuevo el documento antes de firmarlo. No se firmó.')
  }
  const field = chooseField(store.data, session, input.signerId, signer.name)
  // Out for signature, each box is its member's: the same rule as for a file received back.
  if (session.signatureCircuit && field && !certificateMatches(store.data.members.find((member) => member.id === field.memberId), signer.name, signer.rfc)) {
    throw new AppError('REGLA', `El certificado es de ${signer.name}${signer.rfc ? ` (${signer.rfc})` : ''}, que no es quien debe firmar en el espacio de ${field.name}. No se firmó.`)
  }

  const signed = await signPdf(base.bytes, input.credentials, {
    signingTime,
    reason: input.reason,
    location: input.location,
    ...(field ? { field: field.field } : {}),
    appearance: signatureAppearanceLines({ signer: signer.name, ...(signer.rfc ? { rfc: signer.rfc } : {}), serialNumber: signer.serial, signingTime, reason: input.reason }),
    ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
  })
  const digest = sha256(signed)
  const key = sessionKey(store.data.settings.keyPrefix, session)
  const storedPath = `${SIGNED_ACTAS_FOLDER}/${key}-${digest.slice(0, 16)}.pdf`
  // Read-only, locked or no longer the file's owner: nothing is written beside the data file.
  await store.assertCanWrite()
  await mkdir(join(store.dataFolder, SIGNED_ACTAS_FOLDER), { recursive: true })
  await writeFileDurable(join(store.dataFolder, storedPath), signed)
  await store.update((draft, tools) => {
    const target = sessionIn(draft, sessionId)
    const signedAt = signingTime.toISOString()
    target.signedActa = {
      storedPath,
      sha256: digest,
      signedAt: target.signedActa?.signedAt ?? signedAt,
      signers: [...(target.signedActa?.signers ?? []), { name: signer.name, rfc: signer.rfc, signedAt, memberId: field?.memberId ?? null, field: field?.field ?? null, serial: signer.serial }],
    }
    if (target.signatureCircuit) {
      // Out for signature: one more revision; the session is signed when everyone in the circuit has signed.
      target.signatureCircuit.revisions.push({ storedPath, sha256: digest, length: signed.length, at: signedAt, memberId: field?.memberId ?? null })
      if (circuitComplete(target)) {
        target.status = 'firmada'
        target.actStatus = 'firmada'
      }
    } else {
      target.status = 'firmada'
      target.actStatus = 'firmada'
    }
    target.updatedAt = tools.nowIso
    const where = field ? ` en el espacio de ${field.name} (${SIGNER_CAPACITY_LABELS[field.capacity]})` : ''
    tools.audit({ entity: 'sesion', entityId: sessionId, action: 'estado', summary: `Acta de la ${sessionTitle(target)} firmada por ${signer.name}${signer.rfc ? ` (${signer.rfc})` : ''}${where}; SHA-256 ${digest}` })
  })
  return { detail: buildSessionDetail(store.data, sessionId, signingTime), storedPath, sha256: digest, bytes: signed }
}

export const signingHandlers: HandlerSet<'describeCredentials' | 'prepareActaSigning' | 'signActa' | 'verifyPdf' | 'verifySignedActa' | 'getSignedActa' | 'addErrata'> = {
  describeCredentials: ({ credentials }, { now }) => {
    const opened = openCredentials(credentials)
    assertCertificateUsable(opened, now())
    return signerView(opened)
  },

  prepareActaSigning: async ({ sessionId }, { store, fontsDir }) => {
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
    checkActaSigning(session)
    const document = await documentToSign(store, session, fontsDir)
    return {
      sessionId,
      fileName: `acta-${sessionKey(store.data.settings.keyPrefix, session)}.pdf`,
      sha256: document.sha256,
      contentBase64: document.bytes.toString('base64'),
      alreadySigned: document.alreadySigned,
      signers: expectedSignerViews(store.data, session),
      warnings: document.warnings,
    } satisfies ActaSigningView
  },

  signActa: async ({ sessionId, credentials, reason, location, expectedSha256, signerId }, { store, now, fontsDir }) => {
    const result = await signSessionActa(store, { sessionId, credentials: openCredentials(credentials), reason, location, signerId, expectedSha256 }, { now: now(), ...(fontsDir ? { fontsDir } : {}) })
    return result.detail
  },

  verifyPdf: ({ contentBase64 }, { store, now }) => verifyPdf(Buffer.from(contentBase64, 'base64'), now(), { trustedRoots: trustedRootsOf(store.data) }).map(signatureView),

  verifySignedActa: async ({ sessionId }, { store, now }) => {
    const stored = await storedActa(store, sessionId)
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    if (!stored || !session?.signedActa) throw new AppError('SIN_DATOS', 'El acta de esta sesión aún no está firmada.')
    const at = now()
    return { storedIntact: stored.sha256 === session.signedActa.sha256, sha256: stored.sha256, signatures: verifyPdf(stored.bytes, at, { trustedRoots: trustedRootsOf(store.data) }).map(signatureView), checkedAt: at.toISOString() }
  },

  getSignedActa: async ({ sessionId }, { store }) => {
    const stored = await storedActa(store, sessionId)
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    if (!stored || !session) throw new AppError('SIN_DATOS', 'El acta de esta sesión aún no está firmada.')
    return { fileName: `acta-firmada-${sessionKey(store.data.settings.keyPrefix, session)}.pdf`, mimeType: 'application/pdf', contentBase64: stored.bytes.toString('base64') }
  },

  addErrata: async ({ sessionId, text }, { store, now }) => {
    await store.update((draft, tools) => {
      const session = sessionIn(draft, sessionId)
      if (session.status !== 'firmada') throw new AppError('REGLA', 'La fe de erratas corrige un acta ya firmada; mientras no se firme, corrija la minuta directamente.')
      session.errata.push({ id: tools.newId('err'), at: tools.nowIso, profile: draft.settings.profile.name, text })
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Fe de erratas al acta de la ${sessionTitle(session)}: ${text.slice(0, 200)}` })
    })
    return buildSessionDetail(store.data, sessionId, now())
  },
}
