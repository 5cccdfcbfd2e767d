import { describe, expect, it } from 'vitest';
import { createHarness, waitForJob } from './helpers/engine-harness';
import { video, submit, useEngineEmulator } from './helpers/engine-suite';

const suite = useEngineEmulator();
const posts = (path: string) => suite.emulator.requests.filter((r) => r.method === 'POST' && r.path === path);

describe('job engine against the emulator: videos', () => {
  it('polls a video to done and downloads it', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    const done = await waitForJob((await submit(h, video('waves'))).id);
    expect(done.status).toBe('done');
    expect(done.results[0]?.kind).toBe('video');
    expect(done.costTicks).toBe(4 * 500_000_000);
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  });

  it('resumes a running video after the worker dies, without submitting it again', async () => {
    // The render ends when the test says so, not when a clock does: a loaded machine can't finish it early.
    suite.emulator.configure({ videoRenderMs: 600_000 });
    const first = createHarness(suite.emulator.apiBaseUrl);
    const job = await submit(first, video('resume me'));
    await waitForJob(job.id, (j) => j.status === 'running');
    first.kill();
    const second = createHarness(suite.emulator.apiBaseUrl);
    await second.engine.start();
    suite.emulator.finishAllVideos();
    const done = await waitForJob(job.id);
    expect(done.status).toBe('done');
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  });

  it('rides out transient poll failures (5xx, malformed body, dropped connection, empty 202)', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    suite.emulator.inject(
      { route: 'GET /v1/videos/:id', kind: 'server_error', status: 503 },
      { route: 'GET /v1/videos/:id', kind: 'malformed_json' },
      { route: 'GET /v1/videos/:id', kind: 'network_drop' },
      { route: 'GET /v1/videos/:id', kind: 'poll_empty_202' },
    );
    const done = await waitForJob((await submit(h, video('bumpy road'))).id, undefined, 30_000);
    expect(done.status).toBe('done');
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  }, 35_000);

  it('cancels a running video: stops polling and says the provider may still finish', async () => {
    suite.emulator.configure({ videoRenderMs: 600_000 });
    const h = createHarness(suite.emulator.apiBaseUrl);
    const job = await submit(h, video('cancel me'));
    await waitForJob(job.id, (j) => j.status === 'running');
    await h.engine.cancel(job.id);
    const cancelled = await waitForJob(job.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.note).toMatch(/may still finish/);
    const polls = suite.emulator.requests.filter((r) => r.method === 'GET').length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(suite.emulator.requests.filter((r) => r.method === 'GET').length).toBe(polls);
  });
});
