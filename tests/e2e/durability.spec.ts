import { expect, getServiceWorker, killServiceWorker, launchContext, openExtensionPage, test } from './fixtures';
import { readJobs, submitFromPage, videoRequest, waitForJobState } from './jobs-helpers';
import { configure } from './sidepanel-helpers';
import { uiRe } from './i18n';

const videoSubmissions = (emulator: { requests: { method: string; path: string }[] }) =>
  emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos/generations').length;

test('a video job finishes although the service worker is killed three times, each time mid-render', async ({ context, extensionId, emulator }) => {
  test.setTimeout(120_000);
  // The render outlasts the test; it ends on cue (finishAllVideos) once the three kills are done.
  emulator.configure({ videoRenderMs: 600_000 });
  await configure(context, extensionId, emulator);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const id = await submitFromPage(page, videoRequest('killed three times', 8));
  const { remoteId } = await waitForJobState(page, id, ['running']);
  const polls = () => emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/videos/${remoteId}`).length;
  for (let kill = 0; kill < 3; kill++) {
    // Each round: the worker (woken by nothing but its persisted alarm after the previous kill) polls again…
    const before = polls();
    await expect.poll(polls, { timeout: 60_000 }).toBeGreaterThan(before);
    // …and is killed mid-render.
    await killServiceWorker(context);
  }
  emulator.finishAllVideos();
  const done = await waitForJobState(page, id, ['done', 'failed'], 60_000);
  expect(done.status).toBe('done');
  expect(done.results[0]?.kind).toBe('video');
  expect(videoSubmissions(emulator)).toBe(1);
});

test.describe('on a profile of its own (the browser is closed and relaunched)', () => {
  test.use({ ownBrowser: true });

  test('a video started before the browser closes finishes after it is relaunched with the same profile', async ({ context, extensionId, emulator, userDataDir }) => {
    test.setTimeout(120_000);
    emulator.configure({ videoRenderMs: 600_000 }); // ends on cue below, once the relaunched browser polls
    await configure(context, extensionId, emulator);
    const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
    const id = await submitFromPage(page, videoRequest('across a restart'));
    const { remoteId } = await waitForJobState(page, id, ['running']);
    await context.close();
    const polls = () => emulator.requests.filter((r) => r.method === 'GET' && r.path === `/v1/videos/${remoteId}`).length;
    const beforeRelaunch = polls();

    const relaunched = await launchContext(userDataDir);
    try {
      await getServiceWorker(relaunched);
      await expect.poll(polls, { timeout: 60_000 }).toBeGreaterThan(beforeRelaunch);
      emulator.finishAllVideos();
      const again = await openExtensionPage(relaunched, extensionId, 'sidepanel.html');
      const done = await waitForJobState(again, id, ['done', 'failed'], 60_000);
      expect(done.status).toBe('done');
      expect(videoSubmissions(emulator)).toBe(1);
    } finally {
      await relaunched.close();
    }
  });
});

test('a job killed while "submitting" is not re-sent; the panel offers Retry', async ({ context, extensionId, emulator }) => {
  test.setTimeout(90_000);
  await configure(context, extensionId, emulator);
  emulator.inject({ route: 'POST /v1/images/generations', kind: 'slow', ms: 6_000 });
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const id = await submitFromPage(page, { mode: 'create-image', prompt: 'caught in flight', model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' });
  await waitForJobState(page, id, ['submitting']);
  await expect.poll(() => emulator.requests.filter((r) => r.path === '/v1/images/generations').length).toBe(1);
  await killServiceWorker(context);
  await page.reload(); // a page opening wakes the worker, which reconciles
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'engine.wake' }));
  const failed = await waitForJobState(page, id, ['failed', 'done']);
  expect(failed.status).toBe('failed');
  expect(failed.error?.kind).toBe('interrupted');
  // Another tick of the engine does not resend it either (and the count after Retry below is exactly two).
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'engine.wake' }));
  expect((await waitForJobState(page, id, ['failed', 'done'])).status).toBe('failed');
  expect(emulator.requests.filter((r) => r.path === '/v1/images/generations')).toHaveLength(1);

  const queue = page.getByRole('region', { name: uiRe(/^Queue/) });
  await expect(queue.getByText(uiRe(/may or may not have received/)).first()).toBeVisible();
  await queue.getByRole('button', { name: uiRe(/Retry/) }).first().click();
  await waitForJobState(page, id, ['done']);
  expect(emulator.requests.filter((r) => r.path === '/v1/images/generations')).toHaveLength(2);
});

test('after the emulator expires every media URL, finished results still display from local storage', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const id = await submitFromPage(page, { mode: 'create-image', prompt: 'keep me', model: 'grok-imagine-image', n: 2, aspectRatio: '1:1', resolution: '1k' });
  await waitForJobState(page, id, ['done']);
  emulator.expireAllMedia();
  await page.reload();
  const images = page.getByRole('region', { name: uiRe(/^Results/) }).getByRole('img');
  await expect(images).toHaveCount(2, { timeout: 10_000 });
  for (const img of await images.all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('src')).toMatch(/^blob:chrome-extension:/);
  }
  expect((await readJobs(page)).find((j) => j.id === id)?.results).toHaveLength(2);
});
