/**
 * `sign-acta FILE --session ID|latest …`: signs a held session's acta from
 * the command line, through the same core function as the app. The first
 * signature turns the concluded session into a signed one and keeps the
 * signed PDF in the data folder (`actas/…`); later signers sign that file
 * again. The signature fills the field reserved for the session's technical
 * secretary. A copy of the signed PDF can be written with `--out`.
 */
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { z } from 'zod'
import { signActaSchema } from '../../core/contract/document-inputs'
import { sessionForActa } from '../../core/documents/select-session'
import { writePdfFile } from '../../core/documents/write-pdf'
import { sessionTitle } from '../../core/domain/session-title'
import { AppError, describeZodError } from '../../core/errors'
import { signSessionActa } from '../../core/ipc/handlers/signing'
import { COMMAND_LINE_PROGRAM, COMMAND_LINE_WAIT_MS } from '../../core/store/lock'
import { Store } from '../../core/store/store'
import { openCredentials, passwordFrom, printSigner, type CredentialArgs } from '../credentials'

export interface SignActaArgs extends CredentialArgs {
  file: string
  /** A session id or `latest`. */
  session: string
  out?: string
  reason?: string
  location?: string
}

/** The app's own defaults and limits for the reason and the place of the signature. */
function signatureText(schema: z.ZodType<string>, value: string | undefined, option: string): string {
  const parsed = schema.safeParse(value || undefined)
  if (!parsed.success) throw new AppError('VALIDACION', `${option}: ${describeZodError(parsed.error).replace(/^\(raíz\): /, '')}.`)
  return parsed.data
}

export async function runSignActa(args: SignActaArgs, now: () => Date = () => new Date()): Promise<number> {
  const dataFile = resolve(args.file)
  // Store.open would create an empty data file; signing needs the real one.
  if (!(await stat(dataFile).then((info) => info.isFile(), () => false))) throw new AppError('NO_ENCONTRADO', `No existe el archivo de datos ${args.file}.`)
  const out = args.out === undefined ? null : resolve(args.out)
  if (out === dataFile) throw new AppError('VALIDACION', 'El archivo de salida (--out) no puede ser el archivo de datos.')
  const reason = signatureText(signActaSchema.shape.reason, args.reason, '--reason')
  const location = signatureText(signActaSchema.shape.location, args.location, '--location')
  passwordFrom(args.passwordEnv)
  const credentials = await openCredentials(args)

  const store = await Store.open({ dataFile, now, program: { program: COMMAND_LINE_PROGRAM, command: 'sign-acta' }, waitForLockMs: COMMAND_LINE_WAIT_MS })
  try {
    if (store.state.kind !== 'ready') throw new AppError('SIN_DATOS', `El archivo de datos no se puede usar: ${store.state.problem}`)
    const session = sessionForActa(store.data, args.session)
    printSigner(credentials)
    const result = await signSessionActa(
      store,
      { sessionId: session.id, credentials, reason, location, signerId: session.secretaryId },
      { now: now() },
    )
    console.log(`Acta de la ${sessionTitle(session)} firmada; la sesión queda firmada.`)
    console.log(`Acta firmada guardada en la carpeta de datos: ${result.storedPath}`)
    console.log(`SHA-256: ${result.sha256}`)
    if (out !== null) {
      const target = await writePdfFile(out, result.bytes, dataFile)
      console.log(`Copia escrita en ${target}.`)
    }
    return 0
  } finally {
    await store.close()
  }
}
