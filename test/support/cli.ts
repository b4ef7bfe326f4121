/**
 * The compiled command line the tests run, exactly as `npm run cli` does:
 * plain Node over out/cli/secretariado.cjs (built once per run by
 * ./build-cli.ts, vitest's global setup).
 */
import { CLI_OUTPUT } from '../../main/cli/build.mjs'

export const CLI = CLI_OUTPUT
