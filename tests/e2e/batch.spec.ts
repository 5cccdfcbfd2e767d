import { ClosedOverlay } from './site/overlay';
import { E2E_CDN_EXTENSION_PATH, expect, killServiceWorker, test } from './fixtures';
import { batchMenu, batchRegion, expectPictures, openGallery } from './batch-helpers';
import { openPanel } from './sidepanel-helpers';
import { configureApi, decodeSentImage, overlayFor } from './site/helpers';
import { MONEY, ui, uiList, uiMatch } from './i18n';

/** The batch summary line: "3 of 5 done, 1 failed, 1 cancelled." in the language under test. */
const summary = (total: number, done: number, more: string[] = []): string =>
  ui('{parts}.', { parts: uiList([ui('{done} of {total} done', { done, total }), ...more], 'unit') });

/**
 * "Reimagine images on this page…" on the built extension: the picker's pictures (srcset duplicates merged,
 * icon and pixel left out, a lazy image and a CSS background found), the cost before anything is sent,
 * one job per picture through the queue, the page's and the panel's Replace all / Revert all, a CDN picture
 * the worker may not read failing alone with "Allow access", Cancel batch, and a worker killed mid-batch.
 */
const EDITS = '/v1/images/edits';
const posts = (emulator: { requests: Array<{ method: string; path: string }> }) => emulator.requests.filter((r) => r.method === 'POST' && r.path === EDITS);

test.describe('granted CDN', () => {
  test.use({ extensionPath: E2E_CDN_EXTENSION_PATH });

  test('batch of 5 (one on cdn.test): cost first, one job each, Replace all / Revert all on the page and in the panel', async ({ context, extensionId, emulator, site }) => {
    test.setTimeout(120_000);
    await configureApi(context, extensionId, emulator.apiBaseUrl);
    const panel = await openPanel(context, extensionId);
    const page = await context.newPage();
    await openGallery(page, site);
    const originals = await page.evaluate(() => ['a', 'b', 'c', 'e'].map((id) => document.getElementById(id)!.getAttribute('src')));

    await batchMenu(context, page);
    const region = batchRegion(panel);
    await expectPictures(panel, 5);
    await expect(region.getByText(ui('{count} pictures on this page.', { count: 5 }))).toBeVisible();
    await expect(region.getByRole('button', { name: ui('Run on {count} images', { count: 5 }) })).toBeDisabled(); // no prompt yet
    await region.getByRole('textbox', { name: ui('Batch prompt') }).fill('pencil sketch');
    const cost = region.getByTestId('batch-cost');
    await expect(cost).toContainText(uiMatch('{count} images × {price} = up to {total}', { count: 5, price: MONEY, total: MONEY }));
    await expect(cost).toContainText(uiMatch('Today: {spent} spent; no daily cap set.', { spent: MONEY }));
    expect(posts(emulator)).toHaveLength(0); // nothing sent before Run

    await region.getByRole('button', { name: ui('Run on {count} images', { count: 5 }) }).click();
    await expect.poll(() => posts(emulator).length, { timeout: 30_000 }).toBe(5);
    const sizes = posts(emulator)
      .map((r) => decodeSentImage(((r as unknown as { body: { image: { url: string } } }).body.image).url))
      .map((s) => `${s.width}x${s.height}`)
      .sort();
    // plain 640×480, srcset → its 1600 px copy, lazy → data-src 480×320, background 400×300, CDN 420×300.
    expect(sizes).toEqual(['1600x1200', '400x300', '420x300', '480x320', '640x480']);
    await expect(region.getByTestId('batch-summary')).toHaveText(summary(5, 5), { timeout: 30_000 });
    expect(posts(emulator)).toHaveLength(5); // never twice
    // Each line of the running batch shows its picture (bytes), not the host name five times over (issue 23).
    const lines = region.getByRole('list', { name: ui('Batch images') }).getByRole('listitem');
    await expect(lines).toHaveCount(5);
    await expect(lines.locator('img.batch-item-thumb[src^="data:"]')).toHaveCount(5);

    const bar = new ClosedOverlay(page, 'reimagine-overlay-batch');
    await expect.poll(() => bar.status()).toContain(ui('Reimagine batch: {done} of {total} done.', { done: 5, total: 5 }));
    // The page cannot press the bar for the user: untrusted clicks on every button (Close included, which
    // acts synchronously) leave it in place.
    expect(await bar.syntheticClicks()).toBeGreaterThan(0);
    expect(await bar.status()).toContain(ui('Reimagine batch: {done} of {total} done.', { done: 5, total: 5 }));
    await bar.click('Replace all');
    for (const id of ['#a', '#b', '#c', '#e']) await expect(page.locator(id)).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => page.locator('#d').evaluate((el) => (el as HTMLElement).style.backgroundImage)).toContain('blob:');
    await expect.poll(() => bar.status()).toContain(ui('Reimagine batch: {done} of {total} done, {replaced} replaced.', { done: 5, total: 5, replaced: 5 }));
    await bar.click('Revert all');
    await expect.poll(() => page.evaluate(() => ['a', 'b', 'c', 'e'].map((id) => document.getElementById(id)!.getAttribute('src')))).toEqual(originals);
    await expect.poll(() => page.locator('#d').evaluate((el) => (el as HTMLElement).style.backgroundImage)).toContain('/img/list.jpg');

    await region.getByRole('button', { name: ui('Replace all') }).click();
    await expect(page.locator('#a')).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => page.locator('#d').evaluate((el) => (el as HTMLElement).style.backgroundImage)).toContain('blob:');
    await region.getByRole('button', { name: ui('Revert all') }).click();
    await expect(page.locator('#a')).toHaveAttribute('src', originals[0] ?? '');
    await expect.poll(() => page.locator('#d').evaluate((el) => (el as HTMLElement).style.backgroundImage)).toContain('/img/list.jpg');
  });
});

test('over the daily cap the batch is blocked; a CDN picture without access fails alone with Allow access; Cancel batch stops what has not started', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(120_000);
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const setCap = (cap: number) =>
    panel.evaluate(async (usd) => {
      const current = (await chrome.runtime.sendMessage({ type: 'settings.get' })) as { settings: Record<string, unknown> };
      return chrome.runtime.sendMessage({ type: 'settings.save', settings: { ...current.settings, dailySpendCapUsd: usd } });
    }, cap);
  await setCap(0.01);
  const page = await context.newPage();
  await openGallery(page, site);
  await batchMenu(context, page);
  const region = batchRegion(panel);
  await expectPictures(panel, 5);
  await region.getByRole('textbox', { name: ui('Batch prompt') }).fill('pencil sketch');
  await expect(region.getByRole('alert')).toContainText(uiMatch('This batch could cost up to {total}, but only {left} of today\'s {cap} cap is left ({spent} spent). {advice}'));
  await expect(region.getByRole('button', { name: ui('Run on {count} images', { count: 5 }) })).toBeDisabled();

  await setCap(10);
  await expect(region.getByRole('alert')).toHaveCount(0);
  await expect(region.getByTestId('batch-cost')).toContainText(uiMatch('Today: {spent} spent of your {cap} daily cap.', { spent: MONEY, cap: MONEY }));
  const held = site.hold('/img/list.jpg'); // the background picture's read waits: it has not started when we cancel
  await region.getByRole('button', { name: ui('Run on {count} images', { count: 5 }) }).click();
  await held.requested;

  // cdn.test: the page may not read it (no CORS) and this build has no access: that picture alone fails.
  await expect(region.getByRole('button', { name: ui('Allow access to {host}', { host: 'cdn.test' }) })).toBeVisible({ timeout: 30_000 });
  await expect(region.getByRole('listitem', { name: /cdn\.test/ })).toContainText(ui('Reimagine does not have access to {host}, where this image is stored.', { host: 'cdn.test' }));
  await expect.poll(() => posts(emulator).length, { timeout: 30_000 }).toBe(3);
  await expect(region.getByTestId('batch-summary')).toContainText(ui('{done} of {total} done', { done: 3, total: 5 }), { timeout: 30_000 });

  await region.getByRole('button', { name: ui('Cancel batch') }).click();
  await expect(region.getByTestId('batch-summary')).toHaveText(summary(5, 3, [ui('{count} failed', { count: 1 }), ui('{count} cancelled', { count: 1 })]));
  held.release();
  // The held read finishes now; the page's overlay says the batch was cancelled, and nothing more is sent.
  const overlay = await overlayFor(page, '#d');
  await expect.poll(() => overlay.status(), { timeout: 20_000 }).toContain(ui('The batch was cancelled before this image was sent.'));
  expect(posts(emulator)).toHaveLength(3);
});

test('a batch survives the worker being stopped mid-capture', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(120_000);
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await openGallery(page, site);
  await batchMenu(context, page);
  const region = batchRegion(panel);
  await expectPictures(panel, 5);
  await region.getByRole('button', { name: ui('Select none') }).click();
  await region.getByRole('checkbox', { name: uiMatch('Image {n}: {alt} ({host})', { n: 1, alt: 'plain' }, 'start') }).check();
  await region.getByRole('checkbox', { name: uiMatch('Image {n}: {alt} ({host})', { n: 2, alt: 'srcset' }, 'start') }).check();
  await region.getByRole('textbox', { name: ui('Batch prompt') }).fill('pencil sketch');
  const held = site.hold('/img/plain.png');
  await region.getByRole('button', { name: ui('Run on {count} images', { count: 2 }) }).click();
  await held.requested;
  await expect.poll(() => posts(emulator).length, { timeout: 30_000 }).toBe(1);
  // Killed only once the first job is done: one stopped mid-request would (rightly) come back "interrupted".
  await expect(region.getByTestId('batch-summary')).toContainText(ui('{done} of {total} done', { done: 1, total: 2 }), { timeout: 30_000 });
  await killServiceWorker(context);
  held.release(); // the page script's capture.done wakes a fresh worker, which finds the batch in IndexedDB
  await expect.poll(() => posts(emulator).length, { timeout: 30_000 }).toBe(2);
  await expect(region.getByTestId('batch-summary')).toHaveText(summary(2, 2), { timeout: 30_000 });
});
