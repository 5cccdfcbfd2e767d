import { readFileSync } from 'node:fs';
import { expect, getServiceWorker, test } from './fixtures';
import { pngBytes, results, setupPanel, tileAction, tiles } from './sidepanel-helpers';
import { raw, ui, uiMatch, uiRe } from './i18n';

test('result actions: download, copy, open full size, replace on page, delete; full-page and 320 px layouts', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  const worker = await getServiceWorker(context);

  // A job whose source came from a page that is still open (as the context menu hands it over).
  const page = await context.newPage();
  await page.goto(`${emulator.url}/`).catch(() => undefined);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url: `${url}/*` }))[0]?.id, emulator.url);
  expect(tabId).toBeDefined();
  const b64 = (await pngBytes(panel, [90, 160, 60])).toString('base64');
  const source = await panel.evaluate(async (data) => {
    const reply = (await chrome.runtime.sendMessage({ type: 'media.import', dataUrl: `data:image/png;base64,${data}` })) as { source: unknown };
    return reply.source;
  }, b64);
  await worker.evaluate(
    ([src, id, url]) =>
      chrome.storage.session.set({ pendingPanelRequest: { id: 'p1', mode: 'edit-image', sources: [src], origin: { tabId: id, pageUrl: url, targetId: 'rmg-1', via: 'context-menu' } } }),
    [source, tabId, `${emulator.url}/`] as const,
  );
  await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('A Cat in a Hat!');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const tile = tiles(panel).first();
  await expect(tile).toBeVisible({ timeout: 20_000 });

  // Replace on page: offered while the source tab is open; sends the command to the background.
  await expect(tile.getByRole('button', { name: ui('Replace on page') })).toBeVisible();
  await (await tileAction(tile, 'Replace on page')).click();
  // No page script holds that element here, so the background's refusal is what shows.
  await expect(tile.getByText(uiRe(/Replaced on the page\.|page this image came from|did not come from/))).toBeVisible();

  // Download: a sensible file name from the date and the prompt, through the downloads API.
  const [download] = await Promise.all([panel.waitForEvent('download'), (await tileAction(tile, 'Download')).click()]);
  // (Playwright's download interception renames the file on disk, so the name is checked as reported.)
  await expect(tile.getByText(uiMatch('Downloading {file}', { file: raw('reimagine-\\d{4}-\\d{2}-\\d{2}-a-cat-in-a-hat\\.jpg') }, 'whole'))).toBeVisible();
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  expect((await worker.evaluate(() => chrome.downloads.search({}))).length).toBe(1);

  // Copy image: the clipboard gets a PNG (recorded on the way through; headless Chromium cannot grant
  // clipboard-read to an extension origin).
  await panel.evaluate(() => {
    const original = navigator.clipboard.write.bind(navigator.clipboard);
    (window as unknown as { copied: string[] }).copied = [];
    navigator.clipboard.write = async (items) => {
      for (const item of items) for (const type of item.types) (window as unknown as { copied: string[] }).copied.push(`${type}:${(await item.getType(type)).size}`);
      return original(items);
    };
  });
  await (await tileAction(tile, 'Copy image')).click();
  await expect(tile).toContainText(ui('Copied the image.'));
  expect(await panel.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([expect.stringMatching(/^image\/png:[1-9]\d+$/)]);

  // Open full size: a tab with the full image.
  const [viewer] = await Promise.all([context.waitForEvent('page'), (await tileAction(tile, 'Open full size')).click()]);
  await viewer.waitForLoadState();
  expect(viewer.url()).toContain('sidepanel.html?view=');
  await expect(viewer.getByRole('img', { name: 'A Cat in a Hat!' })).toBeVisible();
  await expect.poll(() => viewer.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(320);
  await viewer.close();

  // Closing the source page removes "Replace on page" (checked when the panel shows the result).
  await page.close();
  await panel.reload();
  await expect(tiles(panel).first()).toBeVisible();
  await expect(tiles(panel).first().getByRole('button', { name: ui('Download') })).toBeVisible();
  await expect(tiles(panel).first().getByRole('button', { name: ui('Replace on page') })).toHaveCount(0);

  // Full-page mode: composer and results side by side; 320 px: one column, no sideways scrolling.
  await panel.setViewportSize({ width: 1280, height: 800 });
  const composerBox = (await panel.getByRole('textbox', { name: ui('Prompt') }).boundingBox())!;
  const resultsBox = (await results(panel).boundingBox())!;
  expect(resultsBox.x).toBeGreaterThan(composerBox.x + composerBox.width - 1);
  await panel.setViewportSize({ width: 320, height: 700 });
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // Delete asks for confirmation, then the result is gone in every view.
  await (await tileAction(tiles(panel).first(), 'Delete')).click();
  await (await tileAction(tiles(panel).first(), uiRe(/^Confirm delete/))).click();
  await expect(tiles(panel)).toHaveCount(0);
  await expect(results(panel).getByText(ui('No results yet.'))).toBeVisible();
});
