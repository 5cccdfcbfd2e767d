import type { Page } from '@playwright/test';
import { expect, getServiceWorker, test } from '../e2e/fixtures';
import { configureApi, overlayFor, rightClick } from '../e2e/site/helpers';
import type { Site } from '../e2e/site/server';
import { ui } from '../e2e/i18n';

/**
 * Attack: the web page the overlay is drawn on. It may read and click anything it can reach, loop,
 * and message the page script. It must get nothing: no shadow root, no action from synthetic events, no
 * download it did not ask the user for, no result pixels before Replace, no provider error text.
 */
let site: Site;
test.beforeAll(({ site: shared }) => {
  site = shared; // the worker's site, which the browser reaches as site.test
});

/** What the page may see of a failure: the translated sentence of the error's kind (lib/jobs/page-reason.ts). */
const KIND_ONLY_FAILURE = ui('The provider had a server error.');
const PROVIDER_SECRET = 'PROVIDER-INTERNAL db-7 user=4711';

/** Everything a page script can do to the overlay from the main world. */
async function pageAttacks(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('reimagine-overlay')] as HTMLElement[];
    const report = { hosts: hosts.length, roots: 0, expandos: [] as string[], blobElements: [] as string[], threw: [] as string[] };
    // A page can patch prototypes in its own world; that must not hand it the root either.
    for (const host of hosts) {
      if (host.shadowRoot) report.roots += 1;
      report.expandos.push(...Object.getOwnPropertyNames(host));
      for (let i = 0; i < 10; i += 1) {
        // "Loop 10 downloads": every click the page can produce, on everything it can reach.
        host.click();
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        // Whatever is drawn over the image is hit-tested to the host, never to a button inside it.
        const box = document.querySelector('#plain')!.getBoundingClientRect();
        for (let y = box.top; y < box.bottom; y += 8) {
          for (let x = box.left; x < box.right; x += 24) {
            const hit = document.elementFromPoint(x, y);
            if (hit === host) host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
            else if (hit && hit !== document.querySelector('#plain')) report.threw.push(`hit ${hit.tagName}`);
          }
        }
      }
    }
    // postMessage spam shaped like the extension's own messages, and garbage.
    const shapes: unknown[] = [
      { type: 'overlay.replace', targetId: document.querySelector('[data-reimagine-target]')?.getAttribute('data-reimagine-target'), jobId: 'x', index: 0 },
      { type: 'overlay.update', captureId: 'x', job: { id: 'x', status: 'done', startedAt: 0, isVideo: false } },
      { type: 'capture.start', captureId: 'x', srcUrl: 'http://127.0.0.1/secret.png', mediaType: 'image', maxEdge: 10, maxBytes: 10 },
      { type: 'overlay.download', jobId: 'x' },
      null,
      'overlay.cancel',
      { __proto__: { type: 'overlay.cancel' } },
    ];
    for (let i = 0; i < 300; i += 1) {
      try {
        window.postMessage(shapes[i % shapes.length], '*');
      } catch (error) {
        report.threw.push(String(error));
      }
    }
    // Page-reachable DOM holds no copy of the result before Replace.
    report.blobElements = [...document.querySelectorAll('img, video, canvas, source')].filter((el) => /^blob:/.test(el.getAttribute('src') ?? '')).map((el) => el.id);
    return report;
  });
}

test('a hostile page can neither reach nor drive the overlay; a real click still works once', async ({ context, extensionId, emulator }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.addInitScript(() => {
    // The page tries to catch the root as it is made (it runs in the page's world, the overlay doesn't).
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = original.call(this, init);
      (window as unknown as { stolen: ShadowRoot[] }).stolen = [...((window as unknown as { stolen?: ShadowRoot[] }).stolen ?? []), root];
      return root;
    };
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const originalSrc = await page.locator('#plain').getAttribute('src');
  const worker = await getServiceWorker(context);
  const downloads = () => worker.evaluate(async () => (await chrome.downloads.search({})).length);
  const downloadsBefore = await downloads();
  const tabsBefore = context.pages().length;

  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#plain');
  await overlay.expectButton('Download', { timeout: 20_000 });

  const report = await pageAttacks(page);
  // (#blob is the fixture page's own blob: image.)
  expect(report).toMatchObject({ hosts: 1, roots: 0, expandos: [], blobElements: ['blob'], threw: [] });
  expect(await page.evaluate(() => (window as unknown as { stolen?: unknown[] }).stolen?.length ?? 0)).toBe(0);
  // Even a page that somehow held the root: synthetic clicks and keys on every control, ten rounds.
  for (let i = 0; i < 10; i += 1) expect(await overlay.syntheticClicks()).toBeGreaterThan(5);

  // A real user's click on Download: exactly one download. Everything the page did came before it.
  await overlay.click('Download');
  await expect.poll(downloads).toBe(downloadsBefore + 1);
  expect(await overlay.offeredButtons()).toEqual(expect.arrayContaining(['Replace', 'Compare', 'Close Reimagine overlay'].map((name) => ui(name)))); // not dismissed
  expect(await page.locator('#plain').getAttribute('src')).toBe(originalSrc); // not replaced
  expect(context.pages().length).toBe(tabsBefore); // no Reimagine tab opened
  expect(pageErrors).toEqual([]);

  // Replace is the user's choice: only then is the result on the page.
  await overlay.click('Replace');
  await expect(page.locator('#plain')).toHaveAttribute('src', /^blob:/);
});

test('the page cannot cancel or retry a job, and a provider error is only its kind’s sentence on the page', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 2_000 });
  emulator.inject({ route: 'POST /v1/videos/generations', kind: 'job_failed', code: 'internal_error', message: PROVIDER_SECRET });
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-quick:push-in');
  const overlay = await overlayFor(page, '#plain');
  await overlay.expectButton('Cancel', { timeout: 20_000 });

  await pageAttacks(page);
  expect(await overlay.syntheticClicks()).toBeGreaterThan(0); // Cancel among them

  // Not cancelled: the job ran on and failed on the provider's side.
  await expect.poll(() => overlay.status(), { timeout: 30_000 }).toBe(KIND_ONLY_FAILURE);
  // Retry shows now; the page's forged clicks on it send nothing (only a user's click retries).
  await overlay.expectButton('Retry');
  expect(await overlay.syntheticClicks()).toBeGreaterThan(0);
  const worker = await getServiceWorker(context);
  const job = await worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('reimagine');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<Array<{ status: string; error?: { message: string } }>>((resolve) => {
      const req = db.transaction('jobs').objectStore('jobs').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return all[0];
  });
  expect(job).toMatchObject({ status: 'failed', error: { message: expect.stringContaining(PROVIDER_SECRET) } });
  // The provider's words are in the panel's record, never in the page.
  expect(await page.evaluate(() => document.documentElement.innerText)).not.toContain('db-7');
  expect(await overlay.status()).not.toContain('db-7');
  expect(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos/generations')).toHaveLength(1);
});
