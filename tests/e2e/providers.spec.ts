import type { BrowserContext, Page } from '@playwright/test';
import type { Job } from '../../lib/model/job';
import type { ProviderId } from '../../lib/model/provider-ids';
import { expect, killServiceWorker, openExtensionPage, test, type Emulator } from './fixtures';
import { readJobs, waitForJobState } from './jobs-helpers';
import { addPngSource, chooseMode } from './sidepanel-helpers';
import { rightClick } from './site/helpers';
import type { Site } from './site/server';
import { escapeRe, ui, uiConnected, uiRe } from './i18n';

/**
 * The same scenarios against each provider, all served by one emulator (xAI /v1, Vydra /vydra/api/v1,
 * Runware /runware/v1): configure through Options, text-to-image from the side panel, edit from the context
 * menu, a video with the worker killed mid-job (only the engine's alarm wakes it). Where a provider cannot
 * do a scenario, the UI must say why instead.
 */

interface Case {
  id: ProviderId;
  label: string;
  key: string;
  baseUrl(emulator: Emulator): string;
  /** Path prefix of its submissions in the emulator's request log. */
  submitPath: string;
  /** Vydra takes image URLs only: bytes from a local page go through its upload endpoint first. */
  uploadPath?: string;
}

const CASES: Case[] = [
  { id: 'xai', label: 'xAI (direct)', key: 'xai-emulator-key', baseUrl: (e) => e.apiBaseUrl, submitPath: '/v1/' },
  {
    id: 'vydra',
    label: 'Vydra',
    key: 'vydra-emulator-key',
    baseUrl: (e) => e.vydraBaseUrl,
    submitPath: '/vydra/api/v1/models/grok-imagine',
    uploadPath: '/vydra/api/v1/upload',
  },
  { id: 'runware', label: 'Runware', key: 'runware-emulator-key', baseUrl: (e) => e.runwareBaseUrl, submitPath: '/runware/v1' },
];

let site: Site;
test.beforeAll(({ site: shared }) => {
  site = shared; // the worker's site, which the browser reaches as site.test / cdn.test
});

async function configureProvider(context: BrowserContext, extensionId: string, emulator: Emulator, c: Case): Promise<void> {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByLabel(ui('Provider'), { exact: true }).selectOption(c.id);
  await options.getByRole('textbox', { name: ui('API key'), exact: true }).fill(c.key);
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill(c.baseUrl(emulator));
  await options.getByRole('button', { name: ui('Test connection') }).click();
  await expect(options.getByRole('status', { name: ui('Connection test result') })).toHaveText(uiConnected());
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/^Saved(\.| at)/))).toBeVisible();
  await options.close();
}

async function newestJob(page: Page, known: Set<string>): Promise<Job> {
  let found: Job | undefined;
  await expect
    .poll(async () => {
      found = (await readJobs(page)).find((j) => !known.has(j.id));
      return found?.id;
    })
    .toBeTruthy();
  known.add(found!.id);
  return found!;
}

async function generate(panel: Page, prompt: string): Promise<void> {
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill(prompt);
  await panel.getByRole('button', { name: ui('Generate') }).click();
}

for (const c of CASES) {
  test(`${c.label}: text-to-image, edit from the context menu, video through a worker kill`, async ({ context, extensionId, emulator }) => {
    test.setTimeout(150_000);
    await configureProvider(context, extensionId, emulator, c);
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
    const seen = new Set<string>();

    // 1. Text-to-image from the side panel.
    await chooseMode(panel, 'Create image');
    await generate(panel, `a lighthouse via ${c.id}`);
    const t2i = await newestJob(panel, seen);
    const t2iDone = await waitForJobState(panel, t2i.id, ['done', 'failed']);
    expect(t2iDone.error).toBeUndefined();
    expect(t2iDone).toMatchObject({ status: 'done', provider: c.id, baseUrl: c.baseUrl(emulator) });
    expect(t2iDone.results[0]?.kind).toBe('image');
    expect(emulator.requests.some((r) => r.method === 'POST' && r.path.startsWith(c.submitPath))).toBe(true);

    // 2. Edit from the context menu on a page image: the panel takes the capture, the user writes the prompt.
    const page = await context.newPage();
    await page.goto(site.url('/csp'));
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await rightClick(context, page, '#csp', 'reimagine-edit');
    await expect(panel.getByRole('radiogroup', { name: ui('Mode') }).getByRole('radio', { name: ui('Edit image') })).toBeChecked({ timeout: 15_000 });
    await generate(panel, 'golden hour light');
    const edit = await newestJob(panel, seen);
    const editEnd = await waitForJobState(panel, edit.id, ['done', 'failed']);
    expect(editEnd.provider).toBe(c.id);
    expect(editEnd.error).toBeUndefined();
    expect(editEnd.status).toBe('done');
    if (c.uploadPath) expect(emulator.requests.some((r) => r.method === 'POST' && r.path === c.uploadPath)).toBe(true);

    // 3. A video, with the worker killed while it renders; only the persisted alarm brings it back. The render
    // ends on cue (finishAllVideos) once the kill is done, not after a fixed time.
    emulator.configure({ videoRenderMs: 600_000 });
    await panel.reload();
    await chooseMode(panel, 'Animate image');
    await addPngSource(panel);
    await generate(panel, 'gentle motion');
    const videoJob = await newestJob(panel, seen);
    await waitForJobState(panel, videoJob.id, ['running']);
    await killServiceWorker(context);
    // Only the persisted alarm can bring the worker back: it polls again (the only API call left to make)…
    const afterKill = emulator.requests.length;
    await expect.poll(() => emulator.requests.length, { timeout: 60_000 }).toBeGreaterThan(afterKill);
    // …and the render ends.
    emulator.finishAllVideos();
    const done = await waitForJobState(panel, videoJob.id, ['done', 'failed'], 90_000);
    expect(done.error).toBeUndefined();
    expect(done).toMatchObject({ status: 'done', provider: c.id });
    expect(done.results[0]?.kind).toBe('video');

    // Modes the provider lacks are explained in the composer (under their kind's modes), not silently missing.
    if (c.id !== 'xai') {
      await panel.reload();
      await panel.getByRole('group', { name: ui('Output') }).getByRole('button', { name: ui('Video'), exact: true }).click();
      await expect(panel.getByText(new RegExp(`${escapeRe(ui('{mode}: {reason}', { mode: ui('Extend video'), reason: '' }))}(${[ui('Vydra offers text-to-image, text-to-video and image-to-video only.'), ui('Runware offers Grok Imagine image generation, single-image edits, text-to-video, image-to-video and video edits only.')].map(escapeRe).join('|')})`))).toBeVisible();
    }
  });
}
