/**
 * What the screenshot scripts share: a built extension (EXTENSION_DIR) in the system Chromium
 * (CHROMIUM_PATH), configured against a local emulator, and light/dark shots into docs/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { createEmulator, type Emulator, type EmulatorOptions } from '../tests/emulator/server';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'screenshots');
const storeDir = path.join(root, 'docs', 'store', 'screenshots');

export interface ShotSession {
  emulator: Emulator;
  context: BrowserContext;
  /** chrome-extension://<id> */
  base: string;
}

/** Runs `body` with the extension configured (key + emulator base URL saved), then cleans up. */
export async function withConfiguredExtension(defaultExtDir: string, emulatorOptions: EmulatorOptions, body: (session: ShotSession) => Promise<void>): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(storeDir, { recursive: true });
  const extDir = path.resolve(root, process.env.EXTENSION_DIR ?? defaultExtDir);
  const emulator = await createEmulator({ port: 0, ...emulatorOptions });
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
    await body({ emulator, context, base });
  } finally {
    await context.close();
    await emulator.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** docs/screenshots/panel-<light|dark>-<name>.png */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) await shootIn(page, colorScheme, path.join(outDir, `panel-${colorScheme}-${name}.png`), 'device');
}

/**
 * docs/store/screenshots/<light|dark>-<name>.png at the page's CSS size, one pixel per CSS pixel: the
 * Chrome Web Store takes exactly 1280×800 (or 640×400), so call it with the viewport at that size.
 */
export async function shootForStore(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) await shootIn(page, colorScheme, path.join(storeDir, `${colorScheme}-${name}.png`), 'css');
}

async function shootIn(page: Page, colorScheme: 'light' | 'dark', file: string, scale: 'css' | 'device'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.waitForTimeout(150); // a screenshot script, not a test: let the scheme's transition settle
  await page.screenshot({ path: file, scale });
  process.stderr.write(`wrote ${path.relative(root, file)}\n`);
}
