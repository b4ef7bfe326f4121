/**
 * Confirmaciones: before the demo's convened session the secretary records
 * the titulares' answers (by key, by click, and one who sends their
 * suplente), the expected quorum follows the core's count, the answers reach
 * the data file and survive a reload; once the session starts, the roll call
 * begins from them (the decliner as a justified absence, badges, the named
 * suplente chosen on S) and the tab turns read-only.
 */
import type { Locator, Page } from '@playwright/test'
import { resolve } from 'node:path'
import type { ConfirmationsView } from '../../main/core/contract/views'
import { readDataFile } from '../../main/core/store/read-data-file'
import { expectAccessible, WINDOW_SIZES } from './a11y'
import { expect, test } from './fixtures'
import { convenedSession } from './live-session'

const OUT = resolve(__dirname, '../../docs/screenshots')

interface Cast {
  /** Voting titulares without a suplente, in the registry's order. */
  plain: { id: string; name: string }[]
  /** A voting titular with an active suplente, and that suplente. */
  withSubstitute: { id: string; name: string; substituteId: string; substituteName: string }
}

/** Who answers: found in the demo's registry through the bridge. */
async function castOf(page: Page, sessionId: string): Promise<Cast> {
  return page.evaluate(async (id) => {
    const [members, detail] = await Promise.all([window.api.listMembers(), window.api.getSession({ id })])
    if (!members.ok) throw new Error(members.error.message)
    if (!detail.ok) throw new Error(detail.error.message)
    const rows = detail.value.confirmations.rows.filter((row) => row.voting === 'voz-y-voto')
    const suplenteOf = new Map(members.value.filter((member) => member.active && member.role === 'suplente' && member.substituteFor).map((member) => [member.substituteFor, member]))
    const withSubstitute = rows.find((row) => suplenteOf.has(row.memberId))
    const substitute = withSubstitute ? suplenteOf.get(withSubstitute.memberId) : undefined
    if (!withSubstitute || !substitute) throw new Error('ningún titular con suplente en la demostración')
    return {
      plain: rows.filter((row) => row.substitutes.length === 0).map((row) => ({ id: row.memberId, name: row.fullName })),
      withSubstitute: { id: withSubstitute.memberId, name: withSubstitute.fullName, substituteId: substitute.id, substituteName: substitute.fullName },
    }
  }, sessionId)
}

async function expectedOf(page: Page, sessionId: string): Promise<ConfirmationsView['expected']> {
  return page.evaluate(async (id) => {
    const detail = await window.api.getSession({ id })
    if (!detail.ok) throw new Error(detail.error.message)
    return detail.value.confirmations.expected
  }, sessionId)
}

/** The summary says what the core computes, in its words and its tallies. */
async function expectSummary(page: Page, expected: ConfirmationsView['expected']): Promise<void> {
  const verdict = expected.reached ? 'se alcanzaría' : 'no se alcanzaría'
  await expect(page.getByTestId('expected-quorum-line')).toHaveText(`${expected.expected} de ${expected.votingMembers} con voto; se requieren ${expected.required} — ${verdict}`)
  await expect(page.getByTestId('tally-confirmo')).toContainText(String(expected.confirmed))
  await expect(page.getByTestId('tally-declino')).toContainText(String(expected.declined))
  await expect(page.getByTestId('tally-sin-respuesta')).toContainText(String(expected.unanswered))
}

/** Axe where the suite runs it (SKIP_AXE: the runs with a moved clock, where it already ran with the real one). */
async function checkAccessible(page: Page, where: string): Promise<void> {
  if (!process.env.SKIP_AXE) await expectAccessible(page, where)
}

const confirmationRow = (page: Page, memberId: string): Locator => page.locator(`tr[data-answer][data-member="${memberId}"]`)

async function openTab(page: Page, name: RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name })
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
}

test('las confirmaciones se registran desde la pestaña, prevén el quórum y el pase de lista parte de ellas', async ({ harness }) => {
  test.setTimeout(120_000)
  const { page } = harness
  await page.setViewportSize(WINDOW_SIZES[0])
  await harness.open('#/sesiones')
  const session = await convenedSession(page)
  await harness.open(`#/sesiones/${session.id}`)
  await expect(page.getByRole('heading', { level: 1, name: session.title })).toBeVisible()
  await openTab(page, /^Confirmaciones/)
  await expect(page).toHaveURL(/pestana=confirmaciones/)

  const cast = await castOf(page, session.id)
  const [confirmer, decliner] = cast.plain
  if (!confirmer || !decliner) throw new Error('faltan titulares sin suplente en la demostración')
  const sender = cast.withSubstitute
  const before = await expectedOf(page, session.id)
  expect(before).toMatchObject({ confirmed: 0, declined: 0, expected: 0, reached: false })
  await expectSummary(page, before)

  // Confirmó, by key: C on the focused row records it and moves to the next titular.
  const confirmerRow = confirmationRow(page, confirmer.id)
  await confirmerRow.focus()
  await expect(confirmerRow).toHaveAttribute('aria-keyshortcuts', 'C D S')
  await page.keyboard.press('c')
  await expect(confirmerRow).toHaveAttribute('data-answer', 'confirmo')
  await expect(confirmerRow).not.toBeFocused()
  await expect(page.locator('tr[data-answer]:focus')).toHaveCount(1)
  const afterConfirm = await expectedOf(page, session.id)
  expect(afterConfirm).toMatchObject({ confirmed: 1, expected: 1, unanswered: before.unanswered - 1 })
  await expectSummary(page, afterConfirm)

  // Declinó, by click on the row's control (named after the member).
  const declinerRow = confirmationRow(page, decliner.id)
  const declinerAnswer = declinerRow.getByRole('radiogroup', { name: `Respuesta de ${decliner.name}` })
  await declinerAnswer.getByText('Declinó', { exact: true }).click()
  await expect(declinerRow).toHaveAttribute('data-answer', 'declino')
  const afterDecline = await expectedOf(page, session.id)
  expect(afterDecline).toMatchObject({ confirmed: 1, declined: 1, expected: 1 })
  await expectSummary(page, afterDecline)

  // Confirmó, and the suplente attends in the titular's place.
  const senderRow = confirmationRow(page, sender.id)
  await senderRow.getByRole('radiogroup', { name: `Respuesta de ${sender.name}` }).getByText('Confirmó', { exact: true }).click()
  await expect(senderRow).toHaveAttribute('data-answer', 'confirmo')
  const attendee = senderRow.getByRole('combobox', { name: `Asiste en lugar de ${sender.name}` })
  await expect(attendee).toHaveValue('Nadie: asiste en persona')
  await attendee.click()
  await page.getByRole('option', { name: sender.substituteName }).click()
  await expect(attendee).toHaveValue(sender.substituteName)
  await expect
    .poll(async () => (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.confirmations.find((entry) => entry.memberId === sender.id)?.substituteId)
    .toBe(sender.substituteId)
  const afterSender = await expectedOf(page, session.id)
  expect(afterSender).toMatchObject({ confirmed: 2, declined: 1, expected: 2, unanswered: before.unanswered - 3 })
  await expectSummary(page, afterSender)

  // The data file has the three answers.
  const stored = (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.confirmations ?? []
  expect(stored.map(({ memberId, response, substituteId }) => ({ memberId, response, substituteId })).sort((a, b) => a.memberId.localeCompare(b.memberId))).toEqual(
    [
      { memberId: confirmer.id, response: 'confirmo', substituteId: null },
      { memberId: decliner.id, response: 'declino', substituteId: null },
      { memberId: sender.id, response: 'confirmo', substituteId: sender.substituteId },
    ].sort((a, b) => a.memberId.localeCompare(b.memberId)),
  )

  // The filter finds a titular by name, with the core's matching.
  const search = page.getByRole('searchbox', { name: 'Buscar titular' })
  await search.fill(decliner.name.split(' ').slice(-2).join(' '))
  await expect(confirmationRow(page, decliner.id)).toBeVisible()
  await expect(confirmationRow(page, confirmer.id)).toHaveCount(0)
  await search.fill('')

  // Axe on the tab at both window sizes.
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await checkAccessible(page, `confirmaciones a ${size.width}×${size.height}`)
  }
  await page.setViewportSize(WINDOW_SIZES[0])

  // A reload keeps the tab and the answers.
  await page.reload()
  await expect(page.getByRole('tab', { name: /^Confirmaciones/ })).toHaveAttribute('aria-selected', 'true')
  await expect(confirmationRow(page, confirmer.id)).toHaveAttribute('data-answer', 'confirmo')
  await expect(confirmationRow(page, decliner.id)).toHaveAttribute('data-answer', 'declino')
  await expect(confirmationRow(page, sender.id).getByRole('combobox', { name: `Asiste en lugar de ${sender.name}` })).toHaveValue(sender.substituteName)
  await expectSummary(page, afterSender)

  // The session starts: the roll call begins from the answers.
  await page.evaluate(async (id) => {
    const started = await window.api.changeSessionStatus({ id, status: 'en-curso', confirmDate: true })
    if (!started.ok) throw new Error(started.error.message)
  }, session.id)
  await page.reload()
  await expect(page.getByText('En curso', { exact: true })).toBeVisible()
  await openTab(page, /^Pase de lista/)
  const rollRow = (memberId: string) => page.locator(`tr[data-member="${memberId}"]:not([data-answer])`)
  await expect(rollRow(decliner.id)).toHaveAttribute('aria-label', `${decliner.name}: Ausencia justificada`)
  await expect(rollRow(decliner.id).getByText('Declinó', { exact: true })).toBeVisible()
  await expect(rollRow(confirmer.id).getByText('Confirmó', { exact: true })).toBeVisible()
  await expect(rollRow(confirmer.id)).toHaveAttribute('aria-label', `${confirmer.name}: Ausente`)
  await expect(rollRow(sender.id).getByText('Confirmó · asiste su suplente', { exact: true })).toBeVisible()
  const attendance = (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.attendance ?? []
  expect(attendance.find((row) => row.memberId === decliner.id)?.status).toBe('justificada')

  // S on the row of who sends their suplente: that suplente, the one offered first, is chosen.
  await rollRow(sender.id).focus()
  await page.keyboard.press('s')
  await expect(rollRow(sender.id).getByRole('combobox', { name: `Suplente que asiste por ${sender.name}` })).toHaveValue(sender.substituteName)
  await expect
    .poll(async () => (await readDataFile(harness.dataFile)).sessions.find((candidate) => candidate.id === session.id)?.attendance.find((row) => row.memberId === sender.id))
    .toMatchObject({ status: 'suplente', substituteId: sender.substituteId })
  await checkAccessible(page, 'pase de lista con confirmaciones')

  // The tab now shows what was answered, read-only.
  await openTab(page, /^Confirmaciones/)
  await expect(page.getByText(/ya no está por celebrarse/)).toBeVisible()
  await expect(page.getByRole('radiogroup', { name: /^Respuesta de / })).toHaveCount(0)
  await expect(confirmationRow(page, decliner.id).getByText('Declinó', { exact: true })).toBeVisible()
  await expect(confirmationRow(page, sender.id).getByText(`Asiste su suplente: ${sender.substituteName}`)).toBeVisible()
  await expectSummary(page, afterSender)
  await checkAccessible(page, 'confirmaciones de una sesión en curso')
})

test('captura: confirmaciones con una mezcla de respuestas', async ({ harness }) => {
  test.skip(!process.env.SCREENSHOTS, 'Sólo con SCREENSHOTS=1.')
  const { page } = harness
  await page.setViewportSize(WINDOW_SIZES[0])
  await harness.open('#/sesiones')
  const session = await convenedSession(page)
  // A realistic morning: most answered, two send their suplente, two declined, a few still silent.
  await page.evaluate(async (id) => {
    const detail = await window.api.getSession({ id })
    if (!detail.ok) throw new Error(detail.error.message)
    const rows = detail.value.confirmations.rows
    let sent = 0
    for (const [index, row] of rows.entries()) {
      if (index % 7 === 3) continue
      const declined = index % 6 === 2
      const substitute = !declined && sent < 2 && index % 3 === 1 ? (row.substitutes[0]?.id ?? null) : null
      if (substitute) sent++
      const result = await window.api.setConfirmation({ sessionId: id, memberId: row.memberId, answer: declined ? 'declino' : 'confirmo', substituteId: substitute })
      if (!result.ok) throw new Error(result.error.message)
    }
  }, session.id)
  await harness.open(`#/sesiones/${session.id}?pestana=confirmaciones`)
  await expect(page.getByRole('tab', { name: /^Confirmaciones/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('expected-quorum-line')).toHaveText(/ se alcanzaría$/)
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => document.fonts.ready)
  // The tab itself, from its tab list down, under the app's header; no focus ring left on the title.
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    const tabs = document.querySelector('[role="tablist"]')
    const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0
    if (tabs) window.scrollBy(0, tabs.getBoundingClientRect().top - header - 12)
  })
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
  await page.screenshot({ path: `${OUT}/71-confirmaciones.png`, style: '.mantine-Notifications-root { visibility: hidden !important; }' })
})
