/**
 * Vitest's side of the shared test support: temporary folders removed after
 * each test, and the bridge over demo data in one of them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openBridge, writeDemoData, type Bridge, type ContextOptions, type DemoOptions } from '../support/bridge'

export { handlerContext, openBridge, type Bridge } from '../support/bridge'

const created: string[] = []
const cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined)
  await Promise.all(created.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})

/** A temporary folder removed after the current test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-test-'))
  created.push(folder)
  return folder
}

export function bytesOf(file: string): Promise<Buffer> {
  return readFile(file)
}

/** The bridge over demo data (as of the suites' `TODAY`) in a temporary folder; the store is closed after the test. */
export async function demoBridge(demo: DemoOptions = {}, options: ContextOptions = {}): Promise<Bridge & { folder: string }> {
  const folder = await tempFolder()
  const dataFile = join(folder, 'secretariado.json')
  await writeDemoData(dataFile, demo)
  const bridge = await openBridge(dataFile, options)
  cleanups.push(() => bridge.store.close())
  return { ...bridge, folder }
}

/** The bridge over a data file that does not exist yet (an app's first start). */
export async function emptyBridge(options: ContextOptions = {}): Promise<Bridge & { folder: string }> {
  const folder = await tempFolder()
  const bridge = await openBridge(join(folder, 'secretariado.json'), options)
  cleanups.push(() => bridge.store.close())
  return { ...bridge, folder }
}
