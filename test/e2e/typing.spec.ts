/**
 * Nothing typed is lost: keystrokes typed right after the shortcut that opens
 * a dialog land in the dialog's first field (not in the notes that had the
 * focus), and closing a form that holds typed text asks first.
 */
import { expect, test } from './fixtures'
import { startLiveSession } from './live-session'

test('Alt+A seguido de inmediato por el texto: todo llega al acuerdo y nada a las notas; Escape con texto pregunta antes de descartar', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const sessionId = await startLiveSession(page)
  await harness.open(`#/sesiones/${sessionId}/minuta`)
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()
  const notes = page.getByRole('textbox', { name: 'Desarrollo del punto' })
  await expect(notes).toBeVisible()
  await page.keyboard.press('Alt+n')
  await expect(notes).toBeFocused()
  await page.keyboard.type('Se pasó lista.')

  // No wait between the shortcut and the typing: the dialog's field takes the focus a moment later.
  await page.keyboard.press('Alt+a')
  await page.keyboard.type('Se aprueba el orden del día')
  const dialog = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  const text = dialog.getByRole('textbox', { name: 'Texto del acuerdo' })
  await expect(text).toHaveValue('Se aprueba el orden del día')
  await expect(text).toBeFocused()
  await expect(notes).toHaveValue('Se pasó lista.')

  // Escape asks; Escape again (or «Seguir editando») returns to the text with the focus where it was.
  await page.keyboard.press('Escape')
  const question = dialog.getByRole('alert').filter({ hasText: '¿Descartar lo escrito?' })
  await expect(question).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Seguir editando' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(question).toBeHidden()
  await expect(dialog).toBeVisible()
  await expect(text).toBeFocused()
  await page.keyboard.type('.')
  await expect(text).toHaveValue('Se aprueba el orden del día.')

  await dialog.getByRole('button', { name: 'Cerrar' }).click()
  await expect(question).toBeVisible()
  await dialog.getByRole('button', { name: 'Seguir editando' }).click()
  await expect(text).toHaveValue('Se aprueba el orden del día.')

  // «Descartar» closes; nothing was recorded.
  await page.keyboard.press('Escape')
  await dialog.getByRole('button', { name: 'Descartar' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('[data-agreement]')).toHaveCount(0)

  // An untouched form closes at once.
  await page.keyboard.press('Alt+a')
  await expect(text).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('Ctrl+K seguido de inmediato por la búsqueda: el texto llega al buscador', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/integrantes')
  await expect(page.getByRole('heading', { level: 1, name: 'Integrantes' })).toBeVisible()
  const filter = page.getByRole('searchbox', { name: 'Buscar integrante' })
  await filter.focus()
  await page.keyboard.press('Control+k')
  await page.keyboard.type('transparencia')
  const dialog = page.getByRole('dialog', { name: 'Buscar en Secretariado' })
  await expect(dialog.getByRole('combobox', { name: 'Buscar' })).toHaveValue('transparencia')
  await expect(filter).toHaveValue('')
})
