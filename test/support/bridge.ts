/**
 * The bridge as the tests drive it: the real dispatch and handlers over a real
 * store on a data file, with the suites' clock. Used by the unit tests and by
 * the browser harness alike, so both see the same demo data on the same day.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { OperationName, OutputOf } from '../../main/core/contract/operations'
import type { HandlerContext } from '../../main/core/ipc/context'
import { dispatch } from '../../main/core/ipc/dispatch'
import { JobRegistry } from '../../main/core/jobs'
import { serializeData } from '../../main/core/store/data-format'
import { Store } from '../../main/core/store/store'
import { generateDemoData } from '../../main/demo/demo-data'
import { TODAY, fixedClock } from './clock'

export interface DemoOptions {
  sessions?: number
  seed?: number
  dense?: boolean
}

/** Demo data as of the suites' `TODAY`. */
export function demoData(options: DemoOptions = {}): ReturnType<typeof generateDemoData> {
  return generateDemoData({ ...options, today: TODAY })
}

/** Writes demo data as of `TODAY` to `dataFile`. */
export async function writeDemoData(dataFile: string, options: DemoOptions = {}): Promise<void> {
  await writeFile(dataFile, serializeData(demoData(options)))
}

export interface ContextOptions {
  now?: () => Date
  openPath?: (path: string) => Promise<void>
  jobs?: JobRegistry
  tempDir?: string
}

/** What the handlers get in the tests: the suites' clock, no system side effects. */
export function handlerContext(store: Store, options: ContextOptions = {}): HandlerContext {
  return {
    store,
    version: 'pruebas',
    now: options.now ?? fixedClock(),
    openExternal: () => Promise.resolve(),
    openPath: options.openPath ?? (() => Promise.resolve()),
    jobs: options.jobs ?? new JobRegistry(),
    tempDir: options.tempDir ?? join(store.dataFolder, 'temporal'),
  }
}

export interface Bridge {
  store: Store
  dataFile: string
  context: HandlerContext
  /** Calls an operation and returns its value; a refusal throws with its message. */
  call: <K extends OperationName>(name: K, input: unknown) => Promise<OutputOf<K>>
  /** Expects a refusal that leaves the data file byte for byte as it was; returns the Spanish message. */
  refused: (name: OperationName, input: unknown) => Promise<string>
}

/** Opens the store on `dataFile` and wires the bridge to it, on the suites' clock unless told otherwise. */
export async function openBridge(dataFile: string, options: ContextOptions = {}): Promise<Bridge> {
  const now = options.now ?? fixedClock()
  const store = await Store.open({ dataFile, now })
  const context = handlerContext(store, { ...options, now })
  return {
    store,
    dataFile,
    context,
    call: async (name, input) => {
      const result = await dispatch(name, input, context)
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
      return result.value as never
    },
    refused: async (name, input) => {
      const before = await readFile(dataFile).catch(() => null)
      const result = await dispatch(name, input, context)
      if (result.ok) throw new Error(`${name} debió rechazarse`)
      const after = await readFile(dataFile).catch(() => null)
      if (!(before === null ? after === null : after !== null && before.equals(after))) throw new Error(`${name} no debe tocar el archivo de datos`)
      return result.error.message
    },
  }
}
