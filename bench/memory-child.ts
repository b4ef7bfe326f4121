/**
 * Child process of the memory benchmark: opens the data file as the app's
 * main process does, builds the first screen's views through the same
 * handlers, makes one save, and prints its memory as JSON.
 */
import { dispatch } from '../main/core/ipc/dispatch'
import type { HandlerContext } from '../main/core/ipc/context'
import { JobRegistry } from '../main/core/jobs'
import { Store } from '../main/core/store/store'

async function main(): Promise<void> {
  const [dataFile, tempDir] = process.argv.slice(2)
  if (!dataFile || !tempDir) throw new Error('uso: memory-child ARCHIVO CARPETA')
  const before = process.memoryUsage()
  const store = await Store.open({ dataFile })
  const context: HandlerContext = { store, version: 'bench', now: () => new Date(), openExternal: () => Promise.resolve(), openPath: () => Promise.resolve(), jobs: new JobRegistry(), tempDir }
  for (const name of ['getStatus', 'getSettings', 'listSessions', 'getDashboard', 'listMembers', 'listAgreements']) await dispatch(name, undefined, context)
  await store.update((draft) => {
    draft.settings.defaultVenue = 'Sala de juntas'
  })
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const after = process.memoryUsage()
  // The highest resident memory of the whole run (loading, views and save), in bytes.
  const peak = process.resourceUsage().maxRSS * 1024
  await store.close()
  console.log(JSON.stringify({ before, after, peak }))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
