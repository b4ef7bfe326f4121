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
import type { SignatureView, SignerView } from '../../contract/views'
import { renderActa } from '../../documents'
import { checkActaSigning } from '../../domain/session-rules'
import { sessionKey, sessionTitle } from '../../domain/session-title'
import { assertCertificateUsable, describeSigner, loadEfirma, loadPkcs12, signPdf, verifyPdf, type SignatureReport, type SignerCredentials } from '../../signatures'
import { writeFileDurable } from '../../store/durable-write'
import type { Store } from '../../store/store'
import { buildSessionDetail } from '../views'
import { sessionIn } from './session-access'
import type { HandlerSet } from './types'

export const SIGNED_ACTAS_FOLDER = 'actas'

type Credentials = z.output<typeof credentialsSchema>

function openCredentials(credentials: Credentials): SignerCredentials {
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
  const { signer, rfc, curp, issuer, signedAt, intact, coversWholeDocument, trust, trustExplanation, reason, location, problems } = report
  return { signer, rfc, curp, issuer, signedAt, intact, coversWholeDocument, trust, trustExplanation, reason, location, problems }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

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

export const signingHandlers: HandlerSet<'describeCredentials' | 'signActa' | 'verifyPdf' | 'verifySignedActa' | 'getSignedActa' | 'addErrata'> = {
  describeCredentials: ({ credentials }, { now }) => {
    const opened = openCredentials(credentials)
    assertCertificateUsable(opened, now())
    return signerView(opened)
  },

  signActa: async ({ sessionId, credentials, reason, location }, { store, now, fontsDir }) => {
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
    checkActaSigning(session)
    const signingTime = now()
    const opened = openCredentials(credentials)
    assertCertificateUsable(opened, signingTime)
    const signer = signerView(opened)
    const previous = await storedActa(store, sessionId)
    if (previous && previous.sha256 !== session.signedActa?.sha256) {
      throw new AppError('REGLA', 'El acta firmada de la carpeta de datos no coincide con la registrada: fue alterada fuera de la aplicación. No se firmó.')
    }
    if (session.signedActa?.signers.some((entry) => entry.name === signer.name && entry.rfc === signer.rfc)) {
      throw new AppError('REGLA', `${signer.name} ya firmó esta acta.`)
    }
    const pdf = previous?.bytes ?? (await renderActa(store.data, sessionId, { fontsDir, now: signingTime, final: true }))
    const signed = await signPdf(pdf, opened, { signingTime, reason, location })
    const digest = sha256(signed)
    const key = sessionKey(store.data.settings.keyPrefix, session)
    const storedPath = `${SIGNED_ACTAS_FOLDER}/${key}-${digest.slice(0, 16)}.pdf`
    await mkdir(join(store.dataFolder, SIGNED_ACTAS_FOLDER), { recursive: true })
    await writeFileDurable(join(store.dataFolder, storedPath), signed)
    await store.update((draft, tools) => {
      const target = sessionIn(draft, sessionId)
      const signedAt = signingTime.toISOString()
      target.signedActa = {
        storedPath,
        sha256: digest,
        signedAt: target.signedActa?.signedAt ?? signedAt,
        signers: [...(target.signedActa?.signers ?? []), { name: signer.name, rfc: signer.rfc, signedAt }],
      }
      target.status = 'firmada'
      target.actStatus = 'firmada'
      target.updatedAt = tools.nowIso
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'estado', summary: `Acta de la ${sessionTitle(target)} firmada por ${signer.name}${signer.rfc ? ` (${signer.rfc})` : ''}; SHA-256 ${digest}` })
    })
    return buildSessionDetail(store.data, sessionId, signingTime)
  },

  verifyPdf: ({ contentBase64 }, { now }) => verifyPdf(Buffer.from(contentBase64, 'base64'), now()).map(signatureView),

  verifySignedActa: async ({ sessionId }, { store, now }) => {
    const stored = await storedActa(store, sessionId)
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    if (!stored || !session?.signedActa) throw new AppError('SIN_DATOS', 'El acta de esta sesión aún no está firmada.')
    const at = now()
    return { storedIntact: stored.sha256 === session.signedActa.sha256, sha256: stored.sha256, signatures: verifyPdf(stored.bytes, at).map(signatureView), checkedAt: at.toISOString() }
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
