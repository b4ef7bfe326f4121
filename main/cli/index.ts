/**
 * The command line's entry point. The build compiles it, with everything it
 * imports, into one file (out/cli/secretariado.cjs, see ./build.mjs) that
 * plain Node runs: `npm run cli -- COMMAND …` or `node out/cli/secretariado.cjs
 * COMMAND …`. The installed app carries the same file and runs it with
 * `Secretariado --cli COMMAND …` (main/index.ts). The commands are in ./run.ts.
 */
import { runCli } from './run'

export { runCli }

// Run only when started as a program, not when the app's main process loads the file to call runCli itself.
if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
