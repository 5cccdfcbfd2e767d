import { expect, test } from './fixtures';
import { configureApi, nextRequest, overlayFor, rightClick } from './site/helpers';

/**
 * A video result on the page: it rests on its first frame and plays (muted, looping) while the pointer is
 * over it; Compare works before and after Replace — before, the clip plays over the image; after, the
 * original still is laid over the playing clip, and the replacement stays on the page.
 */
test('a video result plays on hover, and Compare works on it before and after Replace', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(120_000);
  emulator.configure({ videoRenderMs: 500 });
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-quick:push-in');
  await nextRequest(emulator, '/v1/videos/generations', 0);
  const overlay = await overlayFor(page, '#plain');

  // Compare before Replace: the clip over the image.
  await overlay.click('Compare', { timeout: 60_000 });
  await expect.poll(async () => (await overlay.state())?.layer, { timeout: 20_000 }).toBe('video');
  await overlay.click('Compare');
  await expect.poll(async () => (await overlay.state())?.layer).toBeNull();

  await overlay.click('Replace');
  const video = page.locator('video[data-reimagine-result]');
  await expect(video).toHaveJSProperty('muted', true);
  await expect(video).toHaveJSProperty('loop', true);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2)).toBe(true);
  await expect(video).toHaveJSProperty('paused', true); // at rest until hovered
  // It starts muted; the overlay's Sound toggle (a trusted click) unmutes it, and mutes it again.
  await overlay.click('Sound');
  await expect(video).toHaveJSProperty('muted', false);
  await page.mouse.move(0, 0);
  await overlay.click('Sound');
  await expect(video).toHaveJSProperty('muted', true);
  await page.mouse.move(0, 0); // the bar lies over the clip: leave it, so the clip rests again
  await expect(video).toHaveJSProperty('paused', true);

  // A page faking pointer moves does not start it.
  await page.evaluate(() => {
    const v = document.querySelector('video[data-reimagine-result]')!.getBoundingClientRect();
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: v.x + 5, clientY: v.y + 5, bubbles: true }));
  });
  await expect(video).toHaveJSProperty('paused', true);

  const box = (await video.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await expect(video).toHaveAttribute('data-reimagine-hover', 'true');
  await expect(video).toHaveJSProperty('paused', false);
  const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).not.toBe(t0); // actually playing
  await page.mouse.move(box.x + box.width + 40, box.y + box.height + 40);
  await expect(video).toHaveJSProperty('paused', true);

  // Compare after Replace: the original still over the clip; the clip stays on the page.
  await overlay.click('Compare');
  await expect.poll(async () => (await overlay.state())?.layer).toBe('canvas');
  expect((await overlay.state())?.slider).toBe(true);
  await expect(video).toHaveCount(1);
  await expect(page.locator('#plain')).toBeHidden();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await expect(video).toHaveJSProperty('paused', false); // still plays on hover while comparing
  await overlay.click('Compare');
  await expect.poll(async () => (await overlay.state())?.layer).toBeNull();

  await overlay.click('Revert');
  await expect(video).toHaveCount(0);
  await expect(page.locator('#plain')).toBeVisible();
});
