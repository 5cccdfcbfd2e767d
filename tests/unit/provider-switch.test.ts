import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobRequest } from '../../lib/model/request';
import { getMedia } from '../../lib/storage/media';
import { createEmulator, type Emulator } from '../emulator/server';
import { createHarness, freshDatabase, waitForJob } from './helpers/engine-harness';
import { TEST_TIMING } from '../emulator/timing';

/**
 * Jobs freeze their provider and base URL at creation: switching provider in Options while jobs run sends
 * nothing of theirs elsewhere. One emulator serves all three providers (xAI /v1, Vydra /vydra/api/v1,
 * Runware /runware/v1), so the request log shows where each job's polls went.
 */

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 1_200, rotateReadings: false });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  freshDatabase();
});

const video = (prompt: string): JobRequest => ({ mode: 'create-video', prompt, model: 'grok-imagine-video', duration: 4, aspectRatio: '16:9', resolution: '480p' });
const image = (prompt: string): JobRequest => ({ mode: 'create-image', prompt, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' });

describe('switching provider with jobs in flight', () => {
  it('each job keeps the provider (and base URL) it started with, through to done', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    h.settings = { ...h.settings, baseUrls: { xai: emulator.apiBaseUrl, vydra: emulator.vydraBaseUrl, runware: emulator.runwareBaseUrl } };
    const submit = async (request: JobRequest) => {
      const result = await h.engine.submit({ request });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.job;
    };

    const onXai = await submit(video('xai video'));
    h.settings = { ...h.settings, provider: 'vydra' };
    const onVydra = await submit(video('vydra video'));
    h.settings = { ...h.settings, provider: 'runware' };
    const onRunware = await submit(video('runware video'));
    // And back again, with a different base URL for xAI: the first job must not follow it.
    h.settings = { ...h.settings, provider: 'xai', baseUrls: { ...h.settings.baseUrls, xai: `${emulator.url}/elsewhere/v1` } };

    expect([onXai.provider, onVydra.provider, onRunware.provider]).toEqual(['xai', 'vydra', 'runware']);
    expect(onVydra.baseUrl).toBe(emulator.vydraBaseUrl);

    const done = await Promise.all([onXai, onVydra, onRunware].map((job) => waitForJob(job.id, undefined, 20_000)));
    expect(done.map((j) => j.status)).toEqual(['done', 'done', 'done']);
    expect(done[1]!.costTicks).toBeUndefined(); // Vydra bills credits, never converted to USD
    expect(done[2]!.costTicks).toBeGreaterThan(0);
    for (const job of done) expect((await getMedia(job.results[0]!.mediaId))?.mimeType).toBe('video/mp4');

    const paths = emulator.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths.filter((p) => p.startsWith('GET /v1/videos/')).length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.startsWith('GET /vydra/api/v1/jobs/')).length).toBeGreaterThan(0);
    expect(paths.filter((p) => p === 'POST /runware/v1').length).toBeGreaterThan(1); // submit + getResponse polls
    expect(paths.some((p) => p.includes('/elsewhere/'))).toBe(false);
    h.kill();
  });

  it('a job keeps its provider across a worker restart (a fresh engine on the same database)', async () => {
    const first = createHarness(emulator.apiBaseUrl, { provider: 'runware' });
    first.settings = { ...first.settings, baseUrls: { ...first.settings.baseUrls, runware: emulator.runwareBaseUrl } };
    const result = await first.engine.submit({ request: video('survives') });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    await waitForJob(result.job.id, (j) => j.status === 'running');
    first.kill();

    const second = createHarness(emulator.apiBaseUrl, { provider: 'xai' });
    await second.engine.start();
    const done = await waitForJob(result.job.id, undefined, 20_000);
    expect(done).toMatchObject({ status: 'done', provider: 'runware', baseUrl: emulator.runwareBaseUrl });
    second.kill();
  });

  // The Vydra adapter reports `costCredits` on its outcomes; lib/jobs/engine.ts copies only `costTicks` so far.
  // Flip to `it` once the engine also copies `costCredits` (send + poll-done, and clears it on retry).
  it('keeps the credits Vydra charged on the job', async () => {
    const h = createHarness(emulator.apiBaseUrl, { provider: 'vydra' });
    h.settings = { ...h.settings, baseUrls: { ...h.settings.baseUrls, vydra: emulator.vydraBaseUrl } };
    const result = await h.engine.submit({ request: image('credits') });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const done = await waitForJob(result.job.id);
    h.kill();
    expect(done.costCredits).toBe(8);
  });

  it('the engine refuses a mode the selected provider lacks, with the capability reason', async () => {
    const h = createHarness(emulator.apiBaseUrl, { provider: 'vydra' });
    h.settings = { ...h.settings, baseUrls: { ...h.settings.baseUrls, vydra: emulator.vydraBaseUrl } };
    const result = await h.engine.submit({
      request: { mode: 'extend-video', prompt: 'more', model: 'grok-imagine-video', sources: [{ mediaId: 'x', mimeType: 'video/mp4' }], duration: 4 },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_request', message: expect.stringMatching(/Vydra offers/) } });
    const ok = await h.engine.submit({ request: image('vydra image') });
    expect(ok.ok).toBe(true);
    if (ok.ok) await waitForJob(ok.job.id);
    h.kill();
  });
});
