import { expect, getServiceWorker, test } from './fixtures';
import { configureApi, overlayFor, rightClick } from './site/helpers';
import { MORE_ACTIONS, type ClosedOverlay } from './site/overlay';
import type { Site } from './site/server';
import { ui } from './i18n';

/**
 * The page overlay when a job from the page finishes: a preview of the result, Replace as the one main
 * button, every other action in a "More actions" menu a keyboard can use, and nothing the page can read.
 */
let site: Site;
test.beforeAll(({ site: shared }) => {
  site = shared;
});

const focusedOn = async (overlay: ClosedOverlay) => (await overlay.state())?.focused ?? null;

test('done on the page: a preview, Replace first, the rest in a keyboard-usable menu; the page reads nothing', async ({ context, extensionId, emulator }, testInfo) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#plain');
  await overlay.expectButton('Replace', { timeout: 20_000 });

  // The preview: drawn (not an empty box), small, inside the bar.
  await expect.poll(async () => (await overlay.state())?.thumb?.painted ?? false, { message: 'the result preview' }).toBe(true);
  const state = (await overlay.state())!;
  expect(state.thumb!.width).toBeLessThanOrEqual(112);
  expect(state.thumb!.height).toBeLessThanOrEqual(72);
  // One main button in view, the primary colour; everything else behind "More actions".
  expect(Object.keys(state.buttons).sort()).toEqual([ui('Replace'), ui(MORE_ACTIONS)].sort());
  expect(state.buttons[ui('Replace')]?.background).toBe('rgb(91, 75, 219)');
  expect(state.buttons[ui(MORE_ACTIONS)]?.background).not.toBe('rgb(91, 75, 219)');
  expect(state.menu).toEqual({ open: false, items: ['Compare', 'Download', 'Open in panel', 'Close Reimagine overlay'].map((name) => ui(name)) });
  // In view in an 800×600 window.
  expect(state.bar && state.bar.y >= 0 && state.bar.y + state.bar.height <= 600).toBe(true);

  // The page sees none of it: no root, no canvas or image of ours, no blob: address it could fetch.
  const seen = await page.evaluate(() => ({
    root: document.querySelector('reimagine-overlay')?.shadowRoot ?? null,
    canvases: document.querySelectorAll('canvas').length,
    blobs: performance.getEntriesByType('resource').filter((e) => /^(blob|data):/.test(e.name)).length,
  }));
  expect(seen).toEqual({ root: null, canvases: 0, blobs: 0 });
  expect(await page.locator('#plain').getAttribute('src')).not.toMatch(/^blob:/);

  await page.screenshot({ path: testInfo.outputPath('overlay-done-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('overlay-done-dark.png') });

  // Keyboard: focus starts on Replace; Tab reaches "More actions"; Enter opens the menu on its first item.
  await expect.poll(() => focusedOn(overlay)).toBe(ui('Replace'));
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedOn(overlay)).toBe(ui(MORE_ACTIONS));
  await expect.poll(() => overlay.armed(MORE_ACTIONS)).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await overlay.state())?.menu.open).toBe(true);
  await expect.poll(() => focusedOn(overlay)).toBe(ui('Compare'));
  await page.screenshot({ path: testInfo.outputPath('overlay-menu-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('overlay-menu-light.png') });
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedOn(overlay)).toBe(ui('Download'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp'); // wraps to the last item
  await expect.poll(() => focusedOn(overlay)).toBe(ui('Close Reimagine overlay'));
  // Escape closes the menu only (not the overlay) and returns to its button.
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await overlay.state())?.menu.open).toBe(false);
  await expect.poll(() => focusedOn(overlay)).toBe(ui(MORE_ACTIONS));
  expect(await overlay.present()).toBe(true);

  // Download from the menu by keyboard: one download, and the menu closes.
  const worker = await getServiceWorker(context);
  const downloads = () => worker.evaluate(async () => (await chrome.downloads.search({})).length);
  const before = await downloads();
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedOn(overlay)).toBe(ui('Compare'));
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => overlay.armed('Download')).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => overlay.status()).toBe(ui('Download started.'));
  await expect.poll(downloads).toBe(before + 1);
  expect((await overlay.state())?.menu.open).toBe(false);

  // Replace: the result is on the page now, so its preview goes; Revert becomes the main button.
  await overlay.click('Replace');
  await expect(page.locator('#plain')).toHaveAttribute('src', /^blob:/);
  await expect.poll(async () => Object.keys((await overlay.state())?.buttons ?? {}).sort()).toEqual([ui('Revert'), ui(MORE_ACTIONS)].sort());
  expect((await overlay.state())?.thumb).toBeNull();
  // Compare from the menu (the test kit opens it, as a user would), then Revert brings the preview back.
  await overlay.click('Compare');
  await expect.poll(async () => (await overlay.state())?.slider).toBe(true);
  await overlay.click('Revert');
  await expect(page.locator('#plain')).not.toHaveAttribute('src', /^blob:/);
  await expect.poll(async () => (await overlay.state())?.thumb?.painted ?? false).toBe(true);
});
