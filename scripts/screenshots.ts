/**
 * README screenshots of the side panel, light and dark: empty, busy queue, gallery.
 *
 *   EXTENSION_DIR=.output/chrome-mv3 npx tsx scripts/screenshots.ts
 *
 * Builds nothing: it loads an already built extension (EXTENSION_DIR, default .output/chrome-mv3) in
 * the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium), points it at a local emulator and
 * writes docs/screenshots/panel-<light|dark>-<empty|queue|gallery>.png.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { createEmulator } from '../tests/emulator/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extDir = path.resolve(root, process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
const outDir = path.join(root, 'docs', 'screenshots');
const SCHEMES = ['light', 'dark'] as const;

async function main() {
  mkdirSync(outDir, { recursive: true });
  const emulator = await createEmulator({ port: 0 });
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'reimagine-shots-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 400, height: 900 },
    deviceScaleFactor: 2,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;

    const options = await context.newPage();
    await options.goto(`${base}/options.html`);
    await options.getByRole('textbox', { name: 'API key', exact: true }).fill('xai-emulator-key');
    await options.getByRole('textbox', { name: 'API base URL', exact: true }).fill(emulator.apiBaseUrl);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText(/^Saved(\.| at)/).waitFor();
    await options.close();

    const panel = await context.newPage();
    await panel.goto(`${base}/sidepanel.html`);
    await panel.getByText('No results yet.').waitFor();
    await shoot(panel, 'empty');

    // Busy: two videos rendering, one image job that failed with a clear reason.
    emulator.configure({ videoRenderMs: 10 * 60_000 });
    const prompt = panel.getByRole('textbox', { name: 'Prompt' });
    const mode = (label: string) => panel.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: label }).check();
    await mode('Create video');
    await prompt.fill('Waves rolling onto a black-sand beach at sunset, slow dolly');
    await panel.getByRole('button', { name: 'Generate' }).click();
    await prompt.fill('A paper boat drifting down a rainy street, close-up');
    await panel.getByRole('button', { name: 'Generate' }).click();
    emulator.inject({ kind: 'credits_exhausted', route: 'POST /v1/images/generations' });
    await mode('Create image');
    await prompt.fill('A lighthouse in a storm, oil painting');
    await panel.getByRole('button', { name: 'Generate' }).click();
    const queue = panel.getByRole('region', { name: 'Queue', exact: true });
    await queue.locator('[data-status=running]').nth(1).waitFor({ timeout: 60_000 });
    await queue.locator('[data-status=failed]').waitFor({ timeout: 30_000 });
    await prompt.fill('A watercolor fox curled up in fresh snow');
    await shoot(panel, 'queue');

    // Gallery: a few images and the two videos finished; the failed job dismissed.
    await panel.getByLabel('Count').fill('3');
    await panel.getByRole('button', { name: 'Generate' }).click();
    emulator.finishAllVideos();
    await queue.getByRole('button', { name: 'Dismiss' }).click();
    const tiles = panel.getByRole('region', { name: 'Results', exact: true }).getByRole('article');
    await tiles.nth(4).waitFor({ timeout: 60_000 }).catch(() => undefined);
    await prompt.fill('');
    await panel.waitForTimeout(500);
    await panel.getByRole('heading', { name: /^Results/ }).evaluate((h) => h.scrollIntoView());
    await shoot(panel, 'gallery');

    // Full-page mode (sidepanel.html as a tab).
    await panel.setViewportSize({ width: 1280, height: 800 });
    await panel.evaluate(() => window.scrollTo(0, 0));
    await shoot(panel, 'fullpage');
  } finally {
    await context.close();
    await emulator.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(150);
    const file = path.join(outDir, `panel-${colorScheme}-${name}.png`);
    await page.screenshot({ path: file });
    process.stderr.write(`wrote ${path.relative(root, file)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
