/**
 * The keyboard alone, at the app's minimum window (1024×680): a whole meeting
 * from the sessions list to the concluded session without the mouse, with
 * the focus checked after every step (it always lands on the next natural
 * place, never on the page body); the «Nueva sesión» dialog keeps the focus
 * inside itself, its calendar included; and the roll call fits its card.
 */
import type { Locator, Page } from '@playwright/test'
import { readDataFile } from '../../main/core/store/read-data-file'
import { expectAccessible, sidewaysOverflow } from './a11y'
import { expect, test } from './fixtures'
import { convenedSession } from './live-session'
import { markPresentUntilQuorum } from './roll-call-keys'

const MINIMUM_WINDOW = { width: 1024, height: 680 }

const NOTES = 'La Secretaría Técnica pasó lista de asistencia y declaró el quórum legal para sesionar.'
const AGREEMENT = 'Se aprueba el orden del día de la presente sesión en sus términos.'

test.use({ viewport: MINIMUM_WINDOW })

/** What has the focus, in words, for the failure messages. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'body'
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? ''
    return `${element.tagName.toLowerCase()}[role=${element.getAttribute('role') ?? ''}] «${name}»`
  })
}

async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement, undefined, { timeout: 1000 }).catch(() => false)
}

/** Presses Tab (or Shift+Tab) until the target has the focus; fails if it takes more than `max` presses. Returns how many it took. */
async function tabTo(page: Page, target: Locator, { max, backwards = false }: { max: number; backwards?: boolean }): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await hasFocus(target)) return presses
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tras ${max} pulsaciones de ${backwards ? 'Mayús+Tab' : 'Tab'} el foco está en ${await focused(page)}`)
}

/** The outline drawn around the element that has the focus: WCAG 2.2 focus appearance asks for a solid ring of 2 px or more. */
async function expectFocusRing(target: Locator): Promise<void> {
  await expect(target).toBeFocused()
  const ring = await target.evaluate((element) => {
    // A composite field (hours and minutes) draws the ring on its input box.
    const box = element.closest('.mantine-Input-input') ?? element
    const style = getComputedStyle(box)
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) }
  })
  expect(ring.style, 'estilo del anillo de foco').toBe('solid')
  expect(ring.width, 'grosor del anillo de foco').toBeGreaterThanOrEqual(2)
}

/** Whether the focus is inside the dialog (a calendar opened from it included). */
async function focusInside(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((element) => element.contains(document.activeElement))
}

test('una sesión completa sólo con el teclado: de la lista a «Concluida», con el foco siempre en su sitio', async ({ harness }) => {
  test.setTimeout(180_000)
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const session = await convenedSession(page)

  // The first Tab is «Saltar al contenido», shown while it has the focus; Enter moves the focus to the main area.
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Saltar al contenido' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#contenido')).toBeFocused()
  await expect(page).toHaveURL(/#\/sesiones$/)

  // From the main area to the convened session without the twelve links of the navigation.
  const link = page.getByRole('link', { name: session.title, exact: true })
  const presses = await tabTo(page, link, { max: 16 })
  expect(presses).toBeLessThanOrEqual(12)
  await page.keyboard.press('Enter')
  const heading = page.getByRole('heading', { level: 1, name: session.title })
  await expect(heading).toBeFocused()
  await expect(page.getByText('Convocada', { exact: true })).toBeVisible()

  // «Iniciar sesión»: the dialog has the focus on its confirm button; once started, the focus is on «Pase de lista», the next step.
  await tabTo(page, page.getByRole('button', { name: 'Iniciar sesión' }), { max: 12 })
  await page.keyboard.press('Enter')
  const start = page.getByRole('dialog', { name: 'Iniciar la sesión' })
  await expect(start.getByRole('button', { name: 'Iniciar sesión' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(start).toBeHidden()
  await expect(page.getByText('En curso', { exact: true })).toBeVisible()
  const rollTab = page.getByRole('tab', { name: 'Pase de lista' })
  await expect(rollTab).toBeFocused()

  // Pase de lista: Enter opens the tab; the roll is the next stop after «Declarar quórum».
  await page.keyboard.press('Enter')
  await expect(rollTab).toHaveAttribute('aria-selected', 'true')
  const declare = page.getByRole('button', { name: 'Declarar quórum' })
  await expect(declare).toHaveAttribute('aria-keyshortcuts', 'Alt+Q')
  const rows = page.locator('tr[data-member]')
  await tabTo(page, declare, { max: 3 })
  await tabTo(page, rows.first(), { max: 3 })
  await expectFocusRing(rows.first())
  await expect(rows.first()).toHaveAttribute('aria-keyshortcuts', 'P A J S Alt+Q')
  await expect(page.getByRole('list', { name: 'Atajos de teclado' }).filter({ hasText: 'declarar quórum' })).toBeVisible()

  // At the minimum window the roll call fits or scrolls inside its card, never the page.
  expect(await sidewaysOverflow(page)).toBe(0)
  const roll = page.getByRole('table', { name: 'Lista de asistencia' })
  const fit = await roll.evaluate((table) => ({ table: table.getBoundingClientRect().width, card: table.parentElement?.clientWidth ?? 0 }))
  expect(fit.table).toBeLessThanOrEqual(fit.card)
  await expect(roll.getByRole('columnheader', { name: 'Salida' })).toBeInViewport({ ratio: 1 })
  await expectAccessible(page, 'pase de lista a 1024×680')

  const live = page.getByTestId('quorum-live')
  await markPresentUntilQuorum(page, rows, 0)
  await expect(live).toHaveText(/^9 de 16 con voto · se requieren 9$/)

  // Alt+Q from the row: the core declares it; the focus goes to «Continuar en la minuta en vivo».
  const toMinutes = page.getByRole('link', { name: 'Continuar en la minuta en vivo' })
  await page.keyboard.press('Alt+q')
  await expect(toMinutes).toBeFocused()
  await expect(page.getByText(/^Declarada a las \d{2}:\d{2} h en primera convocatoria: 9 de 16 integrantes/)).toBeVisible()
  await expect(declare).toHaveCount(0)

  // Minuta en vivo: notes (Alt+N), an agreement (Alt+A), every item handled (Alt+T, Alt+↓).
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()
  await page.keyboard.press('Alt+n')
  const notes = page.getByRole('textbox', { name: 'Desarrollo del punto' })
  await expect(notes).toBeFocused()
  await page.keyboard.type(NOTES)
  await expect(page.getByText(/^Guardado a las \d{2}:\d{2}:\d{2}$/)).toBeVisible()

  await page.keyboard.press('Alt+a')
  const agreement = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  await expect(agreement.getByRole('textbox', { name: 'Texto del acuerdo' })).toBeFocused()
  await page.keyboard.type(AGREEMENT)
  const unanimous = agreement.getByRole('switch', { name: 'Por unanimidad' })
  await tabTo(page, unanimous, { max: 8 })
  await page.keyboard.press('Space')
  await expect(unanimous).toBeChecked()
  await expect(agreement.getByRole('textbox', { name: 'A favor' })).toHaveValue('9')
  await page.keyboard.press('Control+Enter')
  await expect(agreement).toBeHidden()
  await expect(page.locator('[data-agreement]').filter({ hasText: AGREEMENT })).toBeVisible()

  const agenda = (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.agenda ?? []
  expect(agenda.length).toBeGreaterThan(1)
  for (let index = 0; index < agenda.length; index++) {
    if (index > 0) await page.keyboard.press('Alt+ArrowDown')
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Punto ${index + 1}: `) })).toBeVisible()
    await page.keyboard.press('Alt+t')
    await expect(page.getByRole('button', { name: /^Tratado/, pressed: true })).toBeVisible()
  }
  await expect
    .poll(async () => (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.agenda.map((item) => item.status))
    .toEqual(agenda.map(() => 'tratado'))

  // Back to the session: its title has the focus again.
  await tabTo(page, page.getByRole('link', { name: 'Volver a la sesión' }), { max: 40, backwards: true })
  await page.keyboard.press('Enter')
  await expect(heading).toBeFocused()

  // «Concluir»: confirmed in its dialog; the focus goes back to the title, with the session «Concluida».
  await tabTo(page, page.getByRole('button', { name: 'Concluir sesión' }), { max: 12 })
  await page.keyboard.press('Enter')
  const conclude = page.getByRole('dialog', { name: 'Concluir la sesión' })
  await expect(conclude.getByRole('button', { name: 'Concluir sesión' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(conclude).toBeHidden()
  await expect(page.getByText('Concluida', { exact: true })).toBeVisible()
  await expect(heading).toBeFocused()
  expect((await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.status).toBe('concluida')
})

test('Tab y Mayús+Tab nunca salen de «Nueva sesión», tampoco tras abrir y cerrar el calendario con el teclado', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const before = (await readDataFile(harness.dataFile)).sessions.length

  const open = page.getByRole('button', { name: 'Nueva sesión' })
  await tabTo(page, open, { max: 16 })
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Nueva sesión' })
  await expect(dialog).toBeVisible()
  await expect.poll(() => focusInside(dialog)).toBe(true)

  /** Forty presses one way: after each one the focus is inside the dialog and the address has not changed. */
  const staysInside = async (key: 'Tab' | 'Shift+Tab') => {
    for (let press = 0; press < 40; press++) {
      await page.keyboard.press(key)
      expect(await focusInside(dialog), `${key} n.º ${press + 1}: el foco está en ${await focused(page)}`).toBe(true)
    }
    await expect(page).toHaveURL(/#\/sesiones$/)
  }
  await staysInside('Tab')
  await staysInside('Shift+Tab')

  // Every field shows the focus with a ring, not only a border colour.
  for (const field of [dialog.getByRole('textbox', { name: 'Sede' }), dialog.getByRole('combobox', { name: 'Coordinación' }), dialog.getByLabel('Horas de inicio', { exact: true })]) {
    await tabTo(page, field, { max: 30 })
    await expectFocusRing(field)
  }

  // The calendar opens with Enter and the focus on today's day, inside the dialog; Tab stays inside it too.
  const date = dialog.getByRole('button', { name: /^Fecha/ })
  await tabTo(page, date, { max: 30 })
  await expect(date).toHaveText('jueves 26 de noviembre de 2026')
  await page.keyboard.press('Enter')
  const today = dialog.getByRole('button', { name: '26 noviembre 2026' })
  await expect(today).toBeFocused()
  for (let press = 0; press < 6; press++) {
    await page.keyboard.press('Tab')
    expect(await focusInside(dialog), `Tab n.º ${press + 1} en el calendario: el foco está en ${await focused(page)}`).toBe(true)
  }
  // Escape closes the calendar only: the focus is back on the date field.
  await page.keyboard.press('Escape')
  await expect(today).toBeHidden()
  await expect(dialog).toBeVisible()
  await expect(date).toBeFocused()
  await staysInside('Tab')

  // A day chosen with the arrows and Enter: the calendar closes, the date is set, the focus is on the field.
  await tabTo(page, date, { max: 30, backwards: true })
  await page.keyboard.press('Enter')
  await expect(today).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('button', { name: '27 noviembre 2026' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('button', { name: '27 noviembre 2026' })).toBeHidden()
  await expect(date).toHaveText('viernes 27 de noviembre de 2026')
  await expect(date).toBeFocused()
  await staysInside('Shift+Tab')
  await staysInside('Tab')

  // No link behind the dialog was ever reached: Escape closes it, nothing was created, the focus is back on «Nueva sesión».
  await page.keyboard.press('Escape')
  // A date was changed: the dialog first asks whether to discard it, with the focus on its answer.
  const discard = dialog.getByRole('button', { name: 'Descartar' })
  await expect(dialog.getByRole('button', { name: 'Seguir editando' })).toBeFocused()
  await tabTo(page, discard, { max: 4, backwards: true })
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(open).toBeFocused()
  await expect(page).toHaveURL(/#\/sesiones$/)
  expect((await readDataFile(harness.dataFile)).sessions).toHaveLength(before)
})

test('al cerrar el detalle de un acuerdo el foco vuelve a su clave en la lista, también si se abrió desde la dirección', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/acuerdos')
  await expect(page.getByRole('heading', { level: 1, name: 'Acuerdos' })).toBeVisible()
  const first = await page.evaluate(async () => {
    const agreements = await window.api.listAgreements()
    if (!agreements.ok) throw new Error(agreements.error.message)
    const found = agreements.value[0]
    if (!found) throw new Error('sin acuerdos')
    return { id: found.id, key: found.key }
  })
  const key = page.getByRole('button', { name: `Abrir el acuerdo ${first.key}` })
  // Its name is its title: the key and its state.
  const drawer = page.getByRole('dialog', { name: new RegExp(`^${first.key}\\b`) })

  // Opened with Enter on its key: Escape closes it and the key has the focus again.
  await tabTo(page, key, { max: 80 })
  await page.keyboard.press('Enter')
  await expect(drawer).toBeVisible()
  await expect.poll(() => focusInside(drawer)).toBe(true)
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(key).toBeFocused()

  // Opened from the address (nothing had the focus): closing it still lands on the agreement's key.
  await harness.open(`#/acuerdos?ver=${first.id}`)
  await expect(drawer).toBeVisible()
  await expect.poll(() => focusInside(drawer)).toBe(true)
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(key).toBeFocused()
})
