/**
 * README screenshots of the side panel at 400 px, light and dark: empty, busy queue, gallery, the panel
 * beside the page it works on; the popup launcher; and the store's.
 *
 *   npm run build:e2e && npm run screenshots
 *
 * Builds nothing: it loads an already built extension (EXTENSION_DIR, default the e2e build
 * .output/e2e/chrome-mv3, which may read the fixture site) in the system Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium), points it at a local emulator and writes
 * docs/screenshots/panel-<light|dark>-<empty|queue|gallery|beside-page>.png, popup-<light|dark>.png and the
 * store's 1280×800 shots docs/store/screenshots/<light|dark>-<panel|page|history|options>.png (store-shots.ts).
 */
import type { Page } from '@playwright/test';
import { shoot, shootBeside, withConfiguredExtension } from './screenshot-kit';
import { shootHistory, shootOptions, shootOverlayDone, shootPageOverlay, shootPopup, STORE_VIEWPORT } from './store-shots';

/** The panel as people size it. */
const PANEL = { width: 400, height: 860 };

async function chooseMode(panel: Page, kind: 'Image' | 'Video', label: string): Promise<void> {
  const toggle = panel.getByRole('group', { name: 'Output' }).getByRole('button', { name: kind, exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await panel.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: label, exact: true }).check();
}

async function main() {
  await withConfiguredExtension({}, async (session) => {
    const { emulator, context, base, site } = session;
    const panel = await context.newPage();
    await panel.setViewportSize(PANEL);
    await panel.goto(`${base}/sidepanel.html`);
    await panel.getByText('No results yet.').waitFor();
    await shoot(panel, 'empty');

    // Busy: two videos rendering, one image job that failed with a clear reason.
    emulator.configure({ videoRenderMs: 10 * 60_000 });
    const prompt = panel.getByRole('textbox', { name: 'Prompt' });
    await chooseMode(panel, 'Video', 'Create video');
    await prompt.fill('Waves rolling onto a black-sand beach at sunset, slow dolly');
    await panel.getByRole('button', { name: 'Generate' }).click();
    await prompt.fill('A paper boat drifting down a rainy street, close-up');
    await panel.getByRole('button', { name: 'Generate' }).click();
    emulator.inject({ kind: 'credits_exhausted', route: 'POST /v1/images/generations' });
    await chooseMode(panel, 'Image', 'Create image');
    await prompt.fill('A lighthouse in a storm, oil painting');
    await panel.getByRole('button', { name: 'Generate' }).click();
    const queue = panel.getByRole('region', { name: 'Queue', exact: true });
    await queue.locator('[data-status=running]').nth(1).waitFor({ timeout: 60_000 });
    await queue.locator('[data-status=failed]').waitFor({ timeout: 30_000 });
    await prompt.fill('A watercolor fox curled up in fresh snow');
    await panel.getByRole('button', { name: 'Composer' }).click();
    await panel.evaluate(() => window.scrollTo(0, 0));
    await shoot(panel, 'queue');

    // Gallery: a dozen images and the two videos finished; the failed job dismissed; the composer folded.
    await panel.getByRole('button', { name: 'Composer' }).click();
    await panel.locator('details.settings > summary').click();
    await panel.getByLabel('Count', { exact: true }).fill('4');
    for (const words of ['A watercolor fox curled up in fresh snow', 'A neon city street in the rain, cinematic', 'A cozy reading nook with morning light']) {
      await prompt.fill(words);
      await panel.getByRole('button', { name: 'Generate' }).click();
    }
    emulator.finishAllVideos();
    await queue.getByRole('button', { name: 'Dismiss' }).click();
    const tiles = panel.getByRole('region', { name: 'Results', exact: true }).getByRole('article');
    await tiles.nth(13).waitFor({ timeout: 60_000 }).catch(() => undefined);
    await panel.locator('details.settings > summary').click();
    await prompt.fill('');
    await panel.getByRole('button', { name: 'Composer' }).click();
    await panel.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.result-tile img')].every((image) => image.complete && image.naturalWidth > 0));
    await panel.evaluate(() => window.scrollTo(0, 0));
    await shoot(panel, 'gallery');

    // The panel beside the page it works on, composer open on an edit: the README's and the store's.
    await panel.getByRole('button', { name: 'Composer' }).click();
    await tiles.first().hover();
    await tiles.first().getByRole('button', { name: 'Edit this' }).click();
    await prompt.fill('Make it golden hour: warm low sun, long soft shadows');
    await panel.mouse.move(0, 0);
    await panel.evaluate(() => window.scrollTo(0, 0));
    const page = await context.newPage();
    await page.goto(site.url('/showcase'));
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    await shootBeside(context, page, panel, STORE_VIEWPORT, 'beside-page');
    await page.close();

    await shootPageOverlay(session);
    await shootOverlayDone(session);
    await shootPopup(session);
    await shootHistory(session);
    await shootOptions(session);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
