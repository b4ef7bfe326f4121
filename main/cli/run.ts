/**
 * The command line over the same core as the app:
 *
 *   npm run cli -- demo-data --out FILE [--sessions N] [--seed N] [--today AAAA-MM-DD] [--dense] [--force]
 *   npm run cli -- check FILE
 *   npm run cli -- export FILE --what acuerdos|compromisos --format csv|json --out OUT [--today AAAA-MM-DD]
 *   npm run cli -- import-progress FILE PROGRESS.csv [--dry-run]
 *   npm run cli -- import-members FILE MEMBERS.csv [--dry-run] [--existing omitir|agregar]
 *   npm run cli -- acta FILE --session ID|latest --out OUT.pdf
 *   npm run cli -- convocatoria FILE --session ID|next --out OUT.pdf [--today AAAA-MM-DD]
 *   npm run cli -- reporte FILE --out OUT.pdf [--plan ID] [--today AAAA-MM-DD]
 *   npm run cli -- ics FILE --session ID|next --out S.ics [--today AAAA-MM-DD]
 *   npm run cli -- attendance-sheet FILE --session ID|next --out LISTA.pdf [--today AAAA-MM-DD]
 *   npm run cli -- notice-mail FILE --session ID|next --out DIR [--bcc] [--today AAAA-MM-DD]
 *   npm run cli -- sign IN.pdf --out OUT.pdf [--field NAME] (--p12 FILE | --cer FILE --key FILE) --password-env VAR [--reason TEXT] [--location TEXT] [--at AAAA-MM-DDTHH:MM]
 *   npm run cli -- sign-acta FILE --session ID|latest (--p12 FILE | --cer FILE --key FILE) --password-env VAR [--out COPY.pdf] [--reason TEXT] [--location TEXT] [--at AAAA-MM-DDTHH:MM]
 *   npm run cli -- signatures start FILE --session ID|latest [--signers ID,ID,…] --out ACTA.pdf [--at AAAA-MM-DDTHH:MM]
 *   npm run cli -- signatures status FILE --session ID|latest [--json]
 *   npm run cli -- signatures receive FILE --session ID|latest SIGNED.pdf [--at AAAA-MM-DDTHH:MM]
 *   npm run cli -- signatures current FILE --session ID|latest --out CURRENT.pdf
 *   npm run cli -- verify FILE.pdf [--trust CA.pem]... [--json] [--at AAAA-MM-DDTHH:MM]
 *   npm run cli -- packet export FILE --session ID|next --out P.stlpkg [--today AAAA-MM-DD]
 *   npm run cli -- packet check P.stlpkg
 *   npm run cli -- comments import FILE COMMENTS.json
 *   npm run cli -- backup create FILE --out B.stlbak [--force] [--at AAAA-MM-DDTHH:MM]
 *   npm run cli -- backup verify B.stlbak [--at AAAA-MM-DDTHH:MM]
 *   npm run cli -- backup restore B.stlbak --to FILE [--force] [--at AAAA-MM-DDTHH:MM]
 *
 * `sign-acta` signs a held session's acta in the data file (the same core
 * function as the app: the session becomes «firmada» and the signed PDF is kept
 * under `actas/` next to the data file). `sign --field NAME` fills the PDF's
 * reserved signature field of that name with a visible signature (name, RFC,
 * certificate serial, date, reason); a field the PDF lacks, or one already
 * signed, is refused and nothing is written.
 *
 * `signatures` runs the acta's signature circuit: `start` puts a concluded
 * session «en firma» (the final acta, with one reserved field per expected
 * signer, kept in `actas/`; `--signers` gives the signing order as member
 * ids) and writes the file to send; each signer signs the file they receive
 * (`sign --field`); `receive` accepts it only when it is exactly the current
 * revision plus that one signature, by the field's member; when everyone has
 * signed the session becomes «firmada». `current` writes the file to send
 * next; `status` lists who signed and who is next (`--json`: an array in
 * signing order of { memberId, name, field, status, signedAt }).
 *
 * `verify` exits 1 unless every signature is intact and nothing but later
 * signatures changed the document; `--trust` (repeatable) names certificate
 * authorities to trust, DER or PEM.
 * Passwords are read only from the environment variable `--password-env` names.
 *
 * Exit status 0 on success; otherwise 1 with a one-line Spanish reason on stderr
 * (2 for a malformed command).
 */
import { parseArgs } from 'node:util'
import { AppError } from '../core/errors'
import { referenceClock } from './reference-time'

const USAGE = `Uso:
  npm run cli -- demo-data --out ARCHIVO [--sessions N] [--seed N] [--today AAAA-MM-DD] [--dense] [--force]
  npm run cli -- check ARCHIVO
  npm run cli -- export ARCHIVO --what acuerdos|compromisos --format csv|json --out SALIDA [--today AAAA-MM-DD]
  npm run cli -- import-progress ARCHIVO AVANCE.csv [--dry-run]
  npm run cli -- import-members ARCHIVO INTEGRANTES.csv [--dry-run] [--existing omitir|agregar]
  npm run cli -- acta ARCHIVO --session ID|latest --out SALIDA.pdf
  npm run cli -- convocatoria ARCHIVO --session ID|next --out SALIDA.pdf [--today AAAA-MM-DD]
  npm run cli -- reporte ARCHIVO --out SALIDA.pdf [--plan ID] [--today AAAA-MM-DD]
  npm run cli -- ics ARCHIVO --session ID|next --out INVITACION.ics [--today AAAA-MM-DD]
  npm run cli -- attendance-sheet ARCHIVO --session ID|next --out LISTA.pdf [--today AAAA-MM-DD]
  npm run cli -- notice-mail ARCHIVO --session ID|next --out CARPETA [--bcc] [--today AAAA-MM-DD]
  npm run cli -- sign ENTRADA.pdf --out SALIDA.pdf [--field CAMPO] (--p12 ARCHIVO | --cer ARCHIVO --key ARCHIVO) --password-env VARIABLE [--reason TEXTO] [--location TEXTO] [--at AAAA-MM-DDTHH:MM]
  npm run cli -- sign-acta ARCHIVO --session ID|latest (--p12 ARCHIVO | --cer ARCHIVO --key ARCHIVO) --password-env VARIABLE [--out COPIA.pdf] [--reason TEXTO] [--location TEXTO] [--at AAAA-MM-DDTHH:MM]
  npm run cli -- signatures start ARCHIVO --session ID|latest [--signers ID,ID,…] --out ACTA.pdf [--at AAAA-MM-DDTHH:MM]
  npm run cli -- signatures status ARCHIVO --session ID|latest [--json]
  npm run cli -- signatures receive ARCHIVO --session ID|latest FIRMADO.pdf [--at AAAA-MM-DDTHH:MM]
  npm run cli -- signatures current ARCHIVO --session ID|latest --out ACTUAL.pdf
  npm run cli -- verify ARCHIVO.pdf [--trust AUTORIDAD.pem]... [--json] [--at AAAA-MM-DDTHH:MM]
  npm run cli -- packet export ARCHIVO --session ID|next --out PAQUETE.stlpkg [--today AAAA-MM-DD]
  npm run cli -- packet check PAQUETE.stlpkg
  npm run cli -- comments import ARCHIVO COMENTARIOS.json
  npm run cli -- backup create ARCHIVO --out RESPALDO.stlbak [--force] [--at AAAA-MM-DDTHH:MM]
  npm run cli -- backup verify RESPALDO.stlbak [--at AAAA-MM-DDTHH:MM]
  npm run cli -- backup restore RESPALDO.stlbak --to ARCHIVO [--force] [--at AAAA-MM-DDTHH:MM]`

export class UsageError extends Error {}

/** The options `sign` and `sign-acta` share: the credentials, the password's variable, the signature's texts and time. */
const SIGNING_OPTIONS = {
  p12: { type: 'string' },
  cer: { type: 'string' },
  key: { type: 'string' },
  'password-env': { type: 'string' },
  reason: { type: 'string' },
  location: { type: 'string' },
  at: { type: 'string' },
} as const

interface SigningValues {
  p12?: string
  cer?: string
  key?: string
  'password-env'?: string
  reason?: string
  location?: string
}

function signingArgs(values: SigningValues): { p12?: string; cer?: string; key?: string; passwordEnv: string; reason?: string; location?: string } {
  if (values.p12 ? values.cer || values.key : !(values.cer && values.key)) throw new UsageError('Indique --p12 ARCHIVO, o bien --cer ARCHIVO y --key ARCHIVO.')
  // The password itself never goes on the command line: only the name of the variable that holds it.
  if (!values['password-env']) throw new UsageError('Falta --password-env VARIABLE (la contraseña se lee de esa variable de entorno).')
  return { p12: values.p12, cer: values.cer, key: values.key, passwordEnv: values['password-env'], reason: values.reason, location: values.location }
}

/** The arguments of the commands about a session still to be held: `FILE --session ID|next --out OUT [--today AAAA-MM-DD]` (and any extra flags). */
function upcomingSessionArgs<Extra extends Record<string, { type: 'boolean' }>>(
  rest: string[],
  outName: string,
  extra?: Extra,
): { file: string; session: string; out: string; today?: string } & { [K in keyof Extra]?: boolean } {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...extra, session: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' } },
    strict: true,
  })
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
  const { session, out, today, ...flags } = values as { session?: string; out?: string; today?: string } & Record<string, boolean | undefined>
  if (!session) throw new UsageError('Falta --session ID|next.')
  if (!out) throw new UsageError(`Falta --out ${outName}.`)
  return { ...(flags as { [K in keyof Extra]?: boolean }), file: positionals[0], session, out, today }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'demo-data': {
      const { values } = parseArgs({
        args: rest,
        options: { out: { type: 'string' }, sessions: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' }, dense: { type: 'boolean' }, force: { type: 'boolean' } },
        strict: true,
      })
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.')
      return (await import('./commands/demo-data')).runDemoData({ out: values.out, sessions: values.sessions, seed: values.seed, today: values.today, dense: values.dense ?? false, force: values.force ?? false })
    }
    case 'export': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { what: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' } },
        strict: true,
      })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.')
      return (await import('./commands/export')).runExport({ file: positionals[0], what: values.what, format: values.format, out: values.out, today: values.today })
    }
    case 'import-progress': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' } }, strict: true })
      if (positionals.length !== 2 || !positionals[0] || !positionals[1]) throw new UsageError('Indique el archivo de datos y el CSV de avance.')
      return (await import('./commands/import-progress')).runImportProgress(positionals[0], positionals[1], values['dry-run'] ?? false)
    }
    case 'import-members': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, existing: { type: 'string' } }, strict: true })
      if (positionals.length !== 2 || !positionals[0] || !positionals[1]) throw new UsageError('Indique el archivo de datos y el CSV de integrantes.')
      if (values.existing !== undefined && values.existing !== 'omitir' && values.existing !== 'agregar') throw new UsageError('--existing debe ser omitir o agregar.')
      return (await import('./commands/import-members')).runImportMembers({ file: positionals[0], csv: positionals[1], dryRun: values['dry-run'] ?? false, existing: values.existing === 'agregar' ? 'agregar' : 'omitir' })
    }
    case 'check': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
      return (await import('./commands/check')).runCheck(positionals[0])
    }
    case 'acta': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { session: { type: 'string' }, out: { type: 'string' } }, strict: true })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
      if (!values.session) throw new UsageError('Falta --session ID|latest.')
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.pdf.')
      return (await import('./commands/acta')).runActa({ file: positionals[0], session: values.session, out: values.out })
    }
    case 'convocatoria':
      return (await import('./commands/convocatoria')).runConvocatoria(upcomingSessionArgs(rest, 'ARCHIVO.pdf'))
    case 'ics':
      return (await import('./commands/ics')).runIcs(upcomingSessionArgs(rest, 'ARCHIVO.ics'))
    case 'attendance-sheet':
      return (await import('./commands/attendance-sheet')).runAttendanceSheet(upcomingSessionArgs(rest, 'ARCHIVO.pdf'))
    case 'notice-mail': {
      const { bcc, ...args } = upcomingSessionArgs(rest, 'CARPETA', { bcc: { type: 'boolean' } })
      return (await import('./commands/notice-mail')).runNoticeMail({ ...args, bcc: bcc === true })
    }
    case 'reporte': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { out: { type: 'string' }, plan: { type: 'string' }, today: { type: 'string' } },
        strict: true,
      })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.pdf.')
      return (await import('./commands/reporte')).runReporte({ file: positionals[0], out: values.out, plan: values.plan, today: values.today })
    }
    case 'sign': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...SIGNING_OPTIONS, out: { type: 'string' }, field: { type: 'string' } },
        strict: true,
      })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique el PDF que se firmará.')
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.')
      if (values.field !== undefined && !values.field.trim()) throw new UsageError('--field debe nombrar un campo de firma del PDF.')
      return (await import('./commands/sign')).runSign({ input: positionals[0], out: values.out, ...(values.field !== undefined ? { field: values.field } : {}), ...signingArgs(values) }, referenceClock(values.at))
    }
    case 'sign-acta': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { ...SIGNING_OPTIONS, session: { type: 'string' }, out: { type: 'string' } },
        strict: true,
      })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
      if (!values.session) throw new UsageError('Falta --session ID|latest.')
      return (await import('./commands/sign-acta')).runSignActa({ file: positionals[0], session: values.session, out: values.out, ...signingArgs(values) }, referenceClock(values.at))
    }
    case 'signatures':
      return signatures(rest)
    case 'verify': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, at: { type: 'string' }, trust: { type: 'string', multiple: true } },
        strict: true,
      })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique el PDF que se verificará.')
      return (await import('./commands/verify')).runVerify({ file: positionals[0], json: values.json ?? false, trust: values.trust ?? [] }, referenceClock(values.at))
    }
    case 'packet': {
      const [action, ...more] = rest
      if (action === 'export') {
        const { values, positionals } = parseArgs({
          args: more,
          allowPositionals: true,
          options: { session: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' } },
          strict: true,
        })
        if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
        if (!values.session) throw new UsageError('Falta --session ID|next.')
        if (!values.out) throw new UsageError('Falta --out PAQUETE.stlpkg.')
        return (await import('./commands/packet')).runPacketExport({ file: positionals[0], session: values.session, out: values.out, today: values.today })
      }
      if (action === 'check') {
        const { positionals } = parseArgs({ args: more, allowPositionals: true, strict: true })
        if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique el paquete que se verificará.')
        return (await import('./commands/packet')).runPacketCheck(positionals[0])
      }
      throw new UsageError(action ? `Acción desconocida de packet: ${action} (use export o check).` : 'Indique la acción: packet export o packet check.')
    }
    case 'comments': {
      const [action, ...more] = rest
      if (action !== 'import') throw new UsageError(action ? `Acción desconocida de comments: ${action} (use import).` : 'Indique la acción: comments import.')
      const { positionals } = parseArgs({ args: more, allowPositionals: true, strict: true })
      if (positionals.length !== 2 || !positionals[0] || !positionals[1]) throw new UsageError('Indique el archivo de datos y el archivo de comentarios.')
      return (await import('./commands/comments')).runCommentsImport(positionals[0], positionals[1])
    }
    case 'backup': {
      // The full backup (.stlbak): create from a data file, verify an archive, restore one into a data file.
      const [action, ...more] = rest
      const { values, positionals } = parseArgs({
        args: more,
        allowPositionals: true,
        options: { out: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' }, at: { type: 'string' } },
        strict: true,
      })
      const [file] = positionals
      if (action === 'create') {
        if (positionals.length !== 1 || !file) throw new UsageError('Indique el archivo de datos que se respaldará.')
        if (!values.out) throw new UsageError('Falta --out RESPALDO.stlbak.')
        return (await import('./commands/backup')).runBackupCreate({ file, out: values.out, force: values.force ?? false }, referenceClock(values.at))
      }
      if (action === 'verify') {
        if (positionals.length !== 1 || !file) throw new UsageError('Indique el respaldo que se verificará.')
        if (values.out || values.to || values.force) throw new UsageError('backup verify sólo recibe el respaldo (y, si acaso, --at).')
        return (await import('./commands/backup')).runBackupVerify(file, referenceClock(values.at))
      }
      if (action === 'restore') {
        if (positionals.length !== 1 || !file) throw new UsageError('Indique el respaldo que se restaurará.')
        if (!values.to) throw new UsageError('Falta --to ARCHIVO (el archivo de datos que se restaurará).')
        return (await import('./commands/backup')).runBackupRestore({ archive: file, to: values.to, force: values.force ?? false }, referenceClock(values.at))
      }
      throw new UsageError(action ? `Acción desconocida de backup: ${action} (use create, verify o restore).` : 'Indique la acción: backup create, verify o restore.')
    }
    case undefined:
    case '--help':
    case 'help':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      throw new UsageError(`Comando desconocido: ${command}.`)
  }
}

/** `signatures start|status|receive|current FILE --session ID|latest …`. */
async function signatures(args: string[]): Promise<number> {
  const [action, ...more] = args
  /** The data file (the one positional, or the first of `count`) and --session, both required. */
  const target = (positionals: string[], session: string | undefined, count = 1): { file: string; session: string } => {
    const file = positionals[0]
    if (positionals.length !== count || !file || positionals.some((value) => !value)) {
      throw new UsageError(count === 1 ? 'Indique un archivo de datos.' : 'Indique el archivo de datos y el PDF firmado que se recibe.')
    }
    if (!session) throw new UsageError('Falta --session ID|latest.')
    return { file, session }
  }
  switch (action) {
    case 'start': {
      const { values, positionals } = parseArgs({
        args: more,
        allowPositionals: true,
        options: { session: { type: 'string' }, signers: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' } },
        strict: true,
      })
      const where = target(positionals, values.session)
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.pdf.')
      return (await import('./commands/signatures')).runSignaturesStart({ ...where, signers: signerOrder(values.signers), out: values.out }, referenceClock(values.at))
    }
    case 'status': {
      const { values, positionals } = parseArgs({ args: more, allowPositionals: true, options: { session: { type: 'string' }, json: { type: 'boolean' } }, strict: true })
      return (await import('./commands/signatures')).runSignaturesStatus({ ...target(positionals, values.session), json: values.json ?? false })
    }
    case 'receive': {
      const { values, positionals } = parseArgs({ args: more, allowPositionals: true, options: { session: { type: 'string' }, at: { type: 'string' } }, strict: true })
      const where = target(positionals, values.session, 2)
      return (await import('./commands/signatures')).runSignaturesReceive({ ...where, signed: positionals[1] as string }, referenceClock(values.at))
    }
    case 'current': {
      const { values, positionals } = parseArgs({ args: more, allowPositionals: true, options: { session: { type: 'string' }, out: { type: 'string' } }, strict: true })
      const where = target(positionals, values.session)
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.pdf.')
      return (await import('./commands/signatures')).runSignaturesCurrent({ ...where, out: values.out })
    }
    default:
      throw new UsageError(action ? `Acción desconocida de signatures: ${action} (use start, status, receive o current).` : 'Indique la acción: signatures start, status, receive o current.')
  }
}

/** `--signers ID,ID,…` as member ids in signing order; null without the option (the expected order). */
function signerOrder(value: string | undefined): string[] | null {
  if (value === undefined) return null
  const ids = value.split(',').map((id) => id.trim())
  if (ids.length === 0 || ids.some((id) => id === '')) throw new UsageError('--signers debe ser una lista de identificadores de integrantes separados por comas, sin huecos.')
  return ids
}

/**
 * Runs one command line and resolves to its exit status: 0 on success; 1 with
 * a one-line Spanish reason on stderr; 2 for a malformed command.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv)
  } catch (error: unknown) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`Error: ${spanishUsage(error.message)}\n${USAGE}`)
      return 2
    }
    if (error instanceof AppError) {
      console.error(`Error: ${error.message}`)
      return 1
    }
    console.error('Error inesperado:', error)
    return 1
  }
}

function spanishUsage(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message)
  if (unknown) return `Opción desconocida: ${unknown[1]}.`
  const missing = /Option '([^']+)' argument missing/.exec(message)
  if (missing) return `Falta el valor de ${missing[1]?.split(',')[0]}.`
  const positional = /Unexpected argument '([^']+)'/.exec(message)
  if (positional) return `Argumento inesperado: ${positional[1]}.`
  return message
}
