import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { HandlerContext } from '../../main/core/ipc/context'
import type { Store } from '../../main/core/store/store'
import { JobRegistry } from '../../main/core/jobs'

const created: string[] = []

afterEach(async () => {
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

export function contextFor(store: Store, now = new Date('2026-11-26T18:00:00Z')): HandlerContext {
  return {
    store,
    version: 'pruebas',
    now: () => now,
    openExternal: async () => undefined,
    openPath: async () => undefined,
    jobs: new JobRegistry(),
    tempDir: join(store.dataFolder, 'temporal'),
  }
}
