/**
 * A session started on another day than its date: the «Iniciar la sesión»
 * dialog names both dates (the core says they differ), «Cancelar» leaves the
 * data file as it was, and «Iniciar hoy y registrar la fecha real» gives the
 * session today's date and the real start time, which the acta then carries.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { readDataFile } from '../../main/core/store/read-data-file'
import { TODAY } from '../support/clock'
import { expect, test } from './fixtures'

/** The demo's next session after the one convened for today: a draft scheduled for another day. */
async function laterDraft(page: Page): Promise<{ id: string; title: string; date: string; startTime: string }> {
  return page.evaluate(async () => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const found = sessions.value.find((session) => session.status === 'borrador')
    if (!found) throw new Error('sin sesión en borrador')
    return { id: found.id, title: found.title, date: found.date, startTime: found.startTime }
  })
}

/** Takes the roll, declares quorum, treats every item and concludes, through the bridge the interface uses. */
async function holdAndConclude(page: Page, id: string): Promise<void> {
  await page.evaluate(async (sessionId) => {
    const api = window.api
    const unwrap = async <T,>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const outcome = await result
      if (!outcome.ok) throw new Error(outcome.error.message)
      return outcome.value
    }
    let detail = await unwrap(api.getSession({ id: sessionId }))
    const voting = detail.roster.filter((entry) => entry.role === 'titular' && entry.voting === 'voz-y-voto').slice(0, detail.quorum.required)
    for (const entry of voting) {
      detail = await unwrap(api.setAttendance({ sessionId, memberId: entry.memberId, status: 'presente', substituteId: null, arrivedAt: null, leftAt: null }))
    }
    await unwrap(api.declareQuorum({ sessionId, call: 'primera' }))
    for (const item of detail.session.agenda) await unwrap(api.setItemStatus({ sessionId, itemId: item.id, status: 'tratado' }))
    await unwrap(api.changeSessionStatus({ id: sessionId, status: 'concluida', reason: '' }))
  }, id)
}

function pdfText(file: string): string {
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(result.stderr)
  return result.stdout.replace(/\s+/g, ' ')
}

test('iniciar una sesión en otro día que el de su fecha pide confirmarlo y registra la fecha y la hora reales, también en el acta', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const draft = await laterDraft(page)
  expect(draft.date).toBe('2026-12-09')
  expect(draft.date).not.toBe(TODAY)

  await harness.open(`#/sesiones/${draft.id}`)
  await expect(page.getByRole('heading', { level: 1, name: draft.title })).toBeVisible()
  await expect(page.getByText('miércoles 9 de diciembre de 2026', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Convocar' }).click()
  await page.getByRole('dialog', { name: 'Convocar la sesión' }).getByRole('button', { name: 'Convocar' }).click()
  await expect(page.getByText('Convocada', { exact: true })).toBeVisible()

  // The dialog warns, naming both dates; «Cancelar» changes nothing.
  const before = await readFile(harness.dataFile)
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  const dialog = page.getByRole('dialog', { name: 'Iniciar la sesión' })
  await expect(dialog.getByText('La sesión no está programada para hoy')).toBeVisible()
  await expect(dialog.getByText('La sesión está programada para el miércoles 9 de diciembre de 2026 y hoy es jueves 26 de noviembre de 2026.')).toBeVisible()
  await expect(dialog.getByText(new RegExp(`en lugar de la fecha y la hora programadas \\(${draft.startTime} h\\)`))).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Iniciar sesión' })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancelar' }).click()
  await expect(dialog).toBeHidden()
  expect(await readFile(harness.dataFile)).toEqual(before)
  await expect(page.getByText('Convocada', { exact: true })).toBeVisible()

  // Confirmed: the session is held today, from now.
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await dialog.getByRole('button', { name: 'Iniciar hoy y registrar la fecha real' }).click()
  await expect(page.getByText('En curso', { exact: true })).toBeVisible()
  await expect(page.getByText('jueves 26 de noviembre de 2026', { exact: true })).toBeVisible()
  await expect(page.getByText('miércoles 9 de diciembre de 2026', { exact: true })).toHaveCount(0)
  const onDisk = await readDataFile(harness.dataFile)
  const started = onDisk.sessions.find((session) => session.id === draft.id)
  expect(started).toMatchObject({ status: 'en-curso', date: TODAY })
  // The page's and the handlers' clock started at 09:00 and runs.
  const startTime = started?.startTime ?? ''
  expect(startTime).toMatch(/^09:0\d$/)
  expect(onDisk.audit.map((entry) => entry.summary)).toContain(
    `${draft.title} iniciada el jueves 26 de noviembre de 2026 a las ${startTime} h; estaba programada para el miércoles 9 de diciembre de 2026 a las ${draft.startTime} h`,
  )

  // Held and concluded, its acta from the document job says the real date and time.
  await holdAndConclude(page, draft.id)
  await page.reload()
  await expect(page.getByText('Concluida', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Acta (PDF)' }).click()
  const acta = page.getByRole('dialog', { name: 'Acta de la sesión' })
  await expect(acta.getByText('Documento listo')).toBeVisible()
  const download = page.waitForEvent('download')
  await acta.getByRole('button', { name: 'Guardar PDF' }).click()
  const saved = await download
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-acta-'))
  try {
    const file = join(folder, 'acta.pdf')
    await writeFile(file, await readFile(await saved.path()))
    const text = pdfText(file)
    expect(text).toContain(`Siendo las ${startTime} horas del jueves 26 de noviembre de 2026`)
    expect(text).not.toContain('9 de diciembre')
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
