/**
 * Compiles the command line (./index.ts and everything it imports) into one
 * CommonJS file that plain Node runs without compiling TypeScript at run time:
 * out/cli/secretariado.cjs. `electron-vite build` writes it with the rest of
 * the app (electron.vite.config.ts), so the installer carries it inside the
 * app; `npm run cli` rebuilds it first when a source is newer (`--if-stale`).
 *
 *   node main/cli/build.mjs [--if-stale] [--out FILE]
 *
 * pdfkit and fontkit stay outside the file: they read their own data files
 * next to their code. Everything else is bundled, so starting the command line
 * reads one file instead of resolving hundreds of modules.
 */
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const CLI_ENTRY = join(ROOT, 'main/cli/index.ts')
export const CLI_OUTPUT = join(ROOT, 'out/cli/secretariado.cjs')
/** Packages loaded from node_modules at run time instead of being bundled. */
export const CLI_EXTERNAL = ['pdfkit', 'fontkit', 'electron']

/** Writes the compiled command line to `outfile` (out/cli/secretariado.cjs unless told). */
export async function buildCli(outfile = CLI_OUTPUT) {
  const { build } = await import('esbuild')
  await build({
    entryPoints: [CLI_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    // Error names and stack frames keep the functions' names.
    keepNames: true,
    external: CLI_EXTERNAL,
    legalComments: 'none',
    logLevel: 'warning',
  })
  return outfile
}

/** The newest modification time (ms) of the command line's sources: main/ and the lock file. */
function newestSource() {
  let newest = statSync(join(ROOT, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  walk(join(ROOT, 'main'))
  return newest
}

/** Builds the command line only when it is missing or older than a source. */
export async function ensureCli(outfile = CLI_OUTPUT) {
  const built = statSync(outfile, { throwIfNoEntry: false })
  if (built && built.mtimeMs >= newestSource()) return outfile
  return buildCli(outfile)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--out')
  const outfile = at === -1 ? CLI_OUTPUT : resolve(args[at + 1] ?? '')
  ;(args.includes('--if-stale') ? ensureCli(outfile) : buildCli(outfile)).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
