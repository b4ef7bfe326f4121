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
import { demoData } from '../support/bridge'
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

interface Run {
  /** The last save the child acknowledged before it was killed (-1: none). */
  acknowledged: number
  /** How many saves it acknowledged in this run. */
  count: number
}

/**
 * Runs the child and kills it once it has acknowledged `saves` saves of its
 * own (0: as soon as it is ready), `jitterMs` later: the child is always in
 * the middle of its next save, however fast or slow the machine is.
 */
function runAndKill(dataFile: string, saves: number, jitterMs: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childScript, dataFile], { stdio: ['ignore', 'pipe', 'pipe'] })
    let acknowledged = -1
    let count = 0
    let buffer = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    const killSoon = () => {
      if (!timer) timer = setTimeout(() => child.kill('SIGKILL'), jitterMs)
    }
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'ready' && saves === 0) killSoon()
        const match = /^saved (\d+)$/.exec(line)
        if (match) {
          acknowledged = Number(match[1])
          count++
          if (count >= saves) killSoon()
        }
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`el proceso terminó sin ser interrumpido: ${stderr}`))
      else resolvePromise({ acknowledged, count })
    })
  })
}

describe('corte abrupto durante el guardado', () => {
  it(`el archivo siempre es válido y coincide con el estado anterior o posterior a un guardado (${KILLS} interrupciones)`, async () => {
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, serializeData(demoData({ sessions: 14, seed: 3 })))
    let before = 0
    let acknowledgedSaves = 0
    for (let i = 0; i < KILLS; i++) {
      // A deterministic spread: killed after 0 to 3 acknowledged saves, 0 to 4 ms into the next one.
      const run = await runAndKill(dataFile, i % 4, (i * 7) % 5)
      expect(run.count).toBeGreaterThanOrEqual(i % 4)
      const data = await readDataFile(dataFile)
      const onDisk = venueNumber(data.settings.defaultVenue)
      const lastKnown = run.acknowledged === -1 ? before : run.acknowledged
      // Never behind an acknowledged save, and at most the one save in progress ahead of it.
      expect([lastKnown, lastKnown + 1]).toContain(onDisk)
      acknowledgedSaves += run.count
      before = onDisk
    }
    // Saves acknowledged across the runs all reached the disk, in order.
    expect(before).toBeGreaterThanOrEqual(acknowledgedSaves)
    const leftovers = (await readdir(folder)).filter((name) => name.endsWith('.tmp'))
    expect(leftovers.length).toBeLessThanOrEqual(1)
  }, 240_000)
})
