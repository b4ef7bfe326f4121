/**
 * Every screen, session tab and dialog checked with axe-core at the two window
 * sizes the app supports (1440×900 and its minimum, 1024×680): no serious or
 * critical violation of WCAG 2.2 A/AA, and the page never scrolls sideways.
 * `AXE_EXPLORE=<file>` lists the findings in that file instead of failing.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { NOW } from '../support/clock'
import { axeFindings, expectAccessible, sidewaysOverflow, WINDOW_SIZES, type AxeFinding } from './a11y'
import { expect, test } from './fixtures'
import { startLiveSession } from './live-session'

const EXPLORE = process.env.AXE_EXPLORE
// What axe judges does not depend on the clock: CI runs these checks once, with the real clock, and skips them in its moved-clock run.
test.skip(Boolean(process.env.SKIP_AXE), 'Comprobaciones de axe omitidas (SKIP_AXE): no dependen del reloj y ya corrieron con el reloj real.')
// Listing instead of failing is for a person at a terminal, never for CI.
if (EXPLORE && process.env.CI) throw new Error('AXE_EXPLORE no se usa en CI: las comprobaciones deben poder fallar.')

/** Checks the page as it is now at both window sizes, and leaves it at the larger one. */
async function check(page: Page, where: string): Promise<void> {
  for (const size of [...WINDOW_SIZES].reverse()) {
    await page.setViewportSize(size)
    const label = `${where} (${size.width}×${size.height})`
    if (!EXPLORE) {
      await expectAccessible(page, label)
      continue
    }
    const findings: AxeFinding[] = await axeFindings(page, label)
    const overflow = await sidewaysOverflow(page)
    if (overflow > 0) findings.push({ where: label, id: 'sideways-scroll', impact: 'serious', help: `${overflow}px`, nodes: [] })
    for (const finding of findings) await appendFile(EXPLORE, JSON.stringify(finding) + '\n')
  }
}

async function sessionWithStatus(page: Page, status: string): Promise<string> {
  return page.evaluate(async (wanted) => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const summary = sessions.value.find((session) => session.status === wanted)
    if (!summary) throw new Error(`sin sesión ${wanted}`)
    return summary.id
  }, status)
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

test('las secciones de la aplicación', async ({ harness }) => {
  test.setTimeout(240_000)
  const { page } = harness
  for (const route of ['#/sesiones', '#/tablero', '#/integrantes', '#/acuerdos', '#/plan-de-accion', '#/revision', '#/verificar', '#/firmar', '#/bitacora', '#/configuracion']) {
    await harness.open(route)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.waitForLoadState('networkidle')
    await check(page, route)
  }
})

test('las pestañas de sesiones en cada estado y la minuta en vivo', async ({ harness }) => {
  test.setTimeout(300_000)
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const sessions = [
    ['borrador', await sessionWithStatus(page, 'borrador')],
    ['concluida', await sessionWithStatus(page, 'concluida')],
    ['en curso', await startLiveSession(page)],
  ] as const
  for (const [status, id] of sessions) {
    await harness.open(`#/sesiones/${id}`)
    for (const tab of ['Orden del día', 'Pase de lista', 'Acuerdos', 'Seguimiento', 'Comentarios']) {
      const control = page.getByRole('tab', { name: new RegExp(`^${tab}`) })
      await control.click()
      await expect(control).toHaveAttribute('aria-selected', 'true')
      await check(page, `sesión ${status} · ${tab}`)
    }
  }
  const live = sessions[2][1]
  await harness.open(`#/sesiones/${live}/minuta`)
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()
  await check(page, 'minuta en vivo')
  await page.keyboard.press('Alt+a')
  await expect(page.getByRole('dialog', { name: /Registrar acuerdo/ })).toBeVisible()
  await check(page, 'diálogo Registrar acuerdo')
  await page.keyboard.type('Se aprueba el orden del día.')
  await page.keyboard.press('Escape')
  await expect(page.getByText('¿Descartar lo escrito?')).toBeVisible()
  await check(page, 'pregunta antes de descartar lo escrito')
  await page.getByRole('button', { name: 'Descartar' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await harness.open(`#/sesiones/${live}`)
  await page.getByRole('button', { name: 'Concluir sesión' }).click()
  await expect(page.getByRole('dialog', { name: 'Concluir la sesión' })).toBeVisible()
  await check(page, 'confirmación Concluir la sesión')
})

test('los diálogos y los avisos', async ({ harness }) => {
  test.setTimeout(300_000)
  const { page } = harness
  const dialogs: Array<[route: string, button: string, dialog: RegExp]> = [
    ['#/sesiones', 'Nueva sesión', /^Nueva sesión/],
    ['#/integrantes', 'Nuevo integrante', /^Nuevo integrante/],
    ['#/integrantes', 'Importar CSV', /^Importar integrantes/],
    ['#/plan-de-accion', 'Nuevo compromiso', /compromiso/i],
    ['#/configuracion', 'Restaurar un respaldo…', /respaldo/i],
  ]
  for (const [route, button, dialog] of dialogs) {
    await harness.open(route)
    await page.getByRole('button', { name: button }).first().click()
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible()
    await check(page, `diálogo ${button}`)
    await closeDialog(page)
  }

  const draft = await sessionWithStatus(page, 'borrador')
  await harness.open(`#/sesiones/${draft}`)
  for (const [button, where] of [
    ['Editar datos', 'diálogo Editar datos de la sesión'],
    ['Agregar punto', 'diálogo Agregar punto'],
  ] as const) {
    await page.getByRole('button', { name: button }).first().click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await check(page, where)
    await closeDialog(page)
  }

  // The documents and signatures of a concluded session.
  const concluded = await sessionWithStatus(page, 'concluida')
  await harness.open(`#/sesiones/${concluded}`)
  await page.getByRole('button', { name: 'Acta (PDF)' }).click()
  const documentDialog = page.getByRole('dialog', { name: 'Acta de la sesión' })
  await expect(documentDialog.getByText('Documento listo')).toBeVisible({ timeout: 30_000 })
  await check(page, 'diálogo del acta generada')
  await closeDialog(page)
  await page.getByRole('button', { name: 'Firmar acta' }).click()
  const signDialog = page.getByRole('dialog', { name: 'Firmar el acta' })
  await expect(signDialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible({ timeout: 30_000 })
  await check(page, 'diálogo Firmar el acta')
  await closeDialog(page)
  await page.getByRole('button', { name: 'Enviar a firma' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await check(page, 'diálogo Enviar a firma')
  await closeDialog(page)

  await harness.open('#/sesiones')
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.type('transparencia')
  await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible()
  await check(page, 'búsqueda')
  await closeDialog(page)

  await harness.open('#/acuerdos')
  await page.getByRole('button', { name: /^Abrir el acuerdo/ }).first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await check(page, 'ficha de acuerdo')
  await closeDialog(page)

  // A notification, with its close button.
  await harness.open('#/integrantes')
  await page.getByRole('button', { name: 'Nuevo integrante' }).click()
  const form = page.getByRole('dialog', { name: /^Nuevo integrante/ })
  await form.getByRole('textbox', { name: 'Nombre completo' }).fill('Mtra. Julieta Campos Ruelas')
  await form.getByRole('textbox', { name: 'Institución' }).fill('Colectivo Ciudad Abierta')
  await form.getByRole('combobox', { name: 'Sector' }).click()
  await page.getByRole('option', { name: /sociedad civil/i }).click()
  await form.getByRole('button', { name: 'Registrar integrante' }).click()
  await expect(page.locator('.mantine-Notification-root')).toBeVisible()
  await check(page, 'aviso tras registrar un integrante')
})

test('la revisión de un paquete, en cada pestaña', async ({ harness }) => {
  test.setTimeout(240_000)
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const convened = await sessionWithStatus(page, 'convocada')
  const packet = await page.evaluate(async (sessionId) => {
    const file = await window.api.exportPacket({ sessionId })
    if (!file.ok) throw new Error(file.error.message)
    return { name: file.value.fileName, base64: file.value.contentBase64 }
  }, convened)
  await harness.open('#/revision')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /Abrir (otro )?paquete/ }).first().click()
  await (await chooser).setFiles({ name: packet.name, mimeType: 'application/zip', buffer: Buffer.from(packet.base64, 'base64') })
  await expect(page.getByText('Paquete verificado · sólo lectura')).toBeVisible()
  for (const tab of ['Orden del día', 'Documentos', 'Acta', 'Seguimiento']) {
    const control = page.getByRole('tab', { name: new RegExp(`^${tab}`) })
    await control.click()
    await expect(control).toHaveAttribute('aria-selected', 'true')
    await check(page, `revisión de paquete · ${tab}`)
  }
})

test.describe('primer uso', () => {
  test.use({ demo: null })
  test('la aplicación vacía', async ({ harness }) => {
    const { page } = harness
    await harness.open('#/sesiones')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.waitForLoadState('networkidle')
    await check(page, 'primer uso')
    for (const route of ['#/integrantes', '#/acuerdos', '#/plan-de-accion', '#/tablero', '#/bitacora']) {
      await harness.open(route)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await page.waitForLoadState('networkidle')
      await check(page, `${route} sin datos`)
    }
  })
})

test.describe('archivo dañado', () => {
  test.use({
    prepare: {
      run: async (dataFile) => {
        const bytes = await readFile(dataFile)
        await writeFile(dataFile, bytes.subarray(0, bytes.length >> 1))
      },
    },
  })
  test('la pantalla de recuperación', async ({ harness }) => {
    const { page } = harness
    await harness.open()
    await expect(page.getByRole('heading', { level: 1, name: 'Recuperación de datos' })).toBeVisible()
    await check(page, 'recuperación de datos')
  })
})

test.describe('archivo abierto en otro programa', () => {
  test.use({
    prepare: {
      run: (dataFile) =>
        writeFile(`${dataFile}.lock`, JSON.stringify({ program: 'Secretariado', command: null, pid: 4242, host: 'sala-de-juntas', user: 'ana.lopez', since: NOW.toISOString(), processStart: null })),
    },
  })
  test('la pantalla del archivo bloqueado', async ({ harness }) => {
    const { page } = harness
    await harness.open()
    await expect(page.getByRole('heading', { level: 1, name: 'El archivo de datos está abierto en otro programa' })).toBeVisible()
    await check(page, 'archivo bloqueado')
  })
})
