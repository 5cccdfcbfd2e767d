import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/security/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The English messages for browser.i18n (WXT's fake browser has none).
    setupFiles: ['tests/unit/setup/i18n.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    // Three: the engine files mostly wait in real time (polls, Retry-After), so a third thread overlaps them.
    maxWorkers: 3,
    // Files share a thread's module cache instead of re-importing zod, React and the whole lib per file: the
    // imports were over half of the unit run's CPU. A test that depends on a fresh module (a cache filled by
    // another file) says so with vi.resetModules(); `npx vitest run --isolate` checks for leaks.
    isolate: false,
  },
});
