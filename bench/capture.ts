/**
 * Right-click → source ready in the side panel ("Edit image…"), for a page image on the page's own host and
 * for one on a CDN host after the user allowed it (issue: the real web). Runs on the e2e-cdn build, which
 * holds cdn.test as if "Allow access to cdn.test" had been granted; the page host stands in for activeTab.
 * The time is from the dispatched menu click to the background writing the pending panel request with
 * `capture.state: 'ready'` (what turns the panel's "Reading image…" placeholder into the source).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './stats';
import type { BenchContext, BenchSection } from './types';
import { TEST_TIMING } from '../tests/emulator/timing';

const RUNS = 5;

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const { launchContext, getServiceWorker, dispatchContextMenu, E2E_CDN_EXTENSION_PATH } = await import('../tests/e2e/fixtures');
  const { createEmulator } = await import('../tests/emulator/server');
  const { startSite } = await import('../tests/e2e/site/server');
  const { configureApi } = await import('../tests/e2e/site/helpers');
  const emulator = await createEmulator({ ...TEST_TIMING, port: 0, https: true, mediaHosts: 'vendor' });
  const site = await startSite();
  const profile = await mkdtemp(path.join(tmpdir(), 'reimagine-bench-capture-'));
  const context = await launchContext(profile, {
    extensionPath: E2E_CDN_EXTENSION_PATH,
    hostRules: [...emulator.hostResolverRules(), ...site.hostResolverRules()],
  });
  try {
    const worker = await getServiceWorker(context);
    await configureApi(context, new URL(worker.url()).host, emulator.apiBaseUrl);
    const page = await context.newPage();
    // The fixture index: #plain is on the page's host, #hotlink on cdn.test (which also refuses other Referers).
    await page.goto(site.url('/'));
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    const tab = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u), page.url());

    const sourceReady = async (selector: string): Promise<number> => {
      const srcUrl = await page.locator(selector).evaluate((el) => (el as HTMLImageElement).currentSrc);
      await worker.evaluate(() => chrome.storage.session.remove('pendingPanelRequest'));
      const started = Date.now();
      await dispatchContextMenu(context, { menuItemId: 'reimagine-edit', srcUrl, pageUrl: page.url(), frameId: 0, mediaType: 'image', editable: false }, tab ?? undefined);
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
        const state = await worker.evaluate(async () => {
          const { pendingPanelRequest } = await chrome.storage.session.get('pendingPanelRequest');
          return (pendingPanelRequest as { capture?: { state?: string; message?: string } } | undefined)?.capture;
        });
        if (state?.state === 'ready') return Date.now() - started;
        if (state?.state === 'failed') throw new Error(`capture of ${selector} failed: ${state.message ?? ''}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no source for ${selector}`);
    };

    await sourceReady('#plain'); // warm-up: injects the page script
    const same: number[] = [];
    const cdn: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      same.push(await sourceReady('#plain'));
      cdn.push(await sourceReady('#hotlink'));
    }
    ctx.log(`same host ${same.join(', ')} ms; CDN ${cdn.join(', ')} ms`);
    return {
      title: 'Page images: right-click → source ready in the panel',
      columns: [
        { key: 'runs', label: 'Runs', unit: 'count' },
        { key: 'ms', label: 'Median', unit: 'ms' },
      ],
      rows: [
        { label: 'Same-host image (640×480 PNG)', values: { runs: RUNS, ms: median(same) }, target: { key: 'ms', max: 1500 } },
        { label: 'CDN image (700×500 JPEG, hotlink-protected), after "Allow access to cdn.test"', values: { runs: RUNS, ms: median(cdn) }, target: { key: 'ms', max: 3000 } },
      ],
      notes: ['The CDN image is not readable by the page (no CORS), so the worker re-reads it with its host access and the page as Referer.'],
    };
  } finally {
    await context.close().catch(() => undefined);
    await site.close();
    await emulator.close();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
