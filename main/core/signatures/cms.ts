/**
 * The CMS SignedData inside a PAdES signature (ETSI EN 319 142-1, baseline B-B):
 * detached content, SHA-256, and exactly the signed attributes the baseline
 * asks for: content-type, message-digest and signing-certificate-v2 (ESS,
 * RFC 5035). No signing-time attribute: PAdES puts the time in the signature
 * dictionary's /M instead.
 *
 * pkijs/asn1js build and parse the structures; Node's crypto hashes, signs and
 * verifies. Nothing here is hand-encoded.
 */
import { constants, createHash, sign as nodeSign, verify as nodeVerify, X509Certificate, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  subjectKeyIdentifier: '2.5.29.14',
}

const DIGEST_NAMES: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' }

/** Signature algorithms by OID: the digest they imply (if any) and the key family. */
const SIGNATURE_ALGORITHMS: Record<string, { family: 'rsa' | 'ec' | 'rsa-pss'; digest?: string }> = {
  [OID.rsaEncryption]: { family: 'rsa' },
  '1.2.840.113549.1.1.5': { family: 'rsa', digest: 'sha1' },
  '1.2.840.113549.1.1.11': { family: 'rsa', digest: 'sha256' },
  '1.2.840.113549.1.1.12': { family: 'rsa', digest: 'sha384' },
  '1.2.840.113549.1.1.13': { family: 'rsa', digest: 'sha512' },
  [OID.rsaPss]: { family: 'rsa-pss' },
  [OID.ecPublicKey]: { family: 'ec' },
  '1.2.840.10045.4.1': { family: 'ec', digest: 'sha1' },
  '1.2.840.10045.4.3.2': { family: 'ec', digest: 'sha256' },
  '1.2.840.10045.4.3.3': { family: 'ec', digest: 'sha384' },
  '1.2.840.10045.4.3.4': { family: 'ec', digest: 'sha512' },
}

export function digestName(oid: string): string | undefined {
  return DIGEST_NAMES[oid]
}

export interface CmsSigner {
  certificate: Buffer
  chain: readonly Buffer[]
  privateKey: KeyObject
}

/** How a key signs, and the largest signature it can produce (to size the PDF placeholder). */
function signatureScheme(key: KeyObject): { algorithm: pkijs.AlgorithmIdentifier; maxLength: number } {
  const details = key.asymmetricKeyDetails ?? {}
  if (key.asymmetricKeyType === 'rsa') {
    // rsaEncryption with the digest named in digestAlgorithm: the most widely accepted form (RFC 3370 §3.2).
    return { algorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }), maxLength: Math.ceil((details.modulusLength ?? 4096) / 8) }
  }
  if (key.asymmetricKeyType === 'ec') {
    const sizes: Record<string, number> = { prime256v1: 32, 'P-256': 32, secp384r1: 48, 'P-384': 48, secp521r1: 66, 'P-521': 66 }
    const size = sizes[details.namedCurve ?? ''] ?? 66
    // DER SEQUENCE of two INTEGERs, each possibly one byte longer than the curve.
    return { algorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' }), maxLength: 2 * (size + 3) + 3 }
  }
  throw new UnsupportedKeyError(key.asymmetricKeyType ?? 'desconocido')
}

export class UnsupportedKeyError extends Error {}

/**
 * Builds the DER ContentInfo for a detached signature over content whose
 * SHA-256 is `digest`. With `dryRun`, the signature value is zeros of the
 * largest possible length: the result is the size the real one will not exceed.
 */
export function buildCadesDetached(signer: CmsSigner, digest: Buffer, options: { dryRun?: boolean } = {}): Buffer {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(signer.certificate))
  const scheme = signatureScheme(signer.privateKey)
  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })

  const essCertIdV2 = new asn1js.Sequence({
    // hashAlgorithm is omitted: its DEFAULT is SHA-256.
    value: [
      new asn1js.OctetString({ valueHex: new Uint8Array(createHash('sha256').update(signer.certificate).digest()) }),
      new pkijs.IssuerSerial({
        issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }),
        serialNumber: certificate.serialNumber,
      }).toSchema(),
    ],
  })
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] }),
  ]
  // DER orders a SET OF by the encodings of its members; the signed bytes and the stored ones must agree.
  const encoded = attributes.map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER()) }))
  encoded.sort((a, b) => Buffer.compare(a.der, b.der))
  const sorted = encoded.map((item) => item.attribute)
  const toBeSigned = Buffer.from(new asn1js.Set({ value: sorted.map((attribute) => attribute.toSchema()) }).toBER())

  const signature = options.dryRun ? Buffer.alloc(scheme.maxLength, 0xff) : nodeSign('sha256', toBeSigned, signer.privateKey)

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [signer.certificate, ...signer.chain].map((der) => pkijs.Certificate.fromBER(new Uint8Array(der))),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        digestAlgorithm: sha256(),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
        signatureAlgorithm: scheme.algorithm,
        signature: new asn1js.OctetString({ valueHex: new Uint8Array(signature) }),
      }),
    ],
  })
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) })
  return Buffer.from(contentInfo.toSchema().toBER())
}

// ---------------------------------------------------------------------------
// Checking

export interface CmsCheck {
  /** DER of the signer's certificate, when it could be found among the embedded ones. */
  signerCertificate?: Buffer
  /** Every embedded certificate, DER as stored. */
  certificates: Buffer[]
  digestAlgorithm?: string
  /** The content digest matches the message-digest attribute. */
  digestMatches: boolean
  /** The signature over the signed attributes verifies with the signer's public key. */
  signatureValid: boolean
  /** signing-certificate(-v2) names the certificate used (undefined when the attribute is absent). */
  certificateBound?: boolean
  /** A signing-time attribute, if the signer put one (PAdES does not). */
  signingTime?: Date
  problems: string[]
}

/**
 * Checks a detached CMS signature. `digestOf` hashes the signed content with
 * the algorithm the signature names.
 */
export function checkDetachedCms(der: Buffer, digestOf: (algorithm: string) => Buffer): CmsCheck {
  const result: CmsCheck = { certificates: [], digestMatches: false, signatureValid: false, problems: [] }
  let signedData: pkijs.SignedData
  let certificateNodes: asn1js.AsnType[]
  try {
    const parsed = asn1js.fromBER(new Uint8Array(der))
    if (parsed.offset === -1) throw new Error(parsed.result.error)
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result })
    if (contentInfo.contentType !== OID.signedData) throw new Error('no es SignedData')
    signedData = new pkijs.SignedData({ schema: contentInfo.content })
    // The certificates exactly as stored (re-encoding could change bytes the ESS hash covers).
    const content = contentInfo.content as asn1js.Sequence
    const tagged = content.valueBlock.value.find((node) => node.idBlock.tagClass === 3 && node.idBlock.tagNumber === 0) as asn1js.Constructed | undefined
    certificateNodes = tagged?.valueBlock.value ?? []
  } catch {
    result.problems.push('El contenido de la firma no es una estructura CMS válida.')
    return result
  }
  result.certificates = certificateNodes.filter((node) => node.idBlock.tagClass === 1).map((node) => Buffer.from(node.valueBeforeDecodeView))

  const signerInfo = signedData.signerInfos[0]
  if (!signerInfo || signedData.signerInfos.length !== 1) {
    result.problems.push('La firma debe tener exactamente un firmante.')
    if (!signerInfo) return result
  }
  const digestAlgorithm = digestName(signerInfo.digestAlgorithm.algorithmId)
  if (!digestAlgorithm) {
    result.problems.push(`Algoritmo de resumen no admitido (${signerInfo.digestAlgorithm.algorithmId}).`)
    return result
  }
  result.digestAlgorithm = digestAlgorithm
  if (signedData.encapContentInfo.eContent) result.problems.push('La firma incluye el contenido; se esperaba una firma separada (detached).')

  const signerCertificate = result.certificates.find((certDer) => identifies(signerInfo.sid, certDer))
  if (signerCertificate) result.signerCertificate = signerCertificate
  else result.problems.push('El certificado del firmante no viene incluido en la firma.')

  const attributes = signerInfo.signedAttrs
  if (!attributes || attributes.attributes.length === 0) {
    result.problems.push('La firma no tiene atributos firmados, como exige PAdES.')
    return result
  }
  const find = (type: string) => attributeValue(attributes, type)
  const contentType = find(OID.contentType)
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data) {
    result.problems.push('El atributo content-type falta o no es «data».')
  }
  const messageDigest = find(OID.messageDigest)
  const digest = digestOf(digestAlgorithm)
  if (!(messageDigest instanceof asn1js.OctetString)) {
    result.problems.push('Falta el atributo message-digest.')
  } else if (Buffer.from(messageDigest.valueBlock.valueHexView).equals(digest)) {
    result.digestMatches = true
  } else {
    result.problems.push('El resumen de los bytes firmados no coincide con el de la firma: el documento fue modificado.')
  }
  const signingTime = find(OID.signingTime)
  if (signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime) result.signingTime = signingTime.toDate()

  if (signerCertificate) {
    result.certificateBound = checkSigningCertificate(attributes, signerCertificate)
    if (result.certificateBound === false) result.problems.push('El atributo signing-certificate no corresponde al certificado del firmante.')
    try {
      result.signatureValid = verifySignature(signerInfo, Buffer.from(attributes.encodedValue), signerCertificate, digestAlgorithm)
    } catch {
      result.signatureValid = false
    }
    if (!result.signatureValid) result.problems.push('La firma criptográfica no corresponde a los atributos firmados y al certificado.')
  }
  return result
}

/**
 * The first value of the attribute of that type, if present. pkijs declares
 * `Attribute.values` as `any[]`; they are asn1js blocks of whatever type the
 * attribute carries, so callers narrow them with instanceof.
 */
function attributeValue(attributes: pkijs.SignedAndUnsignedAttributes, type: string): unknown {
  const values: readonly unknown[] | undefined = attributes.attributes.find((attribute) => attribute.type === type)?.values
  return values?.[0]
}

function identifies(sid: unknown, certDer: Buffer): boolean {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(certDer))
    if (sid instanceof pkijs.IssuerAndSerialNumber) return cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber)
    // [0] SubjectKeyIdentifier
    if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
      const wanted = Buffer.from(sid instanceof asn1js.Primitive ? sid.valueBlock.valueHexView : (sid.valueBlock.value[0] as asn1js.OctetString).valueBlock.valueHexView)
      const extension = cert.extensions?.find((ext) => ext.extnID === OID.subjectKeyIdentifier)
      const parsed = extension?.parsedValue as asn1js.OctetString | undefined
      return parsed !== undefined && Buffer.from(parsed.valueBlock.valueHexView).equals(wanted)
    }
  } catch {
    return false
  }
  return false
}

function checkSigningCertificate(attributes: pkijs.SignedAndUnsignedAttributes, certDer: Buffer): boolean | undefined {
  const v2 = attributeValue(attributes, OID.signingCertificateV2)
  const v1 = attributeValue(attributes, OID.signingCertificate)
  const value = v2 ?? v1
  if (!(value instanceof asn1js.Sequence)) return undefined
  try {
    const certs = value.valueBlock.value[0] as asn1js.Sequence
    const first = certs.valueBlock.value[0] as asn1js.Sequence
    const fields = first.valueBlock.value
    let algorithm = v2 ? 'sha256' : 'sha1'
    let hashNode = fields[0]
    if (v2 && fields[0] instanceof asn1js.Sequence) {
      algorithm = digestName(new pkijs.AlgorithmIdentifier({ schema: fields[0] }).algorithmId) ?? ''
      hashNode = fields[1]
    }
    if (!algorithm || !(hashNode instanceof asn1js.OctetString)) return false
    return createHash(algorithm).update(certDer).digest().equals(Buffer.from(hashNode.valueBlock.valueHexView))
  } catch {
    return false
  }
}

function verifySignature(signerInfo: pkijs.SignerInfo, signedBytes: Buffer, certDer: Buffer, digestAlgorithm: string): boolean {
  const algorithm = SIGNATURE_ALGORITHMS[signerInfo.signatureAlgorithm.algorithmId]
  if (!algorithm) return false
  const publicKey = new X509Certificate(certDer).publicKey
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView)
  if (algorithm.family === 'rsa-pss') {
    const params = new pkijs.RSASSAPSSParams({ schema: signerInfo.signatureAlgorithm.algorithmParams })
    const hash = digestName(params.hashAlgorithm.algorithmId) ?? 'sha1'
    return nodeVerify(hash, signedBytes, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature)
  }
  return nodeVerify(algorithm.digest ?? digestAlgorithm, signedBytes, algorithm.family === 'ec' ? { key: publicKey, dsaEncoding: 'der' } : publicKey, signature)
}
