import { defineConfig } from '@playwright/test';

// E2E tests drive the *built* extension (.output/chrome-mv3) in the system Chromium
// (CHROMIUM_PATH or /usr/bin/chromium; see tests/e2e/fixtures.ts). Each test gets its own
// persistent profile, so tests run serially: one browser at a time on a 2-core machine.
export default defineConfig({
  // tests/e2e: user flows; tests/security: the hostile page, archive and server suites (same fixtures).
  testDir: 'tests',
  testMatch: /(e2e|security)\/.*\.spec\.ts$/,
  // Parallel local runs against different builds (EXTENSION_DIR) must not wipe each other's artifacts.
  outputDir: process.env.EXTENSION_DIR ? `test-results/${process.env.EXTENSION_DIR.replace(/[^\w.-]+/g, '_')}` : 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
