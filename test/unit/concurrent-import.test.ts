/**
 * Several processes writing one data file at the same instant: each command
 * line import either reports success, and then its members are in the file,
 * or reports why it could not, and then nothing of it is; no success is ever
 * lost to another process's save.
 */
import { spawn } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataFile } from '../../main/core/store/read-data-file'
import { writeDemoData } from '../support/bridge'
import { tempFolder } from './helpers'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')
const PROCESSES = 6

interface Outcome {
  index: number
  status: number | null
  stdout: string
  stderr: string
}

function run(index: number, args: string[]): Promise<Outcome> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', fail)
    child.on('close', (status) => done({ index, status, stdout, stderr }))
  })
}

describe('varios procesos a la vez sobre un archivo de datos', () => {
  it(`${PROCESSES} importaciones simultáneas: cada éxito informado está en el archivo, y ninguna se pierde`, async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    await writeDemoData(dataFile, { sessions: 3, seed: 5 })
    const name = (index: number) => `Persona Concurrente ${String.fromCharCode(65 + index)} Núñez`
    const files = await Promise.all(
      Array.from({ length: PROCESSES }, async (_, index) => {
        const csv = join(folder, `integrantes-${index}.csv`)
        await writeFile(csv, `nombre,institucion,sector\n${name(index)},Colectivo ${index},sociedad civil\n`)
        return csv
      }),
    )
    const outcomes = await Promise.all(files.map((csv, index) => run(index, ['import-members', dataFile, csv])))

    const onDisk = await readDataFile(dataFile)
    const names = new Set(onDisk.members.map((member) => member.fullName))
    const succeeded = outcomes.filter((outcome) => outcome.status === 0)
    for (const outcome of outcomes) {
      if (outcome.status === 0) expect(names.has(name(outcome.index)), `${name(outcome.index)} se informó importada`).toBe(true)
      else {
        // A refusal is the lock's, in Spanish, and leaves nothing of that import behind.
        expect(outcome.status, outcome.stderr).toBe(1)
        expect(outcome.stderr).toMatch(/abierto|candado|bloquead/i)
        expect(names.has(name(outcome.index))).toBe(false)
      }
    }
    // The command line waits a few seconds for the others' short saves, so imports get their turn rather than failing at once.
    expect(succeeded.length).toBeGreaterThan(1)
    expect(onDisk.members.filter((member) => member.fullName.startsWith('Persona Concurrente'))).toHaveLength(succeeded.length)
    // No lock and no temporary file is left behind.
    expect((await readdir(folder)).filter((entry) => entry.endsWith('.lock') || entry.endsWith('.tmp') || entry.includes('.breaking'))).toEqual([])
  }, 120_000)
})
