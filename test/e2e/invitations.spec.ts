/**
 * The calendar invitation from the session's header: a convened session gives
 * its .ics request; moved, the next one is a higher version of the same event.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { simpleParser } from 'mailparser'
import type { Download } from '@playwright/test'
import { readDataFile } from '../../main/core/store/read-data-file'
import { expectAccessible } from './a11y'
import { expect, test } from './fixtures'
import { convenedSession } from './live-session'

async function textOf(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8')
}

/** The unfolded content lines of an iCalendar text. */
const lines = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n')

test('la invitación de calendario de una sesión convocada se descarga; al moverla sube su versión con el mismo UID', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const session = await convenedSession(page)
  await harness.open(`#/sesiones/${session.id}`)
  await expect(page.getByRole('heading', { level: 1, name: session.title })).toBeVisible()

  const first = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Invitación de calendario (.ics)' }).click()
  const saved = await first
  expect(saved.suggestedFilename()).toMatch(/^invitacion-STL-S[OE]\d{2}-\d{4}\.ics$/)
  await expect(page.getByText(`Se guardó ${saved.suggestedFilename()}`)).toBeVisible()
  const request = lines(await textOf(saved))
  expect(request).toContain('METHOD:REQUEST')
  expect(request).toContain('SEQUENCE:0')
  const uid = request.find((line) => line.startsWith('UID:'))
  expect(uid).toBe(`UID:${session.id}@secretariado.gobiernoabierto.jalisco`)

  // The session moves through the core (the screen's own edit form is covered elsewhere).
  const moved = await page.evaluate(async (id) => {
    const detail = await window.api.getSession({ id })
    if (!detail.ok) throw new Error(detail.error.message)
    const { date, startTime, endTime, modality, venue, link, chairId, secretaryId } = detail.value.session
    const result = await window.api.updateSession({ id, date, startTime: startTime === '11:00' ? '12:00' : '11:00', endTime, modality, venue, link, chairId, secretaryId })
    if (!result.ok) throw new Error(result.error.message)
    return result.value.session.invitationSequence
  }, session.id)
  expect(moved).toBe(1)
  expect((await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.invitationSequence).toBe(1)

  const second = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Invitación de calendario (.ics)' }).click()
  const again = lines(await textOf(await second))
  expect(again).toContain('SEQUENCE:1')
  expect(again.find((line) => line.startsWith('UID:'))).toBe(uid)
})

test('la lista de asistencia de una sesión convocada se genera y se guarda como PDF', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const session = await convenedSession(page)
  await harness.open(`#/sesiones/${session.id}`)
  await page.getByRole('button', { name: 'Lista de asistencia (PDF)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Lista de asistencia para firma' })
  await expect(dialog.getByText('Documento listo')).toBeVisible()
  await expect(dialog.getByText(/^lista-de-asistencia-STL-S[OE]\d{2}-\d{4}\.pdf$/)).toBeVisible()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Guardar PDF' }).click()
  const pdf = await readFile(await (await download).path())
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.toString('latin1')).toContain('/Title (')
})

test('«Preparar correos» deja los borradores con la convocatoria y la invitación en una carpeta nueva, que se abre', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const session = await convenedSession(page)
  await harness.open(`#/sesiones/${session.id}`)
  await expect(page.getByRole('heading', { level: 1, name: session.title })).toBeVisible()
  await page.getByRole('button', { name: 'Preparar correos' }).click()
  const dialog = page.getByRole('dialog', { name: 'Preparar los correos de la convocatoria' })
  await dialog.getByRole('radio', { name: /copia oculta/ }).check()
  await expectAccessible(page, 'preparar correos')
  await dialog.getByRole('button', { name: 'Preparar correos' }).click()
  await expect(dialog.getByRole('status')).toContainText('Se preparó 1 borrador')
  const folder = harness.openedPaths.at(-1) ?? ''
  expect(folder).toMatch(/correos[\\/]STL-S[OE]\d{2}-\d{4} \d{8}-\d{4}$/)
  await expect(dialog.getByRole('status')).toContainText(folder)
  await expect(dialog.getByRole('button', { name: 'Preparar otra vez' })).toBeEnabled()
  if (process.env.SCREENSHOTS) await page.screenshot({ path: resolve(__dirname, '../../docs/screenshots/72-preparar-correos.png'), animations: 'disabled' })
  const files = await readdir(folder)
  expect(files).toHaveLength(1)
  const mail = await simpleParser(await readFile(join(folder, files[0] ?? '')))
  expect(mail.headers.get('x-unsent')).toBe('1')
  expect(mail.attachments.map((attachment) => attachment.contentType)).toEqual(['application/pdf', 'text/calendar'])
  // Closing after preparing asks nothing (the choice was used).
  await dialog.getByRole('button', { name: 'Cerrar' }).first().click()
  await expect(dialog).toBeHidden()
})
