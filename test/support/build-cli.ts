/** vitest global setup: compiles the command line once (when a source is newer than out/cli/secretariado.cjs). */
import { ensureCli } from '../../main/cli/build.mjs'

export default async function setup(): Promise<void> {
  await ensureCli()
}
