/**
 * Opening a signer's credentials: a PKCS#12 file (.p12/.pfx) or a SAT e.firma
 * (.cer in DER + .key, an encrypted PKCS#8 key). node-forge decrypts the
 * containers (it reads the legacy 3DES/RC2 PKCS#12 files Windows and the SAT
 * produce, the AES/PBKDF2 ones OpenSSL 3 writes, and PBES2/3DES keys); the key
 * itself then lives in a Node KeyObject, which signs natively.
 *
 * Passwords and keys are never logged, stored, or echoed in messages. The
 * credentials object is meant to live only for the duration of one signing.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import forge from 'node-forge'
import { AppError } from '../errors'
import { EMPTY_PASSWORD_MESSAGE } from '../contract/document-inputs'
import { describeCertificate, type CertificateInfo } from './certificate-info'
import { spanishDate } from './pdf-date'

export interface SignerCredentials {
  /** The signer's certificate, DER. */
  readonly certificate: Buffer
  /** Other certificates to embed (issuers), DER. */
  readonly chain: readonly Buffer[]
  readonly privateKey: KeyObject
}

export type SignerDescription = CertificateInfo

const NOT_P12 = 'El archivo no es un certificado PKCS#12 (.p12 o .pfx) válido.'
const WRONG_PASSWORD = 'La contraseña no es correcta para este certificado.'
const WRONG_KEY_PASSWORD = 'La contraseña no es correcta para la llave privada (.key).'
const MISMATCH = 'La llave privada no corresponde al certificado: verifique que el .cer y el .key sean del mismo par.'
/** An empty password that does not open the file is not «wrong»: it was not written. */
const EMPTY_PASSWORD = EMPTY_PASSWORD_MESSAGE

export function loadPkcs12(bytes: Buffer, password: string): SignerCredentials {
  let p12: forge.pkcs12.Pkcs12Pfx
  try {
    p12 = openPkcs12(bytes, password)
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    if (/password|MAC could not be verified|decrypt/i.test(message)) throw new AppError('VALIDACION', password === '' ? EMPTY_PASSWORD : WRONG_PASSWORD)
    if (/Unsupported/i.test(message)) throw new AppError('VALIDACION', 'El archivo PKCS#12 usa un cifrado que esta aplicación no admite.')
    throw new AppError('VALIDACION', NOT_P12)
  }

  const keys: KeyObject[] = []
  for (const bagType of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
    for (const bag of p12.getBags({ bagType: bagType })[bagType as string] ?? []) {
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1
      if (!info) continue
      try {
        keys.push(createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' }))
      } catch {
        throw new AppError('VALIDACION', 'La llave privada del archivo PKCS#12 no se pudo leer.')
      }
    }
  }
  const certificates: Buffer[] = []
  for (const bag of p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag as string] ?? []) {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1
    if (asn1) certificates.push(derOf(asn1))
  }
  if (keys.length === 0) throw new AppError('VALIDACION', 'El archivo PKCS#12 no contiene una llave privada.')
  if (certificates.length === 0) throw new AppError('VALIDACION', 'El archivo PKCS#12 no contiene un certificado.')

  for (const privateKey of keys) {
    const own = certificates.find((der) => certificateMatches(der, privateKey))
    if (own) return { certificate: own, chain: certificates.filter((der) => der !== own), privateKey }
  }
  throw new AppError('VALIDACION', MISMATCH)
}

function openPkcs12(bytes: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  const parse = () => forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')))
  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), false, password)
  } catch (error) {
    // The MAC takes the password as text (BMPString) and passed; PBES2 bags (OpenSSL 3's AES)
    // derive their keys from its UTF-8 bytes, which node-forge wants as a byte string. Only
    // a non-ASCII password tells the two apart. The MAC already checked out, so it is set
    // aside for the second reading instead of being checked against the wrong encoding.
    if (/MAC could not be verified/.test(error instanceof Error ? error.message : '') || /^[ -~]*$/.test(password)) throw error
    const asn1 = parse()
    if (Array.isArray(asn1.value)) asn1.value = asn1.value.slice(0, 2)
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, forge.util.encodeUtf8(password))
  }
}

export function loadEfirma(cer: Buffer, key: Buffer, password: string): SignerCredentials {
  let certificate: Buffer
  try {
    certificate = Buffer.from(new X509Certificate(cer).raw)
    describeCertificate(certificate)
  } catch {
    throw new AppError('VALIDACION', 'El archivo .cer no es un certificado válido.')
  }
  const privateKey = decryptKey(pemBody(key, 'ENCRYPTED PRIVATE KEY') ?? pemBody(key, 'PRIVATE KEY') ?? key, password)
  if (!certificateMatches(certificate, privateKey)) throw new AppError('VALIDACION', MISMATCH)
  return { certificate, chain: [], privateKey }
}

/** What to show before signing: name, RFC and CURP where the certificate has them, issuer, validity. */
export function describeSigner(credentials: Pick<SignerCredentials, 'certificate'>): SignerDescription {
  return describeCertificate(credentials.certificate)
}

/** Refuses a certificate that is expired or not yet valid at the moment of signing. */
export function assertCertificateUsable(credentials: Pick<SignerCredentials, 'certificate'>, at: Date): void {
  const info = describeCertificate(credentials.certificate)
  if (at.getTime() > info.validTo.getTime()) {
    throw new AppError('REGLA', `El certificado de ${info.name} venció el ${spanishDate(info.validTo)}; no se puede firmar con él.`)
  }
  if (at.getTime() < info.validFrom.getTime()) {
    throw new AppError('REGLA', `El certificado de ${info.name} aún no es válido: su vigencia comienza el ${spanishDate(info.validFrom)}.`)
  }
}

const wrongKeyPassword = (password: string): string => (password === '' ? EMPTY_PASSWORD : WRONG_KEY_PASSWORD)

function decryptKey(der: Buffer, password: string): KeyObject {
  let asn1: forge.asn1.Asn1
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')))
  } catch {
    throw new AppError('VALIDACION', 'El archivo .key no es una llave privada válida.')
  }
  let info: forge.asn1.Asn1 | null
  try {
    // PBES2 passwords are bytes; the SAT and OpenSSL use UTF-8.
    info = forge.pki.decryptPrivateKeyInfo(asn1, forge.util.encodeUtf8(password))
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    if (/not a supported EncryptedPrivateKeyInfo/.test(message)) {
      // Not encrypted at all: accept a plain PKCS#8 key.
      try {
        return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
      } catch {
        throw new AppError('VALIDACION', 'El archivo .key no es una llave privada válida.')
      }
    }
    if (/Unsupported/i.test(message)) throw new AppError('VALIDACION', 'La llave privada (.key) usa un cifrado que esta aplicación no admite.')
    // A wrong password usually fails the padding check; now and then it yields bytes that do not parse.
    throw new AppError('VALIDACION', wrongKeyPassword(password))
  }
  if (!info) throw new AppError('VALIDACION', wrongKeyPassword(password))
  try {
    return createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' })
  } catch {
    throw new AppError('VALIDACION', wrongKeyPassword(password))
  }
}

function certificateMatches(der: Buffer, privateKey: KeyObject): boolean {
  try {
    return new X509Certificate(der).checkPrivateKey(privateKey)
  } catch {
    return false
  }
}

function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}

function pemBody(bytes: Buffer, label: string): Buffer | undefined {
  const text = bytes.toString('latin1')
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(text)
  return match?.[1] ? Buffer.from(match[1].replace(/\s+/g, ''), 'base64') : undefined
}
