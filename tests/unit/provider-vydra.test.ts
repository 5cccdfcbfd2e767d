import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../lib/model/job';
import type { JobRequest, SourceRef } from '../../lib/model/request';
import type { ProviderContext } from '../../lib/providers/types';
import { vydraCapabilities, vydraProvider, vydraRequestBody } from '../../lib/providers/vydra';
import { createEmulator, type Emulator } from '../emulator/server';
import { rejection } from './helpers/rejection';
import { TEST_TIMING } from '../emulator/timing';

/** Vydra adapter: request mapping, answers and errors (against the emulator, and malformed bodies from a stub). */

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 60_000 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());
afterEach(() => vi.restoreAllMocks());

const SOURCE: SourceRef = { mediaId: 'm1', mimeType: 'image/png' };
const job = (request: JobRequest, remoteId?: string): Job =>
  ({ id: 'j', provider: 'vydra', baseUrl: emulator.vydraBaseUrl, request, status: 'submitting', ...(remoteId ? { remoteId } : {}) }) as unknown as Job;
const ctx = (resolved = 'data:image/png;base64,AAAA', key = 'vydra-emulator-key'): ProviderContext => ({
  apiKey: key,
  baseUrl: emulator.vydraBaseUrl,
  signal: new AbortController().signal,
  resolveSource: async () => resolved,
});
type Req<M extends JobRequest['mode']> = Extract<JobRequest, { mode: M }>;
const image = (prompt = 'a dragon'): Req<'create-image'> => ({ mode: 'create-image', prompt, model: 'grok-imagine-image', n: 1, aspectRatio: '16:9', resolution: '1k' });
const video = (prompt = 'neon alley'): Req<'create-video'> => ({ mode: 'create-video', prompt, model: 'grok-imagine-video', duration: 5, aspectRatio: '9:16', resolution: '480p' });
const animate = (): JobRequest => ({ mode: 'animate-image', prompt: '', model: 'grok-imagine-video', sources: [SOURCE], duration: 4, resolution: '480p' });

describe('Vydra request mapping', () => {
  it('maps each mode to the sub-model and documented fields', async () => {
    expect(await vydraRequestBody(job(image()), ctx())).toEqual({ prompt: 'a dragon', model: 'text-to-image', aspect_ratio: '16:9' });
    expect(await vydraRequestBody(job({ ...image(), aspectRatio: 'auto' }), ctx())).toEqual({ prompt: 'a dragon', model: 'text-to-image' });
    expect(await vydraRequestBody(job(video()), ctx())).toEqual({ prompt: 'neon alley', model: 'text-to-video', aspect_ratio: '9:16', duration: 5 });
    expect(await vydraRequestBody(job(animate()), ctx('https://cdn.example/cat.png'))).toEqual({ model: 'image-to-video', image_url: 'https://cdn.example/cat.png', duration: 4 });
    const edit: JobRequest = { mode: 'edit-image', prompt: 'snow', model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [SOURCE] };
    expect(await vydraRequestBody(job(edit), ctx('https://cdn.example/cat.png'))).toEqual({ prompt: 'snow', model: 'text-to-image', image_url: 'https://cdn.example/cat.png' });
  });

  it('sends bytes through POST /upload and uses the {url} it answers (image_url stays a URL)', async () => {
    const { PNG } = await import('pngjs');
    const png = new PNG({ width: 16, height: 12 });
    png.data.fill(180);
    const dataUri = `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
    const body = await vydraRequestBody(job(animate()), ctx(dataUri));
    expect(body.image_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);
    const upload = emulator.requests.find((r) => r.path === '/vydra/api/v1/upload');
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data/);
    // The uploaded URL is one Vydra itself can fetch: the job goes through.
    expect(await vydraProvider.submit(job(animate()), ctx(body.image_url))).toMatchObject({ type: 'async' });
    const refused = await rejection(vydraRequestBody(job(animate()), ctx('data:image/png;base64,AAAA')));
    expect(refused.kind).toBe('invalid_request');
  });

  it('Cancel asks Vydra to stop the job: DELETE /jobs/{id}; then polls say cancelled (failed)', async () => {
    const outcome = await vydraProvider.submit(job(video()), ctx());
    if (outcome.type !== 'async') throw new Error('expected a job');
    await vydraProvider.cancel!(job(video(), outcome.remoteId) as Job & { remoteId: string }, ctx());
    expect(emulator.requests.some((r) => r.method === 'DELETE' && r.path === `/vydra/api/v1/jobs/${outcome.remoteId}`)).toBe(true);
    expect((await vydraProvider.poll(job(video(), outcome.remoteId) as Job & { remoteId: string }, ctx())).state).toBe('failed');
    // An unknown job is nothing to stop.
    await expect(vydraProvider.cancel!(job(video(), 'job_gone') as Job & { remoteId: string }, ctx())).resolves.toBeUndefined();
  });

  it('refuses what Vydra cannot do: counts above 1, unsupported ratios, other modes (with the capability reason)', async () => {
    expect((await rejection(vydraRequestBody(job({ ...image(), n: 2 }), ctx()))).message).toMatch(/one image per request/);
    expect((await rejection(vydraRequestBody(job({ ...image(), aspectRatio: '21:9' }), ctx()))).message).toMatch(/aspect ratios/);
    const extend: JobRequest = { mode: 'extend-video', prompt: 'more', model: 'grok-imagine-video', sources: [{ mediaId: 'v', mimeType: 'video/mp4' }], duration: 4 };
    expect((await rejection(vydraRequestBody(job(extend), ctx()))).message).toMatch(/text-to-image, text-to-video and image-to-video only/);
  });

  it('capabilities give a reason for every mode it lacks', () => {
    for (const mode of ['reference-video', 'edit-video', 'extend-video'] as const) {
      expect(vydraCapabilities.modes[mode]).toBeUndefined();
      expect(vydraCapabilities.unavailableReason[mode]).toMatch(/Vydra offers/);
    }
    expect(vydraCapabilities.maxCount).toBe(1);
    expect(vydraCapabilities.promptMaxLength).toBe(5000);
  });
});

describe('Vydra against the emulator', () => {
  it('text-to-image comes back as outputs with the credits charged', async () => {
    const outcome = await vydraProvider.submit(job(image()), ctx());
    expect(outcome).toMatchObject({ type: 'outputs', moderatedCount: 0, costCredits: 8 });
    if (outcome.type !== 'outputs') throw new Error('expected outputs');
    expect(outcome.outputs).toEqual([{ kind: 'image', url: expect.stringContaining('/media/') }]);
    expect(outcome.costTicks).toBeUndefined();
  });

  it('text-to-video: 202 → async jobId, polled pending then done with the video and credits', async () => {
    const outcome = await vydraProvider.submit(job(video()), ctx());
    expect(outcome).toMatchObject({ type: 'async', costCredits: 150 });
    if (outcome.type !== 'async') throw new Error('expected async');
    const running = job(video(), outcome.remoteId) as Job & { remoteId: string };
    expect(await vydraProvider.poll(running, ctx())).toEqual({ state: 'pending' });
    emulator.finishAllVideos();
    expect(await vydraProvider.poll(running, ctx())).toEqual({
      state: 'done',
      outputs: [{ kind: 'video', url: expect.stringContaining('.mp4'), mimeType: 'video/mp4', durationS: 5 }],
      costCredits: 150,
    });
  });

  it('image-to-video with a public URL source', async () => {
    const first = await vydraProvider.submit(job(image()), ctx());
    const url = first.type === 'outputs' ? first.outputs[0]!.url! : '';
    const outcome = await vydraProvider.submit(job(animate()), ctx(url));
    expect(outcome.type).toBe('async');
    expect(emulator.requests.at(-1)?.body).toMatchObject({ model: 'image-to-video', image_url: url });
  });

  it('a failed job becomes failed with Vydra’s message; an unknown job is not_found', async () => {
    emulator.inject({ route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'job_failed', message: 'Generated video rejected by content moderation.' });
    const outcome = await vydraProvider.submit(job(video()), ctx());
    emulator.finishAllVideos();
    const polled = await vydraProvider.poll(job(video(), outcome.type === 'async' ? outcome.remoteId : '') as Job & { remoteId: string }, ctx());
    expect(polled).toMatchObject({ state: 'failed', error: { kind: 'content_policy', message: 'Generated video rejected by content moderation.' } });
    const missing = await rejection(vydraProvider.poll(job(video(), 'job_nope') as Job & { remoteId: string }, ctx()));
    expect(missing.kind).toBe('not_found');
  });

  it('maps HTTP errors: 401 invalid_key, 402 credits_exhausted, 429 rate_limited with Retry-After, 502 HTML server_error', async () => {
    expect((await rejection(vydraProvider.submit(job(image()), ctx(undefined, 'wrong')))).kind).toBe('invalid_key');
    emulator.inject(
      { route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'credits_exhausted' },
      { route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'rate_limit', retryAfter: 4 },
      { route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'server_error', status: 502 },
    );
    const credits = await rejection(vydraProvider.submit(job(image()), ctx()));
    expect(credits).toMatchObject({ kind: 'credits_exhausted', status: 402 });
    expect(credits.message).toMatch(/Insufficient credits/);
    expect(await rejection(vydraProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 4000 });
    expect(await rejection(vydraProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'server_error', status: 502 });
  });

  it('a truncated (malformed) answer is a server_error', async () => {
    emulator.inject({ route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'malformed_json' });
    const error = await rejection(vydraProvider.submit(job(image()), ctx()));
    expect(error.kind).toBe('server_error');
    expect(error.message).toMatch(/malformed/);
  });

  it('testConnection: a good key is connected (GET /organization, with the credits left), a bad one is invalid_key', async () => {
    expect(await vydraProvider.testConnection(ctx())).toMatch(/Connected.*4,250 credits left/);
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/vydra/api/v1/organization' });
    expect((await rejection(vydraProvider.testConnection(ctx(undefined, 'wrong')))).kind).toBe('invalid_key');
  });
});

describe('Vydra with malformed bodies', () => {
  const stub = (status: number, body: string) =>
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, { status, headers: { 'content-type': 'application/json' } }));

  it('a 200 that is neither a result nor a job, or not an object, is a malformed server_error', async () => {
    for (const body of ['{"status":"completed"}', '[]', '"ok"', '{"jobId":42}']) {
      stub(200, body);
      const error = await rejection(vydraProvider.submit(job(image()), ctx()));
      expect(error.kind, body).toBe('server_error');
      vi.restoreAllMocks();
    }
  });

  it('a completed poll without any URL is malformed; unknown statuses keep polling; failed with a string error', async () => {
    const running = job(video(), 'job_1') as Job & { remoteId: string };
    stub(200, '{"id":"job_1","status":"completed","output":{}}');
    expect((await rejection(vydraProvider.poll(running, ctx()))).kind).toBe('server_error');
    vi.restoreAllMocks();
    stub(200, '{"id":"job_1","status":"warming_up"}');
    expect(await vydraProvider.poll(running, ctx())).toEqual({ state: 'pending' });
    vi.restoreAllMocks();
    stub(200, '{"id":"job_1","status":"failed","error":"quota of upstream exceeded"}');
    expect(await vydraProvider.poll(running, ctx())).toMatchObject({ state: 'failed', error: { message: 'quota of upstream exceeded' } });
  });

  it('error bodies in plain text or {message} still give the message', async () => {
    stub(400, '{"message":"prompt is required"}');
    expect(await rejection(vydraProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'invalid_request', message: 'prompt is required' });
    vi.restoreAllMocks();
    stub(500, 'upstream exploded');
    expect(await rejection(vydraProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'server_error', message: 'upstream exploded' });
  });
});
