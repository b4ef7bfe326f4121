/**
 * The first run and the words the user reads: an empty app guides through
 * its «Primeros pasos» (each step's state from the core), the members
 * template downloads and imports back, an empty list says what to do and a
 * filtered one offers to clear the filters, the search shows Spanish dates
 * and the newest first, «Verificar PDF» refuses an empty file and a
 * non-PDF in plain words, and signing asks for an empty password and then
 * leaves the focus on the signed acta.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { MEMBER_CSV_HEADER } from '../../main/core/domain/csv-columns'
import { readDataFile } from '../../main/core/store/read-data-file'
import { expectAccessible } from './a11y'
import { expect, test } from './fixtures'
import { makeIdentity, makePkcs12 } from '../unit/signature-fixtures'

const BOM = [0xef, 0xbb, 0xbf]

async function downloadBytes(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) }
}

function step(page: Page, number: number) {
  return page.getByRole('region', { name: 'Primeros pasos' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${number}\\. `) }) })
}

test.describe('primer uso', () => {
  test.use({ demo: null })

  test('la aplicación vacía guía con sus primeros pasos, y cada paso se marca con los datos', async ({ harness }) => {
    const { page } = harness
    await harness.open('#/sesiones')
    const guide = page.getByRole('region', { name: 'Primeros pasos' })
    await expect(guide).toBeVisible()
    await expect(guide.getByRole('listitem')).toHaveCount(4)
    for (const number of [1, 2, 3, 4]) await expect(step(page, number)).toContainText('Pendiente')
    await expect(step(page, 1).getByRole('link', { name: 'Abrir la configuración' })).toHaveAttribute('href', '#/configuracion')
    await expectAccessible(page, 'primeros pasos')

    // The template: the core's columns, UTF-8 with BOM, one example row; imported as it is, step 2 is done.
    const template = await downloadBytes(page, () => step(page, 2).getByRole('button', { name: 'Descargar plantilla CSV' }).click())
    expect(template.name).toBe('plantilla-integrantes.csv')
    expect([...template.bytes.subarray(0, 3)]).toEqual(BOM)
    const lines = template.bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toBe(MEMBER_CSV_HEADER)
    expect(lines).toHaveLength(3)
    await expect(page.getByText('Se descargó plantilla-integrantes.csv')).toBeVisible()

    // An empty members list says what to do, with the actions.
    await step(page, 2).getByRole('link', { name: 'Ir a Integrantes' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Integrantes' })).toBeVisible()
    await expect(page.getByText('Aún no hay integrantes')).toBeVisible()
    await expect(page.getByText(/descargue la plantilla, llénela y use «Importar CSV»/)).toBeVisible()
    await expect(page.getByText('Ningún registro coincide con los filtros.')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Descargar plantilla CSV' })).toBeVisible()
    await expectAccessible(page, 'integrantes sin datos')

    await page.getByRole('button', { name: 'Importar CSV' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Importar integrantes desde CSV' })
    await dialog.locator('input[type=file]').setInputFiles({ name: template.name, mimeType: 'text/csv', buffer: template.bytes })
    await expect(dialog.getByText('El archivo está listo para importarse')).toBeVisible()
    await dialog.getByRole('button', { name: 'Importar 1 integrante' }).click()
    await expect(page.getByText('Se importó 1 integrante.')).toBeVisible()
    expect((await readDataFile(harness.dataFile)).members).toHaveLength(1)

    await page.getByRole('link', { name: 'Sesiones', exact: true }).click()
    await expect(step(page, 2)).toContainText('Hecho')
    await expect(step(page, 2)).toContainText('Hay 1 integrante registrado.')
    await expect(step(page, 1)).toContainText('Pendiente')

    // The last step opens «Nueva sesión».
    await step(page, 4).getByRole('button', { name: 'Nueva sesión' }).click()
    await expect(page.getByRole('dialog', { name: 'Nueva sesión' })).toBeVisible()
  })

  test('«Verificar PDF» dice en palabras simples que el archivo está vacío o no es un PDF', async ({ harness }) => {
    const { page } = harness
    await harness.open('#/verificar')
    await expect(page.getByRole('heading', { level: 1, name: 'Verificar PDF' })).toBeVisible()
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Elegir PDF' }).click()
      await (await chooser).setFiles(file)
    }
    const alert = page.getByRole('region', { name: 'Firmas de un PDF' }).getByRole('alert')

    await choose({ name: 'vacio.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) })
    await expect(alert).toContainText('El archivo está vacío: no tiene contenido. Elija otro archivo.')
    await expect(alert).not.toContainText('contentBase64')
    await expect(alert).not.toContainText('Datos no válidos')

    await choose({ name: 'foto.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]) })
    await expect(alert).toContainText('El archivo no es un PDF: su contenido no empieza como el de un documento PDF. Elija el archivo .pdf.')
    await expect(alert).not.toContainText('%PDF')
    await expectAccessible(page, 'verificar PDF con un archivo que no es PDF')
  })
})

test('una lista filtrada sin coincidencias ofrece limpiar los filtros', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/integrantes?q=zzzz-nadie')
  await expect(page.getByRole('heading', { level: 1, name: 'Integrantes' })).toBeVisible()
  const total = (await readDataFile(harness.dataFile)).members.length
  await expect(page.getByText('Ningún integrante coincide con la búsqueda o los filtros')).toBeVisible()
  await expect(page.getByText(`Hay ${total} integrantes registrados.`, { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Limpiar filtros' }).click()
  await expect(page.getByRole('searchbox', { name: 'Buscar integrante' })).toHaveValue('')
  await expect(page.getByText(`${total} integrantes`, { exact: true })).toBeVisible()
})

test('la búsqueda da fechas en español, claves completas, sin partes vacías y lo más reciente primero', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const data = await readDataFile(harness.dataFile)
  const prefix = data.settings.keyPrefix
  const newest = [...data.sessions].sort((a, b) => b.date.localeCompare(a.date))

  await page.keyboard.press('Control+k')
  const input = page.getByRole('combobox', { name: 'Buscar', exact: true })
  await input.fill('sesion')
  const sessions = page.getByRole('listbox', { name: 'Resultados de la búsqueda' }).getByRole('group', { name: /^Sesiones/ }).getByRole('option')
  await expect(sessions.first()).toBeVisible()
  const texts = await sessions.allTextContents()
  expect(texts.length).toBeGreaterThan(3)
  // The newest session first; each with its date in words and its key as the list shows it.
  const first = newest[0]
  if (!first) throw new Error('demo sin sesiones')
  const firstCode = `${first.type === 'ordinaria' ? 'SO' : 'SE'}${String(first.number).padStart(2, '0')}-${first.year}`
  expect(texts[0]).toContain(`${prefix}-${firstCode}`)
  for (const text of texts) {
    expect(text).toMatch(/\d{1,2} de [a-z]+ de \d{4}/)
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    expect(text).not.toMatch(/·\s*·/)
    expect(text).toContain(`${prefix}-S`)
  }
  await expectAccessible(page, 'resultados de la búsqueda')

  // Agreements: the key exactly as the agreements list shows it.
  await input.fill(prefix)
  const agreements = page.getByRole('group', { name: /^Acuerdos/ }).getByRole('option')
  await expect(agreements.first()).toBeVisible()
  const firstAgreement = (await agreements.first().locator('p').first().textContent()) ?? ''
  expect(data.agreements.some((agreement) => agreement.key === firstAgreement)).toBe(true)
})

test('firmar: una contraseña vacía se pide antes de intentar, y tras firmar el foco queda en el acta firmada', async ({ harness }) => {
  const { page } = harness
  const password = 'Clave-de-prueba-3'
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-primeros-pasos-'))
  try {
    const identity = makeIdentity({ subject: [{ shortName: 'CN', value: 'Mtra. Laura Gómez Íñiguez', utf8: true }] })
    const p12Path = join(folder, 'laura-gomez.p12')
    await writeFile(p12Path, makePkcs12(identity, password))
    const concluded = (await readDataFile(harness.dataFile)).sessions.filter((session) => session.status === 'concluida').sort((a, b) => b.date.localeCompare(a.date))[0]
    if (!concluded) throw new Error('demo sin sesión concluida')
    await harness.open(`#/sesiones/${concluded.id}`)
    await page.getByRole('button', { name: 'Firmar acta' }).click()
    const dialog = page.getByRole('dialog', { name: 'Firmar el acta' })
    await expect(dialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    const chooser = page.waitForEvent('filechooser')
    await dialog.getByRole('button', { name: 'Elegir archivo .p12 o .pfx' }).click()
    await (await chooser).setFiles(p12Path)
    await expect(dialog.getByText('laura-gomez.p12')).toBeVisible()

    // Empty: asked for on the field, which takes the focus; the core is not asked and nothing is written.
    const before = await readFile(harness.dataFile)
    const field = dialog.getByLabel('Contraseña', { exact: true })
    await dialog.getByRole('button', { name: 'Verificar certificado' }).click()
    await expect(field).toBeFocused()
    await expect(field).toHaveAccessibleDescription(/Escriba la contraseña del certificado/)
    await expect(dialog.getByText('La contraseña no es correcta', { exact: false })).toHaveCount(0)
    expect((await readFile(harness.dataFile)).equals(before)).toBe(true)

    await field.fill(password)
    await expect(dialog.getByText(/Escriba la contraseña del certificado/)).toHaveCount(0)
    await field.press('Enter')
    await expect(dialog.getByRole('group', { name: 'Firmante' })).toContainText('Laura Gómez')
    await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('heading', { level: 2, name: 'Acta firmada' })).toBeFocused()
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
