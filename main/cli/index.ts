/**
 * The command line over the same core as the app:
 *
 *   npm run cli -- demo-data --out FILE [--sessions N] [--seed N] [--today AAAA-MM-DD] [--dense]
 *   npm run cli -- check FILE
 *
 * Exit status 0 on success; otherwise 1 with a one-line Spanish reason on stderr
 * (2 for a malformed command).
 */
import { parseArgs } from 'node:util'
import { AppError } from '../core/errors'
import { runCheck } from './commands/check'
import { runDemoData } from './commands/demo-data'

const USAGE = `Uso:
  npm run cli -- demo-data --out ARCHIVO [--sessions N] [--seed N] [--today AAAA-MM-DD] [--dense]
  npm run cli -- check ARCHIVO`

export class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'demo-data': {
      const { values } = parseArgs({
        args: rest,
        options: { out: { type: 'string' }, sessions: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' }, dense: { type: 'boolean' } },
        strict: true,
      })
      if (!values.out) throw new UsageError('Falta --out ARCHIVO.')
      return runDemoData({ out: values.out, sessions: values.sessions, seed: values.seed, today: values.today, dense: values.dense ?? false })
    }
    case 'check': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true })
      if (positionals.length !== 1 || !positionals[0]) throw new UsageError('Indique un archivo de datos.')
      return runCheck(positionals[0])
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

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`Error: ${spanishUsage(error.message)}\n${USAGE}`)
      process.exitCode = 2
    } else if (error instanceof AppError) {
      console.error(`Error: ${error.message}`)
      process.exitCode = 1
    } else {
      console.error('Error inesperado:', error)
      process.exitCode = 1
    }
  },
)

function spanishUsage(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message)
  if (unknown) return `Opción desconocida: ${unknown[1]}.`
  const missing = /Option '([^']+)' argument missing/.exec(message)
  if (missing) return `Falta el valor de ${missing[1]?.split(',')[0]}.`
  const positional = /Unexpected argument '([^']+)'/.exec(message)
  if (positional) return `Argumento inesperado: ${positional[1]}.`
  return message
}
