/**
 * What `sign` and `sign-acta` share: reading input files with a Spanish
 * reason, opening the signer's credentials (a PKCS#12, or a SAT e.firma) with
 * the password taken from the environment variable the user names, and
 * showing who is about to sign. The password never goes on the command line,
 * and is not printed or kept.
 */
import { readFile } from 'node:fs/promises'
import { AppError } from '../core/errors'
import { describeSigner, loadEfirma, loadPkcs12, type SignerCredentials } from '../core/signatures'
import { spanishDate } from '../core/signatures/pdf-date'

export interface CredentialArgs {
  p12?: string
  cer?: string
  key?: string
  /** The name of the environment variable that holds the password. */
  passwordEnv: string
}

export async function readInput(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AppError('LECTURA', code === 'ENOENT' ? `No existe ${what}: ${file}.` : `No se pudo leer ${what} (${file}).`, { cause: error })
  }
}

/** The password from the named variable; refused when it is not set. */
export function passwordFrom(variable: string): string {
  const password = process.env[variable]
  if (password === undefined) throw new AppError('VALIDACION', `La variable de entorno ${variable} no está definida; póngala con la contraseña del certificado.`)
  return password
}

export async function openCredentials(args: CredentialArgs): Promise<SignerCredentials> {
  const password = passwordFrom(args.passwordEnv)
  return args.p12
    ? loadPkcs12(await readInput(args.p12, 'el certificado .p12'), password)
    : loadEfirma(await readInput(args.cer as string, 'el certificado .cer'), await readInput(args.key as string, 'la llave .key'), password)
}

/** Who signs, as the certificate says: name, RFC, CURP, legal representative, issuer and validity. */
export function printSigner(credentials: SignerCredentials): void {
  const signer = describeSigner(credentials)
  console.log(`Firmante: ${signer.name}`)
  if (signer.rfc) console.log(`RFC: ${signer.rfc}`)
  if (signer.curp) console.log(`CURP: ${signer.curp}`)
  if (signer.representativeRfc || signer.representativeCurp) {
    console.log(`Representante legal: ${[signer.representativeRfc && `RFC ${signer.representativeRfc}`, signer.representativeCurp && `CURP ${signer.representativeCurp}`].filter(Boolean).join(', ')}`)
  }
  console.log(`Emisor: ${signer.issuer} · vigente del ${spanishDate(signer.validFrom)} al ${spanishDate(signer.validTo)}`)
}
