import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImagineClient } from '../../lib/api/client';
import { fetchMedia } from '../../lib/api/download';
import { ImagineError, type ErrorKind } from '../../lib/errors/taxonomy';
import { createEmulator, type Emulator } from '../emulator/server';
import { TEST_TIMING } from '../emulator/timing';

/**
 * The real client against the emulator: every endpoint, every documented quirk, every error. The unit
 * tests with stubbed fetch pin the parsing; these prove the two agree over real HTTP.
 */
let emulator: Emulator;
let client: ImagineClient;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 400, rotateReadings: false });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  client = new ImagineClient({ apiKey: 'xai-emulator-key', baseUrl: emulator.apiBaseUrl });
});

const png1x1 =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

async function errorKind(promise: Promise<unknown>): Promise<{ kind: ErrorKind; retryAfterMs?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImagineError) return { kind: error.kind, message: error.message, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
    throw error;
  }
  throw new Error('expected an error');
}

async function pollUntilSettled(id: string) {
  for (let i = 0; i < 100; i++) {
    const status = await client.getVideo(id);
    if (status.state !== 'pending') return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never settled');
}

describe('endpoints', () => {
  it('images/generations: n images, cost, downloadable without auth', async () => {
    const batch = await client.generateImages({ prompt: 'a cat', model: 'grok-imagine-image', n: 3, aspect_ratio: '16:9' });
    expect(batch.images).toHaveLength(3);
    expect(batch.costTicks).toBe(3 * 200_000_000);
    const blob = await fetchMedia(batch.images[0]!.url!);
    expect(blob.type).toBe('image/jpeg');
    expect(emulator.mediaRequests[0]?.headers.authorization).toBeUndefined();
  });

  it('images/generations b64_json, bare and legacy-prefixed', async () => {
    const bare = await client.generateImages({ prompt: 'b64', response_format: 'b64_json' });
    expect(bare.images[0]?.b64).toMatch(/^\/9j\//); // JPEG magic in base64
    emulator.inject({ kind: 'b64_prefixed' });
    const legacy = await client.generateImages({ prompt: 'b64', response_format: 'b64_json' });
    expect(legacy.images[0]?.b64).toMatch(/^\/9j\//);
  });

  it('images/edits: one image, and a multi-image edit with a ratio', async () => {
    const single = await client.editImages({ prompt: 'sketch', image: { url: png1x1 } });
    expect(single.images).toHaveLength(1);
    const multi = await client.editImages({ prompt: '<IMAGE_0> with <IMAGE_1>', images: [{ url: png1x1 }, { url: png1x1, type: 'image_url' } as never], aspect_ratio: '3:2' });
    expect(multi.images).toHaveLength(1);
  });

  it('deferred image generation: submit then poll to done', async () => {
    const { requestId } = await client.submitDeferredImages({ prompt: 'later' });
    let status = await client.getDeferredImages(requestId);
    for (let i = 0; status.state === 'pending' && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await client.getDeferredImages(requestId);
    }
    expect(status.state).toBe('done');
  });

  it('video generations (text, image-to-video, references), edits and extensions all poll to done', async () => {
    const submissions = await Promise.all([
      client.generateVideo({ prompt: 'waves', duration: 3 }),
      client.generateVideo({ image: { url: png1x1 }, duration: 2 }),
      client.generateVideo({ prompt: '<IMAGE_0> dances', reference_images: [{ url: png1x1 }] }),
    ]);
    const done = await Promise.all(submissions.map((s) => pollUntilSettled(s.requestId)));
    expect(done.map((d) => d.state)).toEqual(['done', 'done', 'done']);
    const videoUrl = (done[0] as { url: string }).url;
    const video = await fetchMedia(videoUrl);
    const asData = `data:video/mp4;base64,${Buffer.from(await video.arrayBuffer()).toString('base64')}`;
    const edit = await client.editVideo({ prompt: 'make it snow', video: { url: asData } });
    const extension = await client.extendVideo({ prompt: 'keep going', video: { url: asData }, duration: 2 });
    expect((await pollUntilSettled(edit.requestId)).state).toBe('done');
    expect((await pollUntilSettled(extension.requestId)).state).toBe('done');
  });

  it('api-key: works with a good key, invalid_key with a bad one', async () => {
    await expect(client.getApiKeyInfo()).resolves.toBeTruthy();
    const bad = new ImagineClient({ apiKey: 'xai-wrong', baseUrl: emulator.apiBaseUrl });
    expect((await errorKind(bad.getApiKeyInfo())).kind).toBe('invalid_key');
  });
});

describe('poll quirks', () => {
  it('treats an empty 202, a 200 pending and a done without status correctly', async () => {
    emulator.configure({ videoRenderMs: 60_000 }); // finished below by finishAllVideos(), never by the clock
    const { requestId } = await client.generateVideo({ prompt: 'quirks' });
    emulator.inject({ route: 'GET /v1/videos/:id', kind: 'poll_empty_202' });
    expect((await client.getVideo(requestId)).state).toBe('pending');
    emulator.inject({ route: 'GET /v1/videos/:id', kind: 'poll_pending_200' });
    expect((await client.getVideo(requestId)).state).toBe('pending');
    emulator.finishAllVideos();
    emulator.inject({ route: 'GET /v1/videos/:id', kind: 'done_without_status' });
    const done = await client.getVideo(requestId);
    expect(done.state).toBe('done');
  });

  it('reports failed, expired and moderated jobs as outcomes, unknown ids as not_found', async () => {
    emulator.inject({ route: 'POST /v1/videos/generations', kind: 'job_failed', code: 'internal_error' });
    const failed = await pollUntilSettled((await client.generateVideo({ prompt: 'f' })).requestId);
    expect(failed).toMatchObject({ state: 'failed', error: { kind: 'server_error' } });
    emulator.inject({ route: 'POST /v1/videos/generations', kind: 'job_expired' });
    expect((await pollUntilSettled((await client.generateVideo({ prompt: 'e' })).requestId)).state).toBe('expired');
    emulator.inject({ route: 'POST /v1/videos/generations', kind: 'moderation_flag' });
    expect(await pollUntilSettled((await client.generateVideo({ prompt: 'm' })).requestId)).toMatchObject({ state: 'failed', error: { kind: 'content_policy' } });
    expect((await errorKind(client.getVideo('00000000-0000-4000-8000-000000000000'))).kind).toBe('not_found');
  });
});

describe('errors', () => {
  const gen = () => client.generateImages({ prompt: 'x' });

  it('rate limits with Retry-After in seconds, as an HTTP date, and without', async () => {
    emulator.inject({ kind: 'rate_limit', retryAfter: 3 });
    expect(await errorKind(gen())).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_000 });
    emulator.inject({ kind: 'rate_limit', retryAfter: 'http-date' });
    const dated = await errorKind(gen());
    expect(dated.kind).toBe('rate_limited');
    expect(dated.retryAfterMs).toBeGreaterThanOrEqual(0);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(3_000);
    emulator.inject({ kind: 'rate_limit' });
    expect(await errorKind(gen())).toEqual(expect.objectContaining({ kind: 'rate_limited' }));
  });

  it('credits exhausted on 403 and on legacy 429', async () => {
    emulator.inject({ kind: 'credits_exhausted' });
    expect((await errorKind(gen())).kind).toBe('credits_exhausted');
    emulator.inject({ kind: 'credits_exhausted', legacy429: true });
    expect((await errorKind(gen())).kind).toBe('credits_exhausted');
  });

  it('content moderation as HTTP 400 and as placeholder items', async () => {
    emulator.inject({ kind: 'moderation_http' });
    expect((await errorKind(gen())).kind).toBe('content_policy');
    emulator.inject({ kind: 'moderation_flag' });
    expect((await errorKind(gen())).kind).toBe('content_policy');
  });

  it('server errors, malformed JSON, dropped connections, slow responses past the timeout', async () => {
    for (const status of [500, 502, 503, 529] as const) {
      emulator.inject({ kind: 'server_error', status });
      expect((await errorKind(gen())).kind).toBe('server_error');
    }
    emulator.inject({ kind: 'malformed_json' });
    expect((await errorKind(gen())).kind).toBe('server_error');
    emulator.inject({ kind: 'network_drop' });
    expect((await errorKind(gen())).kind).toBe('network');
    emulator.inject({ kind: 'slow', ms: 1_000 });
    expect((await errorKind(client.generateImages({ prompt: 'x' }, { timeoutMs: 200 }))).kind).toBe('timeout');
  });

  it('every error-body shape carries the server message', async () => {
    for (const shape of ['native', 'openai', 'string'] as const) {
      emulator.inject({ kind: 'error_shape', shape }, { kind: 'server_error', status: 500 });
      const error = await errorKind(gen());
      expect(error.kind).toBe('server_error');
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('validation errors come back as invalid_request with the server’s words', async () => {
    // Bypass client-side validation to see what the server says.
    const raw = (body: unknown) =>
      fetch(`${emulator.apiBaseUrl}/images/edits`, { method: 'POST', headers: { authorization: 'Bearer xai-emulator-key', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await raw({ prompt: 'x', image: { url: png1x1 }, images: [{ url: png1x1 }] })).status).toBe(400);
    const multipart = await fetch(`${emulator.apiBaseUrl}/images/edits`, { method: 'POST', headers: { authorization: 'Bearer xai-emulator-key', 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' });
    expect(multipart.status).toBe(415);
    const unauth = await fetch(`${emulator.apiBaseUrl}/images/generations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"x"}' });
    expect(unauth.status).toBe(401);
    const unknownModel = await errorKind(client.generateImages({ prompt: 'x', model: 'grok-imagine-nope' }));
    expect(unknownModel.kind).toBe('invalid_request');
    expect(unknownModel.message).toMatch(/model/i);
  });

  it('expired media URLs are reported as expired', async () => {
    const batch = await gen();
    emulator.expireAllMedia();
    expect((await errorKind(fetchMedia(batch.images[0]!.url!))).kind).toBe('expired');
  });
});
