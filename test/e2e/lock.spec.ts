import { readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { readDataFile } from '../../main/core/store/read-data-file'
import { NOW } from '../support/clock'
import { expect, test } from './fixtures'

/** Another program's lock: the app on a machine that shares the data folder. */
const OTHER_OWNER = JSON.stringify({ program: 'Secretariado', command: null, pid: 4242, host: 'sala-de-juntas', user: 'ana.lopez', since: NOW.toISOString(), processStart: null })

test.describe('archivo de datos abierto en otro programa', () => {
  test.use({ prepare: { run: (dataFile) => writeFile(`${dataFile}.lock`, OTHER_OWNER) } })

  test('muestra quién lo tiene abierto y, tras confirmar «Desbloquear», abre en Sesiones', async ({ harness }) => {
    const { page } = harness
    await harness.open()
    await expect(page.getByRole('heading', { level: 1, name: 'El archivo de datos está abierto en otro programa' })).toBeVisible()
    const owner = page.getByRole('region', { name: 'Quién lo tiene abierto' })
    await expect(owner.getByText('Secretariado', { exact: true })).toBeVisible()
    await expect(owner.getByText('sala-de-juntas (otro equipo: carpeta compartida)')).toBeVisible()
    await expect(owner.getByText('ana.lopez')).toBeVisible()
    await expect(owner.getByText('26 nov 2026, 09:00')).toBeVisible()

    // Reintentar while the other program still holds it: the same screen, and it says so.
    await page.getByRole('button', { name: 'Reintentar' }).click()
    await expect(page.getByText('Sigue abierto en el otro programa.')).toBeVisible()
    expect(await readFile(`${harness.dataFile}.lock`, 'utf8')).toBe(OTHER_OWNER)

    // The warning first; cancelling leaves everything as it was.
    await page.getByRole('button', { name: 'Desbloquear' }).click()
    const dialog = page.getByRole('dialog', { name: 'Desbloquear el archivo de datos' })
    await expect(dialog.getByText(/Si en realidad sigue abierto, los cambios que no haya guardado pueden perderse/)).toBeVisible()
    await expect(dialog.getByText(/Secretariado ya no está abierto en el equipo sala-de-juntas/)).toBeVisible()
    await dialog.getByRole('button', { name: 'Cancelar' }).click()
    await expect(dialog).toBeHidden()
    expect(await readFile(`${harness.dataFile}.lock`, 'utf8')).toBe(OTHER_OWNER)

    await page.getByRole('button', { name: 'Desbloquear' }).click()
    await page.getByRole('dialog', { name: 'Desbloquear el archivo de datos' }).getByRole('button', { name: 'Sí, desbloquear' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    await expect(page.getByText(/Se quitó el candado y se abrió el archivo de datos/)).toBeVisible()

    // The lock is now this app's, and the audit log says who was unlocked.
    expect(JSON.parse(await readFile(`${harness.dataFile}.lock`, 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid })
    const audit = (await readDataFile(harness.dataFile)).audit.at(-1)
    expect(audit?.summary).toMatch(/Se desbloqueó a mano el archivo de datos, que estaba abierto en Secretariado en el equipo sala-de-juntas \(usuario ana\.lopez\)/)
  })

  test('«Abrir en solo lectura» muestra los datos con el aviso y rechaza un cambio en español, sin tocar el archivo', async ({ harness }) => {
    const { page } = harness
    await harness.open()
    await page.getByRole('button', { name: 'Abrir en solo lectura' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    const banner = page.getByRole('status').filter({ hasText: 'Sólo lectura: puede consultar y exportar, no modificar' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('sigue abierto en Secretariado en el equipo sala-de-juntas')

    const before = await readFile(harness.dataFile)
    await page.getByRole('link', { name: 'Configuración', exact: true }).click()
    await page.getByRole('textbox', { name: 'Sede habitual' }).fill('Otra sede')
    await page.getByRole('button', { name: 'Guardar' }).click()
    await expect(page.getByText(/El archivo de datos está abierto en sólo lectura: .*No se guardó ningún cambio\./).first()).toBeVisible()
    await expect(banner).toBeVisible()
    expect((await readFile(harness.dataFile)).equals(before)).toBe(true)
    expect(await readFile(`${harness.dataFile}.lock`, 'utf8')).toBe(OTHER_OWNER)
  })
})

test.describe('carpeta de datos que no se puede escribir', () => {
  test.use({ readOnly: true })

  test('abre en sólo lectura: el aviso queda a la vista en cada sección y registrar un integrante se rechaza', async ({ harness }) => {
    const { page } = harness
    await harness.open('#/integrantes')
    const banner = page.getByRole('status').filter({ hasText: 'Sólo lectura: puede consultar y exportar, no modificar' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('Motivo: la carpeta de datos está en un medio de sólo lectura.')
    const before = await readFile(harness.dataFile)
    await page.getByRole('button', { name: 'Nuevo integrante' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Nombre completo').fill('Lic. Prueba de Lectura')
    await dialog.getByLabel('Institución').fill('Institución de prueba')
    await dialog.getByRole('combobox', { name: 'Sector' }).click()
    await page.getByRole('option', { name: 'Sociedad civil' }).click()
    await dialog.getByRole('button', { name: 'Registrar integrante' }).click()
    await expect(page.getByText(/El archivo de datos está abierto en sólo lectura/).first()).toBeVisible()
    expect((await readFile(harness.dataFile)).equals(before)).toBe(true)
    // What was typed is only thrown away once confirmed (a dialog whose save is still running ignores Escape:
    // the refusal's notice can show a moment before the save has finished).
    await expect(dialog.getByRole('button', { name: 'Cancelar' })).toBeEnabled()
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: 'Descartar' }).click()
    await expect(dialog).toBeHidden()
    await page.getByRole('link', { name: 'Acuerdos', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Acuerdos' })).toBeVisible()
    await expect(banner).toBeVisible()
  })
})
