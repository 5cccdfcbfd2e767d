import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { REPO_ROOT, expect, openExtensionPage, test, type Emulator } from './fixtures';
import { readJobs, waitForJobState } from './jobs-helpers';
import { addPngSource, bodiesOf, chooseMode, openSettings, queue, results, setupPanel, tiles } from './sidepanel-helpers';
import { raw, ui, uiMatch, uiRe } from './i18n';

/**
 * Today's Grok Imagine, second pass (shared/docs/imagine-api.md): sound, voices, and the reference-to-video
 * limits, as the user meets them in the side panel, checked against what the emulator received.
 */

test('Sound is on by default and omitted; turned off it sends generate_audio:false, and the tile says so', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 800 });
  const panel = await setupPanel(context, extensionId, emulator);
  await chooseMode(panel, 'Create video');
  await openSettings(panel); // Sound, Model, Resolution… sit in the folded Settings (ux-b's composer)
  const sound = panel.getByRole('checkbox', { name: ui('Sound') });
  await expect(sound).toBeChecked();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('waves with sound');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => bodiesOf(emulator, '/v1/videos/generations').length).toBe(1);
  expect('generate_audio' in bodiesOf(emulator, '/v1/videos/generations')[0]!).toBe(false);

  await sound.uncheck();
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a silent film');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => bodiesOf(emulator, '/v1/videos/generations').length).toBe(2);
  expect(bodiesOf(emulator, '/v1/videos/generations')[1]).toMatchObject({ prompt: 'a silent film', generate_audio: false });
  // The choice stays for the next video, in any video mode.
  await chooseMode(panel, 'Animate image');
  await expect(panel.getByRole('checkbox', { name: ui('Sound') })).not.toBeChecked();

  const videos = results(panel).locator('article[data-kind=video]');
  await expect(videos).toHaveCount(2, { timeout: 30_000 });
  // The tile names its prompt in its accessible name (the gallery grid shows no caption).
  await expect(results(panel).getByRole('article', { name: /a silent film/ })).toContainText(ui('no sound'));
  await expect(results(panel).getByRole('article', { name: /waves with sound/ })).toContainText(ui('with sound'));
});

test('a voice is sent with its tag (1.5, Video from references only)', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 800 });
  const panel = await setupPanel(context, extensionId, emulator);
  await chooseMode(panel, 'Video from references');
  await addPngSource(panel);
  await openSettings(panel);
  const model = panel.getByRole('combobox', { name: ui('Model') }); // a select of today's models
  await model.selectOption('grok-imagine-video');
  await expect(panel.getByRole('combobox', { name: ui('Voice') })).toHaveCount(0);
  await model.selectOption('grok-imagine-video-1.5');
  const prompt = panel.getByRole('textbox', { name: ui('Prompt') });
  await prompt.fill('<IMAGE_0> waves and says hello in ');
  await panel.getByRole('combobox', { name: ui('Voice') }).fill('eve');
  await panel.getByRole('button', { name: ui('Add voice') }).click();
  await expect(prompt).toHaveValue('<IMAGE_0> waves and says hello in <AUDIO_0> ');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => bodiesOf(emulator, '/v1/videos/generations').length).toBe(1);
  const body = bodiesOf(emulator, '/v1/videos/generations')[0]!;
  expect(body).toMatchObject({ model: 'grok-imagine-video-1.5', reference_audios: [{ voice_id: 'eve' }] });
  expect(String(body.prompt)).toContain('<AUDIO_0>');

  // Other modes don't offer the picker, and their requests never carry voices.
  await chooseMode(panel, 'Create video');
  await expect(panel.getByRole('combobox', { name: ui('Voice') })).toHaveCount(0);
  await prompt.fill('no voices here');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => bodiesOf(emulator, '/v1/videos/generations').length).toBe(2);
  expect('reference_audios' in bodiesOf(emulator, '/v1/videos/generations')[1]!).toBe(false);
});

test('a 15 s or 1080p value carried into Video from references is corrected with a sentence, never sent', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 800 });
  const panel = await setupPanel(context, extensionId, emulator);
  await chooseMode(panel, 'Create video');
  await openSettings(panel);
  await panel.getByRole('combobox', { name: ui('Model') }).selectOption('grok-imagine-video-1.5');
  await panel.getByLabel(ui('Duration (s)')).fill('15');
  await panel.getByRole('combobox', { name: ui('Resolution') }).selectOption('1080p');
  await chooseMode(panel, 'Video from references');
  const notice = panel.getByRole('status').filter({ hasText: ui('{mode} takes at most {to} s here, so the duration went from {from} s to {to} s.', { mode: ui('Video from references'), from: 15, to: 10 }) });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(ui('{mode} with {model} does not take {from}, so the resolution is now {to}.', { mode: ui('Video from references'), model: 'grok-imagine-video-1.5', from: '1080p', to: '720p' }));
  await expect(panel.getByLabel(ui('Duration (s)'))).toHaveValue('10');
  const offered = await panel.getByRole('combobox', { name: ui('Resolution') }).locator('option').allTextContents();
  expect(offered).toEqual(['480p', '720p']);
  // Typing 15 again is an inline error, and nothing is sent.
  await panel.getByLabel(ui('Duration (s)')).fill('15');
  await addPngSource(panel);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('<IMAGE_0> walks');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(panel.getByText(ui('Video from references is at most {max} s long.', { max: 10 }))).toBeVisible();
  expect(bodiesOf(emulator, '/v1/videos/generations')).toHaveLength(0);
  await panel.getByLabel(ui('Duration (s)')).fill('10');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => bodiesOf(emulator, '/v1/videos/generations').length).toBe(1);
  expect(bodiesOf(emulator, '/v1/videos/generations')[0]).toMatchObject({ duration: 10, resolution: '720p' });
});

/** Options: a reseller, its key and the emulator's base URL, tested and saved. */
async function useProvider(context: BrowserContext, extensionId: string, id: 'vydra' | 'runware', key: string, baseUrl: string): Promise<void> {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByLabel(ui('Provider'), { exact: true }).selectOption(id);
  await options.getByRole('textbox', { name: ui('API key'), exact: true }).fill(key);
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill(baseUrl);
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/^Saved(\.| at)/))).toBeVisible();
  await options.close();
}

const runwareTasks = (emulator: Emulator) =>
  emulator.requests.filter((r) => r.method === 'POST' && r.path === '/runware/v1').flatMap((r) => (Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : []));

test('Runware: grok-imagine-video-1.5 goes out as xai:grok-imagine@video-1.5, and a video edit goes through inputs.video on @video', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 800 });
  await useProvider(context, extensionId, 'runware', 'runware-emulator-key', emulator.runwareBaseUrl);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await chooseMode(panel, 'Create video');
  await openSettings(panel);
  // Runware's list does not name 1.5: typed as an id under the Model field's Advanced.
  await panel.locator('details.model-advanced > summary').click();
  await panel.getByRole('combobox', { name: ui('Model id') }).fill('grok-imagine-video-1.5');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a comet');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => runwareTasks(emulator).filter((t) => t.taskType === 'videoInference').length).toBe(1);
  expect(runwareTasks(emulator).find((t) => t.taskType === 'videoInference')).toMatchObject({ model: 'xai:grok-imagine@video-1.5' });
  const videos = results(panel).locator('article[data-kind=video]');
  await expect(videos).toHaveCount(1, { timeout: 30_000 });

  // Edit that video: Runware now offers it, through inputs.video on @video.
  await chooseMode(panel, 'Edit video');
  await panel.locator('input[type=file]').setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: readFileSync(path.join(REPO_ROOT, 'tests/emulator/fixtures/video-16x9.mp4')) });
  await panel.getByRole('combobox', { name: ui('Model id') }).fill('grok-imagine-video');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('make it snow');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => runwareTasks(emulator).filter((t) => t.taskType === 'videoInference').length).toBe(2);
  const edit = runwareTasks(emulator).filter((t) => t.taskType === 'videoInference')[1]!;
  expect(edit).toMatchObject({ model: 'xai:grok-imagine@video', positivePrompt: 'make it snow' });
  expect(String((edit.inputs as { video: string }).video)).toMatch(/^data:video\/mp4;base64,/);
  await expect(videos).toHaveCount(2, { timeout: 30_000 });
});

test('Vydra: a private page image is uploaded (POST /upload) and its URL sent; Cancel calls DELETE /jobs/{id}', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 600_000 });
  await useProvider(context, extensionId, 'vydra', 'vydra-emulator-key', emulator.vydraBaseUrl);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await chooseMode(panel, 'Animate image');
  await addPngSource(panel);
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect.poll(() => bodiesOf(emulator, '/vydra/api/v1/models/grok-imagine').length).toBe(1);
  const upload = emulator.requests.find((r) => r.method === 'POST' && r.path === '/vydra/api/v1/upload');
  expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data/);
  const sent = bodiesOf(emulator, '/vydra/api/v1/models/grok-imagine')[0]!;
  expect(String(sent.image_url)).toMatch(/^https:\/\/cdn\.vydra\.ai\//);

  const card = queue(panel).getByRole('article');
  await expect(card).toHaveCount(1);
  const [job] = await readJobs(panel);
  await waitForJobState(panel, job!.id, ['running']);
  await card.getByRole('button', { name: ui('Cancel') }).click();
  const cancelled = await waitForJobState(panel, job!.id, ['cancelled']);
  await expect.poll(() => emulator.requests.some((r) => r.method === 'DELETE' && r.path === `/vydra/api/v1/jobs/${cancelled.remoteId}`)).toBe(true);
  expect(cancelled.note).toBe(ui('Asked the provider to stop this job. A job it already started may still be charged.'));
});

test('a slow image call shows elapsed and expected time, survives a panel reload, and learns from the user’s history', async ({ context, extensionId, emulator }) => {
  emulator.configure({ imageLatencyMs: 8_000 }); // the service's 1K median
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a slow lighthouse');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const card = queue(panel).getByRole('article');
  await expect(card).toHaveAttribute('data-status', 'submitting');
  await expect(card).toContainText(uiMatch('usually about {duration}', { duration: raw('.+') }));
  await expect(card).toContainText(ui('Already sent: Cancel stops the wait, but the provider may still bill this call.'));

  // The panel closes and opens again mid-call: the same job, the same state, read from storage.
  await panel.reload();
  const again = queue(panel).getByRole('article');
  await expect(again).toHaveAttribute('data-status', 'submitting');
  await expect(again).toContainText(uiMatch('usually about {duration}', { duration: raw('.+') }));
  await expect(tiles(panel)).toHaveCount(1, { timeout: 30_000 });
  expect(bodiesOf(emulator, '/v1/images/generations')).toHaveLength(1);

  // The next call is expected from this one.
  emulator.configure({ imageLatencyMs: 6_000 });
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('another slow lighthouse');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(queue(panel).getByRole('article')).toContainText(uiMatch('usually about {duration} for you', { duration: raw('.+') }));
  await expect(tiles(panel)).toHaveCount(2, { timeout: 30_000 });
});

test('Cancel on a slow image call stops the wait, says it may still be billed, and sends nothing again', async ({ context, extensionId, emulator }) => {
  emulator.configure({ imageLatencyMs: 45_000 }); // a 2K call at its slowest
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a slow 2K lighthouse');
  await openSettings(panel);
  await panel.getByRole('combobox', { name: ui('Resolution') }).selectOption('2k');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const card = queue(panel).getByRole('article');
  await expect(card).toHaveAttribute('data-status', 'submitting');
  await expect(card).toContainText(uiMatch('usually about {duration}', { duration: raw('.+') }));
  await card.getByRole('button', { name: ui('Cancel') }).click();
  const [job] = await readJobs(panel);
  const cancelled = await waitForJobState(panel, job!.id, ['cancelled']);
  expect(cancelled.note).toBe(ui('Cancelled while waiting for the answer: the provider had already received the request and may still bill it.'));
  expect(cancelled.sentAt).toBeDefined(); // it counts against the daily cap: it reached the provider
  expect(bodiesOf(emulator, '/v1/images/generations')).toHaveLength(1);
});
