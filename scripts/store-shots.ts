/**
 * The store listing's shots of the surfaces other than the side panel, each 1280×800 in light and dark
 * (docs/store/screenshots/<light|dark>-<page|history|options>.png), and the popup for the README. Called by scripts/screenshots.ts after
 * the panel's shots, so the history already holds the jobs those made.
 */
import type { Page } from '@playwright/test';
import { rightClick } from '../tests/e2e/site/helpers';
import { clickOverlay, overlayOver, until } from './overlay-script';
import { MORE_ACTIONS } from '../tests/e2e/site/overlay';
import { shootDocs, shootForStore, type ShotSession } from './screenshot-kit';

export const STORE_VIEWPORT = { width: 1280, height: 800 };

/**
 * A quick action (Golden hour light) on the fixture site's article photo, dispatched from the worker as a
 * right-click would be, then Replace and Compare: the overlay bar over the photo with the before/after slider.
 */
export async function shootPageOverlay({ context, site }: ShotSession): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(STORE_VIEWPORT);
  await page.goto(site.url('/showcase'));
  await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  await rightClick(context, page, '#hero', 'reimagine-quick:golden-hour');
  const overlay = await overlayOver(page, '#hero');
  await clickOverlay(page, overlay, 'Replace');
  await page.waitForFunction(() => {
    const image = document.querySelector<HTMLImageElement>('#hero');
    return !!image && image.src.startsWith('blob:') && image.complete && image.naturalWidth > 0;
  });
  await clickOverlay(page, overlay, 'Compare');
  await until(async () => (await overlay.state())?.slider === true, 'the Compare slider');
  await shootForStore(page, 'page');
  await page.close();
}

/**
 * The page overlay when a quick action finished, in an 800×600 window: the result's preview, Replace, and
 * the "More actions" menu open (docs/screenshots/overlay-<done|menu>-<light|dark>.png).
 */
export async function shootOverlayDone({ context, site }: ShotSession): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(site.url('/showcase'));
  await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  await rightClick(context, page, '#hero', 'reimagine-quick:golden-hour');
  const overlay = await overlayOver(page, '#hero');
  await until(async () => (await overlay.state())?.thumb?.painted === true, 'the result preview on the overlay');
  await shootDocs(page, 'overlay-done');
  await clickOverlay(page, overlay, MORE_ACTIONS);
  await until(async () => (await overlay.state())?.menu.open === true, 'the More actions menu');
  await shootDocs(page, 'overlay-menu');
  await page.close();
}

/** The full-page History (a tab the popup opens): search, filters, the list, storage, export and import. */
export async function shootHistory({ context, base }: ShotSession): Promise<void> {
  const history = await context.newPage();
  await history.setViewportSize(STORE_VIEWPORT);
  await history.goto(`${base}/history-page.html`);
  const rows = history.getByRole('list', { name: 'History' }).getByRole('listitem');
  await rows.nth(4).waitFor();
  await history.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('img.thumb')].every((image) => image.complete && image.naturalWidth > 0));
  await shootForStore(history, 'history');
  await history.close();
}

/** The toolbar popup (the launcher) at its own size, on a plain backdrop: docs/screenshots/popup-<scheme>.png. */
export async function shootPopup({ context, base }: ShotSession): Promise<void> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 620 });
  await popup.goto(`${base}/popup.html`);
  await popup.getByRole('list', { name: 'Recent results' }).getByRole('button').nth(3).waitFor();
  await popup.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  await backdrop(popup);
  await shootDocs(popup, 'popup');
  await popup.close();
}

/** Options at the top: provider, the saved key (masked), base URL, then the defaults. */
export async function shootOptions({ context, base }: ShotSession): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(STORE_VIEWPORT);
  await page.goto(`${base}/options.html`);
  await page.getByRole('textbox', { name: 'API key', exact: true }).waitFor();
  await shootForStore(page, 'options');
  await page.close();
}

/**
 * The popup's page is only as wide as the popup (340 px): in a wide tab it would sit in the top-left corner.
 * A backdrop behind it and a shadow under it, as the browser draws a popup, in either scheme.
 */
async function backdrop(page: Page): Promise<void> {
  await page.addStyleTag({
    content: `
      html { min-height: 100%; display: grid; place-items: center; background: #dcdbe6; }
      body { min-width: 0; border-radius: 10px; overflow: hidden; box-shadow: 0 16px 48px rgb(20 20 40 / 28%), 0 0 0 1px rgb(20 20 40 / 10%); }
      @media (prefers-color-scheme: dark) {
        html { background: #08080c; }
        body { box-shadow: 0 16px 48px rgb(0 0 0 / 60%), 0 0 0 1px #383848; }
      }`,
  });
}
