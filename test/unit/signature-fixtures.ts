/**
 * Test certificates made on the spot: RSA keys from Node (native and fast),
 * certificates and containers from node-forge, and — where the `openssl` tool
 * exists — a PKCS#12 exactly as OpenSSL 3 writes it (AES-256, PBKDF2).
 * Passwords travel to openssl through the environment, never its arguments.
 */
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import forge from 'node-forge'
import PDFDocument from 'pdfkit'
import { daysFromNow } from '../support/clock'

export interface TestIdentity {
  certificate: Buffer
  forgeCert: forge.pki.Certificate
  forgeKey: forge.pki.rsa.PrivateKey
  keyPem: string
}

interface Attribute {
  shortName?: string
  type?: string
  value: string
  utf8?: boolean
}

export interface CertificateSpec {
  subject: Attribute[]
  bits?: number
  issuer?: TestIdentity
  ca?: boolean
  notBefore?: Date
  notAfter?: Date
  serialHex?: string
}


export function makeIdentity(spec: CertificateSpec): TestIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: spec.bits ?? 2048 })
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const forgeKey = forge.pki.privateKeyFromPem(keyPem)
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  cert.serialNumber = spec.serialHex ?? `01${randomBytes(8).toString('hex')}`
  cert.validity.notBefore = spec.notBefore ?? daysFromNow(-1)
  cert.validity.notAfter = spec.notAfter ?? daysFromNow(730)
  const attributes = spec.subject.map((attribute) => ({
    ...(attribute.shortName ? { shortName: attribute.shortName } : { type: attribute.type }),
    // node-forge encodes UTF8String values itself.
    value: attribute.value,
    ...(attribute.utf8 ? { valueTagClass: forge.asn1.Type.UTF8 } : {}),
  }))
  cert.setSubject(attributes as forge.pki.CertificateField[])
  cert.setIssuer(spec.issuer ? spec.issuer.forgeCert.subject.attributes : (attributes as forge.pki.CertificateField[]))
  cert.setExtensions(
    spec.ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ],
  )
  cert.sign(spec.issuer ? spec.issuer.forgeKey : forgeKey, forge.md.sha256.create())
  return { certificate: der(forge.pki.certificateToAsn1(cert)), forgeCert: cert, forgeKey, keyPem }
}

/** A PKCS#12 as many tools write it: 3DES key bag, SHA-1 MAC (node-forge). */
export function makePkcs12(identity: TestIdentity, password: string, chain: TestIdentity[] = []): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(identity.forgeKey, [identity.forgeCert, ...chain.map((c) => c.forgeCert)], password, {
    algorithm: '3des',
    friendlyName: 'firma',
  })
  return der(asn1)
}

export function hasOpenssl(): boolean {
  return spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0
}

/** A PKCS#12 written by OpenSSL 3 with its defaults (AES-256-CBC, PBKDF2, SHA-256 MAC). */
export async function makeOpenSslPkcs12(identity: TestIdentity, password: string, folder: string, chain: TestIdentity[] = []): Promise<Buffer> {
  const keyFile = join(folder, 'openssl-key.pem')
  const certFile = join(folder, 'openssl-cert.pem')
  const out = join(folder, 'openssl.p12')
  await writeFile(keyFile, identity.keyPem, { mode: 0o600 })
  await writeFile(certFile, [identity, ...chain].map((c) => forge.pki.certificateToPem(c.forgeCert)).join(''))
  const result = spawnSync('openssl', ['pkcs12', '-export', '-inkey', keyFile, '-in', certFile, '-out', out, '-passout', 'env:SECRETARIADO_P12_PASS'], {
    encoding: 'utf8',
    env: { ...process.env, SECRETARIADO_P12_PASS: password },
  })
  if (result.status !== 0) throw new Error(`openssl pkcs12 falló: ${result.stderr}`)
  return readFile(out)
}

/** The SAT's .key: PKCS#8 EncryptedPrivateKeyInfo, PBES2 with 3DES, DER. */
export function makeSatKey(identity: TestIdentity, password: string): Buffer {
  const info = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(identity.forgeKey))
  // PKCS#5 passwords are bytes: UTF-8, as OpenSSL and the SAT's tools write them.
  return der(forge.pki.encryptPrivateKeyInfo(info, forge.util.encodeUtf8(password), { algorithm: '3des' }))
}

/** The same with the openssl tool: `pkcs8 -topk8 -v2 des3 -outform DER`. */
export async function makeOpenSslSatKey(identity: TestIdentity, password: string, folder: string): Promise<Buffer> {
  const keyFile = join(folder, 'sat-key.pem')
  const out = join(folder, 'sat-openssl.key')
  await writeFile(keyFile, identity.keyPem, { mode: 0o600 })
  const result = spawnSync('openssl', ['pkcs8', '-topk8', '-v2', 'des3', '-outform', 'DER', '-in', keyFile, '-out', out, '-passout', 'env:SECRETARIADO_KEY_PASS'], {
    encoding: 'utf8',
    env: { ...process.env, SECRETARIADO_KEY_PASS: password },
  })
  if (result.status !== 0) throw new Error(`openssl pkcs8 falló: ${result.stderr}`)
  return readFile(out)
}

/** Subject of a SAT e.firma for a person. */
export function satPersonSubject(name: string, rfc: string, curp: string): Attribute[] {
  return [
    { shortName: 'CN', value: name, utf8: true },
    { type: '2.5.4.41', value: name, utf8: true },
    { shortName: 'O', value: name, utf8: true },
    { shortName: 'C', value: 'MX' },
    { type: '2.5.4.45', value: rfc },
    { type: '2.5.4.5', value: curp },
  ]
}

/** Subject of a SAT e.firma for a company: its RFC with its representative's, and only the representative's CURP. */
export function satCompanySubject(name: string, rfc: string, representativeRfc: string, representativeCurp: string): Attribute[] {
  return [
    { shortName: 'CN', value: name, utf8: true },
    { type: '2.5.4.41', value: name, utf8: true },
    { shortName: 'O', value: name, utf8: true },
    { shortName: 'C', value: 'MX' },
    { type: '2.5.4.45', value: `${rfc} / ${representativeRfc}` },
    { type: '2.5.4.5', value: ` / ${representativeCurp}` },
  ]
}

export function satIssuer(): TestIdentity {
  return makeIdentity({
    subject: [
      { shortName: 'CN', value: 'AC DE PRUEBAS DEL SAT' },
      { shortName: 'O', value: 'SERVICIO DE ADMINISTRACION TRIBUTARIA' },
      { shortName: 'C', value: 'MX' },
    ],
    ca: true,
  })
}

/** SAT serial numbers are 20 ASCII digits. */
export function satSerial(digits: string): string {
  return Buffer.from(digits, 'latin1').toString('hex')
}

/** A small acta as the app writes it: pdfkit 0.20, PDF/A-2b, DejaVu Sans embedded, two pages. */
export function makeActaPdf(fontPath: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ pdfVersion: '1.7', subset: 'PDF/A-2b', tagged: true, lang: 'es-MX', info: { Title: 'Acta de la sesión ordinaria' }, size: 'LETTER' })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.registerFont('DejaVu', fontPath)
    doc.font('DejaVu').fontSize(14).text('Acta de la sesión ordinaria del Secretariado Técnico Local')
    doc.fontSize(11).text('Gobierno Abierto Jalisco · Guadalajara, 26 de noviembre de 2026.')
    doc.addPage().text('Firmas: quienes suscriben el acta.')
    doc.end()
  })
}

function der(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}
