import { defineConfig } from '@playwright/test';

// E2E tests drive the *built* extension (.output/chrome-mv3) in the system Chromium
// (CHROMIUM_PATH or /usr/bin/chromium; see tests/e2e/fixtures.ts). Each worker has its own browser,
// emulator and fixture site (worker fixtures); each test installs a fresh copy of the extension in it
// (tests/e2e/shared-browser.ts), or gets a profile of its own when it relaunches the browser. So any tests
// side by side are safe; E2E_WORKERS overrides the count.
export default defineConfig({
  // tests/e2e: user flows; tests/security: the hostile page, archive and server suites (same fixtures).
  testDir: 'tests',
  testMatch: /(e2e|security)\/.*\.spec\.ts$/,
  // Parallel local runs against different builds (EXTENSION_DIR) must not wipe each other's artifacts.
  outputDir: process.env.EXTENSION_DIR ? `test-results/${process.env.EXTENSION_DIR.replace(/[^\w.-]+/g, '_')}` : 'test-results',
  // Three browsers at a time on a 2-core machine: the suite waits on the emulator, pages and timers far more
  // than it computes (two workers kept the 2 cores about a third busy: 6.4 min of e2e; three: 4.7 min), and
  // tests wait on state, not time, so a busier machine makes them slower, not red.
  workers: Number(process.env.E2E_WORKERS ?? 3),
  // Tests, not files, are spread over the workers: a long file no longer leaves one worker idle at the end.
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  // State waits, not sleeps: a generous ceiling only matters on a loaded machine (two browsers on 2 cores).
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    // A trace records a screencast and DOM snapshots of every page: on every test that costs a large share
    // of two cores. It is taken only when a failed test is retried (CI retries once); locally, rerun a
    // failure with `--trace on`.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
});
