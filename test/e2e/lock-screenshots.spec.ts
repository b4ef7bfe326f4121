/**
 * Screenshots of the lock screen and of read-only mode, written to
 * docs/screenshots/ with `SCREENSHOTS=1` (as test/e2e/screenshots.spec.ts).
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { NOW } from '../support/clock'
import { expect, test } from './fixtures'

const OUT = resolve(__dirname, '../../docs/screenshots')

test.skip(!process.env.SCREENSHOTS, 'Sólo con `npm run screenshots`.')
test.use({
  demo: { sessions: 14, seed: 7 },
  prepare: {
    run: (dataFile) =>
      writeFile(
        `${dataFile}.lock`,
        JSON.stringify({ program: 'Secretariado', command: null, pid: 4242, host: 'sala-de-juntas', user: 'ana.lopez', since: new Date(NOW.getTime() - 47 * 60_000).toISOString(), processStart: null }),
      ),
  },
})

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
  await page.waitForTimeout(50)
  await page.screenshot({ path: `${OUT}/${name}.png`, style: '.mantine-Notifications-root { visibility: hidden !important; }' })
}

test('archivo bloqueado y sólo lectura', async ({ harness }) => {
  const { page } = harness
  await harness.open()
  await expect(page.getByRole('heading', { level: 1, name: 'El archivo de datos está abierto en otro programa' })).toBeVisible()
  await shoot(page, '52-archivo-bloqueado')

  await page.getByRole('button', { name: 'Abrir en solo lectura' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  await page.getByRole('link', { name: 'Acuerdos', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Acuerdos' })).toBeVisible()
  await expect(page.getByText('Sólo lectura: puede consultar y exportar, no modificar')).toBeVisible()
  await shoot(page, '53-solo-lectura')
})
