import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { expect, killServiceWorker, openExtensionPage, test } from './fixtures';
import { bodiesOf, configure } from './sidepanel-helpers';
import { ui } from './i18n';
import { readMp4Xmp } from '../../lib/export/mp4-metadata';

/**
 * A 3-shot story, run in the background: shot 2 starts from shot 1's last frame (its request carries that
 * frame), shot 3 extends shot 2. Shot 2 fails on purpose and is retried alone; the worker is killed and a 429
 * answers mid-story; every shot is accepted exactly once (shot 2: once per the user's retry). The downloaded
 * MP4 lasts the sum of the shots (read with a real demuxer) and has a sound track (Sound on).
 */
/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    const marker = bytes.readUInt16BE(at);
    if (marker >= 0xffc0 && marker <= 0xffcf && marker !== 0xffc4 && marker !== 0xffc8 && marker !== 0xffcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return undefined;
}

test('a 3-shot story: last frame, extension, a failed shot retried alone, a kill and a 429, one stitched MP4 with sound', async ({ context, extensionId, emulator }) => {
  test.setTimeout(180_000);
  emulator.configure({ videoRenderMs: 600_000 }); // each render ends on cue (finishAllVideos)
  await configure(context, extensionId, emulator);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('button', { name: ui('Story'), exact: true }).click();
  const story = panel.getByRole('region', { name: ui('Story'), exact: true });
  await expect(story).toBeVisible();

  for (let i = 0; i < 3; i++) await story.getByRole('button', { name: ui('Add shot') }).click();
  const shots = story.getByRole('listitem');
  await expect(shots).toHaveCount(3);
  const prompts = ['a lighthouse at dusk', 'the lamp turns on', 'the beam sweeps the sea'];
  const seconds = [4, 3, 2];
  for (const [index, prompt] of prompts.entries()) {
    const shot = shots.nth(index);
    await shot.getByRole('textbox', { name: ui('Prompt') }).fill(prompt);
    await shot.getByRole('spinbutton', { name: ui('Seconds') }).fill(String(seconds[index]));
  }
  await expect(shots.nth(0).getByRole('combobox', { name: ui('Start') })).toHaveValue('prompt');
  await expect(shots.nth(1).getByRole('combobox', { name: ui('Start') })).toHaveValue('last-frame');
  await shots.nth(2).getByRole('combobox', { name: ui('Start') }).selectOption('extend');
  await expect(story.getByTestId('story-cost')).toContainText('$');

  await story.getByRole('button', { name: ui('Run story') }).click();
  // Shot 1 (text-to-video) is sent; shots 2 and 3 wait for it.
  await expect.poll(() => emulator.videoJobs().length, { timeout: 30_000 }).toBe(1);
  await expect(shots.nth(1)).toContainText(ui('Waiting for the previous shot'));
  emulator.inject({ route: 'POST /v1/videos/generations', kind: 'job_failed' }); // shot 2's first attempt fails
  emulator.finishAllVideos();

  // Shot 2 starts from shot 1's last frame: its request carries that frame (a full-size JPEG data URI).
  await expect.poll(() => emulator.videoJobs().length, { timeout: 60_000 }).toBe(2);
  const shot2Body = bodiesOf(emulator, '/v1/videos/generations')[1]!;
  expect(shot2Body.prompt).toBe(prompts[1]);
  const frameUrl = (shot2Body.image as { url: string }).url;
  expect(frameUrl).toMatch(/^data:image\/jpeg;base64,/);
  const frameBytes = Buffer.from(frameUrl.split(',')[1]!, 'base64');
  expect([...frameBytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  expect(jpegSize(frameBytes)).toEqual({ width: 320, height: 180 }); // the frame at the video's full size (the 16:9 clip)

  emulator.finishAllVideos();
  await expect(shots.nth(1)).toContainText(ui('Failed'), { timeout: 60_000 });
  await expect(shots.nth(2)).toContainText(ui('Waiting for a failed shot'));
  expect(emulator.videoJobs()).toHaveLength(2); // nothing else was sent

  // Retry shot 2 alone; a 429 waits for shot 3's extension, and the worker is killed mid-render.
  emulator.inject({ route: 'POST /v1/videos/extensions', kind: 'rate_limit', retryAfter: 1 });
  await shots.nth(1).getByRole('button', { name: ui('Retry shot') }).click();
  await expect.poll(() => emulator.videoJobs().length, { timeout: 30_000 }).toBe(3);
  await killServiceWorker(context);
  emulator.finishAllVideos();
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'engine.wake' }));

  // Shot 3 extends shot 2: one accepted extension (after the 429) of shot 2's video.
  await expect.poll(() => emulator.videoJobs().length, { timeout: 60_000 }).toBe(4);
  const extensions = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos/extensions');
  expect(extensions).toHaveLength(2); // the 429 (not processed) and the one resend the engine makes after it
  expect(extensions.map((r) => (r.body as { prompt: string }).prompt)).toEqual([prompts[2], prompts[2]]);
  emulator.finishAllVideos();
  await expect(shots.nth(2)).toContainText(ui('Done'), { timeout: 60_000 });

  // Each shot accepted exactly once (shot 2 twice: the user's retry).
  expect(emulator.videoJobs().map((job) => job.kind)).toEqual(['text-to-video', 'image-to-video', 'image-to-video', 'video-extension']);
  expect(bodiesOf(emulator, '/v1/videos/generations').map((body) => body.prompt)).toEqual([prompts[0], prompts[1], prompts[1]]);

  // Preview: the shots in one player, one scrubber across the whole story (here 2 clips: shot 1, then shot 3's).
  const player = story.locator('video');
  await expect(player).toBeVisible();
  const firstClip = await player.evaluate((v: HTMLVideoElement) => v.currentSrc || v.src);
  const scrubber = story.getByRole('slider', { name: ui('Preview') });
  await expect.poll(async () => Number(await scrubber.getAttribute('max')), { timeout: 10_000 }).toBeCloseTo(seconds[0]! + seconds[1]! + seconds[2]!, 0);
  await scrubber.fill(String(seconds[0]! + 1));
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentSrc || v.src)).not.toBe(firstClip);

  const [download] = await Promise.all([panel.waitForEvent('download'), story.getByRole('button', { name: ui('Download story') }).click()]);
  const bytes = readFileSync((await download.path())!);
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  // Shot 3's result holds shot 2 plus the extension, so the story is shot 1 + that: 4 + (3 + 2) seconds.
  expect(await input.computeDuration()).toBeCloseTo(seconds[0]! + seconds[1]! + seconds[2]!, 1);
  expect(await (await input.getPrimaryAudioTrack())?.getCodec()).toBe('opus');
  const tags = await input.getMetadataTags();
  expect(tags.comment).toContain(prompts[1]);
  // The XMP packet lists each shot's prompt and model in order; no source page (the Options switch is off).
  const xmp = readMp4Xmp(new Uint8Array(bytes))!;
  const listed = [...xmp.matchAll(/<rdf:li reimagine:Prompt="([^"]*)" reimagine:Model="([^"]*)"\/>/g)].map((m) => m[1]);
  expect(listed).toEqual(prompts);
  expect(xmp).toContain('Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"');
  expect(xmp).not.toContain('SourcePage');
});

test('story shots reorder by keyboard, buttons and drag; duplicate and delete', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('button', { name: ui('Story'), exact: true }).click();
  const story = panel.getByRole('region', { name: ui('Story'), exact: true });
  for (let i = 0; i < 3; i++) await story.getByRole('button', { name: ui('Add shot') }).click();
  const shots = story.getByRole('listitem');
  const order = () => shots.evaluateAll((items) => items.map((li) => li.querySelector('textarea')!.value));
  for (const [index, prompt] of ['a', 'b', 'c'].entries()) await shots.nth(index).getByRole('textbox', { name: ui('Prompt') }).fill(prompt);

  await shots.nth(2).getByRole('textbox', { name: ui('Prompt') }).press('Alt+ArrowUp'); // keyboard
  await expect.poll(order).toEqual(['a', 'c', 'b']);
  await shots.nth(0).getByRole('button', { name: ui('Move down') }).click();
  await expect.poll(order).toEqual(['c', 'a', 'b']);
  await shots.nth(2).dragTo(shots.nth(0)); // drag
  await expect.poll(order).toEqual(['b', 'c', 'a']);
  await shots.nth(1).getByRole('button', { name: ui('Duplicate') }).click();
  await expect.poll(order).toEqual(['b', 'c', 'c', 'a']);
  await shots.nth(0).getByRole('button', { name: ui('Delete') }).click();
  await expect.poll(order).toEqual(['c', 'c', 'a']);
});
