import { resolve } from 'node:path'
import { createHash } from 'node:crypto'
import { AppError } from '../../core/errors'
import { describeSigner, signPdf } from '../../core/signatures'
import { signatureAppearanceLines } from '../../core/signatures/appearance'
import { openPdfDocument, signatureFieldsOf } from '../../core/signatures/signature-fields'
import { writeFileDurable } from '../../core/store/durable-write'
import { openCredentials, passwordFrom, printSigner, readInput, type CredentialArgs } from '../credentials'

export interface SignArgs extends CredentialArgs {
  input: string
  out: string
  reason?: string
  location?: string
  /** The reserved signature field to fill (its name, /T); without it an invisible field is added. */
  field?: string
}

/** Refuses a field the PDF does not reserve, or one already signed: signPdf would otherwise add a new field. */
function assertFieldFree(pdf: Buffer, name: string): void {
  const fields = signatureFieldsOf(openPdfDocument(pdf))
  const field = fields.find((candidate) => candidate.field === name)
  if (!field) {
    const free = fields.filter((candidate) => !candidate.signed).map((candidate) => `«${candidate.field}»`)
    const hint = free.length > 0 ? ` Campos de firma pendientes: ${free.join(', ')}.` : fields.length > 0 ? ' Todos sus campos de firma ya están firmados.' : ' El PDF no tiene campos de firma reservados.'
    throw new AppError('VALIDACION', `El PDF no tiene el campo de firma «${name}».${hint} No se escribió nada.`)
  }
  if (field.signed) throw new AppError('REGLA', `El campo de firma «${name}» ya está firmado. No se escribió nada.`)
}

/**
 * Signs a PDF. The password comes from the environment variable the user
 * names, never from the command line; it is not printed or kept. With
 * `--field`, the signature fills that reserved field with a visible
 * appearance (name, RFC, certificate serial, date and reason).
 */
export async function runSign(args: SignArgs, now: () => Date = () => new Date()): Promise<number> {
  // A missing variable is refused before any file is read.
  passwordFrom(args.passwordEnv)
  const pdf = await readInput(args.input, 'el PDF')
  if (args.field !== undefined) assertFieldFree(pdf, args.field)
  const credentials = await openCredentials(args)
  printSigner(credentials)

  const signingTime = now()
  const signer = describeSigner(credentials)
  const signed = await signPdf(pdf, credentials, {
    signingTime,
    ...(args.reason ? { reason: args.reason } : {}),
    ...(args.location ? { location: args.location } : {}),
    ...(args.field !== undefined
      ? {
          field: args.field,
          appearance: signatureAppearanceLines({
            signer: signer.name,
            ...(signer.rfc ? { rfc: signer.rfc } : {}),
            serialNumber: signer.serial,
            signingTime,
            ...(args.reason ? { reason: args.reason } : {}),
          }),
        }
      : {}),
  })
  const out = resolve(args.out)
  try {
    await writeFileDurable(out, signed)
  } catch (error) {
    throw new AppError('ESCRITURA', `No se pudo escribir ${out}: ${error instanceof Error ? error.message : 'error desconocido'}.`, { cause: error })
  }
  console.log(`PDF firmado${args.field !== undefined ? ` en el campo «${args.field}»` : ''} escrito en ${out} (SHA-256 ${createHash('sha256').update(signed).digest('hex')}).`)
  return 0
}
