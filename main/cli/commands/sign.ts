import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createHash } from 'node:crypto'
import { AppError } from '../../core/errors'
import { describeSigner, loadEfirma, loadPkcs12, signPdf, type SignerCredentials } from '../../core/signatures'
import { spanishDate } from '../../core/signatures/pdf-date'
import { writeFileDurable } from '../../core/store/durable-write'

export interface SignArgs {
  input: string
  out: string
  p12?: string
  cer?: string
  key?: string
  passwordEnv: string
  reason?: string
  location?: string
}

/**
 * Signs a PDF. The password comes from the environment variable the user
 * names, never from the command line; it is not printed or kept.
 */
export async function runSign(args: SignArgs, now: () => Date = () => new Date()): Promise<number> {
  const password = process.env[args.passwordEnv]
  if (password === undefined) throw new AppError('VALIDACION', `La variable de entorno ${args.passwordEnv} no está definida; póngala con la contraseña del certificado.`)
  const pdf = await readInput(args.input, 'el PDF')
  const credentials: SignerCredentials = args.p12
    ? loadPkcs12(await readInput(args.p12, 'el certificado .p12'), password)
    : loadEfirma(await readInput(args.cer as string, 'el certificado .cer'), await readInput(args.key as string, 'la llave .key'), password)

  const signer = describeSigner(credentials)
  console.log(`Firmante: ${signer.name}`)
  if (signer.rfc) console.log(`RFC: ${signer.rfc}`)
  if (signer.curp) console.log(`CURP: ${signer.curp}`)
  if (signer.representativeRfc || signer.representativeCurp) {
    console.log(`Representante legal: ${[signer.representativeRfc && `RFC ${signer.representativeRfc}`, signer.representativeCurp && `CURP ${signer.representativeCurp}`].filter(Boolean).join(', ')}`)
  }
  console.log(`Emisor: ${signer.issuer} · vigente del ${spanishDate(signer.validFrom)} al ${spanishDate(signer.validTo)}`)

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

async function readInput(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError('LECTURA', code === 'ENOENT' ? `No existe ${what}: ${file}.` : `No se pudo leer ${what} (${file}).`, { cause: error })
  }
}
