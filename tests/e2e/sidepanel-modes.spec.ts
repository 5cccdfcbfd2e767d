import { expect, test } from './fixtures';
import { addPngSource, bodiesOf, chooseMode, openViewer, queue, results, setting, setupPanel, tileAction, tiles } from './sidepanel-helpers';
import { ui, uiMatch, uiRe, uiUsd } from './i18n';

/** Every generation mode end to end against the emulator, chained through the result actions. */

test('image modes: create → Edit this → Animate this → Use as reference', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 1500 });
  const panel = await setupPanel(context, extensionId, emulator);
  const generate = panel.getByRole('button', { name: ui('Generate') });

  // Create image, 2 outputs.
  await chooseMode(panel, 'Create image');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a red fox in snow');
  await (await setting(panel, 'Count')).fill('2');
  await (await setting(panel, 'Aspect ratio')).selectOption('16:9');
  // Today's default: Grok Imagine 2.0 at quality low, $0.04 an image.
  await expect(panel.getByTestId('cost-estimate')).toHaveText(uiUsd(0.08));
  await generate.click();
  await expect(tiles(panel)).toHaveCount(2, { timeout: 20_000 });
  expect(bodiesOf(emulator, '/v1/images/generations')[0]).toMatchObject({ prompt: 'a red fox in snow', n: 2, aspect_ratio: '16:9' });
  // The actual cost reported by the API is shown with the result.
  const viewer = await openViewer(panel, tiles(panel).first());
  await expect(viewer.locator('dd').filter({ hasText: uiUsd(0.08) })).toHaveCount(1);
  await panel.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);

  // Edit this → edit-image with the result as its source (no re-upload: no media.import).
  await (await tileAction(tiles(panel).first(), 'Edit this')).click();
  await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toBeFocused();
  await expect(panel.getByRole('listitem', { name: uiMatch('Source {n}{tag}', { n: 1 }, 'start') })).toHaveCount(1);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('make it a pencil sketch');
  await (await setting(panel, 'Count')).fill('1');
  await generate.click();
  await expect(tiles(panel)).toHaveCount(3, { timeout: 20_000 });
  const edit = bodiesOf(emulator, '/v1/images/edits')[0]!;
  expect(edit.prompt).toBe('make it a pencil sketch');
  expect(String((edit.image as { url: string }).url)).toMatch(/^data:image\/jpeg;base64,/);

  // Animate this → image-to-video; prompt optional.
  await (await tileAction(tiles(panel).first(), 'Animate this')).click();
  await expect(panel.getByRole('radio', { name: ui('Animate image') })).toBeChecked();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('');
  await (await setting(panel, 'Duration (s)')).fill('3');
  await generate.click();
  await expect(queue(panel).getByRole('article')).toHaveCount(1);
  await expect(results(panel).locator('video')).toHaveCount(1, { timeout: 30_000 });
  const animate = bodiesOf(emulator, '/v1/videos/generations')[0]!;
  expect(animate).toMatchObject({ duration: 3 });
  expect(animate.image).toBeTruthy();
  expect(animate.prompt).toBeUndefined();
  // Videos preview muted in the grid (they play on hover) and play with controls in the viewer.
  const video = results(panel).locator('video').first();
  expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
  const player = await openViewer(panel, results(panel).locator('article[data-kind=video]').first());
  expect(await player.locator('video').evaluate((v: HTMLVideoElement) => v.muted && v.controls)).toBe(true);
  await panel.keyboard.press('Escape');
  await expect(player).toHaveCount(0);

  // Use as reference (twice) → reference-video with <IMAGE_n> tags.
  const images = results(panel).locator('article[data-kind=image]');
  await (await tileAction(images.nth(0), 'Use as reference')).click();
  await expect(panel.getByRole('radio', { name: ui('Video from references') })).toBeChecked();
  await (await tileAction(images.nth(1), 'Use as reference')).click();
  await expect(panel.getByRole('button', { name: ui('Insert {tag} in the prompt', { tag: '<IMAGE_1>' }) })).toBeVisible();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('the fox from');
  await panel.getByRole('button', { name: ui('Insert {tag} in the prompt', { tag: '<IMAGE_0>' }) }).click();
  await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toHaveValue('the fox from <IMAGE_0> ');
  await (await setting(panel, 'Duration (s)')).fill('2');
  await generate.click();
  await expect(results(panel).locator('video')).toHaveCount(2, { timeout: 30_000 });
  const reference = bodiesOf(emulator, '/v1/videos/generations')[1]!;
  expect((reference.reference_images as unknown[]).length).toBe(2);
  expect(reference.prompt).toBe('the fox from <IMAGE_0>');
});

test('video modes: create → Extend this → Edit this', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 1500 });
  const panel = await setupPanel(context, extensionId, emulator);
  const generate = panel.getByRole('button', { name: ui('Generate') });
  const prompt = panel.getByRole('textbox', { name: ui('Prompt') });

  await chooseMode(panel, 'Create video');
  await prompt.fill('waves at sunset');
  await (await setting(panel, 'Duration (s)')).fill('4');
  await (await setting(panel, 'Resolution')).selectOption('720p');
  // Today's default video model, Grok Imagine Video 1.5: $0.14 a second at 720p.
  await expect(panel.getByTestId('cost-estimate')).toHaveText(uiUsd(0.56));
  await generate.click();
  await expect(results(panel).locator('video')).toHaveCount(1, { timeout: 30_000 });
  expect(bodiesOf(emulator, '/v1/videos/generations')[0]).toMatchObject({ prompt: 'waves at sunset', duration: 4, resolution: '720p' });

  await (await tileAction(tiles(panel).first(), 'Extend this')).click();
  await expect(panel.getByRole('radio', { name: ui('Extend video') })).toBeChecked();
  await prompt.fill('a boat sails in');
  await (await setting(panel, 'Extend by (s)')).fill('2');
  await generate.click();
  await expect(results(panel).locator('video')).toHaveCount(2, { timeout: 30_000 });
  const extend = bodiesOf(emulator, '/v1/videos/extensions')[0]!;
  expect(extend).toMatchObject({ prompt: 'a boat sails in', duration: 2 });
  expect(String((extend.video as { url: string }).url)).toMatch(/^data:video\/mp4;base64,/);

  await (await tileAction(tiles(panel).first(), 'Edit this')).click();
  await expect(panel.getByRole('radio', { name: ui('Edit video') })).toBeChecked();
  // Edit video has no duration/ratio/resolution controls.
  await expect(panel.getByLabel(ui('Duration (s)'))).toHaveCount(0);
  await expect(panel.getByLabel(ui('Resolution'))).toHaveCount(0);
  await prompt.fill('make it snow');
  await generate.click();
  await expect(results(panel).locator('video')).toHaveCount(3, { timeout: 30_000 });
  expect(bodiesOf(emulator, '/v1/videos/edits')[0]).toMatchObject({ prompt: 'make it snow' });
});

test('edit image with two picked files, a ratio and Ctrl+Enter', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  await chooseMode(panel, 'Edit image');
  await addPngSource(panel, 'a.png', [200, 30, 30]);
  await addPngSource(panel, 'b.png', [30, 200, 30]);
  await expect(panel.getByRole('listitem', { name: uiRe(/^Source/) })).toHaveCount(2);
  await (await setting(panel, 'Aspect ratio')).selectOption('1:1');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('combine <IMAGE_0> and <IMAGE_1>');
  await panel.getByRole('textbox', { name: ui('Prompt') }).press('Control+Enter');
  await expect(tiles(panel)).toHaveCount(1, { timeout: 20_000 });
  const body = bodiesOf(emulator, '/v1/images/edits')[0]!;
  expect((body.images as unknown[]).length).toBe(2);
  expect(body.aspect_ratio).toBe('1:1');
});
