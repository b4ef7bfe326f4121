/** A warning about a finished command: on stderr, after the result, without changing the exit status. */
export function warnAbout(warning: string | null): void {
  if (warning) console.error(`Aviso: ${warning}`)
}
