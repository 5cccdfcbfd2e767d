/**
 * `npm run demo`: build, start the Imagine emulator, and launch Chromium with Reimagine loaded on a demo page
 * of images. The browser reaches the emulator as https://api.x.ai (and its results as imgen.x.ai /
 * vidgen.x.ai) through --host-resolver-rules, so Reimagine runs with its shipped settings: the welcome page
 * the install opens only gets the emulator's key (Test & save). The build is the e2e one (scripts/build-e2e.ts): it adds the demo page's host, standing
 * in for the access a real right-click grants.
 * - With a display: a normal window; close it to stop.
 * - Without one (CI, servers) or with --headless: drives one generation and saves screenshots of the
 *   side panel and the page into demo-output/, then exits (0 = the flow worked). `npm test` runs it this way
 *   (`npm run demo:smoke`), so the README's first command cannot break silently.
 * - --no-build: reuse an existing .output/e2e (npm test has just built it); without one it still builds.
 * Every port is picked free at start (EMULATOR_PORT pins the emulator's HTTP one), so a demo can run beside
 * the e2e suite or another demo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { createEmulator } from '../tests/emulator/server';
import { startDemoSite } from './demo/site';
import { clickOverlay, overlayOver, until } from './overlay-script';

const root = path.resolve(import.meta.dirname, '..');
const extDir = path.join(root, '.output', 'e2e', 'chrome-mv3');
const outDir = path.join(root, 'demo-output');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const reuseBuild = process.argv.includes('--no-build') && existsSync(path.join(extDir, 'manifest.json'));
const EMULATOR_KEY = 'xai-emulator-key';

function step(message: string) {
  console.log(`▸ ${message}`);
}

if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}. Install it: sudo apt-get install -y chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}

if (reuseBuild) {
  step(`Using the existing build in ${path.relative(root, extDir)}`);
} else {
  step('Building the extension…');
  const build = spawnSync('npx', ['tsx', 'scripts/build-e2e.ts', 'e2e'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Real-length timings (an image ~8 s, a video ~60 s: tests/emulator/timing.ts) scaled down to a few seconds so the
// demo shows waiting without making anyone wait; no random faults, so the one generation it drives succeeds.
const DEMO_TIME_SCALE = 0.1;
const emulator = await createEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0), timeScale: DEMO_TIME_SCALE, faultRate: 0, https: true, mediaHosts: 'vendor' });
step(`Emulator timings are real-length scaled by ${DEMO_TIME_SCALE}: an image takes about 0.8 s instead of 8 s, a video renders in 6 s instead of about a minute.`);
const site = await startDemoSite();
step(`Emulator: https://api.x.ai/v1 → 127.0.0.1:${emulator.httpsPort} (key ${EMULATOR_KEY})`);
step(`Demo page: ${site.url}`);

const profile = mkdtempSync(path.join(tmpdir(), 'reimagine-demo-'));
const context: BrowserContext = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless,
  viewport: headless ? { width: 1280, height: 860 } : null,
  args: [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${emulator.hostResolverRules().join(',')}`,
    '--ignore-certificate-errors', // the emulator's throwaway certificate
    // Headless, the demo checks the flow by its English labels, whatever the machine's language.
    ...(headless ? ['--lang=en-US'] : []),
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
  ...(headless ? { env: { ...process.env, LANGUAGE: 'en', LANG: 'en_US.UTF-8' } as Record<string, string> } : {}),
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

step('Setting up on the welcome page the install opened: the emulator\'s key, Test & save (the base URL stays https://api.x.ai/v1)…');
const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
const welcome = context.pages().find((p) => p.url() === welcomeUrl) ?? (await context.waitForEvent('page', { predicate: (p) => p.url() === welcomeUrl }));
await welcome.getByRole('textbox', { name: 'API key', exact: true }).fill(EMULATOR_KEY);
await welcome.getByRole('button', { name: 'Test & save' }).click();
await welcome.getByText(/^Key saved\./).waitFor();
if (headless) await welcome.close();

const demoPage = await context.newPage();
await demoPage.goto(site.url);
const panel = await context.newPage();
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);

async function shutdown(code = 0): Promise<never> {
  await context.close().catch(() => undefined);
  await site.close();
  await emulator.close();
  process.exit(code);
}

if (!headless) {
  step('Chromium is open. Right-click an image on the demo page, or prompt in the side panel tab. Close the window to stop.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await shutdown();
}

try {
  mkdirSync(outDir, { recursive: true });
  step('Headless: generating one image from the side panel…');
  await panel.getByRole('textbox', { name: 'Prompt' }).fill('a watercolour fox in a snowy forest');
  await panel.getByRole('button', { name: 'Generate' }).click();
  await panel.getByRole('region', { name: /^Results/ }).getByRole('img').first().waitFor({ timeout: 30_000 });
  await settle(panel);
  await panel.screenshot({ path: path.join(outDir, 'sidepanel.png'), fullPage: true });

  step('Headless: a quick action on the first page image (the right-click flow)…');
  const firstImage = await demoPage.locator('img').first().evaluate((img: HTMLImageElement) => img.currentSrc);
  const tab = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url), demoPage.url());
  await worker.evaluate(
    ([srcUrl, pageUrl, tabInfo]) => {
      const info = { menuItemId: 'reimagine-quick:sketch', srcUrl, pageUrl, mediaType: 'image', frameId: 0, editable: false };
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(info, tabInfo);
    },
    [firstImage, demoPage.url(), tab] as const,
  );
  await demoPage.bringToFront();
  // The overlay's shadow root is closed (a page must not reach it): read and click it the way the test kit
  // does, through DevTools and with real mouse clicks (tests/e2e/site/overlay.ts).
  const overlay = await overlayOver(demoPage, 'img');
  await until(async () => !!(await overlay.state())?.buttons.Replace, 'the result on the page (the overlay\'s Replace button)').catch(async (error: unknown) => {
    throw new Error(`${String(error)}; the overlay says: ${JSON.stringify(await overlay.state())}`);
  });
  // The result's preview arrives just after Replace shows (a thumbnail read from the worker): wait a moment for it.
  await until(async () => (await overlay.state())?.thumb?.painted === true, 'the result preview', 10_000).catch(() => undefined);
  await demoPage.screenshot({ path: path.join(outDir, 'page-overlay.png') });
  await clickOverlay(demoPage, overlay, 'Replace');
  await demoPage.waitForFunction(() => {
    const image = document.images[0];
    return !!image && image.src.startsWith('blob:') && image.complete && image.naturalWidth > 0;
  });
  await demoPage.screenshot({ path: path.join(outDir, 'page-replaced.png') });
  step(`Screenshots saved in ${outDir}`);
  await shutdown(0);
} catch (error) {
  console.error('Demo failed:', error);
  await panel.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => undefined);
  await shutdown(1);
}

/** Waits until every image on the page has decoded, so the screenshot shows them. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
}
