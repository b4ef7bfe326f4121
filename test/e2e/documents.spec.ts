/**
 * Documents and signatures in the app: an acta generated with its progress
 * and saved as a PDF, the acta of a concluded session signed with a PKCS#12
 * made on the spot after its preview is shown (the session locks), verified,
 * corrected by a fe de erratas; a wrong password refused in Spanish with nothing changed; any PDF
 * verified on «Verificar PDF»; the progress report; the diagnostics bundle.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { readDataFile } from '../../main/core/store/read-data-file'
import { makeIdentity, makePkcs12 } from '../unit/signature-fixtures'
import { TODAY } from '../support/clock'
import { expect, test } from './fixtures'

const SIGNER = 'Mtra. Begoña Ibáñez Muñoz'
const PASSWORD = 'clave-de-prueba-2026'

/** The id and title of a session in a given state, the most recent first. */
async function sessionIn(page: Page, status: string): Promise<{ id: string; title: string }> {
  return page.evaluate(async (wanted) => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const found = sessions.value.filter((session) => session.status === wanted).sort((a, b) => b.date.localeCompare(a.date))[0]
    if (!found) throw new Error(`sin sesión ${wanted}`)
    return { id: found.id, title: found.title }
  }, status)
}

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path()
  return readFile(path)
}

/** Records every value the progress bar showed, from before the click that starts a job. */
async function watchProgress(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const seen: number[] = []
    ;(window as unknown as { __progressSeen: number[] }).__progressSeen = seen
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role=progressbar]')) seen.push(Number(bar.getAttribute('aria-valuenow')))
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] })
  })
  return () => page.evaluate(() => (window as unknown as { __progressSeen: number[] }).__progressSeen)
}

async function choose(page: Page, button: string, files: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: button }).click()
  await (await chooser).setFiles(files)
}

test('el acta de una sesión concluida se genera con su avance, se guarda como PDF y se abre en el visor', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const session = await sessionIn(page, 'concluida')
  await harness.open(`#/sesiones/${session.id}`)
  await expect(page.getByRole('heading', { level: 1, name: session.title })).toBeVisible()

  const progress = await watchProgress(page)
  await page.getByRole('button', { name: 'Acta (PDF)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Acta de la sesión' })
  await expect(dialog.getByText('Documento listo')).toBeVisible()
  const seen = await progress()
  // How many steps are seen depends on the machine's speed; their order does not.
  expect(seen.length, 'la barra de avance se mostró').toBeGreaterThan(0)
  expect(seen, 'el avance nunca retrocede').toEqual([...seen].sort((x, y) => x - y))
  for (const value of seen) expect(value).toBeGreaterThanOrEqual(0)
  for (const value of seen) expect(value).toBeLessThanOrEqual(100)
  await expect(dialog.getByText(/^acta-STL-SO\d{2}-\d{4}\.pdf$/)).toBeVisible()

  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Guardar PDF' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toMatch(/^acta-STL-SO\d{2}-\d{4}\.pdf$/)
  const pdf = await bytesOf(saved)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.length).toBeGreaterThan(10_000)

  await dialog.getByRole('button', { name: 'Abrir en el visor' }).click()
  await expect(page.getByText(/en el visor de PDF\.$/)).toBeVisible()
  expect(harness.openedPaths.at(-1)).toMatch(/acta-STL-SO\d{2}-\d{4}\.pdf$/)
  expect((await readFile(harness.openedPaths.at(-1) ?? '')).subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // Closing the dialog keeps the finished document; the button opens it again.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Acta (PDF)' }).click()
  await expect(dialog.getByText('Documento listo')).toBeVisible()
})

test('una convocatoria imposible muestra el mensaje del núcleo y no produce archivo', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const id = await page.evaluate(async (today) => {
    const created = await window.api.createSession({ type: 'extraordinaria', date: today, startTime: '17:00', modality: 'virtual', venue: '', link: '', chairId: null, secretaryId: null, agendaSource: 'vacio' })
    if (!created.ok) throw new Error(created.error.message)
    return created.value.session.id
  }, TODAY)
  await harness.open(`#/sesiones/${id}`)
  await page.getByRole('button', { name: 'Convocatoria (PDF)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Convocatoria y orden del día' })
  await expect(dialog.getByRole('alert')).toContainText('no tiene orden del día')
  await expect(dialog.getByRole('button', { name: 'Guardar PDF' })).toHaveCount(0)
})

test('firma el acta de una sesión concluida con un PKCS#12: se bloquea, se verifica y admite fe de erratas', async ({ harness }) => {
  const { page } = harness
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-firma-'))
  try {
    const identity = makeIdentity({ subject: [{ shortName: 'CN', value: SIGNER, utf8: true }, { shortName: 'O', value: 'Colectivo Ciudadano de Prueba' }] })
    const p12Path = join(folder, 'begona-ibanez.p12')
    await writeFile(p12Path, makePkcs12(identity, PASSWORD))

    await harness.open('#/sesiones')
    const session = await sessionIn(page, 'concluida')
    await harness.open(`#/sesiones/${session.id}`)
    await expect(page.getByRole('link', { name: 'Revisar minuta' })).toBeVisible()

    await page.getByRole('button', { name: 'Firmar acta' }).click()
    const dialog = page.getByRole('dialog', { name: 'Firmar el acta' })
    // The document to be signed is shown first, drawn from the bytes the core prepared.
    await expect(dialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    await expect(dialog.getByText(/^Página 1 de \d+$/)).toBeVisible()
    await choose(page, 'Elegir archivo .p12 o .pfx', p12Path)
    await expect(dialog.getByText('begona-ibanez.p12')).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Firmar', exact: true })).toBeDisabled()

    // A wrong password: the core's Spanish refusal, and nothing written.
    const before = await readFile(harness.dataFile)
    await dialog.getByLabel('Contraseña', { exact: true }).fill('no-es-la-clave')
    await dialog.getByRole('button', { name: 'Verificar certificado' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('La contraseña no es correcta para este certificado.')
    await expect(dialog.getByRole('button', { name: 'Firmar', exact: true })).toBeDisabled()
    expect((await readFile(harness.dataFile)).equals(before)).toBe(true)

    // The right one: the signer is shown before anything is signed.
    await dialog.getByLabel('Contraseña', { exact: true }).fill(PASSWORD)
    await dialog.getByLabel('Contraseña', { exact: true }).press('Enter')
    const signerCard = dialog.getByRole('group', { name: 'Firmante' })
    await expect(signerCard).toContainText(SIGNER)
    await expect(dialog.getByRole('alert')).toHaveCount(0)
    expect((await readDataFile(harness.dataFile)).sessions.find((entry) => entry.id === session.id)?.status).toBe('concluida')
    await expect(dialog.getByRole('textbox', { name: 'Lugar' })).toHaveValue('Guadalajara, Jalisco')
    await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(`quedó firmada por ${SIGNER}`)).toBeVisible()

    // Signed and locked: the state, the lock notice, no edit controls, and the core refuses edits.
    await expect(page.getByText('Firmada', { exact: true }).first()).toBeVisible()
    await expect(page.getByText(/La sesión está bloqueada/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Firmar acta' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Revisar minuta' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Editar' })).toHaveCount(0)
    const refusal = await page.evaluate(async (id) => {
      const detail = await window.api.getSession({ id })
      if (!detail.ok) throw new Error(detail.error.message)
      const item = detail.value.session.agenda[0]
      if (!item) throw new Error('sin puntos')
      const result = await window.api.setItemStatus({ sessionId: id, itemId: item.id, status: 'diferido' })
      return result.ok ? null : result.error.message
    }, session.id)
    expect(refusal).toContain('El acta de esta sesión está firmada')
    const onDisk = (await readDataFile(harness.dataFile)).sessions.find((entry) => entry.id === session.id)
    expect(onDisk?.status).toBe('firmada')
    expect(onDisk?.signedActa?.signers).toEqual([expect.objectContaining({ name: SIGNER })])
    const signers = page.getByRole('table', { name: 'Firmantes' })
    await expect(signers).toContainText(SIGNER)

    // Verify the stored acta: intact, covering the whole document.
    await page.getByRole('button', { name: 'Verificar acta' }).click()
    const table = page.getByRole('table', { name: 'Firmas del documento' })
    await expect(table).toBeVisible()
    await expect(page.getByText('El acta guardada en la carpeta de datos conserva la huella SHA-256 registrada al firmarla.')).toBeVisible()
    const row = table.locator('tr[data-signature="1"]')
    await expect(row).toContainText(SIGNER)
    await expect(row).toContainText('Íntegra')
    await expect(row).toContainText('Autofirmado')
    await expect(page.getByText('Todas las firmas están íntegras: el contenido firmado no cambió.')).toBeVisible()

    // The signed PDF, downloaded, verified again on «Verificar PDF».
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Descargar acta firmada' }).click()
    const signedPdf = await bytesOf(await download)
    expect(signedPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    // Fe de erratas: added, listed, on disk and in the audit trail.
    await page.getByRole('button', { name: 'Agregar fe de erratas' }).click()
    const errata = 'En el punto 5, donde dice «Ayuntamiento de Tonalá» debe decir «Ayuntamiento de Tlajomulco de Zúñiga».'
    await page.getByRole('textbox', { name: 'Texto de la fe de erratas' }).fill(errata)
    await page.getByRole('button', { name: 'Registrar fe de erratas' }).click()
    await expect(page.getByRole('list', { name: 'Fe de erratas registradas' })).toContainText(errata)
    const after = await readDataFile(harness.dataFile)
    expect(after.sessions.find((entry) => entry.id === session.id)?.errata.map((entry) => entry.text)).toEqual([errata])
    expect(after.audit.some((entry) => entry.summary.startsWith('Fe de erratas al acta'))).toBe(true)

    await page.getByRole('link', { name: 'Verificar PDF', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Verificar PDF' })).toBeVisible()
    await choose(page, 'Elegir PDF', { name: 'acta-firmada.pdf', mimeType: 'application/pdf', buffer: signedPdf })
    const verified = page.getByRole('table', { name: 'Firmas del documento' })
    await expect(verified.locator('tr[data-signature="1"]')).toContainText(SIGNER)
    await expect(verified.locator('tr[data-signature="1"]')).toContainText('Íntegra')

    // One flipped byte inside the signed range: no longer intact.
    const tampered = Buffer.from(signedPdf)
    const at = tampered.indexOf('/Type /Catalog') >= 0 ? tampered.indexOf('/Type /Catalog') : 400
    tampered[at + 1] = tampered[at + 1] === 0x54 ? 0x55 : 0x54
    await choose(page, 'Elegir PDF', { name: 'acta-alterada.pdf', mimeType: 'application/pdf', buffer: tampered })
    await expect(page.getByText('Al menos una firma no está íntegra: el documento cambió después de firmarse.')).toBeVisible()
    await expect(verified.locator('tr[data-signature="1"]')).toContainText('Alterada')
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})

test('el reporte de avance se genera desde «Verificar PDF» y la configuración exporta el diagnóstico', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/verificar')
  const card = page.getByRole('region', { name: 'Reporte de avance del Plan de Acción' })
  await card.getByRole('button', { name: 'Generar PDF' }).click()
  await expect(card.getByText('Documento listo')).toBeVisible()
  const report = page.waitForEvent('download')
  await card.getByRole('button', { name: 'Guardar PDF' }).click()
  const pdf = await bytesOf(await report)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // A PDF without signatures says so.
  await choose(page, 'Elegir PDF', { name: 'reporte.pdf', mimeType: 'application/pdf', buffer: pdf })
  await expect(page.getByText('El PDF no contiene firmas electrónicas.')).toBeVisible()

  await page.getByRole('link', { name: 'Configuración', exact: true }).click()
  await expect(page.getByText(/No contiene datos personales/)).toBeVisible()
  const bundle = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exportar diagnóstico' }).click()
  const diagnostics = await bundle
  expect(diagnostics.suggestedFilename()).toMatch(/^diagnostico-secretariado-\d{4}-\d{2}-\d{2}\.json$/)
  const json = JSON.parse((await bytesOf(diagnostics)).toString('utf8')) as { formato: string }
  expect(json.formato).toBe('secretariado-diagnostico')

  await page.getByRole('button', { name: 'Abrir carpeta de datos' }).click()
  await expect.poll(() => harness.openedPaths.length).toBe(1)
  expect(harness.openedPaths[0]).toBe(join(harness.dataFile, '..'))
})
