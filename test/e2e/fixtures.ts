/**
 * The browser harness: the built renderer in Chromium, with `window.api`
 * wired through `page.exposeBinding` to the real dispatch and handlers over a
 * real store on a temporary data file. Nothing is mocked between the click and
 * the bytes on disk.
 */
import { test as base, expect, type Page } from '@playwright/test'
import * as fsp from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { OperationName } from '../../main/core/contract/operation-names'
import { operationNames } from '../../main/core/contract/operations'
import { dispatch } from '../../main/core/ipc/dispatch'
import { windowMayCall, type AppWindowKind } from '../../main/core/security/window-access'
import type { DurableFs } from '../../main/core/store/durable-write'
import { Store } from '../../main/core/store/store'
import { JobRegistry } from '../../main/core/jobs'
import { handlerContext, writeDemoData } from '../support/bridge'
import { NOW, runningClock } from '../support/clock'
import { serveFolder } from './static-server'

const RENDERER = resolve(__dirname, '../../out/renderer')

export interface Harness {
  page: Page
  dataFile: string
  store: () => Store
  /** Simulates quitting and starting the app again: the store is closed, reopened from disk, and the page reloaded. */
  restart: () => Promise<void>
  /** Files the app asked the system to open (documents sent to the PDF viewer). */
  openedPaths: string[]
  /** Sessions the app asked to show in the projector's window (openProjector), in order. */
  projected: string[]
  /** Opens the app at a route (e.g. '#/integrantes'). */
  open: (route?: string) => Promise<void>
  /**
   * Opens another window of the app at a route (e.g. '#/proyeccion/<id>'): a second page in the same
   * browser context, on the same bridge, store and clock as the main page. As a 'proyeccion' window it
   * may only call what the projector's window may call in Electron (core/security/window-access.ts).
   */
  openWindow: (route: string, options?: { kind?: AppWindowKind }) => Promise<Page>
}

export interface HarnessOptions {
  /** Demo data options; `null` starts with no data file at all. */
  demo: { sessions: number; seed: number } | null
  /** Runs on the data file before the app opens it (to damage it, or to leave another program's lock beside it). Wrapped in an object: Playwright would take a bare function for a fixture. */
  prepare: { run: (dataFile: string) => Promise<void> } | null
  /** The data folder cannot be written (every file creation fails with EROFS, as on a read-only medium): the app opens read-only. */
  readOnly: boolean
}

export const test = base.extend<HarnessOptions & { harness: Harness; appUrl: string }>({
  demo: [{ sessions: 14, seed: 7 }, { option: true }],
  prepare: [null, { option: true }],
  readOnly: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  appUrl: async ({}, use) => {
    if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('Falta out/renderer: ejecute `npm run build` antes de las pruebas de extremo a extremo.')
    const server = await serveFolder(RENDERER)
    await use(server.url)
    await server.close()
  },
  harness: async ({ page, demo, prepare, readOnly, appUrl }, use) => {
    const folder = await mkdtemp(join(tmpdir(), 'secretariado-e2e-'))
    const dataFile = join(folder, 'secretariado.json')
    if (demo) await writeDemoData(dataFile, demo)
    if (prepare) await prepare.run(dataFile)
    // The page and the handlers share one clock: it starts at the suites' NOW and runs.
    await page.clock.install({ time: NOW })
    const now = runningClock(NOW)
    // As the app opens it: a lock held by another program shows the lock screen instead of failing.
    const storeOptions = { dataFile, now, whenLocked: 'report', ...(readOnly ? { fs: unwritableFs() } : {}) } as const
    let store = await Store.open(storeOptions)
    const jobs = new JobRegistry()
    const opened: string[] = []
    const projected: string[] = []
    const context = () => ({
      ...handlerContext(store, { now, jobs, openPath: (path) => {
        opened.push(path)
        return Promise.resolve()
      }, tempDir: join(folder, 'temporal') }),
      // As in Electron, the core asks for the projector's window; here it is only noted (a test opens the route itself).
      openProjector: (sessionId: string) => {
        projected.push(sessionId)
        return Promise.resolve()
      },
    })
    const errors: string[] = []
    /** `window.api` in a page, on the real dispatch; a window other than the main one only gets what its kind may call. */
    const wire = async (target: Page, kind: AppWindowKind) => {
      await target.exposeBinding('__stlInvoke', (_source, name: unknown, input: unknown) => {
        // The answer main/ipc/register.ts gives a window that asks for what it may not.
        if (!mayCall(kind, name)) return { ok: false, error: { code: 'ORIGEN_NO_PERMITIDO', message: 'Solicitud rechazada: esta ventana sólo muestra la proyección y no puede hacer cambios.' } }
        return dispatch(name, input, context())
      })
      await target.addInitScript((names: readonly string[]) => {
        const invoke = (window as unknown as { __stlInvoke: (name: string, input: unknown) => Promise<unknown> }).__stlInvoke
        const api = Object.fromEntries(names.map((name) => [name, (input?: unknown) => invoke(name, input)]))
        Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false })
      }, operationNames)
      target.on('pageerror', (error) => errors.push(error.message))
      target.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
    }
    await wire(page, 'principal')
    const harness: Harness = {
      page,
      dataFile,
      openedPaths: opened,
      projected,
      store: () => store,
      open: async (route = '') => {
        await page.goto(appUrl + route)
      },
      openWindow: async (route, { kind = 'principal' } = {}) => {
        // The clock is the browser context's (page.clock is context.clock): installed above, it runs in this page too.
        const other = await page.context().newPage()
        await wire(other, kind)
        await other.goto(appUrl + route)
        return other
      },
      restart: async () => {
        await store.close()
        store = await Store.open(storeOptions)
        await page.reload()
      },
    }
    await use(harness)
    await store.close()
    await rm(folder, { recursive: true, force: true })
    expect(errors.filter((text) => !/favicon/.test(text)), 'errores en la consola del navegador').toEqual([])
  },
})

/** Whether a window of this kind may call the operation, as main/index.ts decides for Electron's windows. */
function mayCall(kind: AppWindowKind, name: unknown): boolean {
  if (kind === 'principal') return true
  return typeof name === 'string' && (operationNames as readonly string[]).includes(name) && windowMayCall(kind, name as OperationName)
}

/** The real file system, except that nothing can be created or written in it. */
function unwritableFs(): DurableFs {
  const refuse = () => Promise.reject(Object.assign(new Error('EROFS (simulado)'), { code: 'EROFS' }))
  return {
    ...fsp,
    open: ((path: string, flags?: string | number, mode?: number) =>
      typeof flags === 'number' || flags === undefined || flags === 'r' ? fsp.open(path, flags, mode) : refuse()) as DurableFs['open'],
    link: refuse,
    rename: refuse,
    unlink: refuse,
    copyFile: refuse,
  }
}

export { expect }
