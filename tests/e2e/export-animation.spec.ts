import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { decompressFrames, parseGIF } from 'gifuct-js';
import { frameTimes } from '../../lib/export/animation';
import { readWebpChunks } from '../../lib/export/webp-anim';
import { expect, test } from './fixtures';
import { submitFromPage, videoRequest, waitForJobState } from './jobs-helpers';
import { configure, openPanel, tiles } from './sidepanel-helpers';
import { raw, ui, uiMatch } from './i18n';

/**
 * A video result saved as a looping GIF and as an animated WebP: the files decode (gifuct-js for the GIF,
 * Chromium's own ImageDecoder for the WebP) with one frame per 1/fps of the clip, at the chosen size, and
 * the panel shows a progress bar while it works.
 */
async function videoTile(page: Page, emulator: Parameters<typeof configure>[2], prompt: string): Promise<{ tile: Locator; duration: number }> {
  emulator.configure({ videoRenderMs: 500 });
  const id = await submitFromPage(page, videoRequest(prompt));
  await waitForJobState(page, id, ['done']);
  const tile = tiles(page).filter({ has: page.getByRole('button', { name: ui('View {title}', { title: prompt }) }) }).first();
  await expect(tile).toBeVisible({ timeout: 20_000 });
  const duration = await tile.locator('video').evaluate(async (v: HTMLVideoElement) => {
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    return v.duration;
  });
  await tile.getByRole('button', { name: ui('More actions'), exact: true }).click();
  return { tile, duration };
}

/** Records whether a progress bar for the export ever appeared (it may be brief on a fast machine). */
const watchProgress = (page: Page) =>
  page.evaluate((label) => {
    const seen = { value: false };
    (window as unknown as { sawProgress: typeof seen }).sawProgress = seen;
    new MutationObserver(() => {
      if ([...document.querySelectorAll('progress')].some((bar) => bar.getAttribute('aria-label') === label)) seen.value = true;
    }).observe(document.body, { subtree: true, childList: true });
  }, ui('Export progress'));
const sawProgress = (page: Page) => page.evaluate(() => (window as unknown as { sawProgress: { value: boolean } }).sawProgress.value);

test('a video result saves as a looping GIF with one frame per 1/fps of the clip', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const panel = await openPanel(context, extensionId);
  const { tile, duration } = await videoTile(panel, emulator, 'a gif of a lighthouse');
  const group = tile.getByRole('group', { name: ui('Save as animation') });
  await group.getByLabel(ui('Size')).selectOption('240');
  await group.getByLabel(ui('Frame rate')).selectOption('5');
  await watchProgress(panel);
  const [download] = await Promise.all([panel.waitForEvent('download', { timeout: 60_000 }), group.getByRole('button', { name: ui('Save as GIF') }).click()]);
  await expect(tile.getByText(uiMatch('Downloading {file}', { file: raw('reimagine-\\d{4}-\\d{2}-\\d{2}-a-gif-of-a-lighthouse\\.gif') }, 'whole'))).toBeVisible();
  expect(await sawProgress(panel)).toBe(true);

  const bytes = readFileSync((await download.path())!);
  const gif = parseGIF(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  const frames = decompressFrames(gif, true);
  expect(frames.length).toBe(frameTimes(duration, 5).length);
  expect(frames.length).toBeGreaterThan(1);
  expect(Math.max(gif.lsd.width, gif.lsd.height)).toBe(240);
  expect(frames.every((f) => f.delay === 200)).toBe(true);
  expect(bytes.includes(Buffer.from('NETSCAPE2.0'))).toBe(true); // the loop extension
});

test('a video result saves as a looping animated WebP that Chromium decodes frame by frame', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const panel = await openPanel(context, extensionId);
  const { tile, duration } = await videoTile(panel, emulator, 'a webp of a lighthouse');
  const group = tile.getByRole('group', { name: ui('Save as animation') });
  await group.getByLabel(ui('Frame rate')).selectOption('10');
  await watchProgress(panel);
  const [download] = await Promise.all([panel.waitForEvent('download', { timeout: 60_000 }), group.getByRole('button', { name: ui('Save as WebP') }).click()]);
  await expect(tile.getByText(uiMatch('Downloading {file}', { file: raw('.*\\.webp') }, 'whole'))).toBeVisible();
  expect(await sawProgress(panel)).toBe(true);

  const bytes = readFileSync((await download.path())!);
  const chunks = readWebpChunks(new Uint8Array(bytes));
  expect(chunks.filter((c) => c.fourcc === 'ANMF')).toHaveLength(frameTimes(duration, 10).length);
  const decoded = await panel.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const decoder = new ImageDecoder({ data, type: 'image/webp' });
    await decoder.tracks.ready;
    const track = decoder.tracks.selectedTrack!;
    await decoder.completed;
    const last = await decoder.decode({ frameIndex: track.frameCount - 1 });
    return { frames: track.frameCount, animated: track.animated, repetition: track.repetitionCount, width: last.image.displayWidth };
  }, bytes.toString('base64'));
  expect(decoded).toEqual({ frames: frameTimes(duration, 10).length, animated: true, repetition: Infinity, width: 320 }); // 320×180 clip: never upscaled to 360
});
