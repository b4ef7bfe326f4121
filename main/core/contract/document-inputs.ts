/** Input schemas of documents and signatures. */
import { z } from 'zod'
import { idSchema } from '../model/schema'

/**
 * Marks a refusal written as a whole sentence for the person who chose the
 * file or typed the password: the bridge shows it as it is, without the
 * field's name (the field is the bridge's, not the user's). See dispatch.ts.
 */
export const PLAIN_ISSUE = { plain: true } as const

/** Whether a zod issue is one of those sentences. */
export function isPlainIssue(issue: { code: string; params?: Record<string, unknown> }): boolean {
  return issue.code === 'custom' && issue.params?.plain === true
}

/** «2 MB», «100 MB»: a limit as the messages name it. */
function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`
}

/** How the messages about a chosen file name it: «El archivo .p12», «La llave .key». */
interface FileWords {
  /** The file, as a sentence starts with it. */
  subject: string
  /** What is missing when nothing came: «el archivo PDF». */
  expected: string
  /** The subject is feminine (la llave): «vacía», «elíjala». */
  feminine?: boolean
}

/**
 * A file's content as the renderer reads it (base64), refused in plain
 * words: missing, empty, too large (the limit named) or not readable.
 */
const fileContent = (maxBytes: number, words: FileWords) =>
  z.custom<string>().superRefine((value, context) => {
    const [empty, pick] = words.feminine ? ['vacía', 'elíjala'] : ['vacío', 'elíjalo']
    const refuse = (message: string) => context.addIssue({ code: 'custom', message, params: PLAIN_ISSUE })
    if (typeof value !== 'string') return refuse(`Falta ${words.expected}: elija el archivo.`)
    if (value.length === 0) return refuse(`${words.subject} está ${empty}: no tiene contenido. Elija otro archivo.`)
    if (value.length > Math.ceil(maxBytes / 3) * 4) return refuse(`${words.subject} es demasiado grande: el máximo es ${sizeLabel(maxBytes)}.`)
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return refuse(`${words.subject} no se pudo leer: ${pick} de nuevo.`)
  })

const base64 = (maxBytes: number, what: string) =>
  z
    .string()
    .min(1, `Falta ${what}`)
    .max(Math.ceil(maxBytes / 3) * 4, `${what} es demasiado grande`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, `${what} no es válido`)

/** The largest PDF the bridge takes (an acta, or any PDF to verify). */
export const PDF_MAX_BYTES = 100 * 1024 * 1024
const pdfFile = (subject = 'El archivo') => fileContent(PDF_MAX_BYTES, { subject, expected: 'el archivo PDF' })

/** The message for a certificate's password left empty: it is asked for, never tried. */
export const EMPTY_PASSWORD_MESSAGE = 'Escriba la contraseña del certificado: sin ella no se puede abrir la llave privada.'

/**
 * The password of a certificate or of its key: never stored. It may be empty
 * (a .p12 exported without one opens so); when an empty one does not open the
 * file, the credentials loader asks for it with EMPTY_PASSWORD_MESSAGE instead
 * of calling it wrong.
 */
export const certificatePasswordSchema = z.string().superRefine((value, context) => {
  if (value.length > 256) context.addIssue({ code: 'custom', message: 'La contraseña es demasiado larga: admite hasta 256 caracteres.', params: PLAIN_ISSUE })
})

export const DOCUMENT_KINDS = ['acta', 'convocatoria', 'lista-asistencia', 'reporte'] as const

export const startDocumentSchema = z
  .object({ kind: z.enum(DOCUMENT_KINDS), sessionId: idSchema.nullable() })
  .strict()
  .refine((input) => input.kind === 'reporte' || input.sessionId !== null, { message: 'Indique la sesión', path: ['sessionId'] })
export const jobRefSchema = z.object({ jobId: z.string().regex(/^job-[a-f0-9]{12}$/, 'Trabajo no válido') }).strict()

/** A certificate and its key: never stored, held in memory only while in use. */
export const credentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('p12'), p12Base64: fileContent(200_000, { subject: 'El archivo .p12', expected: 'el archivo .p12 o .pfx' }), password: certificatePasswordSchema }).strict(),
  z
    .object({
      kind: z.literal('efirma'),
      cerBase64: fileContent(50_000, { subject: 'El certificado .cer', expected: 'el certificado .cer' }),
      keyBase64: fileContent(50_000, { subject: 'La llave .key', expected: 'la llave .key', feminine: true }),
      password: certificatePasswordSchema,
    })
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
export const receiveSignedActaSchema = z.object({ sessionId: idSchema, contentBase64: pdfFile('El PDF firmado') }).strict()
/** The signer's side: the acta received for signing. */
export const openActaForSigningSchema = z.object({ fileName: z.string().trim().max(260).default('acta.pdf'), contentBase64: pdfFile() }).strict()
export const signActaFileSchema = z
  .object({
    fileName: z.string().trim().max(260).default('acta.pdf'),
    contentBase64: pdfFile(),
    expectedSha256: z.string().regex(/^[a-f0-9]{64}$/, 'Falta la huella del documento revisado'),
    field: z.string().min(1, 'Elija el espacio de firma').max(200),
    credentials: credentialsSchema,
    reason: z.string().trim().max(200).default('Firma del acta de la sesión'),
    location: z.string().trim().max(200).default('Guadalajara, Jalisco'),
  })
  .strict()
export const verifyPdfSchema = z.object({ contentBase64: pdfFile() }).strict()
export const sessionRefSchema = z.object({ sessionId: idSchema }).strict()
export const addErrataSchema = z
  .object({ sessionId: idSchema, text: z.string().trim().min(1, 'El texto de la fe de erratas es obligatorio').max(8000, 'Máximo 8000 caracteres') })
  .strict()

/** A certificate authority's certificate as read from a .cer (DER), .pem or .crt file. */
export const addTrustedAuthoritySchema = z
  .object({ fileName: z.string().trim().min(1, 'Falta el nombre del archivo').max(260), contentBase64: base64(64 * 1024, 'el certificado') })
  .strict()
export const trustedAuthorityRefSchema = z.object({ id: idSchema }).strict()
