/**
 * Renderer benchmarks in Chromium through the test harness (the built
 * renderer, window.api wired to the real handlers over a ten-year data file):
 * navigation to a usable sessions list, and keystroke-to-paint latency in the
 * live minutes view while autosave writes the file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext } from '@playwright/test'
import { operationNames } from '../main/core/contract/operations'
import { mexicoDate } from '../main/core/domain/dates'
import { generateDemoData } from '../main/demo/demo-data'
import { dispatch } from '../main/core/ipc/dispatch'
import type { HandlerContext } from '../main/core/ipc/context'
import { JobRegistry } from '../main/core/jobs'
import { serializeData } from '../main/core/store/data-format'
import { Store } from '../main/core/store/store'
import { serveFolder } from '../test/e2e/static-server'
import { summarize, type Sample } from './stats'

export interface RendererFigures {
  /** From navigation in a fresh browser context (no cache: every byte fetched, parsed and run) to a sessions list the user can click. */
  sessionsListUsable: Sample
  /** JavaScript fetched by that first load (bytes), and its files. */
  firstLoadJsBytes: number
  firstLoadJsFiles: string[]
  /** Style sheets fetched by the same load (bytes). */
  firstLoadCssBytes: number
  keystrokeToPaint: Sample
  keystrokes: number
  savesDuringTyping: number
}

const RENDERER = resolve(__dirname, '../out/renderer')
const TODAY = mexicoDate(new Date())

export async function benchRenderer(sessions: number, runs: number): Promise<RendererFigures> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('Falta out/renderer: ejecute `npm run build` antes de `npm run bench`.')
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-bench-ui-'))
  const server = await serveFolder(RENDERER)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, serializeData(generateDemoData({ sessions, seed: 1, today: TODAY, dense: true })))
    const store = await Store.open({ dataFile })
    let saves = 0
    const context: HandlerContext = { store, version: 'bench', now: () => new Date(), openExternal: () => Promise.resolve(), openPath: () => Promise.resolve(), jobs: new JobRegistry(), tempDir: folder }
    const upcoming = store.data.sessions.find((session) => session.status === 'convocada')
    if (!upcoming) throw new Error('sin sesión convocada en los datos de prueba')
    await dispatch('changeSessionStatus', { id: upcoming.id, status: 'en-curso', reason: '', confirmDate: true }, context)

    /** window.api in every page of `target`, answered by the real handlers over the ten-year file. */
    const wireApi = async (target: BrowserContext): Promise<void> => {
      await target.exposeBinding('__stlInvoke', async (_source, name: unknown, input: unknown) => {
        if (name === 'saveItemNotes') saves++
        return dispatch(name, input, context)
      })
      await target.addInitScript((names: readonly string[]) => {
        const invoke = (window as unknown as { __stlInvoke: (name: string, input: unknown) => Promise<unknown> }).__stlInvoke
        Object.defineProperty(window, 'api', { value: Object.freeze(Object.fromEntries(names.map((name) => [name, (input?: unknown) => invoke(name, input)]))) })
      }, operationNames)
    }

    // A sessions list the user can click (the first row visible), each time in a new context: nothing cached, the bundle parsed again.
    const loads: number[] = []
    let firstLoadJsBytes = 0
    let firstLoadJsFiles: string[] = []
    let firstLoadCssBytes = 0
    for (let i = -1; i < runs; i++) {
      const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      await wireApi(fresh)
      const tab = await fresh.newPage()
      // Every script and style sheet fetched, with its size; a body that cannot be read fails the measurement.
      const fetched: Promise<{ kind: string; path: string; bytes: number }>[] = []
      tab.on('response', (response) => {
        const kind = response.request().resourceType()
        if (kind !== 'script' && kind !== 'stylesheet') return
        fetched.push(response.body().then((body) => ({ kind, path: new URL(response.url()).pathname, bytes: body.length })))
      })
      const start = Date.now()
      await tab.goto(`${server.url}#/sesiones`)
      await tab.getByRole('heading', { level: 1, name: 'Sesiones' }).waitFor()
      await tab.getByText(/Sesión (Ordinaria|Extraordinaria) \d{4}/).first().waitFor({ state: 'visible' })
      const elapsed = Date.now() - start
      if (i >= 0) loads.push(elapsed)
      if (i === -1) {
        await tab.waitForLoadState('networkidle')
        const files = await Promise.all(fetched)
        const scripts = files.filter((file) => file.kind === 'script')
        firstLoadJsFiles = scripts.map((file) => file.path).sort()
        firstLoadJsBytes = scripts.reduce((sum, file) => sum + file.bytes, 0)
        firstLoadCssBytes = files.filter((file) => file.kind === 'stylesheet').reduce((sum, file) => sum + file.bytes, 0)
        if (scripts.length === 0) throw new Error('La primera carga no trajo JavaScript: la medición no vio las respuestas.')
      }
      await fresh.close()
    }

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await wireApi(page.context())

    // Keystroke to paint in the live minutes, typing in bursts so saves run while typing goes on.
    await page.goto(`${server.url}#/sesiones/${upcoming.id}/minuta`)
    const notes = page.locator('#notas-del-punto')
    await notes.waitFor()
    await notes.click()
    await page.evaluate(() => {
      const latencies: number[] = []
      ;(window as unknown as { __latencies: number[] }).__latencies = latencies
      document.addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp
          // The frame after the input is handled is the one that shows the character.
          requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - start), 0))
        },
        true,
      )
    })
    saves = 0
    const bursts = Math.max(4, runs)
    for (let burst = 0; burst < bursts; burst++) {
      await page.keyboard.type(' Se acordó dar seguimiento puntual al compromiso.', { delay: 35 })
      await page.waitForTimeout(800)
    }
    const latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
    await store.close()
    return { sessionsListUsable: summarize(loads), firstLoadJsBytes, firstLoadJsFiles, firstLoadCssBytes, keystrokeToPaint: summarize(latencies), keystrokes: latencies.length, savesDuringTyping: saves }
  } finally {
    await browser.close()
    await server.close()
    await rm(folder, { recursive: true, force: true })
  }
}
