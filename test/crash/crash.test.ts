/**
 * Crash test: a child process saving in a loop is killed with SIGKILL at
 * random moments, 200 times. After every kill the data file must parse,
 * validate, and hold the state of the last acknowledged save or the one after.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../main/core/demo/demo-data'
import { serializeData } from '../../main/core/store/data-format'
import { readDataFile } from '../../main/core/store/read-data-file'

const KILLS = 200

let folder: string
let childScript: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'secretariado-crash-'))
  childScript = join(folder, 'child.cjs')
  // Bundled once so each of the 200 children starts in milliseconds.
  await build({ entryPoints: [resolve(__dirname, 'save-loop-child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: childScript, logLevel: 'silent' })
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

function venueNumber(venue: string): number {
  return Number(/Sala (\d+)/.exec(venue)?.[1] ?? 0)
}

/** Runs the child until it has acknowledged at least one save (or the delay ends), then kills it. Returns the last acknowledged save. */
function runAndKill(dataFile: string, delayMs: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childScript, dataFile], { stdio: ['ignore', 'pipe', 'pipe'] })
    let acknowledged = -1
    let buffer = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
        const match = /^saved (\d+)$/.exec(line)
        if (match) acknowledged = Number(match[1])
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`el proceso terminó sin ser interrumpido: ${stderr}`))
      else resolvePromise(acknowledged)
    })
  })
}

describe('corte abrupto durante el guardado', () => {
  it(`el archivo siempre es válido y coincide con el estado anterior o posterior a un guardado (${KILLS} interrupciones)`, async () => {
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, serializeData(generateDemoData({ sessions: 14, seed: 3, today: '2026-11-26' })))
    let before = 0
    let totalSaves = 0
    for (let i = 0; i < KILLS; i++) {
      // Deterministic spread of kill moments, from right after start-up to several saves in.
      const delay = (i * 37) % 60
      const acknowledged = await runAndKill(dataFile, delay)
      const data = await readDataFile(dataFile)
      const onDisk = venueNumber(data.settings.defaultVenue)
      const lastKnown = acknowledged === -1 ? before : acknowledged
      expect([lastKnown, lastKnown + 1]).toContain(onDisk)
      totalSaves += onDisk - before
      before = onDisk
    }
    // The kills really interrupted work in progress, not an idle process.
    expect(totalSaves).toBeGreaterThan(KILLS / 2)
    const leftovers = (await readdir(folder)).filter((name) => name.endsWith('.tmp'))
    expect(leftovers.length).toBeLessThanOrEqual(1)
  }, 240_000)
})
