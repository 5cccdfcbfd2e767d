import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import exifr from 'exifr';
import { expect, openExtensionPage, test } from './fixtures';
import { readJobs } from './jobs-helpers';
import { chooseMode, configure, openPanel, results, tileAction, tiles } from './sidepanel-helpers';
import { rightClick } from './site/helpers';
import { ui, uiRe } from './i18n';

/**
 * Provenance in downloads (issue 26), read back with exifr from the downloaded bytes: a generation says
 * trainedAlgorithmicMedia; an edit of a page image and an edit of that edit say
 * compositeWithTrainedAlgorithmicMedia, carry the chain of prompts and models, and — with the Options
 * setting on — the page the original was on.
 */
const TRAINED = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
const COMPOSITE = 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

async function downloaded(panel: Page, tile: Locator): Promise<Record<string, unknown>> {
  const [file] = await Promise.all([panel.waitForEvent('download'), (await tileAction(tile, 'Download')).click()]);
  return (await exifr.parse(readFileSync((await file.path())!), { xmp: true, tiff: false })) as Record<string, unknown>;
}
/** exifr's small XML parser leaves entities as written: decoded here. */
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[n]!);
const history = (parsed: Record<string, unknown>) =>
  [parsed.History ?? []].flat().map((v) => ({ Prompt: unescapeXml((v as { Prompt: string }).Prompt), Model: (v as { Model: string }).Model }));

test('downloads say how they were made: IPTC source type, the chain of versions, the source page when allowed', async ({ context, extensionId, emulator, site }) => {
  await configure(context, extensionId, emulator);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const sourcePage = options.getByRole('checkbox', { name: ui('Write the source page’s address into downloaded files') });
  await expect(sourcePage).not.toBeChecked(); // off by default: it can reveal where the user browses
  await sourcePage.check();
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/^Saved(\.| at)/))).toBeVisible();

  // A page image, edited by a quick action.
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  const panel = await openPanel(context, extensionId);
  await expect(tiles(panel)).toHaveCount(1, { timeout: 30_000 });
  const [sketch] = await readJobs(panel);
  const first = await downloaded(panel, tiles(panel).first());
  expect(first.DigitalSourceType).toBe(COMPOSITE);
  expect(first.SourcePage).toBe(site.url('/'));
  expect(first.History).toBeUndefined();

  // An edit of that result: the chain names the sketch.
  await (await tileAction(tiles(panel).first(), 'Edit this')).click();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('in winter');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const winter = results(panel).getByRole('article', { name: ui('Image: {title}', { title: 'in winter' }) });
  await expect(winter).toBeVisible({ timeout: 30_000 });
  const second = await downloaded(panel, winter);
  expect(second.DigitalSourceType).toBe(COMPOSITE);
  expect(second.SourcePage).toBe(site.url('/'));
  expect(history(second)).toEqual([{ Prompt: sketch!.request.prompt, Model: sketch!.servedModel ?? sketch!.request.model }]);

  // A generation from a prompt alone: no chain, no page.
  await chooseMode(panel, 'Create image');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a red kite');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const kite = results(panel).getByRole('article', { name: ui('Image: {title}', { title: 'a red kite' }) });
  await expect(kite).toBeVisible({ timeout: 30_000 });
  const third = await downloaded(panel, kite);
  expect(third.DigitalSourceType).toBe(TRAINED);
  expect(third.History).toBeUndefined();
  expect(third.SourcePage).toBeUndefined();
});
