/**
 * The side panel at the size people use it (400×860, also 320 and 500 wide): Generate in view in every
 * mode, a gallery dense enough to browse, and the viewer's arrow keys.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { submitFromPage, videoRequest, waitForJobState } from './jobs-helpers';
import { chooseMode, pngBytes, queue, results, setupPanel, tiles } from './sidepanel-helpers';
import { ui } from './i18n';

const VIDEO = new URL('../emulator/fixtures/video-16x9.mp4', import.meta.url);
const MODES = ['Create image', 'Edit image', 'Create video', 'Animate image', 'Video from references', 'Edit video', 'Extend video'];
const VIDEO_SOURCES = new Set(['Edit video', 'Extend video']);
/** How many of three attached sources a mode keeps (the bundled default models' limits). */
const KEPT: Record<string, number> = { 'Create image': 0, 'Edit image': 3, 'Create video': 0, 'Animate image': 1, 'Video from references': 3, 'Edit video': 1, 'Extend video': 1 };

/** Inside the window and not under the pinned Generate bar. */
async function fullyInView(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const barTop = document.querySelector('.generate-bar')?.getBoundingClientRect().top ?? window.innerHeight;
    return [...document.querySelectorAll(sel)].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.top >= 0 && box.bottom <= Math.min(window.innerHeight, barTop) + 0.5;
    }).length;
  }, selector);
}

async function generateInView(panel: Page): Promise<void> {
  const generate = panel.getByRole('button', { name: ui('Generate') });
  await expect(generate).toBeInViewport({ ratio: 1 });
  // Not covered by anything (the library popover, a menu): it is what the point hits.
  expect(await generate.evaluate((button) => {
    const box = button.getBoundingClientRect();
    return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === button;
  })).toBe(true);
}

test('at 400×860 Generate is in view in every mode with three sources attached, without scrolling', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  const png = await Promise.all([[200, 40, 40], [40, 200, 40], [40, 40, 200]].map((rgb) => pngBytes(panel, rgb as [number, number, number])));
  const video = await readFile(VIDEO);
  const files = (mode: string) =>
    VIDEO_SOURCES.has(mode)
      ? [0, 1, 2].map((i) => ({ name: `clip-${i}.mp4`, mimeType: 'video/mp4', buffer: video }))
      : png.map((buffer, i) => ({ name: `source-${i}.png`, mimeType: 'image/png', buffer }));
  for (const [width, height] of [[400, 860], [320, 860], [500, 860]] as const) {
    await panel.setViewportSize({ width, height });
    for (const mode of MODES) {
      await chooseMode(panel, mode);
      await panel.getByRole('textbox', { name: ui('Prompt') }).fill(`a long prompt for ${mode} `.repeat(12));
      if (KEPT[mode]) {
        // A fresh set each time (a mode switch keeps what still fits).
        const attached = panel.locator('.source-list > .source');
        for (let n = await attached.count(); n > 0; n--) await attached.first().getByRole('button', { name: ui('Remove source {n}', { n: 1 }) }).click();
        await expect(attached).toHaveCount(0);
        await panel.locator('#add-files').setInputFiles(files(mode));
        await expect(panel.locator('.source-list > .source')).toHaveCount(KEPT[mode]!);
      }
      await panel.evaluate(() => window.scrollTo(0, 0));
      await generateInView(panel);
      expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  }
  // The prompt library opens over the page: Generate stays where it was, uncovered.
  await panel.setViewportSize({ width: 400, height: 860 });
  // The composer starts at the top: Story sits in the header, not on a row of its own above the Mode switch.
  await panel.evaluate(() => window.scrollTo(0, 0));
  const header = (await panel.locator('header.panel-header').boundingBox())!;
  await expect(panel.locator('header.panel-header').getByRole('button', { name: ui('Story'), exact: true })).toBeVisible();
  expect((await panel.locator('.composer-head').boundingBox())!.y - (header.y + header.height)).toBeLessThan(24);
  const before = await panel.getByRole('button', { name: ui('Generate') }).boundingBox();
  await panel.getByText(ui('Prompt library'), { exact: true }).click();
  await expect(panel.getByRole('searchbox', { name: ui('Search library') })).toBeVisible();
  expect(await panel.getByRole('button', { name: ui('Generate') }).boundingBox()).toEqual(before);
  await generateInView(panel);
});

test('at 400×860 the folded composer leaves at least 9 results in view; a thumbnail opens the viewer and the arrow keys browse', async ({ context, extensionId, emulator }) => {
  test.setTimeout(90_000);
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.setViewportSize({ width: 400, height: 860 });
  const prompts = Array.from({ length: 10 }, (_, i) => `result number ${i}`);
  const ids: string[] = [];
  for (const prompt of prompts) ids.push(await submitFromPage(panel, { mode: 'create-image', prompt, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' }));
  for (const id of ids) await waitForJobState(panel, id, ['done']);
  await expect(tiles(panel)).toHaveCount(10);

  await panel.getByRole('button', { name: ui('Composer') }).click();
  await expect(panel.getByRole('button', { name: ui('Composer') })).toHaveAttribute('aria-expanded', 'false');
  await panel.evaluate(() => window.scrollTo(0, 0));
  expect(await fullyInView(panel, '.result-tile')).toBeGreaterThanOrEqual(9);
  await expect(panel.getByRole('button', { name: ui('Generate') })).toBeInViewport({ ratio: 1 });

  // Newest first: the first tile is the last prompt. Its picture opens the viewer.
  await tiles(panel).first().getByRole('button', { name: ui('View {title}', { title: 'result number 9' }) }).click();
  const viewer = panel.getByRole('dialog');
  await expect(viewer).toHaveAccessibleName('result number 9');
  await expect(viewer.getByText(ui('{at} of {total}', { at: 1, total: 10 }))).toBeVisible();
  await expect(viewer.getByRole('img', { name: 'result number 9' })).toBeVisible();
  // Every action is there, with the names the tiles use.
  for (const name of ['Download', 'Edit this', 'Animate this', 'Copy image', 'Use as reference', 'Open full size', 'Delete']) await expect(viewer.getByRole('button', { name: ui(name), exact: true })).toBeVisible();
  await panel.keyboard.press('ArrowRight');
  await expect(viewer).toHaveAccessibleName('result number 8');
  await expect(viewer.getByText(ui('{at} of {total}', { at: 2, total: 10 }))).toBeVisible();
  await panel.keyboard.press('ArrowRight');
  await expect(viewer).toHaveAccessibleName('result number 7');
  await panel.keyboard.press('ArrowLeft');
  await expect(viewer).toHaveAccessibleName('result number 8');
  await panel.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(results(panel)).toBeVisible();
});

test('while jobs run, the Now generating strip stays at the top and brings the queue into view', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 10 * 60_000 });
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.setViewportSize({ width: 400, height: 860 });
  const strip = panel.getByTestId('now-generating');
  await expect(strip).toHaveCount(0);
  await submitFromPage(panel, videoRequest('waves at sunset'));
  await expect(strip).toHaveText(ui('{count} job in progress', { count: 1 }));
  // Even with the page scrolled, the strip is in view; a click brings the Queue's card up.
  await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(strip).toBeInViewport();
  await panel.evaluate(() => window.scrollTo(0, 0));
  await strip.click();
  await expect(queue(panel).getByRole('article').first()).toBeInViewport();
});
