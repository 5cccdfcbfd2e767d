/**
 * `npm run test:firefox`: the Firefox smoke. One headless Firefox ESR with the e2e Firefox build
 * (`.output/e2e-firefox`, built first by the npm script), the emulator answering as api.x.ai/imgen/vidgen
 * and the fixture site as site.test (through tests/firefox/mapping-proxy.ts). Steps, as a user:
 *   1. Options → paste the key → Save (the shipped base URL, https://api.x.ai/v1, stays);
 *   2. the sidebar page (opened as a tab) → Create image → a result tile;
 *   3. "Edit image…" on a site.test image (the real menus.onClicked handler, reached through the
 *      test build's hook: Firefox events have no dispatch()) → the panel gets the source → Generate → edit;
 *   4. the "Pencil sketch" quick action from the same menu → submitted at once → done; the overlay's
 *      Download of it (a background download);
 *   5. Create video → done, with a poster thumbnail made in the event page (Firefox has no offscreen API);
 *   6. the popup's "Open in side panel" → Firefox's sidebar opens (sidebarAction.open in the click).
 * Waits are on state (selectors, IndexedDB, emulator requests), never on time.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TimeoutError, type Page } from 'puppeteer-core';
import { createEmulator } from '../emulator/server';
import { startSite } from '../e2e/site/server';
import { launchFirefoxWithExtension } from './launch';
import { startMappingProxy } from './mapping-proxy';
import { TEST_TIMING } from '../emulator/timing';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSION_DIR = path.join(ROOT, '.output', 'e2e-firefox', 'firefox-mv3');
const KEY = 'xai-emulator-key';
const WAIT = { timeout: 30_000 };

const started = Date.now();
const step = (what: string) => console.log(`[firefox smoke] ${((Date.now() - started) / 1000).toFixed(1)} s  ${what}`);

type StoredJob = { id: string; status: string; request: { mode: string; prompt: string }; results: Array<{ kind: string; thumb?: boolean }> };

/** Every job in the extension's IndexedDB, read from one of its pages (same origin). */
function readJobs(page: Page): Promise<StoredJob[]> {
  return page.evaluate(
    () =>
      new Promise<StoredJob[]>((resolve, reject) => {
        const open = indexedDB.open('reimagine');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('jobs').objectStore('jobs').getAll();
          all.onsuccess = () => {
            resolve(all.result as StoredJob[]);
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function waitForJob(page: Page, mode: string, statuses: string[], promptStart = ''): Promise<StoredJob> {
  const handle = await page.waitForFunction(
    (mode, statuses, promptStart) =>
      new Promise((resolve) => {
        const open = indexedDB.open('reimagine');
        open.onsuccess = () => {
          const all = open.result.transaction('jobs').objectStore('jobs').getAll();
          all.onsuccess = () => {
            open.result.close();
            const job = (all.result as StoredJob[]).find((j) => j.request.mode === mode && statuses.includes(j.status) && j.request.prompt.startsWith(promptStart));
            resolve(job ?? false);
          };
        };
        open.onerror = () => resolve(false);
      }),
    { timeout: 45_000, polling: 250 },
    mode,
    statuses,
    promptStart,
  );
  return (await handle.jsonValue()) as StoredJob;
}

/**
 * Opens an extension page in `page`. Firefox commits the navigation (a switch to the extension process)
 * but BiDi never reports it as finished to puppeteer, so the wait is on the document itself.
 */
async function openExtensionPage(page: Page, url: string): Promise<Page> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    try {
      await page.waitForFunction((url) => location.href === url && document.readyState === 'complete', { timeout: Math.max(1, deadline - Date.now()) }, url);
      return page;
    } catch (error) {
      // A poll that runs while the old document goes away fails inside Firefox's BiDi ("right-hand side of
      // 'in' should be an object, got null"): that is the navigation happening, so look again at the new one.
      if (error instanceof TimeoutError || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * A click on one of Reimagine's context-menu items over the image `srcUrl` of the tab showing `pageUrl`:
 * the background's own menus.onClicked handler, reached from an extension page (`extensionPage`) through
 * the test build's hook — Firefox events have no dispatch(), and native menus cannot be clicked headless.
 */
async function clickMenu(extensionPage: Page, menuItemId: string, srcUrl: string, pageUrl: string): Promise<void> {
  await extensionPage.evaluate(
    async (menuItemId, srcUrl, pageUrl) => {
      const [tab] = await browser.tabs.query({ url: pageUrl });
      const background = (await browser.runtime.getBackgroundPage()) as unknown as { __reimagineMenuClick(info: object, tab: object): void };
      background.__reimagineMenuClick({ menuItemId, srcUrl, pageUrl, frameId: 0, mediaType: 'image', editable: false }, tab!);
    },
    menuItemId,
    srcUrl,
    pageUrl,
  );
}

async function generate(panel: Page, prompt: string): Promise<void> {
  await panel.locator('#prompt').fill(prompt);
  await panel.locator('::-p-aria([name="Generate"][role="button"])').click();
}

async function resultCount(panel: Page, count: number): Promise<void> {
  await panel.waitForFunction((n) => document.querySelectorAll('section[aria-label="Results"] article').length >= n, WAIT, count);
}

async function main(): Promise<void> {
  const emulator = await createEmulator({ ...TEST_TIMING, port: 0, https: true, mediaHosts: 'vendor' });
  emulator.configure({ videoRenderMs: 1500 });
  const site = await startSite();
  const proxy = await startMappingProxy([...emulator.hostResolverRules(), ...site.hostResolverRules()]);
  const firefox = await launchFirefoxWithExtension(EXTENSION_DIR, proxy.port);
  const { browser: ff, origin } = firefox;
  try {
    step('Firefox up, extension installed');
    const options = await openExtensionPage((await ff.pages())[0]!, `${origin}/options.html`);
    assert.equal(await options.$eval('#base-url', (el) => (el as HTMLInputElement).value), 'https://api.x.ai/v1');
    await options.locator('#api-key').fill(KEY);
    await options.locator('::-p-aria([name="Save"][role="button"])').click();
    await options.waitForFunction(() => /Saved( at|\.)/.test(document.body.innerText), WAIT);
    step('key saved in Options');

    const panel = await openExtensionPage(await ff.newPage(), `${origin}/sidepanel.html`);
    await generate(panel, 'a lighthouse at dawn');
    await resultCount(panel, 1);
    assert.ok(emulator.requests.some((r) => r.method === 'POST' && r.path === '/v1/images/generations'), 'no text-to-image request reached the emulator');
    step('text-to-image result shown');

    const page = await ff.newPage();
    await page.goto(site.url('/list'));
    const srcUrl = await page.$eval('#listed', (img) => (img as HTMLImageElement).currentSrc);
    await panel.bringToFront();
    // "Edit image…" on #listed: the background's own menus.onClicked handler (test-build hook).
    await clickMenu(panel, 'reimagine-edit', srcUrl, site.url('/list'));
    await panel.waitForFunction(() => (document.querySelector('#mode-edit-image') as HTMLInputElement | null)?.checked === true, WAIT);
    await panel.waitForFunction(() => document.querySelector('[aria-label^="Source 1"]') !== null, WAIT);
    await panel.locator('::-p-aria([name="Generate"][role="button"]):not([disabled])').wait();
    await generate(panel, 'pencil sketch');
    await resultCount(panel, 2);
    const edit = emulator.requests.find((r) => r.method === 'POST' && r.path === '/v1/images/edits')?.body as { prompt?: string; image?: { url?: string } } | undefined;
    assert.equal(edit?.prompt, 'pencil sketch', 'no edit request reached the emulator');
    assert.match(edit?.image?.url ?? '', /^data:image\/(jpeg|png|webp);base64,/, 'the edit did not carry the page image');
    step('menu-dispatched edit done');

    // A quick action from the menu ("Pencil sketch", a default one): submitted at once, no panel step.
    await clickMenu(panel, 'reimagine-quick:sketch', srcUrl, site.url('/list'));
    const quick = await waitForJob(panel, 'edit-image', ['done', 'failed'], 'Render this as a detailed pencil sketch');
    assert.equal(quick.status, 'done', `the quick action ended ${quick.status}`);
    step('quick action done');

    // The page overlay's Download runs in the background (`result.download`): Firefox refuses data: URLs
    // there, so the event page hands downloads an object URL.
    const downloadId = await panel.evaluate(async (jobId) => {
      const reply = (await browser.runtime.sendMessage({ type: 'result.download', jobId, index: 0 })) as { ok: boolean; downloadId?: number; error?: { message: string } };
      if (!reply.ok) throw new Error(reply.error?.message ?? 'download refused');
      return reply.downloadId!;
    }, quick.id);
    await panel.waitForFunction(async (id) => (await browser.downloads.search({ id }))[0]?.state === 'complete', WAIT, downloadId);
    assert.ok(readdirSync(firefox.downloadDir).some((name) => /\.(png|jpe?g|webp)$/.test(name)), 'the download did not land');
    step('background download saved');

    // The Image | Video switch first: the other kind's mode radios are visually hidden (components/ModePicker.tsx).
    await panel.locator('.kind-switch button:nth-child(2)').click();
    await panel.locator('#mode-create-video').click();
    await panel.waitForFunction(() => (document.querySelector('#mode-create-video') as HTMLInputElement | null)?.checked === true, WAIT);
    await generate(panel, 'waves at sunset');
    const video = await waitForJob(panel, 'create-video', ['done', 'failed']);
    assert.equal(video.status, 'done', `the video job ended ${video.status}`);
    assert.equal(video.results[0]?.kind, 'video');
    assert.equal(video.results[0]?.thumb, true, 'the video has no poster thumbnail');
    await panel.waitForSelector('section[aria-label="Results"] video', WAIT);
    step('video done with a poster frame');
    assert.equal((await readJobs(panel)).filter((j) => j.status === 'done').length, 4);

    // The popup launcher's "Open side panel": Firefox has no side-panel API; sidebarAction.open() in the click.
    const popup = await openExtensionPage(await ff.newPage(), `${origin}/popup.html`);
    await popup.locator('::-p-aria([name="Open side panel"][role="button"])').click();
    await popup.waitForFunction(() => document.body.innerText.includes('Opened in the side panel.'), WAIT);
    type SidebarAction = { isOpen(details: object): Promise<boolean> };
    await popup.waitForFunction(() => (browser as unknown as { sidebarAction: SidebarAction }).sidebarAction.isOpen({}), WAIT);
    step('history opened in the sidebar');
  } finally {
    await firefox.close();
    await proxy.close();
    await site.close();
    await emulator.close();
  }
  step('passed');
}

main().catch((error: unknown) => {
  console.error('[firefox smoke] FAILED', error);
  process.exit(1);
});
