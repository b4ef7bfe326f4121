/**
 * The accessibility checks of the end-to-end suite: axe-core on what is on
 * screen, failing on any serious or critical violation of WCAG 2.2 A/AA, and
 * no sideways scroll of the page.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** The window sizes every screen is checked at: a common desktop and the app's minimum window. */
export const WINDOW_SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 680 },
] as const

export interface AxeFinding {
  where: string
  id: string
  impact: string
  help: string
  nodes: string[]
}

/** The serious and critical violations axe finds on the page as it is now. */
export async function axeFindings(page: Page, where: string): Promise<AxeFinding[]> {
  // Transitions finished: axe judges colours and visibility of what has settled.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      where,
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      nodes: violation.nodes.slice(0, 6).map((node) => `${node.target.join(' ')} :: ${node.failureSummary?.split('\n').slice(0, 3).join(' | ') ?? ''} :: ${node.html.slice(0, 160)}`),
    }))
}

/** How far the page scrolls sideways (0: it fits the window). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return root.scrollWidth - root.clientWidth
  })
}

/** Fails on any serious or critical axe violation or a sideways scroll, naming where. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const findings = await axeFindings(page, where)
  expect(findings, `infracciones de accesibilidad en ${where}`).toEqual([])
  expect(await sidewaysOverflow(page), `desplazamiento lateral en ${where}`).toBe(0)
}
