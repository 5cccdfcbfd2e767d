import { expect, openExtensionPage, test } from './fixtures';
import { configureApi, decodeSentImage, nextRequest, overlayFor, rightClick } from './site/helpers';
import { startSite, type Site } from './site/server';

/**
 * The product's signature flow, across all its parts: right-click "Edit image…" on a page → the side
 * panel has the image attached and the prompt focused → Generate → the overlay on that page image shows
 * the job and its result → Replace swaps the image in place.
 */
let site: Site;
test.beforeAll(async () => {
  site = await startSite();
});
test.afterAll(async () => site.close());

test('right-click Edit image… → panel → Generate → result replaces the image on the page', async ({ context, extensionId, emulator }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const originalSrc = await page.locator('#plain').evaluate((img: HTMLImageElement) => img.currentSrc);

  await rightClick(context, page, '#plain', 'reimagine-edit');
  // sidePanel.open() needs a real click's gesture; the request waits for the panel, which we open now.
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await expect(panel.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Edit image' })).toBeChecked();
  const prompt = panel.getByRole('textbox', { name: 'Prompt' });
  await expect(prompt).toBeFocused();
  await expect(panel.getByRole('listitem', { name: /^Source 1/ })).toBeVisible();

  const since = emulator.requests.length;
  await prompt.fill('turn it into a pencil sketch');
  await panel.getByRole('button', { name: 'Generate' }).click();
  const body = await nextRequest(emulator, '/v1/images/edits', since);
  expect(body.prompt).toBe('turn it into a pencil sketch');
  expect(decodeSentImage((body.image as { url: string }).url)).toMatchObject({ width: 640, height: 480 });

  const overlay = await overlayFor(page, '#plain');
  await overlay.getByRole('button', { name: 'Replace' }).click({ timeout: 20_000 });
  await expect.poll(() => page.locator('#plain').evaluate((img: HTMLImageElement) => img.currentSrc)).not.toBe(originalSrc);
  await expect(panel.getByRole('region', { name: /^Results/ }).getByRole('img').first()).toBeVisible();
});
