import { createHash } from 'node:crypto';
import { expect, openExtensionPage, test } from './fixtures';
import { configureKeyOnly, setting } from './sidepanel-helpers';
import { configureApi, decodeSentImage, nextRequest, overlayFor, rightClick } from './site/helpers';
import type { Site } from './site/server';
import { ui, uiMatch, uiRe } from './i18n';

/**
 * The product's signature flow, across all its parts: right-click "Edit image…" on a page → the side
 * panel has the image attached and the prompt focused → Generate → the overlay on that page image shows
 * the job and its result → Replace swaps the image in place.
 */
let site: Site;
test.beforeAll(({ site: shared }) => {
  site = shared; // the worker's site, which the browser reaches as site.test / cdn.test
});

test('right-click Edit image… → panel → Generate → result replaces the image on the page', async ({ context, extensionId, emulator }) => {
  // As a new user: Options only gets the key; the shipped base URL (https://api.x.ai/v1) stays.
  await configureKeyOnly(context, extensionId);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const originalSrc = await page.locator('#plain').evaluate((img: HTMLImageElement) => img.currentSrc);

  await rightClick(context, page, '#plain', 'reimagine-edit');
  // sidePanel.open() needs a real click's gesture; the request waits for the panel, which we open now.
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await expect(panel.getByRole('radiogroup', { name: ui('Mode') }).getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  const prompt = panel.getByRole('textbox', { name: ui('Prompt') });
  await expect(prompt).toBeFocused();
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') })).toBeVisible();

  const since = emulator.requests.length;
  await prompt.fill('turn it into a pencil sketch');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const body = await nextRequest(emulator, '/v1/images/edits', since);
  expect(body.prompt).toBe('turn it into a pencil sketch');
  expect(decodeSentImage((body.image as { url: string }).url)).toMatchObject({ width: 640, height: 480 });

  const overlay = await overlayFor(page, '#plain');
  await overlay.click('Replace', { timeout: 20_000 });
  await expect.poll(() => page.locator('#plain').evaluate((img: HTMLImageElement) => img.currentSrc)).not.toBe(originalSrc);
  await expect(panel.getByRole('region', { name: uiRe(/^Results/) }).getByRole('img').first()).toBeVisible();

  // It went where production goes: the API as api.x.ai over TLS, the result from imgen.x.ai, which sent no
  // CORS headers (the emulator's default) — the worker read it with the host access the release grants.
  const edit = emulator.requests.find((r) => r.method === 'POST' && r.path === '/v1/images/edits');
  expect(edit?.headers.host).toBe('api.x.ai');
  const download = emulator.mediaRequests.at(-1);
  expect(download?.headers.host).toBe('imgen.x.ai');
  expect(download?.headers.authorization).toBeUndefined();
});

test('"Replace on page" from the gallery uses the result you picked, not the first one', async ({ context, extensionId, emulator }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-edit');
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') })).toBeVisible();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('two takes');
  await (await setting(panel, 'Count')).fill('2');
  await panel.getByRole('button', { name: ui('Generate') }).click();

  const second = panel.locator('article.result-tile[data-index="1"]');
  await expect(second).toBeVisible({ timeout: 20_000 });
  const jobId = await second.getAttribute('data-job-id');
  // SHA-256 of each stored result, read the way the panel reads them (IndexedDB).
  const storedHashes = await panel.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('reimagine');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const get = <T,>(store: string, key: string) =>
      new Promise<T>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).get(key);
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error);
      });
    const job = await get<{ results: { mediaId: string }[] }>('jobs', id!);
    const hashes: string[] = [];
    for (const r of job.results) {
      const media = await get<{ blob: Blob }>('media', r.mediaId);
      const digest = await crypto.subtle.digest('SHA-256', await media.blob.arrayBuffer());
      hashes.push([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
    return hashes;
  }, jobId);
  expect(storedHashes).toHaveLength(2);
  expect(storedHashes[0]).not.toBe(storedHashes[1]);

  await second.getByRole('button', { name: ui('Replace on page') }).click();
  // http://site.test is not a secure context (no crypto.subtle there): hash the bytes in Node.
  const pageHash = async () => {
    const bytes = await page.locator('#plain').evaluate(async (img: HTMLImageElement) => {
      if (!img.currentSrc.startsWith('blob:')) return undefined;
      return [...new Uint8Array(await (await fetch(img.currentSrc)).arrayBuffer())];
    });
    return bytes ? createHash('sha256').update(Buffer.from(bytes)).digest('hex') : '';
  };
  await expect.poll(pageHash, { timeout: 10_000 }).toBe(storedHashes[1]);
});
