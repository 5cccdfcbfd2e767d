import type { BrowserContext, Page } from '@playwright/test';
import { dispatchContextMenu, expect } from './fixtures';
import { tabOf } from './site/helpers';
import type { Site } from './site/server';
import { ui } from './i18n';

/** Shared steps for tests/e2e/batch.spec.ts and bench/batch.ts: a page of pictures and the batch menu. */

export async function openGallery(page: Page, site: Site, path = '/batch'): Promise<void> {
  await page.goto(site.url(path));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
}

/** "Reimagine images on this page…" on the page itself (no srcUrl), as Chrome reports a page-context click. */
export async function batchMenu(context: BrowserContext, page: Page): Promise<void> {
  const tab = await tabOf(context, page);
  await dispatchContextMenu(context, { menuItemId: 'reimagine-batch', pageUrl: page.url(), frameId: 0, editable: false }, tab);
}

export const batchRegion = (panel: Page) => panel.getByRole('region', { name: ui('Images on this page') });
/** The same picker opened by "Make a story from this page…", under its own heading. */
export const storyPickerRegion = (panel: Page) => panel.getByRole('region', { name: ui('Pictures for your story') });

export async function expectPictures(panel: Page, count: number, region = batchRegion(panel)): Promise<void> {
  await expect(region.getByRole('checkbox')).toHaveCount(count);
}
