import { expect, openExtensionPage, test } from './fixtures';
import { readJobs, submitFromPage, videoRequest, waitForJobState } from './jobs-helpers';
import { bodiesOf, chooseMode, configure, configureKeyOnly, openSettings, openViewer, setupPanel, tiles } from './sidepanel-helpers';
import { ui, uiPrice, uiUsd } from './i18n';

/** Image 2.0 with quality, the retired slug, polls through 429s, and what counts against the daily cap. */

test('image 2.0 with a quality: the request carries it, the estimate is right, the actual cost is shown beside it', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a lighthouse at dusk');
  await openSettings(panel);
  await panel.getByRole('combobox', { name: ui('Model'), exact: true }).selectOption('grok-imagine-image-2.0');
  await panel.getByRole('combobox', { name: ui('Quality') }).selectOption('medium');
  await expect(panel.getByTestId('cost-estimate')).toHaveText(uiUsd(0.06));
  await expect(panel.getByRole('list', { name: ui('Cost breakdown') })).toContainText(ui('{images} × {price} ({details})', { images: ui('{count} image', { count: 1 }), price: uiPrice(0.06), details: '1k, medium' }));
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(tiles(panel)).toHaveCount(1, { timeout: 20_000 });
  expect(bodiesOf(emulator, '/v1/images/generations')[0]).toMatchObject({ model: 'grok-imagine-image-2.0', quality: 'medium' });
  // The viewer's details: the cost, said once when the bill matched the estimate.
  const viewer = await openViewer(panel, tiles(panel).first());
  await expect(viewer.locator('dd').filter({ hasText: uiUsd(0.06) })).toHaveText(uiUsd(0.06));
});

test('a retired slug is shown as served by the model that answered', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('an old slug');
  await openSettings(panel);
  // Not offered by name (retired): typed as an id under Advanced.
  await panel.getByText(ui('Advanced'), { exact: true }).click();
  await panel.getByRole('combobox', { name: ui('Model id') }).fill('grok-imagine-image-quality');
  await expect(panel.getByRole('combobox', { name: ui('Model'), exact: true })).toHaveValue('grok-imagine-image-quality');
  await expect(panel.getByRole('combobox', { name: ui('Quality') })).toHaveCount(0);
  await expect(panel.getByTestId('cost-estimate')).toHaveText(uiUsd(0.04));
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(tiles(panel)).toHaveCount(1, { timeout: 20_000 });
  await expect(await openViewer(panel, tiles(panel).first())).toContainText(ui('served by {model}', { model: 'grok-imagine-image-2.0' }));
  expect('quality' in (bodiesOf(emulator, '/v1/images/generations')[0] ?? {})).toBe(false);
  const [job] = await readJobs(panel);
  expect(job?.servedModel).toBe('grok-imagine-image-2.0');
});

test('a video finishes through 429s on its polls and a done body in seed 001’s top-level shape', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 1_000 });
  emulator.inject({ route: 'GET /v1/videos/:id', kind: 'rate_limit', retryAfter: 0, times: 3 }, { route: 'GET /v1/videos/:id', kind: 'done_form', shape: 'top_level' });
  await configure(context, extensionId, emulator);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const id = await submitFromPage(page, videoRequest('through the limit', 4));
  const done = await waitForJobState(page, id, ['done', 'failed'], 60_000);
  expect(done.status).toBe('done');
  expect(done.results[0]).toMatchObject({ kind: 'video', durationS: 4 });
  expect(emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/videos/${done.remoteId}`).length).toBeGreaterThanOrEqual(4);
});

test('the daily cap counts a moderated job (it was billed) at its estimate', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.evaluate(async () => {
    const got = (await chrome.runtime.sendMessage({ type: 'settings.get' })) as { settings: Record<string, unknown> };
    await chrome.runtime.sendMessage({ type: 'settings.save', settings: { ...got.settings, dailySpendCapUsd: 0.05 } });
  });
  emulator.inject({ route: 'POST /v1/images/generations', kind: 'moderation_http' });
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('blocked');
  await expect(panel.getByText(ui('Today: {spent} of your {cap} daily cap.', { spent: uiUsd(0), cap: uiUsd(0.05) }))).toBeVisible();
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(panel.locator('[data-error-kind="content_policy"]')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText(ui('Today: {spent} of your {cap} daily cap — this job would pass the cap and will be refused.', { spent: uiUsd(0.04), cap: uiUsd(0.05) }))).toBeVisible();
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(panel.getByRole('alert')).toContainText(ui('Daily spending cap reached.'));
  expect(emulator.requests.filter((r) => r.path === '/v1/images/generations')).toHaveLength(1);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await expect(options.getByTestId('today-spend')).toHaveText(ui('Spent today: {spent} of your {cap} daily cap.', { spent: uiUsd(0.04), cap: uiUsd(0.05) }));
});

test('Test connection reads the live catalogue, which fills the Model select by plain name (retired slugs are not offered)', async ({ context, extensionId, emulator }) => {
  await configureKeyOnly(context, extensionId); // the shipped https://api.x.ai/v1
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('button', { name: ui('Test connection') }).click();
  await expect(options.getByText(`${ui('Connected: xAI accepted the key.')} ${ui('Models available: {images} image, {videos} video.', { images: 2, videos: 3 })}`)).toBeVisible();
  expect(emulator.requests.filter((r) => r.path === '/v1/image-generation-models' || r.path === '/v1/video-generation-models').length).toBeGreaterThanOrEqual(2);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const options2 = panel.getByTestId('model-options').locator('option');
  await expect(options2).toHaveCount(2);
  expect(await options2.evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value))).toEqual(['grok-imagine-image-2.0', 'grok-imagine-image']);
  await openSettings(panel); // the Model select sits in the folded settings
  const names = panel.getByRole('combobox', { name: ui('Model'), exact: true }).locator('option');
  expect(await names.allTextContents()).toEqual(['Grok Imagine 2.0', 'Grok Imagine 1.0']);
  await chooseMode(panel, 'Create video');
  await expect(options2).toHaveCount(3);
  await expect(options2.nth(1)).toHaveAttribute('value', 'grok-imagine-video-1.5');
});
