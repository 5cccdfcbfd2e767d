/**
 * README screenshots of the side panel, light and dark: empty, busy queue, gallery; and the store's.
 *
 *   npm run build:e2e && npm run screenshots
 *
 * Builds nothing: it loads an already built extension (EXTENSION_DIR, default the e2e build
 * .output/e2e/chrome-mv3, which may read the fixture site) in the system Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium), points it at a local emulator and writes
 * docs/screenshots/panel-<light|dark>-<empty|queue|gallery|fullpage>.png and the store's 1280×800 shots
 * docs/store/screenshots/<light|dark>-<panel|page|history|options>.png (store-shots.ts).
 */
import { shoot, shootForStore, withConfiguredExtension } from './screenshot-kit';
import { shootHistory, shootOptions, shootPageOverlay, STORE_VIEWPORT } from './store-shots';

async function main() {
  await withConfiguredExtension({}, async (session) => {
    const { emulator, context, base } = session;
    const panel = await context.newPage();
    await panel.goto(`${base}/sidepanel.html`);
    await panel.getByText('No results yet.').waitFor();
    await shoot(panel, 'empty');

    // Busy: two videos rendering, one image job that failed with a clear reason.
    emulator.configure({ videoRenderMs: 10 * 60_000 });
    const prompt = panel.getByRole('textbox', { name: 'Prompt' });
    const mode = (label: string) => panel.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: label }).check();
    await mode('Create video');
    await prompt.fill('Waves rolling onto a black-sand beach at sunset, slow dolly');
    await panel.getByRole('button', { name: 'Generate' }).click();
    await prompt.fill('A paper boat drifting down a rainy street, close-up');
    await panel.getByRole('button', { name: 'Generate' }).click();
    emulator.inject({ kind: 'credits_exhausted', route: 'POST /v1/images/generations' });
    await mode('Create image');
    await prompt.fill('A lighthouse in a storm, oil painting');
    await panel.getByRole('button', { name: 'Generate' }).click();
    const queue = panel.getByRole('region', { name: 'Queue', exact: true });
    await queue.locator('[data-status=running]').nth(1).waitFor({ timeout: 60_000 });
    await queue.locator('[data-status=failed]').waitFor({ timeout: 30_000 });
    await prompt.fill('A watercolor fox curled up in fresh snow');
    await shoot(panel, 'queue');

    // Gallery: a few images and the two videos finished; the failed job dismissed.
    await panel.getByLabel('Count').fill('3');
    await panel.getByRole('button', { name: 'Generate' }).click();
    emulator.finishAllVideos();
    await queue.getByRole('button', { name: 'Dismiss' }).click();
    const tiles = panel.getByRole('region', { name: 'Results', exact: true }).getByRole('article');
    await tiles.nth(4).waitFor({ timeout: 60_000 }).catch(() => undefined);
    await prompt.fill('');
    await panel.waitForTimeout(500);
    await panel.getByRole('heading', { name: /^Results/ }).evaluate((h) => h.scrollIntoView());
    await shoot(panel, 'gallery');

    // Full-page mode (sidepanel.html as a tab).
    await panel.setViewportSize(STORE_VIEWPORT);
    await panel.evaluate(() => window.scrollTo(0, 0));
    await shoot(panel, 'fullpage');
    await shootForStore(panel, 'panel');

    await shootPageOverlay(session);
    await shootHistory(session);
    await shootOptions(session);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
