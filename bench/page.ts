/**
 * In-page footprint and right-click latency (issue: "Right-click any web image").
 *
 * - bytes of Reimagine script parsed in a page the user never used Reimagine on (target: 0 — the page
 *   script is injected on demand), and in one where they did (for scale);
 * - median time from the menu click (dispatched in the worker) to the edit request reaching the
 *   emulator, for a plain page image and for the 6000×4000 JPEG (downscaled in the page);
 * - the upload size for the 6000×4000 JPEG (target: well under 2 MB).
 * Uses the built extension at ctx.extDir, the emulator and the e2e fixture site.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchContext, BenchSection } from './types';
import { median } from './stats';
import { TEST_TIMING } from '../tests/emulator/timing';

const RUNS = 5;

export async function run(ctx: BenchContext): Promise<BenchSection> {
  // The e2e build: it holds the emulator and the fixture page host (standing in for a right-click's activeTab).
  process.env.EXTENSION_DIR ??= ctx.e2eExtDir;
  const { launchContext, getServiceWorker, dispatchContextMenu } = await import('../tests/e2e/fixtures');
  const { createEmulator } = await import('../tests/emulator/server');
  const { startSite } = await import('../tests/e2e/site/server');
  const { configureApi } = await import('../tests/e2e/site/helpers');
  const emulator = await createEmulator({ ...TEST_TIMING, port: 0, https: true, mediaHosts: 'vendor' });
  const site = await startSite();
  const profile = await mkdtemp(path.join(tmpdir(), 'reimagine-bench-page-'));
  const context = await launchContext(profile, { hostRules: [...emulator.hostResolverRules(), ...site.hostResolverRules()] });
  try {
    const worker = await getServiceWorker(context);
    const extensionId = new URL(worker.url()).host;
    await configureApi(context, extensionId, emulator.apiBaseUrl);

    const page = await context.newPage();
    const parsed = await extensionScriptBytes(page, async () => {
      await page.goto(site.url('/'));
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      await page.waitForTimeout(500);
    });
    ctx.log(`unused page: ${parsed} bytes of extension script`);

    const tab = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u), page.url());
    const click = async (selector: string) => {
      const srcUrl = await page.locator(selector).evaluate((el) => (el as HTMLImageElement).currentSrc);
      const since = emulator.requests.length;
      const started = Date.now();
      await dispatchContextMenu(context, { menuItemId: 'reimagine-quick:sketch', srcUrl, pageUrl: page.url(), frameId: 0, mediaType: 'image', editable: false }, tab ?? undefined);
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
        const hit = emulator.requests.slice(since).find((r) => r.method === 'POST' && r.path === '/v1/images/edits');
        if (hit) {
          const uri = (hit.body as { image: { url: string } }).image.url;
          return { ms: hit.at - started, bytes: Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').length };
        }
      }
      throw new Error(`no request for ${selector}`);
    };
    const usedParsed = await extensionScriptBytes(page, async () => {
      await click('#plain'); // warm-up (injects the page script)
    });
    const plain: number[] = [];
    const huge: number[] = [];
    let hugeBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      plain.push((await click('#plain')).ms);
      const h = await click('#huge');
      huge.push(h.ms);
      hugeBytes = h.bytes;
    }
    ctx.log(`plain ${plain.join(', ')} ms; huge ${huge.join(', ')} ms; upload ${hugeBytes} B`);
    return {
      title: 'In-page: footprint and right-click latency',
      columns: [
        { key: 'value', label: 'Value', unit: 'text' },
        { key: 'bytes', label: 'Bytes', unit: 'bytes' },
        { key: 'ms', label: 'Median', unit: 'ms' },
      ],
      rows: [
        { label: 'Reimagine script parsed, page never used', values: { value: String(parsed), bytes: parsed, ms: null }, target: { key: 'bytes', max: 0, note: 'injected on demand only' } },
        { label: 'Reimagine script parsed, after one right-click', values: { value: String(usedParsed), bytes: usedParsed, ms: null } },
        { label: 'Menu click → request at emulator (plain image)', values: { value: `${RUNS} runs`, bytes: null, ms: median(plain) }, target: { key: 'ms', max: 1500 } },
        { label: 'Menu click → request at emulator (6000×4000 JPEG)', values: { value: `${RUNS} runs`, bytes: null, ms: median(huge) }, target: { key: 'ms', max: 5000 } },
        { label: 'Upload size, 6000×4000 JPEG', values: { value: 'downscaled to 2048 px', bytes: hugeBytes, ms: null }, target: { key: 'bytes', max: 2_000_000, note: 'well under 2 MB' } },
      ],
      notes: ['Clicks are dispatched to contextMenus.onClicked in the worker; times include injection, capture, downscale, import and submit.'],
    };
  } finally {
    await context.close().catch(() => undefined);
    await site.close();
    await emulator.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Sum of the source lengths of chrome-extension:// scripts V8 parsed in the page while `during` ran. */
async function extensionScriptBytes(page: Page, during: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let bytes = 0;
  cdp.on('Debugger.scriptParsed', (event: { url: string; length?: number }) => {
    if (event.url.startsWith('chrome-extension://')) bytes += event.length ?? 0;
  });
  await cdp.send('Debugger.enable');
  await during();
  await cdp.send('Debugger.disable');
  await cdp.detach();
  return bytes;
}
