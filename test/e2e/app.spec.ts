import { readFile, writeFile } from 'node:fs/promises'
import { readDataFile } from '../../main/core/store/read-data-file'
import { Store } from '../../main/core/store/store'
import { fixedClock } from '../support/clock'
import { expect, test } from './fixtures'

const SECTIONS = ['Integrantes', 'Acuerdos', 'Plan de Acción', 'Configuración', 'Sesiones']

test('abre en Sesiones con los datos de demostración y llega a cada sección', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  await expect(page.getByText(/Sesión Ordinaria \d{4}/).first()).toBeVisible()
  for (const section of SECTIONS) {
    await page.getByRole('link', { name: section, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible()
  }
})

test('un integrante registrado en la interfaz está en el archivo y sigue ahí tras reiniciar', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/integrantes')
  await page.getByRole('button', { name: 'Nuevo integrante' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Nombre completo').fill('Lic. Mariana Ñúñez Cortés')
  await dialog.getByLabel('Cargo').fill('Coordinadora de Participación')
  await dialog.getByLabel('Institución').fill('Colectivo Ciudadano de Prueba')
  await dialog.getByRole('combobox', { name: 'Sector' }).click()
  await page.getByRole('option', { name: 'Sociedad civil' }).click()
  await dialog.getByLabel('Correo electrónico').fill('mariana.nunez@example.org')
  await dialog.getByRole('button', { name: 'Registrar integrante' }).click()
  await expect(page.getByText('Se registró a Lic. Mariana Ñúñez Cortés.')).toBeVisible()

  const onDisk = await readDataFile(harness.dataFile)
  expect(onDisk.members.find((member) => member.fullName === 'Lic. Mariana Ñúñez Cortés')).toMatchObject({
    institution: 'Colectivo Ciudadano de Prueba',
    sector: 'sociedad-civil',
    email: 'mariana.nunez@example.org',
    active: true,
  })

  await harness.restart()
  await page.getByRole('searchbox', { name: 'Buscar integrante' }).fill('Ñúñez')
  await expect(page.getByText('Lic. Mariana Ñúñez Cortés')).toBeVisible()
})

test('la configuración guardada persiste en el archivo y un dato no válido se rechaza en español', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/configuracion')
  const venue = page.getByRole('textbox', { name: 'Sede habitual' })
  await venue.fill('Casa Jalisco, Guadalajara')
  await page.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('La configuración se guardó.')).toBeVisible()
  expect((await readDataFile(harness.dataFile)).settings.defaultVenue).toBe('Casa Jalisco, Guadalajara')

  const before = (await readDataFile(harness.dataFile)).settings
  await page.getByRole('textbox', { name: 'Prefijo de claves' }).fill('st l')
  await page.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('El prefijo debe tener de 2 a 10 letras mayúsculas o dígitos')).toBeVisible()
  expect((await readDataFile(harness.dataFile)).settings).toEqual(before)

  await harness.restart()
  await expect(page.getByRole('textbox', { name: 'Sede habitual' })).toHaveValue('Casa Jalisco, Guadalajara')
})

test.describe('archivo nuevo', () => {
  test.use({ demo: null })
  test('sin archivo de datos, la aplicación crea uno y abre en Sesiones', async ({ harness }) => {
    await harness.open()
    await expect(harness.page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    expect((await readDataFile(harness.dataFile)).sessions).toEqual([])
  })
})

test.describe('archivo dañado', () => {
  test.use({
    prepare: {
      run: async (dataFile) => {
      // Two saves leave backups; then the file is cut in half, as by a failing disk.
      const store = await Store.open({ dataFile, now: fixedClock() })
      for (const venue of ['Sala A', 'Sala B']) await store.update((draft) => void (draft.settings.defaultVenue = venue))
      await store.close()
      const bytes = await readFile(dataFile)
      await writeFile(dataFile, bytes.subarray(0, bytes.length >> 1))
      },
    },
  })
  test('se aparta, se ofrece la copia más reciente y se restaura', async ({ harness }) => {
    const { page } = harness
    await harness.open()
    await expect(page.getByRole('heading', { level: 1, name: 'Recuperación de datos' })).toBeVisible()
    await expect(page.getByText(/no es JSON válido/)).toBeVisible()
    await page.getByRole('button', { name: /^Restaurar esta copia/ }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    const restored = await readDataFile(harness.dataFile)
    expect(restored.settings.defaultVenue).toBe('Sala A')
    expect(restored.audit.at(-1)?.action).toBe('restaurar')
  })
})

test('sin red el equipo sigue trabajando: se consulta y se guarda igual', async ({ harness }) => {
  const { page } = harness
  // Each screen's code is its own file. The app reads it from disk (file://), where the network does not
  // matter; this harness serves it over HTTP, which going offline cuts too, so the screen is opened once before.
  await harness.open('#/configuracion')
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible()
  await page.getByRole('link', { name: 'Integrantes', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Integrantes' })).toBeVisible()
  // A meeting room without Wi-Fi: the browser reports no network; the data is on this machine and saves regardless.
  await page.context().setOffline(true)
  expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  await page.getByRole('link', { name: 'Configuración', exact: true }).click()
  const venue = page.getByRole('textbox', { name: 'Sede habitual' })
  await expect(venue).toBeVisible()
  await venue.fill('Sala de juntas sin red')
  await page.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('La configuración se guardó.')).toBeVisible()
  expect((await readDataFile(harness.dataFile)).settings.defaultVenue).toBe('Sala de juntas sin red')
})
