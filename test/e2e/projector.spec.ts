/**
 * Modo proyección: the projector's route follows the live minutes. The live
 * minutes run in the main page; «Proyectar» asks the core for the projector's
 * window (noted by the harness), and the projector's route is opened in a
 * second page on the same bridge and clock, allowed only what Electron's
 * projector window is allowed. Changing the item, running the timer and
 * recording an agreement in the minutes show on the projector, the notes
 * never do. Time moves on the pages' clock only (page.clock), never the
 * machine's.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { SessionDetail } from '../../main/core/contract/views'
import { readDataFile } from '../../main/core/store/read-data-file'
import { expectAccessible } from './a11y'
import { expect, test } from './fixtures'
import { startLiveSession } from './live-session'

const SCREENSHOT = resolve(__dirname, '../../docs/screenshots/70-proyeccion.png')

const NOTES_FIRST = 'La Secretaría Técnica pasó lista y declaró el quórum legal para sesionar.'
const NOTES_SECOND = 'Nota interna: confirmar con la Coordinación el envío del orden del día corregido.'
const AGREEMENT = 'Se aprueba el orden del día de la presente sesión en sus términos.'

/** "04:05" → 245, "+01:10" → -70, "1:02:09" → 3729. */
function clockSeconds(text: string): number {
  const over = text.startsWith('+')
  const parts = text.replace('+', '').split(':').map(Number)
  const seconds = parts.reduce((sum, part) => sum * 60 + part, 0)
  return over ? -seconds : seconds
}

/** The face the projector shows for a count of seconds (the arithmetic is display only, as in the page). */
function clockFace(seconds: number): string {
  const size = Math.abs(seconds)
  const h = Math.floor(size / 3600)
  const mm = String(Math.floor((size % 3600) / 60)).padStart(2, '0')
  const ss = String(size % 60).padStart(2, '0')
  return `${seconds < 0 ? '+' : ''}${h > 0 ? `${h}:` : ''}${mm}:${ss}`
}

async function currentItemTitle(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Punto \\d+(\\.\\d+)?: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible()
}

/** Types into the current item's notes (Alt+N) and waits until they reached the data file. */
async function writeNotes(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Alt+n')
  await expect(page.getByRole('textbox', { name: 'Desarrollo del punto' })).toBeFocused()
  await page.keyboard.type(text)
  await expect(page.getByText(/^Guardado a las \d{2}:\d{2}:\d{2}$/)).toBeVisible()
}

/** The seconds the live minutes' own timer shows (the main page has one timer). */
async function minutesElapsed(page: Page): Promise<number> {
  return clockSeconds((await page.getByRole('timer').textContent()) ?? '')
}

test.use({ viewport: { width: 1440, height: 900 } })

test('la proyección sigue la minuta en vivo: punto actual, expositor, cuenta regresiva, quórum y último acuerdo, nunca las notas', async ({ harness }) => {
  test.setTimeout(120_000)
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  // Every fourth titular absent: the quorum shown is not simply everyone.
  const sessionId = await startLiveSession(page, { absentEvery: 4 })
  const detail = await page.evaluate(async (id) => {
    const result = await window.api.getSession({ id })
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }, sessionId)
  const agenda: SessionDetail['session']['agenda'] = detail.session.agenda
  const [first, second, third] = agenda
  if (!first || !second || !third) throw new Error('el orden del día de la demostración tiene menos de tres puntos')
  expect(second.minutes).toBeGreaterThan(0)
  expect(second.presenter).not.toBe('')

  // The live minutes, with notes on the first item.
  await harness.open(`#/sesiones/${sessionId}/minuta`)
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()
  await currentItemTitle(page, first.title)
  await writeNotes(page, NOTES_FIRST)

  // «Proyectar» (Alt+P, shown with the page's other shortcuts): the core asks for the projector's window.
  const project = page.getByRole('button', { name: /^Proyectar/ })
  await expect(project).toHaveAttribute('aria-keyshortcuts', 'Alt+P')
  await expect(page.getByRole('list', { name: 'Atajos de teclado' }).filter({ hasText: 'proyectar en la sala' })).toBeVisible()
  await project.click()
  await expect.poll(() => harness.projected).toEqual([sessionId])
  await page.keyboard.press('Alt+p')
  await expect.poll(() => harness.projected).toEqual([sessionId, sessionId])

  // The projector's window, allowed only what Electron's is (getStatus, projectorView).
  const projector = await harness.openWindow(`#/proyeccion/${sessionId}`, { kind: 'proyeccion' })
  await expect(projector.getByRole('heading', { level: 1, name: detail.title })).toBeVisible()
  await expect(projector.getByRole('navigation')).toHaveCount(0)
  await expect(projector.getByRole('button')).toHaveCount(0)
  await expect(projector.getByRole('heading', { level: 2, name: first.title })).toBeVisible()
  await expect(projector.getByText(`Expone: ${first.presenter}`)).toBeVisible()
  await expect(projector.getByText('0 de 9 puntos atendidos')).toBeVisible()
  // The page's clock is the harness's, started at the suites' NOW, in this window too.
  expect(Math.abs((await projector.evaluate(() => Date.now())) - (await page.evaluate(() => Date.now())))).toBeLessThan(5000)

  // The quorum, as the core counts it, and declared.
  const quorum = projector.getByRole('region', { name: 'Quórum', exact: true })
  const { present, votingMembers, required } = detail.quorum
  expect(present).toBeLessThan(votingMembers)
  await expect(quorum).toContainText(`${present} de ${votingMembers} con voto · se requieren ${required}`)
  await expect(quorum).toContainText('Declarado en primera convocatoria')
  const lastAgreement = projector.getByRole('region', { name: 'Último acuerdo', exact: true })
  await expect(lastAgreement).toContainText('Aún no se registran acuerdos en esta sesión.')

  // Another item in the minutes (Alt+T marks the first handled, Alt+↓ moves on): the projector follows.
  await page.keyboard.press('Alt+t')
  await expect(page.getByRole('button', { name: /^Tratado/, pressed: true })).toBeVisible()
  await page.keyboard.press('Alt+ArrowDown')
  await currentItemTitle(page, second.title)
  await expect(projector.getByRole('heading', { level: 2, name: second.title })).toBeVisible()
  await expect(projector.getByText(`Expone: ${second.presenter}`)).toBeVisible()
  await expect(projector.getByText(`Punto ${detail.plan[second.id]?.number ?? ''}`, { exact: true })).toBeVisible()
  await expect(projector.getByText('1 de 9 puntos atendidos')).toBeVisible()
  const clock = projector.getByRole('region', { name: 'Tiempo del punto', exact: true })
  const timer = projector.getByRole('timer')
  const planned = second.minutes * 60
  await expect(timer).toHaveText(clockFace(planned))
  await expect(timer).toHaveAttribute('aria-label', `Tiempo restante del punto: ${clockFace(planned)}`)
  await expect(clock).toContainText('En pausa')
  await expect(clock).toContainText(`de ${second.minutes} minutos previstos`)
  await writeNotes(page, NOTES_SECOND)

  // An agreement recorded from the minutes (Alt+A, by unanimity): its key, text and vote on the projector.
  await page.keyboard.press('Alt+a')
  const dialog = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  await expect(dialog.getByRole('textbox', { name: 'Texto del acuerdo' })).toBeFocused()
  await page.keyboard.type(AGREEMENT)
  await dialog.getByRole('switch', { name: 'Por unanimidad' }).click()
  await expect(dialog.getByRole('textbox', { name: 'A favor' })).toHaveValue(String(present))
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
  await expect(page.locator('[data-agreement]').filter({ hasText: AGREEMENT })).toBeVisible()
  const recorded = (await readDataFile(harness.dataFile)).agreements.find((agreement) => agreement.sessionId === sessionId && agreement.text === AGREEMENT)
  expect(recorded?.key).toMatch(/^STL-S[OE]\d+-\d{4}-01$/)
  await expect(lastAgreement).toContainText(recorded?.key ?? '—')
  await expect(lastAgreement).toContainText(AGREEMENT)
  await expect(lastAgreement).toContainText(`Aprobado por unanimidad (${present} votos a favor).`)
  await expect(lastAgreement).toContainText(`Punto ${detail.plan[second.id]?.number ?? ''}`)
  await expect(projector.getByRole('heading', { level: 2, name: second.title })).toBeVisible()

  // The timer (Alt+R): running, the projector counts down by itself between two reads, on the page's clock.
  await page.keyboard.press('Alt+r')
  await expect(page.getByRole('button', { name: 'Pausar' })).toBeVisible()
  await expect(clock).toContainText('En curso')
  await page.clock.fastForward(60_000)
  await expect.poll(async () => clockSeconds((await timer.textContent()) ?? '')).toBeLessThanOrEqual(planned - 60)
  const running = clockSeconds((await timer.textContent()) ?? '')
  expect(running).toBeGreaterThan(planned - 60 - 30)
  await page.clock.fastForward(5_000)
  await expect.poll(async () => clockSeconds((await timer.textContent()) ?? '')).toBeLessThanOrEqual(running - 5)

  // Paused: exactly the planned time less what the minutes counted.
  await page.keyboard.press('Alt+r')
  await expect(page.getByRole('button', { name: 'Reanudar' })).toBeVisible()
  const counted = await minutesElapsed(page)
  expect(counted).toBeGreaterThanOrEqual(65)
  await expect(timer).toHaveText(clockFace(planned - counted))
  await expect(clock).toContainText('En pausa')

  // Over time: red, «+MM:SS», «Tiempo excedido».
  await page.keyboard.press('Alt+r')
  await expect(clock).toContainText('En curso')
  await page.clock.fastForward(planned * 1000)
  await expect(timer).toHaveText(/^\+\d{2}:\d{2}$/)
  await expect(clock).toContainText('Tiempo excedido')
  await expect(timer).toHaveAttribute('aria-label', /^Tiempo excedido del punto: \+\d{2}:\d{2}$/)
  await page.keyboard.press('Alt+r')
  await expect(page.getByRole('button', { name: 'Reanudar' })).toBeVisible()
  const over = await minutesElapsed(page)
  expect(over).toBeGreaterThan(planned)
  await expect(timer).toHaveText(clockFace(planned - over))
  const overColor = await timer.evaluate((element) => getComputedStyle(element).color)
  expect(overColor).toBe('rgb(255, 135, 135)')
  await page.keyboard.press('Alt+t')
  await expect(page.getByRole('button', { name: /^Tratado/, pressed: true })).toBeVisible()

  // The next item, timed exactly: the page's clock stands still while 3 min 25 s of it run.
  await page.keyboard.press('Alt+ArrowDown')
  await currentItemTitle(page, third.title)
  await expect(projector.getByRole('heading', { level: 2, name: third.title })).toBeVisible()
  await expect(timer).toHaveText(clockFace(third.minutes * 60))
  const pageNow = await page.evaluate(() => Date.now())
  await page.clock.pauseAt(pageNow + 1000)
  await page.keyboard.press('Alt+r')
  await expect(page.getByRole('button', { name: 'Pausar' })).toBeVisible()
  await page.clock.runFor(205_000)
  await page.keyboard.press('Alt+r')
  await expect(page.getByRole('button', { name: 'Reanudar' })).toBeVisible()
  await page.clock.resume()
  await expect(page.getByRole('timer')).toHaveText('03:25')
  await expect(timer).toHaveText(clockFace(third.minutes * 60 - 205))
  await expect(clock).toContainText('En pausa')
  await expect(projector.getByText('2 de 9 puntos atendidos')).toBeVisible()
  await expect(lastAgreement).toContainText(AGREEMENT)

  // The notes never reach the projector.
  const shown = (await projector.locator('body').textContent()) ?? ''
  for (const notes of [NOTES_FIRST, NOTES_SECOND]) expect(shown).not.toContain(notes.slice(0, 24))
  await expect(projector.getByRole('textbox')).toHaveCount(0)

  // The room's screen: accessible, and as it looks at 1280×720.
  await projector.setViewportSize({ width: 1280, height: 720 })
  if (!process.env.SKIP_AXE) await expectAccessible(projector, 'proyección a 1280×720')
  await expectFits(projector)
  await projector.evaluate(() => document.fonts.ready)
  await projector.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
  await projector.screenshot({ path: SCREENSHOT, style: '.mantine-Notifications-root { visibility: hidden !important; }' })
})

test('una sesión que no está en curso: la proyección lo dice con calma, y «Proyectar» lo rechaza el núcleo', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const concluded = await page.evaluate(async () => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const found = sessions.value.find((session) => session.status === 'concluida')
    if (!found) throw new Error('sin sesión concluida')
    return found.id
  })
  const projector = await harness.openWindow(`#/proyeccion/${concluded}`, { kind: 'proyeccion' })
  await expect(projector.getByRole('heading', { level: 1, name: 'La sesión no está en curso' })).toBeVisible()
  await expect(projector.getByText(/^Estado actual: concluida\./)).toBeVisible()
  await expectFits(projector)

  // From the minutes of the concluded session the core refuses to project, in Spanish; the page stays as it was.
  await harness.open(`#/sesiones/${concluded}/minuta`)
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()
  await page.getByRole('button', { name: /^Proyectar/ }).click()
  await expect(page.getByText(/no está en curso: la proyección sigue la minuta en vivo\./)).toBeVisible()
  expect(harness.projected).toEqual([])
})

/** The room's screen never scrolls: everything fits the window. */
async function expectFits(target: Page): Promise<void> {
  const overflow = await target.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight }
  })
  expect(overflow).toEqual({ x: 0, y: 0 })
}
