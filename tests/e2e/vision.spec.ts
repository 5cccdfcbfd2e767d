import { readFile } from 'node:fs/promises';
import { expect, openExtensionPage, test } from './fixtures';
import { readJobs } from './jobs-helpers';
import { addPngSource, bodiesOf, chooseMode, setupPanel } from './sidepanel-helpers';
import { rightClick } from './site/helpers';
import { escapeRe, MONEY_SOURCE, raw, ui, uiPattern } from './i18n';

/**
 * Image understanding on the built extension, against the emulator's deterministic vision model (its
 * text quotes the first line of the instructions and the user's words): "Suggest a prompt" in edit mode
 * with typed intent and in animate mode, Undo, and "Describe image" from the menu, then "Use as prompt".
 */

const VIDEO = new URL('../emulator/fixtures/video-16x9.mp4', import.meta.url);

test('Suggest a prompt: edit with typed intent, Undo, then animate and edit video; the cost is shown and kept', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  await chooseMode(panel, 'Edit image');
  const suggest = panel.getByRole('button', { name: ui('Suggest a prompt') });
  await expect(suggest).toBeDisabled(); // no source yet
  await addPngSource(panel);
  const prompt = panel.getByRole('textbox', { name: ui('Prompt') });
  await prompt.fill('make it winter');
  await suggest.click();
  await expect(prompt).toHaveValue(/^Task: write an image EDIT prompt for the picture\..*What I want: make it winter/);
  await expect(panel.getByTestId('suggest-cost')).toHaveText(new RegExp(`${escapeRe(ui('Suggested by {model}', { model: 'grok-4.3' }))} · ${MONEY_SOURCE} · ${uiPattern('{count} tokens', { count: raw('[\\d,.]+') })}`));
  const [body] = bodiesOf(emulator, '/v1/responses');
  expect(body?.model).toBe('grok-4.3');
  expect(JSON.stringify(body?.input)).toMatch(/"type":"input_image","image_url":"data:image\/(png|jpeg|webp);base64,/);

  await panel.getByRole('button', { name: ui('Undo') }).click();
  await expect(prompt).toHaveValue('make it winter');
  await expect(panel.getByRole('button', { name: ui('Undo') })).toHaveCount(0);

  await chooseMode(panel, 'Animate image');
  await prompt.fill('');
  await suggest.click();
  await expect(prompt).toHaveValue(/^Task: write an ANIMATION prompt/);
  // Edit video: the model sees a frame of the video (stored as an image source of the job).
  await chooseMode(panel, 'Edit video');
  await panel.locator('input[type=file]').setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(VIDEO) });
  await prompt.fill('make it snow');
  await suggest.click();
  await expect(prompt).toHaveValue(/^Task: write a video EDIT prompt; the picture is a frame of the video to edit\. <IMAGE_0> is a \d+x\d+ JPEG picture.*make it snow/);

  // Every call is history, with what it cost (the daily cap counts them like any job).
  const described = (await readJobs(panel)).filter((j) => j.request.mode === 'describe-image');
  expect(described).toHaveLength(3);
  for (const job of described) {
    expect(job.status).toBe('done');
    expect(job.costTicks).toBeGreaterThan(0);
  }

  // Options offers the key's models that take images (GET /v1/language-models), not the text-only one.
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await expect(options.getByText(ui('{count} model of your key takes images.', { count: 1 }))).toBeVisible();
  await expect(options.getByRole('combobox', { name: ui('Vision model') })).toHaveValue('grok-4.3');
  const offered = await options.locator('#vision-models option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(['grok-4.3']);
});

test('Describe image from the menu, then Use as prompt (and Undo)', async ({ context, extensionId, emulator, site }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  const prompt = panel.getByRole('textbox', { name: ui('Prompt') });
  await prompt.fill('my own words');
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await rightClick(context, page, '#plain', 'reimagine-describe');

  const card = panel.getByRole('region', { name: ui('Image description') });
  await expect(card.getByText(/^Task: DESCRIBE the image\. <IMAGE_0> is a \d+x\d+ \w+ picture/)).toBeVisible();
  await expect(card.getByTestId('describe-cost')).toHaveText(new RegExp(`${escapeRe(ui('By {model}', { model: 'grok-4.3' }))} · ${MONEY_SOURCE}`));
  await expect(prompt).toHaveValue('my own words'); // nothing changes until the user chooses

  await card.getByRole('button', { name: ui('Use as prompt') }).click();
  await expect(panel.getByRole('radio', { name: ui('Create image') })).toBeChecked();
  await expect(prompt).toHaveValue(/^Task: DESCRIBE the image\./);
  await card.getByRole('button', { name: ui('Undo') }).click();
  await expect(prompt).toHaveValue('my own words');

  const [job] = (await readJobs(panel)).filter((j) => j.request.mode === 'describe-image');
  expect(job?.status).toBe('done');
  expect(job?.text).toMatch(/^Task: DESCRIBE/);
  expect(job?.origin?.via).toBe('context-menu');
});
