/**
 * Follow-up end to end, through the real handlers on a temporary data file:
 * an agreement's follow-up with evidence (link and file) seen in the next
 * session's «Seguimiento de acuerdos»; a milestone's progress changing its
 * commitment and the dashboard; accent-insensitive search; the bitácora;
 * open data with its BOM and the progress import round trip.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import Papa from 'papaparse'
import { PROGRESS_CSV_MAX_ROWS } from '../../main/core/domain/csv-columns'
import { readDataFile } from '../../main/core/store/read-data-file'
import { expect, test } from './fixtures'

const BOM = [0xef, 0xbb, 0xbf]
const PILLAR_NAMES: Record<string, string> = {
  transparencia: 'Transparencia',
  'rendicion-de-cuentas': 'Rendición de cuentas',
  'participacion-ciudadana': 'Participación ciudadana',
  'tecnologia-e-innovacion': 'Tecnología e innovación',
}

/** The convened session (the next one) and an open agreement of an earlier session it follows up. */
async function nextSessionAndPending(page: Page) {
  return page.evaluate(async () => {
    const api = window.api
    const sessions = await api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const next = sessions.value.find((session) => session.status === 'convocada')
    if (!next) throw new Error('sin sesión convocada')
    const detail = await api.getSession({ id: next.id })
    if (!detail.ok) throw new Error(detail.error.message)
    const agreement = detail.value.pendingAgreements.find((row) => row.state === 'pendiente') ?? detail.value.pendingAgreements[0]
    if (!agreement) throw new Error('sin acuerdos pendientes')
    return { sessionId: next.id, sessionTitle: detail.value.title, key: agreement.key, agreementId: agreement.id, followUps: agreement.followUps.length }
  })
}

async function downloadBytes(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: await readFile(path) }
}

test('un seguimiento con evidencia queda en el acuerdo, en la sesión siguiente y en la bitácora', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/acuerdos')
  await expect(page.getByRole('heading', { level: 1, name: 'Acuerdos' })).toBeVisible()
  const { sessionId, sessionTitle, key, agreementId, followUps } = await nextSessionAndPending(page)

  // In Acuerdos: find it, open it, add a follow-up with a link, a file and a new state.
  await page.getByRole('searchbox', { name: 'Buscar acuerdo' }).fill(key)
  await expect(page.getByText('1 de 25 acuerdos')).toBeVisible()
  await page.getByRole('button', { name: `Abrir el acuerdo ${key}` }).click()
  const drawer = page.getByRole('dialog', { name: new RegExp(key) })
  await expect(drawer.getByText('Historial de seguimiento')).toBeVisible()
  await drawer.getByRole('button', { name: 'Agregar seguimiento' }).click()
  await expect(drawer.getByRole('textbox', { name: 'Nota de seguimiento' })).toBeFocused()
  const note = 'La Coordinación General de Transparencia entregó el primer informe de avance; falta la publicación en el portal.'
  await drawer.getByRole('textbox', { name: 'Nota de seguimiento' }).fill(note)
  await drawer.getByRole('textbox', { name: 'Enlace a la evidencia' }).fill('https://transparencia.jalisco.gob.mx/informe-avance')
  await drawer.locator('input[type=file]').setInputFiles({ name: 'oficio-avance-CGT.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% oficio de avance\n%%EOF\n') })
  await drawer.getByRole('combobox', { name: 'Cambiar el estado a' }).click()
  await page.getByRole('option', { name: 'En proceso' }).click()
  await drawer.getByRole('button', { name: 'Agregar seguimiento' }).click()
  await expect(page.getByText(`Se registró el seguimiento del acuerdo ${key}.`)).toBeVisible()
  await expect(drawer.getByText(note)).toBeVisible()
  await expect(drawer.getByText('Evidencia en línea: https://transparencia.jalisco.gob.mx/informe-avance')).toBeVisible()
  await expect(drawer.getByText(/Archivo de evidencia: oficio-avance-CGT\.pdf/)).toBeVisible()
  await expect(drawer.getByRole('radio', { name: 'En proceso' })).toBeChecked()

  let onDisk = (await readDataFile(harness.dataFile)).agreements.find((agreement) => agreement.id === agreementId)
  expect(onDisk?.status).toBe('en-proceso')
  expect(onDisk?.followUps).toHaveLength(followUps + 1)
  expect(onDisk?.followUps.at(-1)).toMatchObject({
    note,
    evidenceUrl: 'https://transparencia.jalisco.gob.mx/informe-avance',
    evidenceFile: { fileName: 'oficio-avance-CGT.pdf' },
    sessionId: null,
  })
  await page.keyboard.press('Escape')

  // The next session's «Seguimiento de acuerdos» lists it with that entry, and records its own.
  await harness.open(`#/sesiones/${sessionId}?pestana=seguimiento`)
  await expect(page.getByRole('heading', { level: 1, name: sessionTitle })).toBeVisible()
  const item = page.locator(`[data-pending-agreement="${key}"]`)
  await expect(item.getByText('En proceso', { exact: true })).toBeVisible()
  await expect(item.getByText(/^Último seguimiento/)).toContainText('primer informe de avance')
  await item.getByRole('button', { name: `Registrar avance del acuerdo ${key}` }).click()
  await expect(item.getByRole('textbox', { name: 'Nota de seguimiento' })).toBeFocused()
  await item.getByRole('textbox', { name: 'Nota de seguimiento' }).fill('En la sesión se informó que el portal se actualizará la próxima semana.')
  await item.getByRole('button', { name: 'Registrar avance' }).click()
  await expect(item.getByText('1 avance registrado en esta sesión')).toBeVisible()
  onDisk = (await readDataFile(harness.dataFile)).agreements.find((agreement) => agreement.id === agreementId)
  expect(onDisk?.followUps.at(-1)?.sessionId).toBe(sessionId)

  // Once the session is under way, the live minutes of that item list them too; closing one keeps it listed as attended.
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await page.getByRole('dialog', { name: 'Iniciar la sesión' }).getByRole('button', { name: 'Iniciar sesión' }).click()
  await expect(page.getByText('En curso', { exact: true })).toBeVisible()
  const followUpItem = await page.evaluate(async (id) => {
    const detail = await window.api.getSession({ id })
    if (!detail.ok) throw new Error(detail.error.message)
    return detail.value.session.agenda.find((entry) => entry.title === 'Seguimiento de acuerdos')?.id ?? ''
  }, sessionId)
  await harness.open(`#/sesiones/${sessionId}/minuta?punto=${followUpItem}`)
  await expect(page.getByRole('heading', { level: 2, name: /Seguimiento de acuerdos/ })).toBeVisible()
  const live = page.locator(`[data-pending-agreement="${key}"]`)
  await expect(live.getByText('1 avance registrado en esta sesión')).toBeVisible()
  await live.getByRole('button', { name: `Registrar avance del acuerdo ${key}` }).click()
  await live.getByRole('textbox', { name: 'Nota de seguimiento' }).fill('La Coordinación General de Transparencia mostró el portal actualizado; se da por cumplido.')
  await live.getByRole('combobox', { name: 'Cambiar el estado a' }).click()
  await page.getByRole('option', { name: 'Cumplido' }).click()
  await live.getByRole('button', { name: 'Registrar avance' }).click()
  await expect(live.getByText('2 avances registrados en esta sesión')).toBeVisible()
  await expect(live.getByText('Atendido en esta sesión')).toBeVisible()
  await expect(live.getByText('Cumplido', { exact: true })).toBeVisible()
  expect((await readDataFile(harness.dataFile)).agreements.find((agreement) => agreement.id === agreementId)?.status).toBe('cumplido')

  // The bitácora shows both changes, filtered by element and text.
  await page.getByRole('link', { name: 'Bitácora', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bitácora' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Elemento' }).click()
  await page.getByRole('option', { name: 'Acuerdo' }).click()
  await page.getByRole('searchbox', { name: 'Buscar en la bitácora' }).fill(key)
  await expect(page.getByText('3 cambios')).toBeVisible()
  await expect(page.getByRole('cell', { name: `Seguimiento del acuerdo ${key} (ahora en proceso)` })).toBeVisible()
  await expect(page.getByRole('cell', { name: `Seguimiento del acuerdo ${key} (ahora cumplido)` })).toBeVisible()
  const audit = await downloadBytes(page, () => page.getByRole('button', { name: 'Exportar CSV' }).click())
  expect(audit.name).toMatch(/^bitacora-\d{4}-\d{2}-\d{2}\.csv$/)
  expect([...audit.bytes.subarray(0, 3)]).toEqual(BOM)
  const lines = audit.bytes.toString('utf8').trim().split(/\r?\n/)
  expect(lines).toHaveLength(4)
  expect(lines.slice(1).every((line) => line.includes(key))).toBe(true)
})

test('el avance de un hito cambia el del compromiso y el tablero', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/tablero')
  await expect(page.getByRole('heading', { level: 1, name: 'Tablero' })).toBeVisible()
  const before = await page.evaluate(async () => {
    const dashboard = await window.api.getDashboard()
    const overview = await window.api.getPlanOverview()
    if (!dashboard.ok || !overview.ok) throw new Error('sin tablero')
    const commitment = overview.value.commitments.find((candidate) => candidate.milestones.some((milestone) => milestone.status !== 'completado'))
    if (!commitment) throw new Error('sin hitos abiertos')
    return { dashboard: dashboard.value, commitment }
  })
  await expect(page.locator('[data-figure="avance"] [data-value]')).toHaveText(`${before.dashboard.averageProgress} %`)

  // The milestone is completed: 100 %; the commitment's weighted progress follows.
  const { commitment } = before
  const milestone = commitment.milestones.find((candidate) => candidate.status !== 'completado')!
  const weights = commitment.milestones.reduce((sum, entry) => sum + entry.weight, 0)
  const expected = Math.round(commitment.milestones.reduce((sum, entry) => sum + (entry.id === milestone.id ? 100 : entry.progress) * entry.weight, 0) / weights)
  expect(expected).toBeGreaterThan(commitment.progress)

  await harness.open(`#/plan-de-accion?compromiso=${commitment.id}`)
  const card = page.locator(`[data-commitment="${commitment.number}"]`)
  await expect(card.getByRole('img', { name: `Avance del compromiso: ${commitment.progress} %` })).toBeVisible()
  await card.getByRole('button', { name: `Editar el hito «${milestone.title}»` }).click()
  const dialog = page.getByRole('dialog', { name: /Editar hito/ })
  // The dialog focuses its first field once open; typing elsewhere before that would land there.
  await expect(dialog.getByRole('textbox', { name: 'Título del hito' })).toBeFocused()
  await dialog.getByRole('textbox', { name: 'Avance (%)' }).fill('100')
  await expect(dialog.getByRole('radio', { name: 'Completado' })).toBeChecked()
  await dialog.getByRole('button', { name: 'Guardar cambios' }).click()
  await expect(page.getByText(`El compromiso ${commitment.number} lleva ${expected} %.`)).toBeVisible()
  await expect(card.getByRole('img', { name: `Avance del compromiso: ${expected} %` })).toBeVisible()
  await expect(card.getByRole('row', { name: new RegExp(milestone.title) })).toContainText('Completado')

  const onDisk = (await readDataFile(harness.dataFile)).commitments.find((candidate) => candidate.id === commitment.id)
  expect(onDisk?.milestones.find((entry) => entry.id === milestone.id)).toMatchObject({ progress: 100, status: 'completado' })

  // The dashboard: the average over the commitments, and the commitment's pillars, with the new value.
  const others = before.dashboard.commitments
  const average = await page.evaluate(async () => {
    const overview = await window.api.getPlanOverview()
    if (!overview.ok) throw new Error(overview.error.message)
    return overview.value.commitments
  })
  const planCommitments = average.filter((candidate) => candidate.planId === commitment.planId)
  expect(planCommitments).toHaveLength(others)
  const newAverage = Math.round(planCommitments.reduce((sum, candidate) => sum + candidate.progress, 0) / planCommitments.length)
  await page.getByRole('link', { name: 'Tablero', exact: true }).click()
  await expect(page.locator('[data-figure="avance"] [data-value]')).toHaveText(`${newAverage} %`)
  expect(newAverage).toBeGreaterThanOrEqual(before.dashboard.averageProgress)
  const after = await page.evaluate(async () => {
    const dashboard = await window.api.getDashboard()
    if (!dashboard.ok) throw new Error(dashboard.error.message)
    return dashboard.value
  })
  expect(after.averageProgress).toBe(newAverage)
  const pillar = commitment.pillars[0]!
  const pillarBefore = before.dashboard.byPillar.find((entry) => entry.pillar === pillar)!
  const pillarAfter = after.byPillar.find((entry) => entry.pillar === pillar)!
  expect(pillarAfter.progress).toBeGreaterThan(pillarBefore.progress)
  await expect(page.getByRole('table', { name: 'Datos de la gráfica: Avance por pilar' }).getByRole('row', { name: new RegExp(`^${PILLAR_NAMES[pillar]}`) })).toContainText(`${pillarAfter.progress} %`)
  // A completed milestone is no longer due.
  expect(after.milestonesDue.some((entry) => entry.milestoneId === milestone.id)).toBe(false)

  // And the bitácora names the change.
  await page.getByRole('link', { name: 'Bitácora', exact: true }).click()
  await expect(page.getByRole('cell', { name: `Hito «${milestone.title}» del compromiso ${commitment.number}: 100 %` })).toBeVisible()
})

test('la búsqueda no distingue acentos y lleva a la pantalla del resultado', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/integrantes')
  await expect(page.getByRole('heading', { level: 1, name: 'Integrantes' })).toBeVisible()
  await page.keyboard.press('Control+k')
  const input = page.getByRole('combobox', { name: 'Buscar', exact: true })
  await expect(input).toBeFocused()
  await input.fill('sesion')
  const results = page.getByRole('listbox', { name: 'Resultados de la búsqueda' })
  await expect(results.getByRole('group', { name: /^Sesiones/ })).toBeVisible()
  const first = results.getByRole('option').first()
  await expect(first).toContainText('Sesión')
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await input.press('ArrowDown')
  const second = results.getByRole('option').nth(1)
  await expect(second).toHaveAttribute('aria-selected', 'true')
  const title = (await second.locator('p').first().textContent()) ?? ''
  await input.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // A member: the launcher button, a name without its accents.
  await page.getByRole('button', { name: 'Buscar en Secretariado' }).click()
  await page.getByRole('combobox', { name: 'Buscar', exact: true }).fill('pena robles')
  await expect(page.getByRole('group', { name: /^Integrantes/ }).getByRole('option').first()).toContainText('Peña Robles')
  await page.getByRole('group', { name: /^Integrantes/ }).getByRole('option').first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Integrantes' })).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Buscar integrante' })).toHaveValue(/Peña Robles/)
})

test('datos abiertos: CSV con BOM, JSON válido y el avance importado de ida y vuelta no cambia nada', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/acuerdos')
  await page.getByRole('button', { name: 'Datos abiertos' }).click()
  const csv = await downloadBytes(page, () => page.getByRole('menuitem', { name: /^CSV/ }).click())
  expect(csv.name).toMatch(/^acuerdos-\d{4}-\d{2}-\d{2}\.csv$/)
  expect([...csv.bytes.subarray(0, 3)]).toEqual(BOM)
  const text = csv.bytes.toString('utf8')
  expect(text.split(/\r?\n/)[0]).toMatch(/^\uFEFFclave,/)
  expect(text).toContain('Sesión Ordinaria')
  await expect(page.getByText(`Se descargó ${csv.name}.`)).toBeVisible()

  await page.getByRole('link', { name: 'Plan de Acción', exact: true }).click()
  // Both screens have «Datos abiertos»: the list of agreements stays until the plan's code has loaded.
  await expect(page.getByRole('heading', { level: 1, name: 'Plan de Acción' })).toBeVisible()
  await page.getByRole('button', { name: 'Datos abiertos' }).click()
  const json = await downloadBytes(page, () => page.getByRole('menuitem', { name: 'JSON' }).click())
  const parsed = JSON.parse(json.bytes.toString('utf8')) as { conjunto: string; registros: { hitos: unknown[] }[] }
  expect(parsed.conjunto).toBe('compromisos')
  expect(parsed.registros.length).toBeGreaterThan(0)

  await page.getByRole('button', { name: 'Datos abiertos' }).click()
  const commitments = await downloadBytes(page, () => page.getByRole('menuitem', { name: /^CSV/ }).click())
  expect([...commitments.bytes.subarray(0, 3)]).toEqual(BOM)
  const before = await readFile(harness.dataFile)

  // Round trip: the export itself, imported back, changes nothing.
  await page.getByRole('button', { name: 'Importar avance (CSV)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Importar avance de hitos desde CSV' })
  await dialog.locator('input[type=file]').setInputFiles({ name: commitments.name, mimeType: 'text/csv', buffer: commitments.bytes })
  await expect(dialog.getByText('Sin cambios', { exact: true })).toBeVisible()
  await expect(dialog.getByText('Se leyó como UTF-8 con BOM. Separador: coma.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: /^Actualizar/ })).toHaveCount(0)
  expect((await readFile(harness.dataFile)).equals(before)).toBe(true)

  // One edited row: reported, then applied.
  const table = Papa.parse<Record<string, string>>(commitments.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
  const edited = table.data.find((row) => row.hito_estado === 'en-proceso')!
  edited.hito_avance = '100'
  edited.hito_estado = 'completado'
  const changed = '\uFEFF' + Papa.unparse({ fields: table.meta.fields ?? [], data: table.data.map((row) => (table.meta.fields ?? []).map((field) => row[field])) })
  await dialog.locator('input[type=file]').setInputFiles({ name: 'avance-editado.csv', mimeType: 'text/csv', buffer: Buffer.from(changed, 'utf8') })
  await expect(dialog.getByText('Cambia el avance de 1 hito.')).toBeVisible()
  await expect(dialog.getByText(`Hasta ${PROGRESS_CSV_MAX_ROWS.toLocaleString('es-MX')} filas y 5 MB`, { exact: false })).toBeVisible()
  await dialog.getByRole('button', { name: 'Actualizar 1 hito' }).click()
  await expect(page.getByText('Se actualizó el avance de 1 hito.')).toBeVisible()
  const milestones = (await readDataFile(harness.dataFile)).commitments.flatMap((commitment) => commitment.milestones)
  expect(milestones.find((milestone) => milestone.id === edited.hito_id)).toMatchObject({ progress: 100, status: 'completado' })
})
