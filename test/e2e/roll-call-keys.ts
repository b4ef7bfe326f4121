/**
 * The roll call taken with the keyboard, as a secretary calling names: from
 * the focused row on, P marks each titular present (suplentes attend through
 * their titular's row and are skipped with ↓) until the indicator says there
 * is quorum.
 */
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

export async function markPresentUntilQuorum(page: Page, rows: Locator, from: number): Promise<void> {
  for (let index = from; index < 40; index++) {
    if (await page.getByText('Hay quórum', { exact: true }).isVisible()) break
    await expect(rows.nth(index)).toBeFocused()
    if ((await rows.nth(index).getAttribute('data-suplente')) !== null) {
      await page.keyboard.press('ArrowDown')
      continue
    }
    await page.keyboard.press('p')
    // The core fills in the arrival time: the change reached the data file.
    await expect(rows.nth(index).getByLabel(/^Hora de llegada de .*: horas$/)).toHaveValue(/^\d{2}$/)
  }
  await expect(page.getByText('Hay quórum', { exact: true })).toBeVisible()
}
