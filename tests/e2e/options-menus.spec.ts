import { expect, openExtensionPage, test } from './fixtures';
import { nextRequest, rightClick } from './site/helpers';
import type { Site } from './site/server';
import { ui, uiRe } from './i18n';

/**
 * Quick-action presets edited in Options take effect at once: the next right-click on a page image with
 * that preset's menu item sends the edited prompt. (Chrome has no API to list context menu items, so the
 * click is dispatched by id inside the worker, the way tests/e2e/page-images.spec.ts does.)
 */
let site: Site;
test.beforeAll(({ site: shared }) => {
  site = shared; // the worker's site, which the browser reaches as site.test / cdn.test
});

test('added and edited quick actions are used by the very next menu click', async ({ context, extensionId, emulator }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('textbox', { name: ui('API key'), exact: true }).fill('xai-emulator-key');
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill(emulator.apiBaseUrl);
  await options.getByLabel(ui('Prompt of quick action {n}', { n: 1 })).fill('Turn this into a watercolour painting.');
  await options.getByRole('button', { name: ui('Add quick action') }).click();
  await options.getByLabel(ui('Name of quick action {n}', { n: 4 })).fill('Snow');
  await options.getByLabel(ui('Prompt of quick action {n}', { n: 4 })).fill('Add gently falling snow.');
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByRole('status', { name: ui('Save status') })).toHaveText(uiRe(/^Saved at/));
  const { settings } = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings.get' }));
  const added = settings.quickActions.find((a: { title: string }) => a.title === 'Snow');
  expect(added).toBeDefined();

  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));

  let since = emulator.requests.length;
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  expect((await nextRequest(emulator, '/v1/images/edits', since)).prompt).toBe('Turn this into a watercolour painting.');

  since = emulator.requests.length;
  await rightClick(context, page, '#plain', `reimagine-quick:${added.id}`);
  expect((await nextRequest(emulator, '/v1/images/edits', since)).prompt).toBe('Add gently falling snow.');
});
