/**
 * `npm run screenshots`: PNGs of the main screens, with demo data, written to
 * docs/screenshots/. Skipped in the normal test run.
 */
import { resolve } from 'node:path'
import { expect, test } from './fixtures'

const OUT = resolve(__dirname, '../../docs/screenshots')

test.skip(!process.env.SCREENSHOTS, 'Sólo con `npm run screenshots`.')
test.use({ demo: { sessions: 14, seed: 7 } })

test('pantallas principales', async ({ harness }) => {
  const { page } = harness
  const shot = async (name: string): Promise<void> => {
    await page.waitForLoadState('networkidle')
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: `${OUT}/${name}.png` })
  }
  await harness.open()
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  await shot('01-sesiones')

  await page.getByText(/Sesión Ordinaria \d{4}/).nth(2).click()
  await expect(page.getByRole('tab', { name: /Orden del día/ })).toBeVisible()
  await shot('02-sesion-orden-del-dia')
  await page.getByRole('tab', { name: /Asistencia/ }).click()
  await shot('03-sesion-asistencia')
  await page.getByRole('tab', { name: /Acuerdos/ }).click()
  await shot('04-sesion-acuerdos')

  for (const [link, heading, name] of [
    ['Integrantes', 'Integrantes', '05-integrantes'],
    ['Acuerdos', 'Acuerdos', '06-acuerdos'],
    ['Plan de Acción', 'Plan de Acción', '07-plan-de-accion'],
    ['Configuración', 'Configuración', '08-configuracion'],
  ] as const) {
    await page.getByRole('link', { name: link, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await shot(name)
  }

  await page.getByRole('link', { name: 'Integrantes', exact: true }).click()
  await page.getByRole('button', { name: 'Nuevo integrante' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await shot('09-nuevo-integrante')
})
