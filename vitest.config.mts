import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/crash/**/*.test.ts'],
    environment: 'node',
    // The command-line tests run the compiled command line, built here once.
    globalSetup: ['test/support/build-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
