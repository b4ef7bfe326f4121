import { join } from 'node:path'

/**
 * The data file: `--data=FILE` or SECRETARIADO_DATA_FILE override the default
 * `secretariado.json` in the user data folder (tests, portable installs).
 */
export function resolveDataFile(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const flag = argv.find((arg) => arg.startsWith('--data='))
  if (flag) return flag.slice('--data='.length)
  if (env.SECRETARIADO_DATA_FILE) return env.SECRETARIADO_DATA_FILE
  return join(userData, 'secretariado.json')
}

/**
 * `Secretariado --cli COMMAND …`: the arguments of the command line to run
 * instead of opening the window (everything after `--cli`), or null.
 */
export function commandLineArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli')
  return at === -1 ? null : argv.slice(at + 1)
}
