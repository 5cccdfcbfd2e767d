import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPanel } from './sidepanel-helpers';
import { configureApi, overlayFor, rightClick } from './site/helpers';
import { ui, uiRe } from './i18n';

/**
 * A page image on another host (cdn.test: no host permission, no CORS), as a user meets it: the side panel
 * switches mode at once and shows "Reading image…" with no Generate while the capture is pending, then names
 * the host and offers "Allow access to cdn.test" and a screenshot. The grant path is in cdn-granted.spec.ts
 * (a build that holds cdn.test; Playwright cannot answer a permission prompt).
 */
const CDN_PAGE = '/cdn-gallery';

async function openGallery(page: Page, site: { url(p: string): string; cdnUrl(p: string): string }): Promise<void> {
  await page.route(site.url(CDN_PAGE), (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Gallery</title><h1>Gallery</h1><img id="cdn-huge" src="${site.cdnUrl('/img/huge.jpg')}" width="600" alt="6000×4000 on the CDN">`,
    }),
  );
  await page.goto(site.url(CDN_PAGE));
  await expect(page.locator('#cdn-huge')).toHaveJSProperty('complete', true);
}

test('CDN image without access: "Reading image…", no Generate in any mode meanwhile, then "Allow access to cdn.test"', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await openGallery(page, site);

  const held = site.hold('/img/huge.jpg'); // the capture's read waits, like a 6000×4000 JPEG on a slow CDN
  await rightClick(context, page, '#cdn-huge', 'reimagine-edit');
  await expect(panel.getByRole('status', { name: ui('Reading image…') })).toBeVisible();
  await expect(panel.getByRole('radio', { name: uiRe(/Edit image/) })).toBeChecked();
  await expect(panel.getByRole('button', { name: ui('Generate') })).toBeDisabled();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('make it a watercolor');
  await panel.getByRole('textbox', { name: ui('Prompt') }).press('Control+Enter');
  await panel.getByRole('radio', { name: uiRe(/Create image/) }).check();
  await expect(panel.getByRole('button', { name: ui('Generate') })).toBeDisabled();
  await expect(panel.getByText(ui('Waiting for the page image…'))).toBeVisible();

  await held.requested;
  held.release();
  const alert = panel.getByRole('alert').filter({ hasText: 'cdn.test' });
  await expect(alert).toContainText(ui('Reimagine does not have access to {host}, where this image is stored.', { host: 'cdn.test' }));
  await expect(panel.getByRole('button', { name: ui('Allow access to {host}', { host: 'cdn.test' }) })).toBeVisible();
  await expect(panel.getByRole('button', { name: ui('Use a screenshot instead') })).toBeVisible();
  await expect(panel.getByRole('radio', { name: uiRe(/Edit image/) })).toBeChecked(); // back to the mode the menu asked for
  await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toHaveValue('make it a watercolor');
  // The page points to the panel's button, not to chrome://extensions.
  const overlay = await overlayFor(page, '#cdn-huge');
  await expect.poll(() => overlay.status()).toMatch(uiRe(/“Allow access to \{host\}” in the Reimagine side panel/, { host: 'cdn.test' }));
  await expect.poll(() => overlay.status()).not.toContain('chrome://extensions');
  expect(emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);
});

test('quick action on a CDN image without access: the overlay reads, then points to the panel, which offers the grant', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await openGallery(page, site);
  const held = site.hold('/img/huge.jpg');
  await rightClick(context, page, '#cdn-huge', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#cdn-huge');
  await expect.poll(() => overlay.status()).toContain(ui('Reading image…'));
  await held.requested;
  held.release();
  await expect.poll(() => overlay.status()).toMatch(uiRe(/^Reimagine needs access to \{host\}/, { host: 'cdn.test' }));
  const panel = await openPanel(context, extensionId); // opened later, by hand: the failed capture is waiting there
  await expect(panel.getByRole('button', { name: ui('Allow access to {host}', { host: 'cdn.test' }) })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toHaveValue(/pencil sketch/);
  expect(emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);
});
