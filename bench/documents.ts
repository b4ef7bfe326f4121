/** Acta generation (40 items, 60 members, 30 agreements), signing and verification. */
import { generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'
import { renderActa } from '../main/core/documents'
import { loadPkcs12, signPdf, verifyPdf } from '../main/core/signatures'
import { largeActaData } from '../test/unit/documents-helpers'
import { measure, type Sample } from './stats'

export interface DocumentFigures {
  acta: Sample
  pages: number
  pagesPerSecond: number
  sign: Sample
  verify: Sample
  signAndVerify: Sample
}

/** A throwaway RSA-2048 certificate in a PKCS#12, as a signer would bring. */
function benchCredentials() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date(Date.now() - 86_400_000)
  cert.validity.notAfter = new Date(Date.now() + 86_400_000 * 365)
  cert.setSubject([{ shortName: 'CN', value: 'Firmante de prueba' }])
  cert.setIssuer([{ shortName: 'CN', value: 'Firmante de prueba' }])
  cert.sign(key, forge.md.sha256.create())
  const p12 = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], 'prueba', { algorithm: '3des' })).getBytes()
  return loadPkcs12(Buffer.from(p12, 'binary'), 'prueba')
}

export async function benchDocuments(runs: number): Promise<DocumentFigures> {
  const { data, sessionId } = largeActaData()
  let pdf: Buffer = Buffer.alloc(0)
  const acta = await measure(runs, 1, async () => {
    pdf = await renderActa(data, sessionId, { now: new Date('2026-11-26T18:00:00Z') })
  })
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  const credentials = benchCredentials()
  let signed: Buffer = Buffer.alloc(0)
  const sign = await measure(runs, 1, async () => {
    signed = await signPdf(pdf, credentials, { signingTime: new Date() })
  })
  const verify = await measure(runs, 1, () => verifyPdf(signed, new Date()))
  const signAndVerify = await measure(runs, 1, async () => verifyPdf(await signPdf(pdf, credentials, { signingTime: new Date() }), new Date()))
  return { acta, pages, pagesPerSecond: pages / (acta.p50 / 1000), sign, verify, signAndVerify }
}
