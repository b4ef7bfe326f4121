/**
 * What a person needs to see about a certificate: whose it is, who issued it,
 * and for how long. For a SAT e.firma the subject also carries the RFC and the
 * CURP, in two attributes whose values may name a company and its legal
 * representative together:
 *
 *   persona física:  x500UniqueIdentifier (2.5.4.45) = "COSC8001137NA"
 *                    serialNumber (2.5.4.5)          = "COSC800113HDFRRN09"
 *   persona moral:   x500UniqueIdentifier            = "EKU9003173C9 / VADA800927DJ3"
 *                    serialNumber                    = " / VADA800927HSRSRL05"
 *
 * (company RFC / representative's RFC; the company has no CURP, so the first
 * half is empty). Values that do not look like an RFC or a CURP are ignored,
 * because other authorities put unrelated identifiers in serialNumber.
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

export interface CertificateInfo {
  /** Common name, else the SAT "name" attribute, else the organization. */
  name: string
  /** The holder's RFC (a person's, or a company's). */
  rfc?: string
  /** The holder's CURP (people only). */
  curp?: string
  /** For a company's e.firma: its legal representative's RFC and CURP. */
  representativeRfc?: string
  representativeCurp?: string
  /** From the RFC's shape: 13 characters for a person, 12 for a company. */
  kind?: 'persona-fisica' | 'persona-moral'
  email?: string
  issuer: string
  validFrom: Date
  validTo: Date
  /** SAT serial numbers are 20 ASCII digits inside the integer; shown as those digits. Others in hexadecimal. */
  serial: string
}

const OID = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  name: '2.5.4.41',
  x500UniqueIdentifier: '2.5.4.45',
  email: '1.2.840.113549.1.9.1',
}

const RFC_PATTERN = /^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/
const CURP_PATTERN = /^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z\d]\d$/

export function parseCertificate(der: Buffer | Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(der))
}

export function describeCertificate(der: Buffer | Uint8Array): CertificateInfo {
  const cert = parseCertificate(der)
  const subject = nameAttributes(cert.subject)
  const issuer = nameAttributes(cert.issuer)
  const name = subject.get(OID.commonName) ?? subject.get(OID.name) ?? subject.get(OID.organization) ?? '(sin nombre)'
  const ids = splitPair(subject.get(OID.x500UniqueIdentifier))
  const curps = splitPair(subject.get(OID.serialNumber))
  const rfc = matching(ids[0], RFC_PATTERN)
  const curp = matching(curps[0], CURP_PATTERN)
  const representativeRfc = matching(ids[1], RFC_PATTERN)
  const representativeCurp = matching(curps[1], CURP_PATTERN)
  const email = subject.get(OID.email)
  return {
    name,
    ...(rfc ? { rfc, kind: rfc.length === 12 ? ('persona-moral' as const) : ('persona-fisica' as const) } : {}),
    ...(curp ? { curp } : {}),
    ...(representativeRfc && representativeRfc !== rfc ? { representativeRfc } : {}),
    ...(representativeCurp && representativeCurp !== curp ? { representativeCurp } : {}),
    ...(email ? { email } : {}),
    issuer: issuer.get(OID.commonName) ?? issuer.get(OID.organization) ?? issuer.get(OID.organizationalUnit) ?? '(emisor sin nombre)',
    validFrom: cert.notBefore.value,
    validTo: cert.notAfter.value,
    serial: serialText(new Uint8Array(cert.serialNumber.valueBlock.valueHexView)),
  }
}

/** The first value of each attribute type in a distinguished name, as text. */
function nameAttributes(rdn: pkijs.RelativeDistinguishedNames): Map<string, string> {
  const result = new Map<string, string>()
  for (const item of rdn.typesAndValues) {
    if (result.has(item.type)) continue
    const text = attributeText(item.value)
    if (text !== undefined) result.set(item.type, text)
  }
  return result
}

function attributeText(value: unknown): string | undefined {
  if (value instanceof asn1js.BaseStringBlock) return value.getValue()
  // A true x500UniqueIdentifier is a BIT STRING; SAT writes text, others may not.
  if (value instanceof asn1js.BitString) return Buffer.from(value.valueBlock.valueHexView).toString('latin1')
  return undefined
}

function splitPair(value: string | undefined): [string | undefined, string | undefined] {
  if (value === undefined) return [undefined, undefined]
  const [first, second] = value.split('/').map((part) => part.trim().toUpperCase())
  return [first || undefined, second || undefined]
}

function matching(value: string | undefined, pattern: RegExp): string | undefined {
  return value && pattern.test(value) ? value : undefined
}

function serialText(bytes: Uint8Array): string {
  const ascii = Buffer.from(bytes).toString('latin1')
  if (bytes.length >= 10 && /^\d+$/.test(ascii)) return ascii
  return Buffer.from(bytes).toString('hex').toUpperCase()
}
