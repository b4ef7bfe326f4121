import { defineConfig } from '@playwright/test'
import { TIME_ZONE } from './main/core/domain/dates'

/**
 * End-to-end tests drive the built renderer (out/renderer) in Debian's
 * Chromium, with window.api wired to the real main-process handlers over a
 * temporary data file (see test/e2e/fixtures.ts). Run `npm run build` first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: '.tmp/test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'es-MX',
    timezoneId: TIME_ZONE,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
})
