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
import { createHash } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const CLI_ENTRY = join(ROOT, 'main/cli/index.ts')
export const CLI_OUTPUT = join(ROOT, 'out/cli/secretariado.cjs')
/** Packages loaded from node_modules at run time instead of being bundled. */
export const CLI_EXTERNAL = ['pdfkit', 'fontkit', 'electron']

/**
 * Writes the compiled command line to `outfile` (out/cli/secretariado.cjs
 * unless told). The file is written beside and renamed into place, so a
 * command started meanwhile runs the old file or the new one, never half of
 * one. Its first line names the sources it was built from (a fingerprint of
 * their names, sizes and modification times taken before the build), so a
 * source saved during the build makes the next `--if-stale` build again.
 */
export async function buildCli(outfile = CLI_OUTPUT) {
  const { build } = await import('esbuild')
  const sources = fingerprint()
  const result = await build({
    entryPoints: [CLI_ENTRY],
    outfile,
    write: false,
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
    banner: { js: `${BANNER}${sources}` },
  })
  const output = result.outputFiles.find((file) => file.path === outfile) ?? result.outputFiles[0]
  if (!output) throw new Error('esbuild no produjo la línea de comandos.')
  mkdirSync(dirname(outfile), { recursive: true })
  const temporary = `${outfile}.${process.pid}.tmp`
  writeFileSync(temporary, output.contents)
  renameSync(temporary, outfile)
  return outfile
}

/** What the build reads besides main/: the package (its version goes into backups), the lock file and the compiler settings. */
const OTHER_SOURCES = ['package.json', 'package-lock.json', 'tsconfig.json']

const BANNER = '// secretariado-cli fuentes:'

/** A fingerprint of the command line's sources: main/ and OTHER_SOURCES, by name, size and modification time. */
function fingerprint() {
  const hash = createHash('sha256')
  const add = (path) => {
    const info = statSync(path, { throwIfNoEntry: false })
    hash.update(`${path}\0${info ? `${info.size}:${info.mtimeMs}` : '-'}\n`)
  }
  for (const name of OTHER_SOURCES) add(join(ROOT, name))
  const walk = (folder) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|mts|mjs|json)$/.test(entry.name)) add(path)
    }
  }
  walk(join(ROOT, 'main'))
  return hash.digest('hex')
}

/** The fingerprint the compiled file was built from, or null (missing, or not written by this build). */
function builtFrom(outfile) {
  let descriptor
  try {
    descriptor = openSync(outfile, 'r')
  } catch {
    return null
  }
  try {
    const head = Buffer.alloc(BANNER.length + 64)
    const read = readSync(descriptor, head, 0, head.length, 0)
    const text = head.subarray(0, read).toString('latin1')
    return text.startsWith(BANNER) ? text.slice(BANNER.length) : null
  } finally {
    closeSync(descriptor)
  }
}

/** Builds the command line only when it is missing or its sources changed since it was built. */
export async function ensureCli(outfile = CLI_OUTPUT) {
  if (builtFrom(outfile) === fingerprint()) return outfile
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
