import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { DOMParser } from 'linkedom';
import { readJpegXmp } from '../../lib/export/jpeg-metadata';
import { readMp4Metadata } from '../../lib/export/mp4-metadata';
import { readPngText } from '../../lib/export/png-metadata';
import { expect, openExtensionPage, test } from './fixtures';
import { readJobs, submitFromPage, videoRequest, waitForJobState } from './jobs-helpers';
import { chooseMode, configure, openPanel, tileAction, tiles } from './sidepanel-helpers';
import { raw, ui, uiMatch, uiRe } from './i18n';

/**
 * Downloads carry their prompt, model and date inside the file (lib/export/): a JPEG (xAI), a PNG (Runware's
 * outputFormat PNG, which the emulator serves) and an MP4, each read back from the downloaded bytes.
 * The prompt is hostile: markup, quotes and non-Latin text must come back exactly.
 */
const HOSTILE = 'A cat </rdf:li> & "quotes" <evil/> 猫 🐈';

async function download(panel: Page, prompt: string): Promise<{ bytes: Buffer; download: Download; tile: Locator }> {
  const tile = tiles(panel).filter({ has: panel.getByRole('button', { name: ui('View {title}', { title: prompt.trim() }), exact: true }) }).first();
  await expect(tile).toBeVisible({ timeout: 30_000 });
  const [file] = await Promise.all([panel.waitForEvent('download'), (await tileAction(tile, 'Download')).click()]);
  return { bytes: readFileSync((await file.path())!), download: file, tile };
}

/** The {prompt} token of a file name for a plain sentence: lower case, words joined by hyphens. */
const slug = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');

test('a downloaded JPEG carries its prompt, model and date as XMP, and is named by the Options pattern', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const pattern = options.getByRole('textbox', { name: ui('File name pattern') });
  await pattern.fill('../{prompt}');
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/no folders/))).toBeVisible(); // refused with a reason, nothing saved
  await pattern.fill('{mode}_{prompt}');
  await expect(options.getByTestId('file-name-preview')).toHaveText(ui('For example: {example}', { example: `edit-image_${slug(ui('A cat in a hat'))}.jpg` }));
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/^Saved(\.| at)/))).toBeVisible();

  const panel = await openPanel(context, extensionId);
  await chooseMode(panel, 'Create image');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill(HOSTILE);
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const { bytes, tile } = await download(panel, HOSTILE);
  await expect(tile.getByText(uiMatch('Downloading {file}', { file: raw('create-image_a-cat-rdf-li-quotes-evil\\.jpg') }, 'whole'))).toBeVisible();
  const [job] = await readJobs(panel);
  const xml = new DOMParser().parseFromString(readJpegXmp(bytes)!.replace(/<\?xpacket[^>]*\?>/g, ''), 'text/xml');
  expect(xml.getElementsByTagName('rdf:li')[0]?.textContent).toBe(HOSTILE);
  const description = xml.getElementsByTagName('rdf:Description')[0]!;
  expect(description.getAttribute('reimagine:Model')).toBe(job!.servedModel ?? job!.request.model);
  expect(description.getAttribute('xmp:CreateDate')).toBe(new Date(job!.finishedAt!).toISOString());
  expect(description.getAttribute('xmp:CreatorTool')).toBe('Reimagine');
});

test('a downloaded PNG carries them as iTXt chunks', async ({ context, extensionId, emulator }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  // Runware with PNG output, saved the way the Options page saves (settings.get → settings.save).
  const reply = await options.evaluate(async (runwareBaseUrl) => {
    type S = { baseUrls: object; defaults: { image: object } };
    const { settings } = (await chrome.runtime.sendMessage({ type: 'settings.get' })) as { settings: S };
    return chrome.runtime.sendMessage({
      type: 'settings.save',
      settings: { ...settings, provider: 'runware', baseUrls: { ...settings.baseUrls, runware: runwareBaseUrl }, defaults: { ...settings.defaults, image: { ...settings.defaults.image, outputFormat: 'png' } } },
      secrets: { runware: 'runware-emulator-key' },
    });
  }, emulator.runwareBaseUrl);
  expect(reply.ok).toBe(true);
  const panel = await openPanel(context, extensionId);
  await chooseMode(panel, 'Create image');
  await expect(panel.locator('#output-format')).toHaveValue('png');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill(HOSTILE);
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const { bytes } = await download(panel, HOSTILE);
  expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  const [job] = await readJobs(panel);
  const text = readPngText(bytes);
  expect(text.Description).toBe(HOSTILE);
  expect(text.Model).toBe(job!.servedModel ?? job!.request.model);
  expect(text['Creation Time']).toBe(new Date(job!.finishedAt!).toISOString());
});

test('a downloaded MP4 carries them in moov/udta/meta/ilst and still plays', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 500 });
  await configure(context, extensionId, emulator);
  const panel = await openPanel(context, extensionId);
  const id = await submitFromPage(panel, videoRequest(HOSTILE));
  const job = await waitForJobState(panel, id, ['done']);
  const { bytes } = await download(panel, HOSTILE);
  const meta = readMp4Metadata(bytes);
  expect(meta['©cmt']).toBe(HOSTILE);
  expect(meta['----:model']).toBe(job.servedModel ?? job.request.model);
  expect(meta['©day']).toBe(new Date(job.finishedAt!).toISOString());
  // The moved chunk offsets are right: Chromium decodes the downloaded file to its end.
  const played = await panel.evaluate(async (b64) => {
    const video = document.createElement('video');
    video.muted = true;
    video.src = `data:video/mp4;base64,${b64}`;
    await video.play();
    await new Promise((resolve, reject) => {
      video.onended = resolve;
      video.onerror = () => reject(new Error('decode error'));
    });
    return video.duration;
  }, bytes.toString('base64'));
  expect(played).toBeGreaterThan(0);
});
