/**
 * The README's image-understanding screenshots ("Suggest a prompt" in the composer, light and dark):
 *   npm run build:e2e && EXTENSION_DIR=.output/e2e/chrome-mv3 npx tsx scripts/screenshots-vision.ts
 * Like scripts/screenshots.ts it builds nothing and talks to a local emulator (whose vision model writes
 * deterministic text that quotes the request), so the suggested prompt shown is the emulator's.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { createEmulator } from '../tests/emulator/server';

const root = path.resolve(import.meta.dirname, '..');
const extDir = path.resolve(root, process.env.EXTENSION_DIR ?? '.output/e2e/chrome-mv3');
const outDir = path.join(root, 'docs', 'screenshots');

function photo(): Buffer {
  // A sky-to-meadow gradient with a sun: enough for the emulator to describe.
  const png = new PNG({ width: 320, height: 200 });
  for (let y = 0; y < 200; y++) {
    for (let x = 0; x < 320; x++) {
      const sun = (x - 240) ** 2 + (y - 50) ** 2 < 600;
      const rgb = sun ? [250, 210, 80] : y < 120 ? [90 + y / 2, 150 + y / 3, 235] : [70, 150 - (y - 120) / 2, 60];
      png.data.set([...rgb, 255], (y * 320 + x) * 4);
    }
  }
  return PNG.sync.write(png);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const emulator = await createEmulator({ port: 0, rotateReadings: false });
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
    await panel.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Edit image' }).check();
    await panel.locator('input[type=file]').setInputFiles({ name: 'meadow.png', mimeType: 'image/png', buffer: photo() });
    await panel.getByRole('textbox', { name: 'Prompt', exact: true }).fill('make it winter');
    await panel.getByRole('button', { name: 'Suggest a prompt' }).click();
    await panel.getByTestId('suggest-cost').waitFor();
    await shoot(panel, 'suggest');
  } finally {
    await context.close();
    await emulator.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(outDir, `panel-${colorScheme}-${name}.png`);
    await page.screenshot({ path: file });
    process.stderr.write(`wrote ${path.relative(root, file)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
