import { resolve } from 'node:path'
import { createHash } from 'node:crypto'
import { AppError } from '../../core/errors'
import { signPdf } from '../../core/signatures'
import { writeFileDurable } from '../../core/store/durable-write'
import { openCredentials, passwordFrom, printSigner, readInput, type CredentialArgs } from '../credentials'

export interface SignArgs extends CredentialArgs {
  input: string
  out: string
  reason?: string
  location?: string
}

/**
 * Signs a PDF. The password comes from the environment variable the user
 * names, never from the command line; it is not printed or kept.
 */
export async function runSign(args: SignArgs, now: () => Date = () => new Date()): Promise<number> {
  // A missing variable is refused before any file is read.
  passwordFrom(args.passwordEnv)
  const pdf = await readInput(args.input, 'el PDF')
  const credentials = await openCredentials(args)
  printSigner(credentials)

  const signed = await signPdf(pdf, credentials, {
    signingTime: now(),
    ...(args.reason ? { reason: args.reason } : {}),
    ...(args.location ? { location: args.location } : {}),
  })
  const out = resolve(args.out)
  try {
    await writeFileDurable(out, signed)
  } catch (error) {
    throw new AppError('ESCRITURA', `No se pudo escribir ${out}: ${error instanceof Error ? error.message : 'error desconocido'}.`, { cause: error })
  }
  console.log(`PDF firmado escrito en ${out} (SHA-256 ${createHash('sha256').update(signed).digest('hex')}).`)
  return 0
}
