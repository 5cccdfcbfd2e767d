import { dispatchContextMenu, E2E_CAPTURE_EXTENSION_PATH, expect, test } from './fixtures';
import { openPanel, openViewer, results, tileAction, tiles } from './sidepanel-helpers';
import { configureApi, decodeSentImage, nextRequest, tabOf } from './site/helpers';
import { ui, uiMatch } from './i18n';
import { newestJob } from './area-helpers';
import { paddedCrop, sendSize } from '../../lib/media/area/geometry';
import { areaSchema } from '../../lib/media/area/area';
import { rectByKey } from '../../lib/ui/area-editing';

/**
 * "Edit an area of the current frame, then Animate" (issue 25): "Use this frame" on a video of the page makes
 * the frame an Edit image source; Select area works on it; the crop of the frame is sent; the result is the
 * whole frame at its size, and "Animate this" sends that whole picture to image-to-video. The video result's
 * viewer then offers "Edit an area of this frame": the picker opens on the frame it shows, at its size.
 * The <all_urls> build, as for the picker's other captures (a dispatched menu click grants no activeTab).
 */
test.use({ extensionPath: E2E_CAPTURE_EXTENSION_PATH });

test('a video frame: Use this frame → Select area → edit the area → Animate the whole edited frame; then an area of that video result\'s frame', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(120_000);
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await page.goto(site.url('/pick'));
  await expect(page.locator('#video')).toHaveAttribute('data-ready', 'true');
  const frame = await page.locator('#video').evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, src: v.currentSrc }));
  await dispatchContextMenu(context, { menuItemId: 'reimagine-use-frame', srcUrl: frame.src, pageUrl: page.url(), frameId: 0, mediaType: 'video', editable: false }, await tabOf(context, page));
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') })).toHaveCount(1, { timeout: 20_000 });
  await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();

  // The picker opens on the frame at its own size; the first arrow places a rectangle in the middle.
  await panel.getByRole('button', { name: ui('Select area') }).click();
  const surface = panel.getByRole('img', { name: ui('Select an area') });
  await expect(surface).toBeFocused();
  await expect.poll(() => surface.locator('img').evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight]), { timeout: 20_000 }).toEqual([frame.width, frame.height]);
  await panel.keyboard.press('ArrowRight');
  await panel.getByRole('button', { name: ui('Use area') }).click();
  const rect = rectByKey(undefined, 'ArrowRight', false, frame.width, frame.height)!;
  await expect(panel.getByText(ui('Only the outlined area changes ({w} × {h} px); the result keeps the full picture.', { w: String(rect.w), h: String(rect.h) }))).toBeVisible();

  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('put a hat on the runner');
  let since = emulator.requests.length;
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const edit = await nextRequest(emulator, '/v1/images/edits', since, 30_000);
  const area = areaSchema.parse({ width: frame.width, height: frame.height, shape: { kind: 'rect', rect } });
  const sent = decodeSentImage((edit.image as { url: string }).url);
  expect([sent.width, sent.height]).toEqual(Object.values(sendSize(paddedCrop(area))));
  await expect.poll(async () => (await newestJob(panel))?.status, { timeout: 60_000 }).toBe('done');
  expect((await newestJob(panel))!.results[0]).toMatchObject({ width: frame.width, height: frame.height });

  // Animate from the edited frame: the whole picture goes to image-to-video, not the crop.
  await expect(tiles(panel)).toHaveCount(1, { timeout: 30_000 });
  await (await tileAction(tiles(panel).first(), 'Animate this')).click();
  await expect(panel.getByRole('radio', { name: ui('Animate image') })).toBeChecked();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('the runner tips the hat');
  since = emulator.requests.length;
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const video = await nextRequest(emulator, '/v1/videos/generations', since, 30_000);
  const still = decodeSentImage((video.image as { url: string }).url);
  expect([still.width, still.height]).toEqual([frame.width, frame.height]);
  await expect(results(panel).locator('video')).toHaveCount(1, { timeout: 60_000 });

  // And from a video result: the viewer's "Edit an area of this frame" opens the picker on the frame shown.
  const viewer = await openViewer(panel, results(panel).locator('article[data-kind=video]').first());
  const player = viewer.locator('video');
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth > 0), { timeout: 30_000 }).toBe(true);
  const clip = await player.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight]);
  await viewer.getByRole('button', { name: ui('Edit an area of this frame') }).click();
  await expect(panel.locator('dialog.viewer-dialog[open]')).toHaveCount(0);
  await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  await expect(surface).toBeFocused();
  await expect.poll(() => surface.locator('img').evaluate((el) => [(el as HTMLImageElement).naturalWidth, (el as HTMLImageElement).naturalHeight]), { timeout: 20_000 }).toEqual(clip);
  await panel.keyboard.press('ArrowRight');
  await panel.getByRole('button', { name: ui('Use area') }).click();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a flag on the hill');
  since = emulator.requests.length;
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const frameEdit = await nextRequest(emulator, '/v1/images/edits', since, 30_000);
  const clipRect = rectByKey(undefined, 'ArrowRight', false, clip[0]!, clip[1]!)!;
  const clipArea = areaSchema.parse({ width: clip[0], height: clip[1], shape: { kind: 'rect', rect: clipRect } });
  const cropSent = decodeSentImage((frameEdit.image as { url: string }).url);
  expect([cropSent.width, cropSent.height]).toEqual(Object.values(sendSize(paddedCrop(clipArea))));
  await expect.poll(async () => (await newestJob(panel))?.status, { timeout: 60_000 }).toBe('done');
  expect((await newestJob(panel))!.results[0]).toMatchObject({ width: clip[0], height: clip[1] });
});
