/**
 * What the screenshot scripts share: a built extension (EXTENSION_DIR, default the e2e build) in the system
 * Chromium (CHROMIUM_PATH), configured against a local emulator, and light/dark shots into docs/screenshots
 * and docs/store/screenshots.
 * The browser reaches the emulator as https://api.x.ai (and the fixture site as site.test) through
 * `--host-resolver-rules`, as the e2e tests do, so Options shows the shipped base URL in the store shot.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs } from '../tests/e2e/launch';
import { SITE_HOST, startSite, type Site } from '../tests/e2e/site/server';
import { createEmulator, type Emulator, type EmulatorOptions } from '../tests/emulator/server';
import { TEST_TIMING } from '../tests/emulator/timing';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'screenshots');
const storeDir = path.join(root, 'docs', 'store', 'screenshots');

export interface ShotSession {
  emulator: Emulator;
  /** The e2e fixture site (tests/e2e/site), reached as http://site.test. */
  site: Site;
  context: BrowserContext;
  /** chrome-extension://<id> */
  base: string;
}

/** The e2e build: the only one that may read site.test pages (scripts/build-e2e.ts). */
const DEFAULT_EXTENSION_DIR = '.output/e2e/chrome-mv3';

function extensionDir(): string {
  const dir = path.resolve(root, process.env.EXTENSION_DIR ?? DEFAULT_EXTENSION_DIR);
  const manifest = path.join(dir, 'manifest.json');
  const hosts = existsSync(manifest) ? ((JSON.parse(readFileSync(manifest, 'utf8')) as { host_permissions?: string[] }).host_permissions ?? []) : undefined;
  if (!hosts) throw new Error(`No built extension at ${dir}: run \`npm run build:e2e\` first.`);
  if (!hosts.some((pattern) => pattern.includes(SITE_HOST))) throw new Error(`${dir} does not grant ${SITE_HOST} (not the e2e build): run \`npm run build:e2e\` and leave EXTENSION_DIR unset.`);
  return dir;
}

/** Runs `body` with the extension configured (the emulator's key saved; base URL left at its default), then cleans up. */
export async function withConfiguredExtension(emulatorOptions: EmulatorOptions, body: (session: ShotSession) => Promise<void>): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  mkdirSync(storeDir, { recursive: true });
  const extDir = extensionDir();
  const emulator = await createEmulator({ ...TEST_TIMING, port: 0, https: true, mediaHosts: 'vendor', ...emulatorOptions });
  const site = await startSite();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'reimagine-shots-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 400, height: 900 },
    deviceScaleFactor: 2,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...chromiumArgs([...emulator.hostResolverRules(), ...site.hostResolverRules()], '')],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    const options = await context.newPage();
    await options.goto(`${base}/options.html`);
    await options.getByRole('textbox', { name: 'API key', exact: true }).fill('xai-emulator-key');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText(/^Saved(\.| at)/).waitFor();
    await options.close();
    await body({ emulator, site, context, base });
  } finally {
    await context.close();
    await site.close();
    await emulator.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** docs/screenshots/panel-<light|dark>-<name>.png */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) await shootIn(page, colorScheme, path.join(outDir, `panel-${colorScheme}-${name}.png`), 'device');
}

/** docs/screenshots/<name>-<light|dark>.png (device pixels). */
export async function shootDocs(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) await shootIn(page, colorScheme, path.join(outDir, `${name}-${colorScheme}.png`), 'device');
}

/**
 * docs/store/screenshots/<light|dark>-<name>.png at the page's CSS size, one pixel per CSS pixel: the
 * Chrome Web Store takes exactly 1280×800 (or 640×400), so call it with the viewport at that size.
 */
export async function shootForStore(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) await shootIn(page, colorScheme, path.join(storeDir, `${colorScheme}-${name}.png`), 'css');
}

/** The side panel's width as people see it (Chrome's default side panel is about this wide). */
export const PANEL_WIDTH = 400;

/**
 * The side panel at PANEL_WIDTH beside the page it works on, as a user sees the browser window: each is
 * shot at its own size in the given scheme, then the two are laid side by side (with the panel's border)
 * in a page of `size` and shot again, for the README (device pixels) and the store (CSS pixels).
 */
export async function shootBeside(context: BrowserContext, page: Page, panel: Page, size: { width: number; height: number }, name: string): Promise<void> {
  await page.setViewportSize({ width: size.width - PANEL_WIDTH, height: size.height });
  await panel.setViewportSize({ width: PANEL_WIDTH, height: size.height });
  const canvas = await context.newPage();
  await canvas.setViewportSize(size);
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const shots: string[] = [];
      for (const target of [page, panel]) {
        await target.emulateMedia({ colorScheme });
        await target.waitForTimeout(150); // a screenshot script, not a test: let the scheme's transition settle
        shots.push((await target.screenshot({ scale: 'device' })).toString('base64'));
      }
      await canvas.setContent(
        `<style>html,body{margin:0;height:100%;overflow:hidden;background:${colorScheme === 'dark' ? '#15151c' : '#fff'}}` +
          `body{display:flex}img{display:block;height:100%}.panel{width:${PANEL_WIDTH}px;border-left:1px solid ${colorScheme === 'dark' ? '#383848' : '#d0d0dc'};box-shadow:-8px 0 24px rgb(0 0 0 / ${colorScheme === 'dark' ? 45 : 10}%)}` +
          `.page{width:${size.width - PANEL_WIDTH}px}</style>` +
          `<img class="page" src="data:image/png;base64,${shots[0]}"><img class="panel" src="data:image/png;base64,${shots[1]}">`,
      );
      await canvas.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
      await canvas.screenshot({ path: path.join(outDir, `panel-${colorScheme}-${name}.png`), scale: 'device' });
      process.stderr.write(`wrote docs/screenshots/panel-${colorScheme}-${name}.png\n`);
      if (size.width === 1280 && size.height === 800) {
        await canvas.screenshot({ path: path.join(storeDir, `${colorScheme}-panel.png`), scale: 'css' });
        process.stderr.write(`wrote docs/store/screenshots/${colorScheme}-panel.png\n`);
      }
    }
  } finally {
    await canvas.close();
  }
}

async function shootIn(page: Page, colorScheme: 'light' | 'dark', file: string, scale: 'css' | 'device'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.waitForTimeout(150); // a screenshot script, not a test: let the scheme's transition settle
  await page.screenshot({ path: file, scale });
  process.stderr.write(`wrote ${path.relative(root, file)}\n`);
}
