/** Input schemas of documents and signatures. */
import { z } from 'zod'
import { idSchema } from '../model/schema'

const base64 = (maxBytes: number, what: string) =>
  z
    .string()
    .min(1, `Falta ${what}`)
    .max(Math.ceil(maxBytes / 3) * 4, `${what} es demasiado grande`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, `${what} no es válido`)

export const DOCUMENT_KINDS = ['acta', 'convocatoria', 'reporte'] as const

export const startDocumentSchema = z
  .object({ kind: z.enum(DOCUMENT_KINDS), sessionId: idSchema.nullable() })
  .strict()
  .refine((input) => input.kind === 'reporte' || input.sessionId !== null, { message: 'Indique la sesión', path: ['sessionId'] })
export const jobRefSchema = z.object({ jobId: z.string().regex(/^job-[a-f0-9]{12}$/, 'Trabajo no válido') }).strict()

/** A certificate and its key: never stored, held in memory only while in use. */
export const credentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('p12'), p12Base64: base64(200_000, 'el archivo .p12'), password: z.string().max(256) }).strict(),
  z
    .object({ kind: z.literal('efirma'), cerBase64: base64(50_000, 'el certificado .cer'), keyBase64: base64(50_000, 'la llave .key'), password: z.string().max(256) })
    .strict(),
])

export const describeCredentialsSchema = z.object({ credentials: credentialsSchema }).strict()
export const signActaSchema = z
  .object({
    sessionId: idSchema,
    credentials: credentialsSchema,
    reason: z.string().trim().max(200).default('Firma del acta de la sesión'),
    location: z.string().trim().max(200).default('Guadalajara, Jalisco'),
    /** The SHA-256 of the document the signer previewed: the core signs those exact bytes or refuses. */
    expectedSha256: z.string().regex(/^[a-f0-9]{64}$/, 'Falta la huella del documento revisado'),
    /** The expected signer whose reserved field this signature fills; null lets the core choose from the certificate. */
    signerId: idSchema.nullable().default(null),
  })
  .strict()
/** The order in which the expected signers sign: member ids, each expected signer once. */
const signingOrderSchema = z.array(idSchema).min(1, 'Indique el orden de firma').max(500)
export const startSignatureCircuitSchema = z.object({ sessionId: idSchema, order: signingOrderSchema.nullable().default(null) }).strict()
export const setSignatureOrderSchema = z.object({ sessionId: idSchema, order: signingOrderSchema }).strict()
/** A PDF returned by a signer: the current acta plus one signature. */
export const receiveSignedActaSchema = z.object({ sessionId: idSchema, contentBase64: base64(100 * 1024 * 1024, 'el PDF firmado') }).strict()
/** The signer's side: the acta received for signing. */
export const openActaForSigningSchema = z.object({ fileName: z.string().trim().max(260).default('acta.pdf'), contentBase64: base64(100 * 1024 * 1024, 'el PDF') }).strict()
export const signActaFileSchema = z
  .object({
    fileName: z.string().trim().max(260).default('acta.pdf'),
    contentBase64: base64(100 * 1024 * 1024, 'el PDF'),
    expectedSha256: z.string().regex(/^[a-f0-9]{64}$/, 'Falta la huella del documento revisado'),
    field: z.string().min(1, 'Elija el espacio de firma').max(200),
    credentials: credentialsSchema,
    reason: z.string().trim().max(200).default('Firma del acta de la sesión'),
    location: z.string().trim().max(200).default('Guadalajara, Jalisco'),
  })
  .strict()
export const verifyPdfSchema = z.object({ contentBase64: base64(100 * 1024 * 1024, 'el PDF') }).strict()
export const sessionRefSchema = z.object({ sessionId: idSchema }).strict()
export const addErrataSchema = z
  .object({ sessionId: idSchema, text: z.string().trim().min(1, 'El texto de la fe de erratas es obligatorio').max(8000, 'Máximo 8000 caracteres') })
  .strict()

/** A certificate authority's certificate as read from a .cer (DER), .pem or .crt file. */
export const addTrustedAuthoritySchema = z
  .object({ fileName: z.string().trim().min(1, 'Falta el nombre del archivo').max(260), contentBase64: base64(64 * 1024, 'el certificado') })
  .strict()
export const trustedAuthorityRefSchema = z.object({ id: idSchema }).strict()
