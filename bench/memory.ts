/**
 * The main process's memory with a data file: a separate Node process opens
 * the store, builds the first screen's views and saves once
 * (./memory-child.ts); its peak resident memory, and its resident memory and
 * JavaScript heap at rest after a garbage collection, are reported. It is
 * plain Node (with tsx's loader): Electron's own processes are not counted.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

export interface MemoryFigures {
  /** Resident memory (MB) with the store open. */
  rss: number
  /** JavaScript heap in use (MB) with the store open. */
  heapUsed: number
  /** Resident memory (MB) of the same process before opening the file. */
  rssBefore: number
  /** The highest resident memory (MB) while loading, building the views and saving. */
  peakRss: number
}

export function benchMemory(dataFile: string, tempDir: string): MemoryFigures {
  const child = join(__dirname, 'memory-child.ts')
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, dataFile, tempDir], { encoding: 'utf8', cwd: join(__dirname, '..') })
  if (result.status !== 0) throw new Error(`La medición de memoria falló: ${result.stderr}`)
  const { before, after, peak } = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage; peak: number }
  const mb = (bytes: number): number => bytes / 2 ** 20
  return { rss: mb(after.rss), heapUsed: mb(after.heapUsed), rssBefore: mb(before.rss), peakRss: mb(peak) }
}
