import { expect, test } from './fixtures';
import { configureApi, overlayFor, rightClick } from './site/helpers';
import type { Site } from './site/server';
import { ui } from './i18n';

/** The page overlay's layout and words: in view on a tall image, a toast when out of view, a reason and Retry. */
let site: Site;
test.beforeAll(({ site: shared }) => {
  site = shared;
});

test('an 800×600 window, a quick action on a tall image: the overlay is in view without scrolling', async ({ context, extensionId, emulator }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(site.url('/'));
  // The page's own image, laid out far taller than the window (a long infographic, a portrait photo).
  await page.locator('#plain').evaluate((img) => {
    Object.assign((img as HTMLElement).style, { width: '600px', height: '2400px', objectFit: 'cover' });
    document.body.prepend(img);
  });
  await page.evaluate(() => window.scrollTo(0, 0));
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#plain');
  await overlay.expectButton('Replace', { timeout: 20_000 });
  const state = await overlay.state();
  const replace = state?.buttons[ui('Replace')];
  expect(replace && replace.y > 0 && replace.y < 600).toBe(true);
  expect(state?.bar && state.bar.y + state.bar.height <= 600).toBe(true);
  await overlay.click('Replace');
  await expect(page.locator('#plain')).toHaveAttribute('src', /^blob:/);

  // Scrolled entirely past the image: a toast in the viewport rather than nothing.
  await page.evaluate(() => window.scrollTo(0, 5000));
  await expect.poll(async () => (await overlay.state())?.bar?.y ?? -1).toBeGreaterThanOrEqual(0);
  const toast = (await overlay.state())?.bar;
  expect(toast && toast.y + toast.height <= 600 && toast.x + toast.width <= 800).toBe(true);
  await overlay.expectButton('Revert');
});

test('a failed quick action says why on the page (the kind, not the server’s words) and Retry sends it again', async ({ context, extensionId, emulator }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  emulator.inject({ route: 'POST /v1/images/edits', kind: 'credits_exhausted' });
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#plain');
  await overlay.expectButton('Retry', { timeout: 20_000 });
  expect(await overlay.status()).toBe(ui('Credits exhausted: your team has used its credits or reached its spending limit. Add credits in the provider console.'));
  const edits = () => emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/edits').length;
  expect(edits()).toBe(1); // never sent again by itself
  await overlay.click('Retry');
  await overlay.expectButton('Replace', { timeout: 20_000 });
  expect(edits()).toBe(2);
});
