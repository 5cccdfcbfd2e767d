import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/server';
import { getMedia } from '../../lib/storage/media';
import { loadRenderHistory } from '../../lib/background/render-history';
import { putJob } from '../../lib/storage/jobs';
import type { JobRequest } from '../../lib/jobs/request';
import { createHarness, freshDatabase, waitForJob } from './helpers/engine-harness';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ port: 0, videoRenderMs: 1_500, rotateReadings: false });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.configure({ videoRenderMs: 1_500 });
  freshDatabase();
});

const image = (prompt: string): JobRequest => ({ mode: 'create-image', prompt, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' });
const video = (prompt: string): JobRequest => ({ mode: 'create-video', prompt, model: 'grok-imagine-video', duration: 4, aspectRatio: '16:9', resolution: '480p' });
const posts = (path: string) => emulator.requests.filter((r) => r.method === 'POST' && r.path === path);

async function submit(h: ReturnType<typeof createHarness>, request: JobRequest) {
  const result = await h.engine.submit({ request });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.job;
}

describe('job engine against the emulator', () => {
  it('runs text-to-image to done and keeps the bytes locally, with the reported cost', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    const job = await submit(h, image('a red fox'));
    const done = await waitForJob(job.id);
    expect(done.status).toBe('done');
    expect(done.results).toHaveLength(1);
    expect(done.costTicks).toBe(200_000_000);
    const media = await getMedia(done.results[0]!.mediaId);
    expect(media?.blob.size).toBeGreaterThan(1000);
    expect(emulator.mediaRequests[0]?.headers.authorization).toBeUndefined();
  });

  it('keeps finished results displayable after the vendor URLs expire', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    const done = await waitForJob((await submit(h, image('lighthouse'))).id);
    emulator.expireAllMedia();
    const media = await getMedia(done.results[0]!.mediaId);
    expect(media?.mimeType).toBe('image/jpeg');
    expect(new Uint8Array(await media!.blob.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0xff, 0xd8]));
  });

  it('finishes 30 image jobs under the concurrency limit through a 429 burst, one accepted submission each', async () => {
    const h = createHarness(emulator.apiBaseUrl, { concurrency: 3 });
    emulator.inject({ route: 'POST /v1/images/generations', kind: 'rate_limit', retryAfter: 1, times: 4 });
    const jobs = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(h, image(`burst ${i}`))));
    const done = await Promise.all(jobs.map((j) => waitForJob(j.id, undefined, 30_000)));
    expect(done.every((j) => j.status === 'done')).toBe(true);
    expect(h.maxConcurrentSubmits).toBeLessThanOrEqual(3);
    const prompts = posts('/v1/images/generations').map((r) => (r.body as { prompt: string }).prompt);
    // Each prompt was sent once, plus the resends of the 4 requests that were rate limited (never processed).
    expect(new Set(prompts).size).toBe(30);
    expect(prompts.length).toBe(34);
  }, 40_000);

  it('polls a video to done and downloads it', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    const done = await waitForJob((await submit(h, video('waves'))).id);
    expect(done.status).toBe('done');
    expect(done.results[0]?.kind).toBe('video');
    expect(done.costTicks).toBe(4 * 500_000_000);
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  });

  it('resumes a running video after the worker dies, without submitting it again', async () => {
    emulator.configure({ videoRenderMs: 3_000 });
    const first = createHarness(emulator.apiBaseUrl);
    const job = await submit(first, video('resume me'));
    await waitForJob(job.id, (j) => j.status === 'running');
    first.kill();
    const second = createHarness(emulator.apiBaseUrl);
    await second.engine.start();
    const done = await waitForJob(job.id);
    expect(done.status).toBe('done');
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  });

  it('never resends a job caught in "submitting": it is surfaced as interrupted, and Retry sends it', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    const job = await submit(h, image('caught mid-flight'));
    h.kill();
    await waitForJob(job.id);
    // Simulate the worker dying between "submitting" was persisted and the reply arriving.
    await putJob({ ...(await waitForJob(job.id)), status: 'submitting' });
    const before = posts('/v1/images/generations').length;
    const next = createHarness(emulator.apiBaseUrl);
    await next.engine.start();
    const interrupted = await waitForJob(job.id);
    expect(interrupted.status).toBe('failed');
    expect(interrupted.error?.kind).toBe('interrupted');
    expect(posts('/v1/images/generations').length).toBe(before);
    await next.engine.retry(job.id);
    const retried = await waitForJob(job.id, (j) => j.status === 'done');
    expect(retried.sends).toBe(2);
    expect(posts('/v1/images/generations').length).toBe(before + 1);
  });

  it('ends each failure in its own reason and leaves the rest of the queue alone', async () => {
    const h = createHarness(emulator.apiBaseUrl, { concurrency: 10 });
    // One fault per job, injected just before it so each lands on the intended request.
    const start = async (request: JobRequest, fault: Parameters<Emulator['inject']>[0]) => {
      emulator.inject(fault);
      const job = await submit(h, request);
      await waitForJob(job.id, (j) => j.status !== 'queued' && j.status !== 'submitting');
      return job;
    };
    const failedVideo = await start(video('will fail'), { route: 'POST /v1/videos/generations', kind: 'job_failed', code: 'internal_error' });
    const expiredVideo = await start(video('will expire'), { route: 'POST /v1/videos/generations', kind: 'job_expired' });
    const moderatedVideo = await start(video('will be moderated'), { route: 'POST /v1/videos/generations', kind: 'moderation_flag' });
    const moderatedImage = await start(image('moderated image'), { route: 'POST /v1/images/generations', kind: 'moderation_http' });
    const broke = await start(image('no credits'), { route: 'POST /v1/images/generations', kind: 'credits_exhausted' });
    const fine = await submit(h, image('unaffected'));

    const kinds = await Promise.all([failedVideo, expiredVideo, moderatedVideo, moderatedImage, broke].map(async (j) => (await waitForJob(j.id)).error?.kind));
    expect(kinds).toEqual(['server_error', 'expired', 'content_policy', 'content_policy', 'credits_exhausted']);
    expect((await waitForJob(fine.id)).status).toBe('done');
  });

  it('recognises moderation in every documented form', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    const run = async (request: JobRequest, fault: Parameters<Emulator['inject']>[0]) => {
      emulator.inject(fault);
      return waitForJob((await submit(h, request)).id);
    };
    // Placeholder images (respect_moderation:false) for every item of the batch.
    expect((await run(image('flagged'), { route: 'POST /v1/images/generations', kind: 'moderation_flag' })).error?.kind).toBe('content_policy');
    // A failed job whose error is invalid_argument with moderation wording.
    const failed = await run(video('failed moderation'), { route: 'POST /v1/videos/generations', kind: 'job_failed', code: 'invalid_argument', message: 'Video rejected by content moderation.' });
    expect(failed.error?.kind).toBe('content_policy');
    // Early servers: HTTP 400 on the poll.
    expect((await run(video('early server'), { route: 'GET /v1/videos/:id', kind: 'moderation_http' })).error?.kind).toBe('content_policy');
  });

  it('rides out transient poll failures (5xx, malformed body, dropped connection, empty 202)', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    emulator.inject(
      { route: 'GET /v1/videos/:id', kind: 'server_error', status: 503 },
      { route: 'GET /v1/videos/:id', kind: 'malformed_json' },
      { route: 'GET /v1/videos/:id', kind: 'network_drop' },
      { route: 'GET /v1/videos/:id', kind: 'poll_empty_202' },
    );
    const done = await waitForJob((await submit(h, video('bumpy road'))).id, undefined, 30_000);
    expect(done.status).toBe('done');
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  }, 35_000);

  it('waits out 429s on polls (≥ 2 s each, never using up retries) and reads a seed-001 done body', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    emulator.configure({ videoRenderMs: 0 });
    // More 429s than the 8 transient attempts a job gets: they must not count.
    emulator.inject({ route: 'GET /v1/videos/:id', kind: 'rate_limit', retryAfter: 0, times: 9 }, { route: 'GET /v1/videos/:id', kind: 'done_form', shape: 'top_level' });
    const started = Date.now();
    const done = await waitForJob((await submit(h, video('through the limit'))).id, undefined, 45_000);
    expect(done.status).toBe('done');
    expect(done.results[0]?.kind).toBe('video');
    const polls = emulator.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/videos/'));
    expect(polls).toHaveLength(10);
    const gaps = polls.slice(1).map((poll, i) => poll.at - (polls[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(18_000);
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  }, 50_000);

  it('times polls by the render times of earlier jobs, learns from each finish, and still waits out a 429 in full', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    const earlier = await waitForJob((await submit(h, video('earlier'))).id);
    expect(earlier.renderSeenAt).toBeDefined();
    const learned = await loadRenderHistory();
    expect(learned).toHaveLength(1);
    expect(learned[0]!.ms).toBeGreaterThan(1_000);
    expect(learned[0]!.ms).toBeLessThan(3_500);
    for (let i = 0; i < 3; i++) {
      const base = Date.now() - 3_600_000 * (i + 1);
      await putJob({ ...earlier, id: `earlier-${i}`, createdAt: base, submittedAt: base, lastPendingAt: base + 1_400, renderSeenAt: base + 1_600 });
    }
    emulator.reset();
    emulator.inject({ route: 'GET /v1/videos/:id', kind: 'rate_limit', retryAfter: 0, times: 1 });
    const done = await waitForJob((await submit(h, video('on time'))).id, undefined, 20_000);
    expect(done.status).toBe('done');
    const [post] = posts('/v1/videos/generations');
    const polls = emulator.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/videos/'));
    // History says ~1.5 s: the first look is at the window (not the prior's 2 s probe), the 429 still costs ≥ 2 s.
    expect(polls[0]!.at - post!.at).toBeGreaterThanOrEqual(1_000);
    expect(polls[0]!.at - post!.at).toBeLessThan(2_000);
    expect(polls[1]!.at - polls[0]!.at).toBeGreaterThanOrEqual(2_000);
    expect(polls).toHaveLength(2);
  }, 30_000);

  it('a full disk fails that job with a clear storage message and corrupts nothing', async () => {
    const h = createHarness(emulator.apiBaseUrl, {}, {
      saveOutput: async () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    });
    const failed = await waitForJob((await submit(h, image('no room'))).id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.kind).toBe('storage');
    expect(failed.results).toEqual([]);
  });

  it('reports an invalid key as such, without retrying', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    emulator.configure({ apiKeys: ['some-other-key'] });
    const failed = await waitForJob((await submit(h, image('bad key'))).id);
    expect(failed.error?.kind).toBe('invalid_key');
    expect(posts('/v1/images/generations')).toHaveLength(1);
  });

  it('pauses the queue while offline and resumes when back online', async () => {
    const h = createHarness(emulator.apiBaseUrl);
    h.online = false;
    const job = await submit(h, image('offline'));
    await new Promise((r) => setTimeout(r, 300));
    expect((await waitForJob(job.id, () => true)).status).toBe('queued');
    h.online = true; // no 'online' event: the engine's own recheck must notice
    expect((await waitForJob(job.id)).status).toBe('done');
  });

  it('cancels a running video: stops polling and says the provider may still finish', async () => {
    emulator.configure({ videoRenderMs: 5_000 });
    const h = createHarness(emulator.apiBaseUrl);
    const job = await submit(h, video('cancel me'));
    await waitForJob(job.id, (j) => j.status === 'running');
    await h.engine.cancel(job.id);
    const cancelled = await waitForJob(job.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.note).toMatch(/may still finish/);
    const polls = emulator.requests.filter((r) => r.method === 'GET').length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(emulator.requests.filter((r) => r.method === 'GET').length).toBe(polls);
  });

  it('blocks new jobs at the daily spending cap with a clear message', async () => {
    const h = createHarness(emulator.apiBaseUrl, { dailySpendCapUsd: 0.03 });
    await waitForJob((await submit(h, image('first'))).id);
    const result = await h.engine.submit({ request: image('second') });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('spending_cap');
      expect(result.error.message).toMatch(/\$0\.02 of your \$0\.03 cap/);
    }
  });
});
