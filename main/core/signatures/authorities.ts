/**
 * Reading the certificate of a certificate authority the user wants to trust:
 * a .cer/.crt in DER, or a .pem/.crt in PEM with one or several
 * `-----BEGIN CERTIFICATE-----` blocks (a bundle, such as the SAT's chain).
 * Only authorities belong here (basicConstraints cA true): a signer's own
 * certificate, a private key, a request or anything else is refused with a
 * Spanish reason. An expired authority is accepted, with a note.
 */
import { createHash, X509Certificate } from 'node:crypto'
import { AppError } from '../errors'
import { describeCertificate } from './certificate-info'
import { spanishDate } from './pdf-date'

/** A certificate file is a few KB; a bundle of a dozen authorities stays well below this. */
export const MAX_AUTHORITY_FILE_BYTES = 64 * 1024
/** One certificate's DER, so that its base64 fits the data file's limit (40 000 characters). */
export const MAX_AUTHORITY_CERTIFICATE_BYTES = 30_000
/** Names and issuers are kept to the data file's limit. */
const MAX_NAME = 300

export interface AuthorityCertificate {
  der: Buffer
  /** SHA-256 of the DER, lower-case hex. */
  fingerprint: string
  name: string
  issuer: string
  validFrom: Date
  validTo: Date
}

export interface AuthorityFile {
  /** In the file's order, without repetitions. */
  certificates: AuthorityCertificate[]
  /** Spanish notes that do not stop the import (an expired authority). */
  notes: string[]
}

export interface ReadAuthorityOptions {
  /** For the messages. */
  fileName?: string
  /** To tell an expired authority. */
  now: Date
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE'])

export function readAuthorityFile(bytes: Buffer, options: ReadAuthorityOptions): AuthorityFile {
  const file = options.fileName ? `«${options.fileName}»` : 'El archivo'
  const refuse = (reason: string): never => {
    throw new AppError('VALIDACION', `${file} ${reason}`)
  }
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') refuse('está vacío.')
  if (bytes.length > MAX_AUTHORITY_FILE_BYTES) refuse(`mide ${Math.ceil(bytes.length / 1024)} KB; un certificado de autoridad admite como máximo ${MAX_AUTHORITY_FILE_BYTES / 1024} KB.`)

  const ders = bytes[0] === 0x30 ? [bytes] : textCertificates(bytes.toString('latin1'), refuse)
  const certificates: AuthorityCertificate[] = []
  for (const [index, der] of ders.entries()) {
    const which = ders.length > 1 ? `El certificado ${index + 1} de ${file}` : file
    const certificate = authorityCertificate(der, which)
    if (!certificates.some((other) => other.fingerprint === certificate.fingerprint)) certificates.push(certificate)
  }
  const notes = certificates.flatMap((certificate) => {
    if (options.now > certificate.validTo) {
      return [`La autoridad «${certificate.name}» venció el ${spanishDate(certificate.validTo)}: las firmas cuya cadena llegue a ella se informarán con el certificado vencido.`]
    }
    if (options.now < certificate.validFrom) {
      return [`La autoridad «${certificate.name}» aún no está vigente: lo estará a partir del ${spanishDate(certificate.validFrom)}.`]
    }
    return []
  })
  return { certificates, notes }
}

/** The DER of each certificate block of a PEM file (or of a bare base64 certificate). */
function textCertificates(text: string, refuse: (reason: string) => never): Buffer[] {
  const blocks = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g)]
  if (blocks.length === 0) {
    if (/-----BEGIN /.test(text)) refuse('es un archivo PEM incompleto: falta la línea «-----END …-----».')
    // Some authorities publish a .cer as plain base64, without the PEM lines.
    const compact = text.replace(/\s+/g, '')
    if (compact.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
      const der = Buffer.from(compact, 'base64')
      if (der[0] === 0x30) return [der]
    }
    return refuse('no es un certificado: se esperaba un certificado X.509 en formato DER (.cer) o PEM (.pem, .crt).')
  }
  const labels = blocks.map((block) => block[1] ?? '')
  const key = labels.find((label) => /PRIVATE KEY/.test(label))
  if (key) {
    refuse(`contiene una llave privada («${key}»). Aquí sólo se importa el certificado público de una autoridad certificadora; no importe ni comparta llaves privadas.`)
  }
  const other = labels.find((label) => !CERTIFICATE_LABELS.has(label))
  if (other) refuse(`contiene un bloque «${other}», que no es un certificado: sólo se admiten bloques «CERTIFICATE».`)
  return blocks.map((block) => {
    if (block[1] !== block[3]) refuse(`tiene un bloque PEM mal cerrado («BEGIN ${block[1] ?? ''}» con «END ${block[3] ?? ''}»).`)
    const body = (block[2] ?? '').replace(/\s+/g, '')
    if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) refuse('tiene un bloque «CERTIFICATE» cuyo contenido no es base64 válido.')
    return Buffer.from(body, 'base64')
  })
}

function authorityCertificate(der: Buffer, which: string): AuthorityCertificate {
  const refuse = (reason: string): never => {
    throw new AppError('VALIDACION', `${which} ${reason}`)
  }
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(der)
  } catch {
    return refuse('no es un certificado X.509 válido (¿es quizá una llave .key o un archivo .p12?).')
  }
  const raw = certificate.raw
  if (raw.length > MAX_AUTHORITY_CERTIFICATE_BYTES) refuse(`mide ${Math.ceil(raw.length / 1024)} KB: es demasiado grande para un certificado de autoridad.`)
  let info: ReturnType<typeof describeCertificate>
  try {
    info = describeCertificate(raw)
  } catch {
    return refuse('no se pudo leer: su estructura no es la de un certificado X.509.')
  }
  if (!certificate.ca) {
    refuse(
      `pertenece a «${info.name}», que no es una autoridad certificadora (su certificado no puede emitir otros). Aquí sólo se agregan autoridades, como las del SAT para la e.firma; el certificado de una persona firmante no hace falta.`,
    )
  }
  return {
    der: Buffer.from(raw),
    fingerprint: createHash('sha256').update(raw).digest('hex'),
    name: info.name.slice(0, MAX_NAME),
    issuer: info.issuer.slice(0, MAX_NAME),
    validFrom: info.validFrom,
    validTo: info.validTo,
  }
}
