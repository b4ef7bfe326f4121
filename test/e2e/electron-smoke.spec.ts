/**
 * Launches the real Electron app when its binary is installed. On machines
 * that install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 there is no binary, and the
 * test says so and is skipped; the browser harness covers the UI there.
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { generateDemoData } from '../../main/demo/demo-data'
import { serializeData } from '../../main/core/store/data-format'
import { TODAY } from '../support/clock'

/** The installed binary, found without `require('electron')`, which would try to download a missing one. */
function electronBinary(): string | null {
  const packageDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

test('la aplicación de Electron arranca en Sesiones con la ventana aislada', async () => {
  const binary = electronBinary()
  const reason = 'Omitida: no hay binario de Electron en esta máquina (instalado con ELECTRON_SKIP_BINARY_DOWNLOAD=1).'
  if (!binary) console.log(reason)
  test.skip(!binary, reason)

  const folder = await mkdtemp(join(tmpdir(), 'secretariado-electron-'))
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [resolve(__dirname, '../..'), `--data=${join(folder, 'secretariado.json')}`],
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    const exposed = await window.evaluate(() => ({
      api: typeof (window as unknown as { api?: unknown }).api,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }))
    expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' })
  } finally {
    await app.close()
    await rm(folder, { recursive: true, force: true })
  }
})

test('Secretariado --cli ejecuta la línea de comandos compilada sin abrir ventana', async () => {
  const binary = electronBinary()
  const reason = 'Omitida: no hay binario de Electron en esta máquina (instalado con ELECTRON_SKIP_BINARY_DOWNLOAD=1).'
  if (!binary) console.log(reason)
  test.skip(!binary, reason)

  const folder = await mkdtemp(join(tmpdir(), 'secretariado-electron-cli-'))
  try {
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, serializeData(generateDemoData({ sessions: 3, seed: 4, today: TODAY })))
    const run = (args: string[]) => spawnSync(binary ?? '', [resolve(__dirname, '../..'), '--cli', ...args], { encoding: 'utf8', timeout: 60_000 })
    const checked = run(['check', dataFile])
    expect(checked.status, checked.stderr).toBe(0)
    expect(checked.stdout).toMatch(/Archivo válido \(esquema \d+\): \d+ integrantes, 3 sesiones/)
    const wrong = run(['nada'])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/Comando desconocido: nada/)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})

test('la ventana de proyección se abre aparte, con la misma ventana aislada, y sólo puede leer su vista', async () => {
  const binary = electronBinary()
  const reason = 'Omitida: no hay binario de Electron en esta máquina (instalado con ELECTRON_SKIP_BINARY_DOWNLOAD=1).'
  if (!binary) console.log(reason)
  test.skip(!binary, reason)

  const folder = await mkdtemp(join(tmpdir(), 'secretariado-electron-proyeccion-'))
  const dataFile = join(folder, 'secretariado.json')
  await writeFile(dataFile, serializeData(generateDemoData({ sessions: 3, seed: 4, today: TODAY })))
  const app = await electron.launch({ executablePath: binary ?? undefined, args: [resolve(__dirname, '../..'), `--data=${dataFile}`] })
  try {
    const main = await app.firstWindow()
    await expect(main.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    const sessionId = await main.evaluate(async () => {
      const sessions = await window.api.listSessions()
      if (!sessions.ok) throw new Error(sessions.error.message)
      const convened = sessions.value.find((session) => session.status === 'convocada')
      if (!convened) throw new Error('sin sesión convocada')
      const started = await window.api.changeSessionStatus({ id: convened.id, status: 'en-curso', confirmDate: true })
      if (!started.ok) throw new Error(started.error.message)
      return convened.id
    })
    const opened = app.waitForEvent('window')
    const asked = await main.evaluate((id) => window.api.openProjector({ sessionId: id }), sessionId)
    expect(asked.ok).toBe(true)
    const projector = await opened
    await projector.waitForLoadState()
    expect(projector.url()).toContain(`#/proyeccion/${sessionId}`)
    const probe = await projector.evaluate(async (id) => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      view: (await window.api.projectorView({ sessionId: id })).ok,
      // Anything that changes data is refused to the projector's window.
      change: await window.api.changeSessionStatus({ id, status: 'cancelada', reason: 'intento desde la proyección' }),
    }), sessionId)
    expect(probe.require).toBe('undefined')
    expect(probe.view).toBe(true)
    expect(probe.change).toMatchObject({ ok: false, error: { code: 'ORIGEN_NO_PERMITIDO' } })
  } finally {
    await app.close()
    await rm(folder, { recursive: true, force: true })
  }
})
