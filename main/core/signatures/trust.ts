/**
 * How far a signer's certificate can be trusted, said honestly. The app ships
 * no trust store, so without `trustedRoots` the best outcome is "unknown
 * issuer": a valid chain to a root nobody vouched for. Revocation (CRL/OCSP)
 * is not consulted, and the signing time is the one the signer declared.
 */
import { X509Certificate } from 'node:crypto'
import { describeCertificate } from './certificate-info'
import { spanishDate } from './pdf-date'

export type TrustStatus = 'confiable' | 'autofirmado' | 'emisor-desconocido' | 'vencido' | 'no-vigente-al-firmar' | 'cadena-invalida' | 'sin-certificado'

export interface TrustResult {
  trust: TrustStatus
  /** Spanish, for people. */
  explanation: string
  /** Names from the signer up to the last certificate found. */
  chain: string[]
}

export interface TrustOptions {
  /** Certificates the caller trusts as roots (DER). */
  trustedRoots?: readonly Buffer[]
  /** The signing time the signature declares. */
  signedAt?: Date
  now: Date
}

export function evaluateTrust(signerDer: Buffer | undefined, embedded: readonly Buffer[], options: TrustOptions): TrustResult {
  if (!signerDer) return { trust: 'sin-certificado', explanation: 'La firma no incluye el certificado del firmante; no se puede saber quién firmó.', chain: [] }
  const trusted = (options.trustedRoots ?? []).map((der) => new X509Certificate(der))
  const candidates = uniqueCertificates([...embedded, ...(options.trustedRoots ?? [])])
  const chain: X509Certificate[] = [new X509Certificate(signerDer)]
  const names = (): string[] => chain.map((cert) => describeCertificate(cert.raw).name)
  const isTrusted = (cert: X509Certificate): boolean => trusted.some((root) => root.raw.equals(cert.raw))

  let ending: 'raiz' | 'sin-emisor' | 'invalida' = 'sin-emisor'
  for (let depth = 0; depth < 10; depth++) {
    const current = chain[chain.length - 1] as X509Certificate
    if (isTrusted(current)) {
      ending = 'raiz'
      break
    }
    // Self-issued: checkIssued() would also demand keyCertSign, which a self-signed end certificate lacks.
    if (current.subject === current.issuer) {
      ending = current.verify(current.publicKey) ? 'raiz' : 'invalida'
      break
    }
    const issuer = candidates.find((cert) => !chain.some((c) => c.raw.equals(cert.raw)) && current.checkIssued(cert) && current.verify(cert.publicKey))
    if (!issuer) {
      ending = candidates.some((cert) => current.checkIssued(cert)) ? 'invalida' : 'sin-emisor'
      break
    }
    chain.push(issuer)
  }

  const signer = describeCertificate(signerDer)
  const last = chain[chain.length - 1] as X509Certificate
  const lastInfo = describeCertificate(last.raw)
  const selfSigned = chain.length === 1 && ending === 'raiz' && !isTrusted(last)
  const reachesTrusted = ending === 'raiz' && chain.some(isTrusted)

  let identity: TrustResult
  if (ending === 'invalida') {
    identity = {
      trust: 'cadena-invalida',
      explanation: `La firma del certificado «${lastInfo.name}» no corresponde a su emisor: la cadena de certificados no es válida.`,
      chain: names(),
    }
  } else if (reachesTrusted) {
    identity = { trust: 'confiable', explanation: `La cadena de certificados llega a la autoridad de confianza «${lastInfo.name}». No se consultó si el certificado fue revocado.`, chain: names() }
  } else if (selfSigned) {
    identity = {
      trust: 'autofirmado',
      explanation: `El certificado de «${signer.name}» está firmado por él mismo: ninguna autoridad respalda esa identidad. Confíe en él solo si recibió ese certificado directamente de su titular.`,
      chain: names(),
    }
  } else if (ending === 'raiz') {
    identity = {
      trust: 'emisor-desconocido',
      explanation: `La cadena llega a la autoridad raíz «${lastInfo.name}», que no está entre las autoridades de confianza de esta aplicación; no se puede confirmar la identidad del firmante.`,
      chain: names(),
    }
  } else {
    identity = {
      trust: 'emisor-desconocido',
      explanation: `El emisor «${lastInfo.issuer}» no viene incluido en la firma ni está entre las autoridades de confianza de esta aplicación; no se puede confirmar la identidad del firmante.`,
      chain: names(),
    }
  }
  if (identity.trust === 'cadena-invalida') return identity

  // Dates: a certificate outside its validity when signed is worse than one that expired since.
  const infos = chain.map((cert) => describeCertificate(cert.raw))
  const { signedAt, now } = options
  const notValidWhenSigned = signedAt ? infos.find((info) => signedAt < info.validFrom || signedAt > info.validTo) : undefined
  if (notValidWhenSigned) {
    return {
      trust: 'no-vigente-al-firmar',
      explanation: `El certificado «${notValidWhenSigned.name}» no estaba vigente en la fecha declarada de la firma (vigencia del ${spanishDate(notValidWhenSigned.validFrom)} al ${spanishDate(notValidWhenSigned.validTo)}). ${identity.explanation}`,
      chain: identity.chain,
    }
  }
  const expired = infos.find((info) => now > info.validTo)
  if (expired) {
    return {
      trust: 'vencido',
      explanation: `El certificado «${expired.name}» venció el ${spanishDate(expired.validTo)}. Según la fecha que declara el firmante (no respaldada por un sello de tiempo), estaba vigente al firmar. ${identity.explanation}`,
      chain: identity.chain,
    }
  }
  return identity
}

function uniqueCertificates(ders: readonly Buffer[]): X509Certificate[] {
  const result: X509Certificate[] = []
  for (const der of ders) {
    try {
      const cert = new X509Certificate(der)
      if (!result.some((other) => other.raw.equals(cert.raw))) result.push(cert)
    } catch {
      // An unreadable embedded certificate simply cannot serve as an issuer.
    }
  }
  return result
}
