/**
 * «What you see is what you sign»: the signing dialog shows, drawn by pdf.js,
 * exactly the document the core will sign (same SHA-256, same pages), lets
 * the signer walk it to the «Firmas» page and choose whose reserved space to
 * fill; the signature lands in that space. A document changed after the
 * preview is refused in Spanish, with nothing written, until it is loaded and
 * seen again. A signed acta changed afterwards (an annotation over page 1)
 * shows its signature in red with the core's list of changes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { ActaSigningView } from '../../main/core/contract/views'
import { appendIncrementalUpdate } from '../../main/core/signatures/incremental-update'
import { PdfDocument } from '../../main/core/signatures/pdf-document'
import { dict, name, num, PdfDict, PdfRef, serialize, textString } from '../../main/core/signatures/pdf-syntax'
import { readDataFile } from '../../main/core/store/read-data-file'
import { makeIdentity, makePkcs12 } from '../unit/signature-fixtures'
import { expect, test } from './fixtures'

const SIGNER = 'Mtra. Begoña Ibáñez Muñoz'
const PASSWORD = 'clave-de-prueba-2026'

async function concludedSession(page: Page): Promise<{ id: string; title: string }> {
  return page.evaluate(async () => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const found = sessions.value.filter((session) => session.status === 'concluida').sort((a, b) => b.date.localeCompare(a.date))[0]
    if (!found) throw new Error('sin sesión concluida')
    return { id: found.id, title: found.title }
  })
}

/** What the core says it will sign, asked directly (the dialog must show this very document). */
async function prepared(page: Page, sessionId: string): Promise<ActaSigningView> {
  return page.evaluate(async (id) => {
    const result = await window.api.prepareActaSigning({ sessionId: id })
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }, sessionId)
}

const pageCount = (view: ActaSigningView): number => PdfDocument.load(Buffer.from(view.contentBase64, 'base64')).pages().length

/** How many dark pixels a drawn page has: a blank or undrawn canvas has none. */
function inkOf(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const target = element as HTMLCanvasElement
    const context = target.getContext('2d')
    if (!context || target.width === 0) return 0
    const data = context.getImageData(0, 0, target.width, target.height).data
    let dark = 0
    for (let index = 0; index < data.length; index += 4) if ((data[index] ?? 255) < 140 && (data[index + 1] ?? 255) < 140 && (data[index + 2] ?? 255) < 140) dark++
    return dark
  })
}

async function withP12<T>(run: (p12Path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-vista-previa-'))
  try {
    const identity = makeIdentity({ subject: [{ shortName: 'CN', value: SIGNER, utf8: true }, { shortName: 'O', value: 'Colectivo Ciudadano de Prueba' }] })
    const p12Path = join(folder, 'begona-ibanez.p12')
    await writeFile(p12Path, makePkcs12(identity, PASSWORD))
    return await run(p12Path)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

async function checkCertificate(page: Page, dialog: Locator, p12Path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Elegir archivo .p12 o .pfx' }).click()
  await (await chooser).setFiles(p12Path)
  await dialog.getByLabel('Contraseña', { exact: true }).fill(PASSWORD)
  await dialog.getByRole('button', { name: 'Verificar certificado' }).click()
  await expect(dialog.getByRole('group', { name: 'Firmante' })).toContainText(SIGNER)
}

test('el diálogo de firma muestra el documento exacto, llega a la página de firmas y firma en el espacio elegido', async ({ harness }) => {
  const { page } = harness
  await withP12(async (p12Path) => {
    await harness.open('#/sesiones')
    const session = await concludedSession(page)
    const expected = await prepared(page, session.id)
    const total = pageCount(expected)
    expect(total, 'el acta tiene varias páginas y al final la de firmas').toBeGreaterThanOrEqual(3)
    const chair = expected.signers.find((signer) => signer.capacity === 'Presidencia')
    if (!chair) throw new Error('sin firma prevista de la Presidencia')
    expect(expected.signers.every((signer) => signer.status === 'pendiente')).toBe(true)

    await harness.open(`#/sesiones/${session.id}`)
    await page.getByRole('button', { name: 'Firmar acta' }).click()
    const dialog = page.getByRole('dialog', { name: 'Firmar el acta' })

    // The first page, drawn; the counter; and the very document the core prepared (its SHA-256).
    const first = dialog.getByRole('img', { name: `Página 1 de ${total} del acta` })
    await expect(first).toBeVisible()
    expect(await first.evaluate((element) => element.tagName)).toBe('CANVAS')
    await expect.poll(() => inkOf(first), { message: 'la primera página tiene texto dibujado' }).toBeGreaterThan(500)
    await expect(dialog.getByText(`Página 1 de ${total}`, { exact: true })).toBeVisible()
    await expect(dialog.getByText(expected.sha256, { exact: true })).toBeVisible()
    // Pages are drawn as they come near the view: the last one is not drawn yet.
    const last = dialog.getByRole('img', { name: `Página ${total} de ${total} del acta` })
    await expect(last).toHaveCount(0)

    // The expected signers, all pending, and the spaces offered.
    const signers = dialog.getByRole('table', { name: 'Firmas previstas' })
    for (const signer of expected.signers) await expect(signers.locator(`tr[data-signer="${signer.memberId}"]`)).toContainText(`${signer.name}${signer.capacity}Pendiente`)

    // Signing waits for the certificate (and the preview).
    await expect(dialog.getByRole('button', { name: 'Firmar', exact: true })).toBeDisabled()

    // To the «Firmas» page, with the button; then the keyboard walks the document.
    await dialog.getByRole('button', { name: 'Ir a la página de firmas' }).click()
    await expect(dialog.getByText(`Página ${total} de ${total}`, { exact: true })).toBeVisible()
    await expect(last).toBeInViewport()
    await expect.poll(() => inkOf(last), { message: 'la página de firmas está dibujada' }).toBeGreaterThan(200)
    const preview = dialog.getByRole('region', { name: 'Vista previa del acta' })
    await preview.focus()
    await page.keyboard.press('Home')
    await expect(dialog.getByText(`Página 1 de ${total}`, { exact: true })).toBeVisible()
    await expect(first).toBeInViewport()
    await page.keyboard.press('PageDown')
    await expect(dialog.getByText(`Página 2 de ${total}`, { exact: true })).toBeVisible()
    await expect(dialog.getByRole('img', { name: `Página 2 de ${total} del acta` })).toBeInViewport()
    await page.keyboard.press('End')
    await expect(dialog.getByText(`Página ${total} de ${total}`, { exact: true })).toBeVisible()
    await expect(last).toBeInViewport()

    // Sign in the chair's space (the certificate's name matches nobody's).
    await dialog.getByRole('combobox', { name: 'Firma en el espacio de' }).click()
    await page.getByRole('option', { name: `${chair.name} · Presidencia` }).click()
    await expect(dialog.getByRole('combobox', { name: 'Firma en el espacio de' })).toHaveValue(`${chair.name} · Presidencia`)
    await checkCertificate(page, dialog, p12Path)
    await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(`quedó firmada por ${SIGNER}`)).toBeVisible()

    const onDisk = (await readDataFile(harness.dataFile)).sessions.find((entry) => entry.id === session.id)
    expect(onDisk?.signedActa?.signers).toEqual([expect.objectContaining({ name: SIGNER, memberId: chair.memberId, field: chair.field })])

    // The stored acta's signature: in the chair's field, certifying the document, not modified since.
    await page.getByRole('button', { name: 'Verificar acta' }).click()
    const row = page.getByRole('table', { name: 'Firmas del documento' }).locator('tr[data-signature="1"]')
    await expect(row).toContainText(SIGNER)
    await expect(row).toContainText(`Espacio de firma: ${chair.field}`)
    await expect(row).toContainText('Certifica el documento')
    await expect(row).toContainText('Íntegra')
    await expect(row).not.toContainText('Modificada después de firmar')

    // A second signer sees the signed acta, the chair's space signed with its date, and it is no longer offered.
    await page.getByRole('button', { name: 'Agregar firmante' }).click()
    const more = page.getByRole('dialog', { name: 'Agregar una firma al acta' })
    await expect(more.getByRole('img', { name: new RegExp(`^Página 1 de ${total} del acta$`) })).toBeVisible()
    const stored = await prepared(page, session.id)
    expect(stored.alreadySigned).toBe(true)
    expect(stored.sha256).toBe(onDisk?.signedActa?.sha256)
    await expect(more.getByText(stored.sha256, { exact: true })).toBeVisible()
    await expect(more.getByRole('table', { name: 'Firmas previstas' }).locator(`tr[data-signer="${chair.memberId}"]`)).toContainText(/Firmada\s*el 26 nov 2026, 09:\d{2} h/)
    await more.getByRole('combobox', { name: 'Firma en el espacio de' }).click()
    await expect(page.getByRole('option', { name: 'Según el certificado' })).toBeVisible()
    await expect(page.getByRole('option', { name: `${chair.name} · Presidencia` })).toHaveCount(0)
  })
})

test('un acta que cambió después de la vista previa no se firma hasta volver a revisarla', async ({ harness }) => {
  const { page } = harness
  await withP12(async (p12Path) => {
    await harness.open('#/sesiones')
    const session = await concludedSession(page)
    await harness.open(`#/sesiones/${session.id}`)
    await page.getByRole('button', { name: 'Firmar acta' }).click()
    const dialog = page.getByRole('dialog', { name: 'Firmar el acta' })
    const shown = await prepared(page, session.id)
    await expect(dialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    await expect(dialog.getByText(shown.sha256, { exact: true })).toBeVisible()
    await checkCertificate(page, dialog, p12Path)

    // Meanwhile, the minuta changes (allowed on a concluded session): the acta is no longer the one shown.
    await page.evaluate(async (id) => {
      const detail = await window.api.getSession({ id })
      if (!detail.ok) throw new Error(detail.error.message)
      const item = detail.value.session.agenda[0]
      if (!item) throw new Error('sin puntos')
      const saved = await window.api.saveItemNotes({ sessionId: id, itemId: item.id, notes: 'Nota agregada después de la vista previa.' })
      if (!saved.ok) throw new Error(saved.error.message)
    }, session.id)
    const before = await readDataFile(harness.dataFile)
    await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
    await expect(dialog.getByRole('alert')).toContainText('El acta cambió desde la vista previa')
    const after = await readDataFile(harness.dataFile)
    expect(after.sessions.find((entry) => entry.id === session.id)?.status).toBe('concluida')
    expect(after.sessions.find((entry) => entry.id === session.id)?.signedActa).toBeNull()
    expect(after.audit.length).toBe(before.audit.length)

    // Loaded again: another document, shown from its first page; now it is signed.
    await dialog.getByRole('button', { name: 'Volver a cargar el documento' }).click()
    const current = await prepared(page, session.id)
    expect(current.sha256).not.toBe(shown.sha256)
    await expect(dialog.getByText(current.sha256, { exact: true })).toBeVisible()
    await expect(dialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    await expect(dialog.getByRole('alert')).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
    await expect(dialog).toBeHidden()
    const signed = (await readDataFile(harness.dataFile)).sessions.find((entry) => entry.id === session.id)
    expect(signed?.status).toBe('firmada')
  })
})

test('una firma seguida de una anotación sobre la página 1 se muestra en rojo con el cambio', async ({ harness }) => {
  const { page } = harness
  await withP12(async (p12Path) => {
    await harness.open('#/sesiones')
    const session = await concludedSession(page)
    await harness.open(`#/sesiones/${session.id}`)
    await page.getByRole('button', { name: 'Firmar acta' }).click()
    const dialog = page.getByRole('dialog', { name: 'Firmar el acta' })
    await expect(dialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    await checkCertificate(page, dialog, p12Path)
    await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
    await expect(dialog).toBeHidden()

    const signedPdf = await page.evaluate(async (id) => {
      const file = await window.api.getSignedActa({ sessionId: id })
      if (!file.ok) throw new Error(file.error.message)
      return file.value.contentBase64
    }, session.id)
    // An incremental update, written as a legitimate tool would, adding a note over page 1.
    const original = Buffer.from(signedPdf, 'base64')
    const doc = PdfDocument.load(original)
    const pageRef = doc.pages()[0] as PdfRef
    const pageDict = (doc.dict(pageRef) as PdfDict).clone()
    const annotation = new PdfRef(doc.size, 0)
    pageDict.set('Annots', [...(doc.array(pageDict.get('Annots')) ?? []), annotation])
    const body = (value: Parameters<typeof serialize>[0]) => Buffer.from(serialize(value), 'latin1')
    const attacked = appendIncrementalUpdate(original, doc, [
      { ref: annotation, body: body(dict({ Type: name('Annot'), Subtype: name('FreeText'), Rect: [num(40), num(650), num(580), num(770)], Contents: textString('Acuerdo cancelado'), F: num(4) })) },
      { ref: pageRef, body: body(pageDict) },
    ]).bytes

    await page.getByRole('link', { name: 'Verificar PDF', exact: true }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Elegir PDF' }).click()
    await (await chooser).setFiles({ name: 'acta-con-anotacion.pdf', mimeType: 'application/pdf', buffer: attacked })
    const row = page.getByRole('table', { name: 'Firmas del documento' }).locator('tr[data-signature="1"]')
    await expect(row).toContainText(SIGNER)
    await expect(row).toHaveAttribute('data-modified', 'true')
    const badge = row.getByText('Modificada después de firmar', { exact: true })
    await expect(badge).toBeVisible()
    // Red: the theme's filled red badge (dark enough for its white label).
    expect(await badge.evaluate((element) => getComputedStyle(element.closest('.mantine-Badge-root') ?? element).backgroundColor)).toMatch(/^rgb\((1[5-9][0-9]|2[0-9]{2}), ([0-9]{1,2}), ([0-9]{1,2})\)$/)
    await expect(row.getByRole('list', { name: 'Cambios después de la firma' })).toContainText(/agregó una anotación en la página 1/i)
    await expect(page.getByText('El documento se modificó después de al menos una firma: revise los cambios señalados en rojo.')).toBeVisible()
    await expect(row).not.toContainText('Alterada')
  })
})
