/**
 * The session workflow in the browser harness: a whole meeting run from the
 * interface and found again after a restart, and the refusals (bad CSV,
 * impossible vote, a transition the rules do not allow) shown in Spanish with
 * the data file left byte for byte as it was.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { SessionDetail } from '../../main/core/contract/views'
import { readDataFile } from '../../main/core/store/read-data-file'
import { TODAY } from '../support/clock'
import { expect, test } from './fixtures'
import { markPresentUntilQuorum } from './roll-call-keys'

const NOTES = [
  'La Secretaría Técnica pasó lista de asistencia y declaró el quórum legal para sesionar.',
  'Se dio lectura al orden del día; sin observaciones, se sometió a votación.',
  'Se presentó el acta de la sesión anterior con las observaciones recibidas por correo.',
]
const UNANIMOUS = 'Se aprueba el orden del día de la presente sesión en sus términos.'
const MAJORITY = 'Se aprueba el acta de la sesión anterior con las observaciones de la Coordinación de Datos Abiertos.'

/** The session shown at `#/sesiones/<id>…`. */
function sessionIdOf(page: Page): string {
  const match = /#\/sesiones\/([A-Za-z0-9_-]+)/.exec(page.url())
  if (!match?.[1]) throw new Error(`No hay sesión en ${page.url()}`)
  return match[1]
}

async function chooseFirstOption(page: Page, combobox: ReturnType<Page['getByRole']>, search: string): Promise<string> {
  await combobox.click()
  await combobox.fill(search)
  const option = page.getByRole('option').first()
  const label = (await option.textContent()) ?? ''
  await option.click()
  return label
}

/** Marks the current item's notes and waits until the indicator says they reached the data file. */
async function writeNotes(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Alt+n')
  await expect(page.getByRole('textbox', { name: 'Desarrollo del punto' })).toBeFocused()
  await page.keyboard.type(text)
  await expect(page.getByText(/^Guardado a las \d{2}:\d{2}:\d{2}$/)).toBeVisible()
}

async function currentItemTitle(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Punto \\d+(\\.\\d+)?: ${title}`) })).toBeVisible()
}

test('una sesión completa desde la interfaz: se crea, se pasa lista, se escribe la minuta, se votan acuerdos y se concluye; todo sigue ahí tras reiniciar', async ({ harness }) => {
  test.setTimeout(180_000)
  const { page } = harness
  await harness.open('#/sesiones')

  // Nueva sesión from the standard template.
  await page.getByRole('button', { name: 'Nueva sesión' }).click()
  const form = page.getByRole('dialog', { name: 'Nueva sesión' })
  await form.getByRole('textbox', { name: 'Sede' }).fill('Casa Jalisco, sala de juntas')
  const chair = await chooseFirstOption(page, form.getByRole('combobox', { name: 'Coordinación' }), 'Aceves')
  await chooseFirstOption(page, form.getByRole('combobox', { name: 'Secretaría técnica' }), 'Castañeda')
  await expect(form.getByRole('radio', { name: 'Plantilla estándar' })).toBeChecked()
  await form.getByRole('button', { name: 'Crear sesión' }).click()
  const heading = page.getByRole('heading', { level: 1, name: /Sesión Ordinaria \d{4}$/ })
  await expect(heading).toBeVisible()
  const title = (await heading.textContent()) ?? ''
  const sessionId = sessionIdOf(page)
  await expect(page.getByText(chair.split(' · ')[0] ?? chair)).toBeVisible()
  const agenda = page.getByRole('list', { name: 'Orden del día' })
  await expect(agenda.getByRole('listitem')).toHaveCount(6)
  await expect(agenda.getByText('Lista de asistencia y declaración de quórum')).toBeVisible()

  // Convocar e iniciar.
  await page.getByRole('button', { name: 'Convocar' }).click()
  await page.getByRole('dialog', { name: 'Convocar la sesión' }).getByRole('button', { name: 'Convocar' }).click()
  await expect(page.getByText('Convocada', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await page.getByRole('dialog', { name: 'Iniciar la sesión' }).getByRole('button', { name: 'Iniciar sesión' }).click()
  await expect(page.getByText('En curso', { exact: true })).toBeVisible()

  // Pase de lista with the keyboard until the indicator says there is quorum.
  await page.getByRole('tab', { name: 'Pase de lista' }).click()
  const live = page.getByTestId('quorum-live')
  await expect(live).toHaveText(/^0 de 16 con voto · se requieren 9$/)
  const rows = page.locator('tr[data-member]')
  await rows.first().focus()
  // The first titular is represented by the one suplente registered for him or her.
  await page.keyboard.press('s')
  await expect(rows.first().getByRole('combobox', { name: /^Suplente que asiste por/ })).not.toHaveValue('')
  await expect(live).toHaveText(/^1 de 16 con voto/)
  await markPresentUntilQuorum(page, rows, 1)
  await expect(live).toHaveText(/^9 de 16 con voto · se requieren 9$/)
  await page.getByRole('button', { name: 'Declarar quórum' }).click()
  await expect(page.getByText(/^Declarada a las \d{2}:\d{2} h en primera convocatoria: 9 de 16 integrantes/)).toBeVisible()

  // Minuta en vivo: notes on three items, two agreements, every item handled.
  await page.getByRole('link', { name: 'Continuar en la minuta en vivo' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()
  await currentItemTitle(page, 'Lista de asistencia y declaración de quórum')
  await writeNotes(page, NOTES[0] ?? '')
  // The item timer: Alt+R starts and pauses it; the pause stores the seconds. The page's clock stands
  // still while exactly two of its seconds are run, so the reading is the same on any machine.
  const pageNow = await page.evaluate(() => Date.now()) // the page's own clock, installed by the harness
  await page.clock.pauseAt(pageNow + 1000)
  await page.keyboard.press('Alt+r')
  await expect(page.getByRole('button', { name: 'Pausar' })).toBeVisible()
  await page.clock.runFor(2000)
  await expect(page.getByRole('timer')).toHaveText('00:02')
  await page.keyboard.press('Alt+r')
  await expect(page.getByRole('button', { name: 'Reanudar' })).toBeVisible()
  await page.clock.resume()
  await expect.poll(async () => (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === sessionId)?.agenda[0]?.elapsedSeconds).toBeGreaterThanOrEqual(2)
  await page.keyboard.press('Alt+t')
  await expect(page.getByRole('button', { name: /^Tratado/, pressed: true })).toBeVisible()

  await page.keyboard.press('Alt+ArrowDown')
  await currentItemTitle(page, 'Lectura y, en su caso, aprobación del orden del día')
  await writeNotes(page, NOTES[1] ?? '')
  await page.keyboard.press('Alt+a')
  const unanimous = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  await expect(unanimous.getByRole('textbox', { name: 'Texto del acuerdo' })).toBeFocused()
  await page.keyboard.type(UNANIMOUS)
  await unanimous.getByRole('switch', { name: 'Por unanimidad' }).click()
  await expect(unanimous.getByRole('textbox', { name: 'A favor' })).toHaveValue('9')
  await page.keyboard.press('Control+Enter')
  await expect(unanimous).toBeHidden()
  const firstKey = `STL-${title.includes('Ordinaria') ? 'SO' : 'SE'}`
  await expect(page.locator('[data-agreement]').filter({ hasText: UNANIMOUS })).toContainText(firstKey)
  await expect(page.getByText('Por unanimidad')).toBeVisible()
  await page.keyboard.press('Alt+t')
  await expect(page.getByRole('button', { name: /^Tratado/, pressed: true })).toBeVisible()

  await page.keyboard.press('Alt+ArrowDown')
  await currentItemTitle(page, 'Lectura y, en su caso, aprobación del acta de la sesión anterior')
  await writeNotes(page, NOTES[2] ?? '')
  await page.getByRole('button', { name: /^Registrar acuerdo/ }).click()
  const majority = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  await majority.getByRole('textbox', { name: 'Texto del acuerdo' }).fill(MAJORITY)
  await majority.getByRole('textbox', { name: 'A favor' }).fill('6')
  await majority.getByRole('textbox', { name: 'En contra' }).fill('2')
  await majority.getByRole('textbox', { name: 'Abstenciones' }).fill('1')
  await majority.getByRole('button', { name: 'Registrar acuerdo' }).click()
  await expect(majority).toBeHidden()
  await expect(page.getByText('A favor: 6 · en contra: 2 · abstenciones: 1')).toBeVisible()
  await page.keyboard.press('Alt+t')
  await expect(page.getByRole('button', { name: /^Tratado/, pressed: true })).toBeVisible()

  await page.keyboard.press('Alt+ArrowDown')
  await currentItemTitle(page, 'Seguimiento de acuerdos')
  await page.getByRole('button', { name: 'Diferir' }).click()
  await expect(page.getByRole('button', { name: 'Diferir', pressed: true })).toBeVisible()
  for (const next of ['Asuntos generales', 'Clausura de la sesión']) {
    await page.keyboard.press('Alt+ArrowDown')
    await currentItemTitle(page, next)
    await page.keyboard.press('Alt+t')
    await expect(page.getByRole('button', { name: /^Tratado/, pressed: true })).toBeVisible()
  }
  await expect(page.getByText('6 de 6 atendidos')).toBeVisible()

  await page.getByRole('button', { name: 'Concluir sesión' }).click()
  await page.getByRole('dialog', { name: 'Concluir la sesión' }).getByRole('button', { name: 'Concluir sesión' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Concluida', { exact: true })).toBeVisible()

  // On disk.
  const data = await readDataFile(harness.dataFile)
  const session = data.sessions.find((candidate) => candidate.id === sessionId)
  expect(session).toMatchObject({ status: 'concluida', venue: 'Casa Jalisco, sala de juntas', quorum: { reached: true, call: 'primera', present: 9, required: 9, votingMembers: 16 } })
  expect(session?.endTime).toMatch(/^\d{2}:\d{2}$/)
  expect(session?.agenda.slice(0, 3).map((item) => item.notes)).toEqual(NOTES)
  expect(session?.agenda.map((item) => item.status)).toEqual(['tratado', 'tratado', 'tratado', 'diferido', 'tratado', 'tratado'])
  expect(session?.attendance.find((row) => row.status === 'suplente')?.substituteId).toBeTruthy()
  const agreements = data.agreements.filter((agreement) => agreement.sessionId === sessionId)
  expect(agreements.map((agreement) => [agreement.text, agreement.vote.favor, agreement.vote.contra, agreement.vote.abstenciones, agreement.vote.unanimous])).toEqual([
    [UNANIMOUS, 9, 0, 0, true],
    [MAJORITY, 6, 2, 1, false],
  ])
  expect(agreements.map((agreement) => agreement.key)).toEqual([expect.stringMatching(/-01$/), expect.stringMatching(/-02$/)])

  // After a restart, in the interface.
  await harness.restart()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Concluida', { exact: true })).toBeVisible()
  for (const note of NOTES) await expect(page.getByText(note)).toBeVisible()
  await page.getByRole('tab', { name: 'Pase de lista' }).click()
  await expect(page.getByText(/^Declarada a las \d{2}:\d{2} h en primera convocatoria: 9 de 16/)).toBeVisible()
  await page.getByRole('tab', { name: 'Acuerdos' }).click()
  const table = page.getByRole('table', { name: 'Acuerdos de la sesión' })
  await expect(table.getByText(UNANIMOUS)).toBeVisible()
  await expect(table.getByText(MAJORITY)).toBeVisible()
  await expect(table.getByText('Por unanimidad')).toBeVisible()
  await expect(table.getByText('Por mayoría')).toBeVisible()
  await page.getByRole('link', { name: 'Revisar minuta' }).click()
  await currentItemTitle(page, 'Lista de asistencia y declaración de quórum')
  await expect(page.getByRole('textbox', { name: 'Desarrollo del punto' })).toHaveValue(NOTES[0] ?? '')
})

/** A session in progress with quorum declared, prepared through the same bridge the interface uses. */
async function sessionInProgress(page: Page): Promise<SessionDetail> {
  return page.evaluate(async (today) => {
    const api = window.api
    const unwrap = async <T,>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const outcome = await result
      if (!outcome.ok) throw new Error(outcome.error.message)
      return outcome.value
    }
    const created = await unwrap(
      api.createSession({ type: 'extraordinaria', date: today, startTime: '17:00', modality: 'virtual', venue: '', link: 'https://reuniones.example.org/stl', chairId: null, secretaryId: null, agendaSource: 'estandar' }),
    )
    const id = created.session.id
    await unwrap(api.changeSessionStatus({ id, status: 'convocada', reason: '' }))
    const detail = await unwrap(api.changeSessionStatus({ id, status: 'en-curso', reason: '' }))
    const voting = detail.roster.filter((entry) => entry.role === 'titular' && entry.voting === 'voz-y-voto').slice(0, 10)
    for (const entry of voting) {
      await unwrap(api.setAttendance({ sessionId: id, memberId: entry.memberId, status: 'presente', substituteId: null, arrivedAt: '17:00', leftAt: null }))
    }
    return unwrap(api.declareQuorum({ sessionId: id, call: 'primera' }))
  }, TODAY)
}

test('un voto imposible y una transición no permitida se rechazan en español y el archivo no cambia', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const detail = await sessionInProgress(page)
  expect(detail.quorum.voters).toHaveLength(10)
  await harness.open(`#/sesiones/${detail.session.id}/minuta`)
  await currentItemTitle(page, 'Lista de asistencia y declaración de quórum')

  const before = await readFile(harness.dataFile)
  await page.keyboard.press('Alt+a')
  const dialog = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  await dialog.getByRole('textbox', { name: 'Texto del acuerdo' }).fill('Se aprueba una propuesta con más votos que integrantes.')
  await dialog.getByRole('textbox', { name: 'A favor' }).fill('30')
  await dialog.getByRole('button', { name: 'Registrar acuerdo' }).click()
  await expect(dialog.getByRole('alert')).toContainText('La votación suma 30 votos, pero sólo hay 10 integrantes con voto presentes.')
  await dialog.getByRole('textbox', { name: 'A favor' }).fill('3')
  await dialog.getByRole('textbox', { name: 'En contra' }).fill('4')
  await dialog.getByRole('button', { name: 'Registrar acuerdo' }).click()
  await expect(dialog.getByRole('alert')).toContainText('La propuesta no obtuvo mayoría (3 a favor, 4 en contra): no se registra como acuerdo.')
  await dialog.getByRole('switch', { name: 'Por unanimidad' }).click()
  await dialog.getByRole('switch', { name: 'Votación nominal' }).click()
  await dialog.getByRole('radiogroup', { name: /^Voto de / }).first().getByText('En contra').click()
  await expect(dialog.getByRole('textbox', { name: 'En contra' })).toHaveValue('1')
  await dialog.getByRole('button', { name: 'Registrar acuerdo' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Una votación por unanimidad no puede tener votos en contra ni abstenciones.')
  expect(await readFile(harness.dataFile)).toEqual(before)
  // What was typed is not thrown away by Escape alone.
  await page.keyboard.press('Escape')
  await dialog.getByRole('button', { name: 'Descartar' }).click()
  await expect(dialog).toBeHidden()

  // Concluding with items still pending.
  await page.getByRole('button', { name: 'Concluir sesión' }).click()
  await page.getByRole('dialog', { name: 'Concluir la sesión' }).getByRole('button', { name: 'Concluir sesión' }).click()
  await expect(page.getByText('Quedan puntos pendientes: márquelos como tratados, diferidos o retirados antes de concluir.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()

  // Cancelling once the session sat with quorum.
  await page.getByRole('link', { name: 'Volver a la sesión' }).click()
  await page.getByRole('button', { name: 'Cancelar sesión' }).click()
  const cancel = page.getByRole('dialog', { name: 'Cancelar la sesión' })
  await cancel.getByRole('textbox', { name: /Motivo de la cancelación/ }).fill('Falta de condiciones técnicas.')
  await cancel.getByRole('button', { name: 'Cancelar la sesión' }).click()
  await expect(cancel.getByText('La sesión ya se instaló con quórum: concluya la sesión en lugar de cancelarla.')).toBeVisible()
  expect(await readFile(harness.dataFile)).toEqual(before)
  expect((await readDataFile(harness.dataFile)).sessions.find((session) => session.id === detail.session.id)?.status).toBe('en-curso')
})

test('un CSV con filas erróneas muestra cada error y no importa nada; uno correcto se importa', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/integrantes')
  await page.getByRole('button', { name: 'Importar CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'Importar integrantes desde CSV' })
  await expect(dialog.getByText('suple_a', { exact: true })).toBeVisible()

  const before = await readFile(harness.dataFile)
  const bad = [
    'nombre,cargo,institucion,sector,municipio,caracter,suple_a,participacion,correo,telefono',
    'Mtra. Rebeca Ortiz Lomelí,Directora,Colectivo Datos Jalisco,sociedad civil,,titular,,voz y voto,rebeca@example.org,',
    'Lic. Tomás Ibarra Cuevas,Regidor,Ayuntamiento de Ameca,partido,Ameca,titular,,voz y voto,,',
    'Ing. Luz Ramos Peña,Asesora,Colectivo Datos Jalisco,sociedad civil,,suplente,Fulano de Tal,voz,correo-no-valido,',
  ].join('\n')
  await dialog.locator('input[type=file]').setInputFiles({ name: 'integrantes.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${bad}`, 'utf8') })
  const report = dialog.getByRole('table', { name: 'Revisión del archivo, fila por fila' })
  await expect(dialog.getByText('No se importó nada')).toBeVisible()
  await expect(dialog.getByText('Se leyó como UTF-8 con BOM. Separador: coma.')).toBeVisible()
  await expect(report.getByRole('row', { name: /^2 Mtra\. Rebeca Ortiz Lomelí Correcta$/ })).toBeVisible()
  // Every problem of a row at once, in that row.
  const tomas = report.getByRole('row', { name: /^3 Lic\. Tomás Ibarra Cuevas Con errores/ })
  await expect(tomas.getByText(/sector «partido» no reconocido/)).toBeVisible()
  await expect(tomas.getByText(/municipio «Ameca» no reconocido/)).toBeVisible()
  const luz = report.getByRole('row', { name: /^4 Ing\. Luz Ramos Peña Con errores/ })
  await expect(luz.getByText('no se encontró al titular «Fulano de Tal»')).toBeVisible()
  await expect(luz.getByText(/correo: Correo electrónico no válido/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: /^Importar \d+ integrante/ })).toHaveCount(0)
  expect(await readFile(harness.dataFile)).toEqual(before)

  const good = [
    'nombre,cargo,institucion,sector,municipio,caracter,suple_a,participacion,correo,telefono',
    'Mtra. Rebeca Ortiz Lomelí,Directora,Colectivo Datos Jalisco,sociedad civil,,titular,,voz y voto,rebeca@example.org,',
    'Ing. Luz Ramos Peña,Asesora,Colectivo Datos Jalisco,sociedad civil,,suplente,Mtra. Rebeca Ortiz Lomelí,voz y voto,,33 1234 5678',
  ].join('\n')
  await dialog.locator('input[type=file]').setInputFiles({ name: 'integrantes-corregido.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') })
  await expect(dialog.getByText('El archivo está listo para importarse')).toBeVisible()
  await dialog.getByRole('button', { name: 'Importar 2 integrantes' }).click()
  await expect(page.getByText('Se importaron 2 integrantes.')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Buscar integrante' }).fill('Colectivo Datos')
  await expect(page.getByText('Suple a Mtra. Rebeca Ortiz Lomelí')).toBeVisible()
  const members = (await readDataFile(harness.dataFile)).members.filter((member) => member.institution === 'Colectivo Datos Jalisco')
  expect(members.map((member) => [member.fullName, member.role])).toEqual([
    ['Mtra. Rebeca Ortiz Lomelí', 'titular'],
    ['Ing. Luz Ramos Peña', 'suplente'],
  ])
})

/** The bytes Excel on Windows writes for a CSV: Latin-1 plus the Windows-1252 punctuation used here. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 }
  return Buffer.from([...text].map((char) => high[char] ?? char.charCodeAt(0)))
}

test('un CSV de Excel en Windows-1252 se importa con los acentos exactos; quien ya está en el padrón se advierte y se omite', async ({ harness }) => {
  const { page } = harness
  const registered = (await readDataFile(harness.dataFile)).members.find((member) => member.active && member.role === 'titular')
  if (!registered) throw new Error('demo')
  await harness.open('#/integrantes')
  await page.getByRole('button', { name: 'Importar CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'Importar integrantes desde CSV' })
  await expect(dialog.getByText(/Hasta 2,000 filas y 2 MB/)).toBeVisible()

  const csv = [
    'nombre,cargo,institucion,sector',
    'Begoña Ibáñez Muñoz,Coordinadora “Datos Abiertos” – Zona Centro,Colectivo Ñandú,sociedad civil',
    `"${registered.fullName.toUpperCase()}",Enlace,"${registered.institution}",academia`,
  ].join('\r\n')
  const bytes = windows1252(csv)
  // Not UTF-8: «ñ» is the single byte 0xF1, as Excel writes it.
  expect(bytes.includes(0xf1)).toBe(true)
  const before = await readFile(harness.dataFile)
  await dialog.locator('input[type=file]').setInputFiles({ name: 'padron-excel.csv', mimeType: 'text/csv', buffer: bytes })
  const report = dialog.getByRole('table', { name: 'Revisión del archivo, fila por fila' })
  await expect(dialog.getByText('Se leyó como Windows-1252 (Excel). Separador: coma.')).toBeVisible()
  await expect(report.getByRole('row', { name: /^2 Begoña Ibáñez Muñoz Correcta$/ })).toBeVisible()
  const existing = report.getByRole('row', { name: new RegExp(`^3 .* Se omite`) })
  await expect(existing.getByText(`Ya existe una persona integrante con este nombre: ${registered.fullName} (${registered.institution})`)).toBeVisible()
  await expect(dialog.getByText('Se agregará 1 persona. Se omite 1 que ya está en el padrón.')).toBeVisible()
  const skip = dialog.getByRole('radio', { name: /^Omitirlas/ })
  await expect(skip).toBeChecked()

  // The other choice is checked again by the core, and back.
  await dialog.getByRole('radio', { name: /^Agregarlas de todos modos/ }).check()
  await expect(report.getByRole('row', { name: /^3 .* Se agrega, con advertencia/ })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Importar 2 integrantes' })).toBeVisible()
  await skip.check()
  await expect(existing).toBeVisible()
  expect(await readFile(harness.dataFile)).toEqual(before)

  await dialog.getByRole('button', { name: 'Importar 1 integrante' }).click()
  await expect(page.getByText('Se importó 1 integrante. Se omitió 1 que ya estaba en el padrón.')).toBeVisible()
  const saved = await readFile(harness.dataFile, 'utf8')
  expect(saved).not.toContain('\uFFFD')
  const members = (await readDataFile(harness.dataFile)).members
  expect(members.filter((member) => member.institution === 'Colectivo Ñandú').map((member) => [member.fullName, member.position])).toEqual([
    ['Begoña Ibáñez Muñoz', 'Coordinadora “Datos Abiertos” – Zona Centro'],
  ])
  expect(members.filter((member) => member.fullName.toUpperCase() === registered.fullName.toUpperCase())).toHaveLength(1)
})

test('el orden del día se reordena con el teclado y arrastrando, admite subpuntos y guarda adjuntos con su SHA-256', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  await page.getByRole('button', { name: 'Nueva sesión' }).click()
  const form = page.getByRole('dialog', { name: 'Nueva sesión' })
  await form.getByRole('radio', { name: 'Vacío' }).check()
  await form.getByRole('button', { name: 'Crear sesión' }).click()
  await expect(page.getByText('El orden del día aún no tiene puntos.')).toBeVisible()
  await page.getByRole('button', { name: 'Usar plantilla estándar' }).click()
  const agenda = page.getByRole('list', { name: 'Orden del día' })
  const row = (number: string, title: string) => agenda.getByRole('listitem').filter({ has: page.getByLabel(`Punto ${number}: ${title}`, { exact: true }) })
  await expect(row('5', 'Asuntos generales')).toBeVisible()

  // Add a substantive item, then move it up with Alt+↑ until it sits after the follow-up of agreements.
  await page.getByRole('button', { name: 'Agregar punto' }).click()
  const add = page.getByRole('dialog', { name: 'Agregar punto' })
  await add.getByRole('textbox', { name: 'Título del punto' }).fill('Presentación del avance del Plan de Acción Local')
  await add.getByRole('textbox', { name: 'Minutos estimados' }).fill('25')
  await add.getByRole('button', { name: 'Agregar' }).click()
  const added = page.getByLabel('Punto 7: Presentación del avance del Plan de Acción Local', { exact: true })
  await expect(added).toBeFocused()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(page.getByLabel('Punto 6: Presentación del avance del Plan de Acción Local', { exact: true })).toBeFocused()
  await page.keyboard.press('Alt+ArrowUp')
  const moved = page.getByLabel('Punto 5: Presentación del avance del Plan de Acción Local', { exact: true })
  await expect(moved).toBeFocused()
  await expect(moved).toContainText('10:45 – 11:10 h · 25 min')
  await expect(page.getByText(/De 10:00 a 11:30 h \(término estimado\)/)).toBeVisible()

  // Alt+→ makes it a sub-item of item 4; Alt+← makes it a main item again.
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByLabel('Punto 4.1: Presentación del avance del Plan de Acción Local', { exact: true })).toBeFocused()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page.getByLabel('Punto 5: Presentación del avance del Plan de Acción Local', { exact: true })).toBeFocused()

  // Drag «Clausura de la sesión» (7) onto «Asuntos generales» (6).
  const handle = page.getByRole('button', { name: 'Arrastrar el punto 7' })
  const target = page.getByLabel('Punto 6: Asuntos generales', { exact: true })
  const from = await handle.boundingBox()
  const to = await target.boundingBox()
  if (!from || !to) throw new Error('sin posiciones')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 })
  await page.mouse.move(from.x + from.width / 2, to.y + 5, { steps: 10 })
  await page.mouse.up()
  await expect(page.getByLabel('Punto 6: Clausura de la sesión', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Punto 7: Asuntos generales', { exact: true })).toBeVisible()

  // A document attached to item 5.
  const content = Buffer.from('Informe trimestral del Plan de Acción Local\n', 'utf8')
  await row('5', 'Presentación del avance del Plan de Acción Local').locator('input[type=file]').setInputFiles({ name: 'informe-pal.txt', mimeType: 'text/plain', buffer: content })
  await expect(page.getByText('Se adjuntó «informe-pal.txt».')).toBeVisible()
  const { createHash } = await import('node:crypto')
  const sha = createHash('sha256').update(content).digest('hex')
  await expect(row('5', 'Presentación del avance del Plan de Acción Local').getByText(`SHA-256 ${sha.slice(0, 12)}`)).toBeVisible()

  const session = (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === sessionIdOf(page))
  expect(session?.agenda.map((item) => item.title)).toEqual([
    'Lista de asistencia y declaración de quórum',
    'Lectura y, en su caso, aprobación del orden del día',
    'Lectura y, en su caso, aprobación del acta de la sesión anterior',
    'Seguimiento de acuerdos',
    'Presentación del avance del Plan de Acción Local',
    'Clausura de la sesión',
    'Asuntos generales',
  ])
  expect(session?.agenda[4]?.attachments[0]).toMatchObject({ fileName: 'informe-pal.txt', sha256: sha, size: content.length })
})

test('lo escrito en la minuta no se pierde al cambiar de punto de inmediato ni al salir de la vista', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const detail = await sessionInProgress(page)
  await harness.open(`#/sesiones/${detail.session.id}/minuta`)
  await currentItemTitle(page, 'Lista de asistencia y declaración de quórum')

  const first = 'Quórum con diez integrantes con voto.'
  const second = 'El orden del día se aprobó sin cambios.'
  await page.keyboard.press('Alt+n')
  await page.keyboard.type(first)
  // No pause for the autosave: straight to the next item, then straight out of the view.
  await page.keyboard.press('Alt+ArrowDown')
  await currentItemTitle(page, 'Lectura y, en su caso, aprobación del orden del día')
  await page.keyboard.press('Alt+n')
  await page.keyboard.type(second)
  await page.getByRole('link', { name: 'Volver a la sesión' }).click()
  await expect(page.getByRole('heading', { level: 1, name: detail.title })).toBeVisible()

  await expect
    .poll(async () => (await readDataFile(harness.dataFile)).sessions.find((session) => session.id === detail.session.id)?.agenda.slice(0, 2).map((item) => item.notes))
    .toEqual([first, second])
  await expect(page.getByText(first)).toBeVisible()
  await expect(page.getByText(second)).toBeVisible()

  // Back in the minutes, the text is there to continue.
  await page.getByRole('link', { name: 'Minuta en vivo' }).click()
  await page.getByRole('button', { name: /^2 Lectura y, en su caso, aprobación del orden del día/ }).click()
  await expect(page.getByRole('textbox', { name: 'Desarrollo del punto' })).toHaveValue(second)
})
