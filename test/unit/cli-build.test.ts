/**
 * The compiled command line: one file that plain Node runs, the same file the
 * app loads for `Secretariado --cli`, with the heavy packages left out of it.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI_EXTERNAL } from '../../main/cli/build.mjs'
import { commandLineArguments } from '../../main/data-location'
import { generateDemoData } from '../../main/demo/demo-data'
import { serializeData } from '../../main/core/store/data-format'
import { TODAY } from '../support/clock'
import { CLI } from '../support/cli'
import { tempFolder } from './helpers'

const ROOT = resolve(__dirname, '../..')

describe('línea de comandos compilada', () => {
  it('es un solo archivo CommonJS que Node ejecuta sin compilar TypeScript', async () => {
    expect((await stat(CLI)).isFile()).toBe(true)
    const code = await readFile(CLI, 'utf8')
    // Bundled: no import of the project's own sources, only packages that read data next to their code.
    expect(code).not.toMatch(/require\("\.{1,2}\//)
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] ?? '')
    const packages = new Set(required.filter((name) => !name.startsWith('node:') && !/^(fs|path|os|crypto|zlib|stream|util|events|buffer|url|assert|child_process|module|string_decoder|worker_threads|perf_hooks|process|constants|http|https|net|tty|vm)(\/|$)/.test(name)))
    expect([...packages].every((name) => CLI_EXTERNAL.includes(name)), [...packages].join(', ')).toBe(true)
    const help = spawnSync(process.execPath, [CLI, 'help'], { encoding: 'utf8', cwd: ROOT })
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Uso:/)
  })

  it('cargado desde otro programa (la aplicación) no ejecuta nada hasta que se le pide', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'datos.json')
    await writeFile(file, serializeData(generateDemoData({ sessions: 3, seed: 2, today: TODAY })))
    const script = `const cli = require(${JSON.stringify(CLI)}); console.log('cargado'); cli.runCli(['check', ${JSON.stringify(file)}]).then((code) => { console.log('estado', code) })`
    const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: ROOT })
    expect(output.split('\n')[0]).toBe('cargado')
    expect(output).toMatch(/Archivo válido \(esquema \d+\): \d+ integrantes, 3 sesiones/)
    expect(output).toMatch(/estado 0/)
    const bad = execFileSync(process.execPath, ['-e', `require(${JSON.stringify(CLI)}).runCli(['nada']).then((code) => console.log('estado', code))`], { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
    expect(bad.trim()).toBe('estado 2')
  })

  it('la aplicación reconoce --cli y pasa lo que sigue; sin --cli abre la ventana', () => {
    expect(commandLineArguments(['/opt/Secretariado/secretariado', '--cli', 'check', '/datos/secretariado.json'])).toEqual(['check', '/datos/secretariado.json'])
    expect(commandLineArguments(['electron', '.', '--cli'])).toEqual([])
    expect(commandLineArguments(['/opt/Secretariado/secretariado', '--data=/datos/s.json'])).toBeNull()
  })
})
