import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/server';
import { getMedia } from '../../lib/storage/media';
import { putJob } from '../../lib/storage/jobs';
import type { JobRequest } from '../../lib/model/request';
import { createHarness, waitForJob } from './helpers/engine-harness';
import { image, video, submit, useEngineEmulator } from './helpers/engine-suite';

const suite = useEngineEmulator();
const posts = (path: string) => suite.emulator.requests.filter((r) => r.method === 'POST' && r.path === path);

describe('job engine against the emulator', () => {
  it('runs text-to-image to done and keeps the bytes locally, with the reported cost', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    const job = await submit(h, image('a red fox'));
    const done = await waitForJob(job.id);
    expect(done.status).toBe('done');
    expect(done.results).toHaveLength(1);
    expect(done.costTicks).toBe(200_000_000);
    const media = await getMedia(done.results[0]!.mediaId);
    expect(media?.blob.size).toBeGreaterThan(1000);
    expect(suite.emulator.mediaRequests[0]?.headers.authorization).toBeUndefined();
  });

  it('keeps finished results displayable after the vendor URLs expire', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    const done = await waitForJob((await submit(h, image('lighthouse'))).id);
    suite.emulator.expireAllMedia();
    const media = await getMedia(done.results[0]!.mediaId);
    expect(media?.mimeType).toBe('image/jpeg');
    expect(new Uint8Array(await media!.blob.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0xff, 0xd8]));
  });

  it('finishes 30 image jobs under the concurrency limit through a 429 burst, one accepted submission each', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl, { concurrency: 3 });
    suite.emulator.inject({ route: 'POST /v1/images/generations', kind: 'rate_limit', retryAfter: 1, times: 4 });
    const jobs = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(h, image(`burst ${i}`))));
    const done = await Promise.all(jobs.map((j) => waitForJob(j.id, undefined, 30_000)));
    expect(done.every((j) => j.status === 'done')).toBe(true);
    expect(h.maxConcurrentSubmits).toBeLessThanOrEqual(3);
    const prompts = posts('/v1/images/generations').map((r) => (r.body as { prompt: string }).prompt);
    // Each prompt was sent once, plus the resends of the 4 requests that were rate limited (never processed).
    expect(new Set(prompts).size).toBe(30);
    expect(prompts.length).toBe(34);
  }, 40_000);

  it('never resends a job caught in "submitting": it is surfaced as interrupted, and Retry sends it', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    const job = await submit(h, image('caught mid-flight'));
    h.kill();
    await waitForJob(job.id);
    // Simulate the worker dying between "submitting" was persisted and the reply arriving.
    await putJob({ ...(await waitForJob(job.id)), status: 'submitting' });
    const before = posts('/v1/images/generations').length;
    const next = createHarness(suite.emulator.apiBaseUrl);
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
    const h = createHarness(suite.emulator.apiBaseUrl, { concurrency: 10 });
    // One fault per job, injected just before it so each lands on the intended request.
    const start = async (request: JobRequest, fault: Parameters<Emulator['inject']>[0]) => {
      suite.emulator.inject(fault);
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
    const h = createHarness(suite.emulator.apiBaseUrl);
    const run = async (request: JobRequest, fault: Parameters<Emulator['inject']>[0]) => {
      suite.emulator.inject(fault);
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

  it('a full disk fails that job with a clear storage message and corrupts nothing', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl, {}, {
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
    const h = createHarness(suite.emulator.apiBaseUrl);
    suite.emulator.configure({ apiKeys: ['some-other-key'] });
    const failed = await waitForJob((await submit(h, image('bad key'))).id);
    expect(failed.error?.kind).toBe('invalid_key');
    expect(posts('/v1/images/generations')).toHaveLength(1);
  });

  it('pauses the queue while offline and resumes when back online', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    h.online = false;
    const job = await submit(h, image('offline'));
    await new Promise((r) => setTimeout(r, 300));
    expect((await waitForJob(job.id, () => true)).status).toBe('queued');
    h.online = true; // no 'online' event: the engine's own recheck must notice
    expect((await waitForJob(job.id)).status).toBe('done');
  });

  it('blocks new jobs at the daily spending cap with a clear message', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl, { dailySpendCapUsd: 0.03 });
    await waitForJob((await submit(h, image('first'))).id);
    const result = await h.engine.submit({ request: image('second') });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('spending_cap');
      expect(result.error.message).toMatch(/\$0\.02 of your \$0\.03 cap/);
    }
  });
});
