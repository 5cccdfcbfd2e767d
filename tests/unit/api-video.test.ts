import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImagineClient } from '../../lib/api/client';
import { ImagineError } from '../../lib/errors/taxonomy';

// --- tiny fetch stub ----------------------------------------------------------------------------------
type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;
function client(respond: Responder) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  });
  return { api: new ImagineClient({ apiKey: 'k', fetch: fetch as unknown as typeof globalThis.fetch }), calls };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const poll = (status: number, body?: unknown) =>
  client(() => (body === undefined ? new Response(null, { status }) : json(status, body))).api.getVideo('vid-1');
async function caught(promise: Promise<unknown>): Promise<ImagineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImagineError);
  return error as ImagineError;
}
const sentBody = (call: { init: RequestInit } | undefined) => JSON.parse(String(call?.init.body)) as unknown;
// ------------------------------------------------------------------------------------------------------

afterEach(() => vi.restoreAllMocks());

describe('submissions', () => {
  it('generateVideo POSTs /videos/generations and reads request_id from a 200', async () => {
    const { api, calls } = client(() => json(200, { request_id: 'd97415a1-aaaa' }));
    const result = await api.generateVideo({
      prompt: 'a cat <IMAGE_0>',
      model: 'grok-imagine-video-1.5',
      duration: 6,
      aspect_ratio: '9:16',
      resolution: '720p',
      // Reference-to-video is at most 720p (imagine-api.md, second pass): 1080p is refused before the wire.
      reference_images: [{ url: 'https://x/r.png' }],
    });
    expect(result).toEqual({ requestId: 'd97415a1-aaaa' });
    expect(calls[0]?.url).toBe('https://api.x.ai/v1/videos/generations');
    expect(sentBody(calls[0])).toEqual({
      prompt: 'a cat <IMAGE_0>',
      model: 'grok-imagine-video-1.5',
      duration: 6,
      aspect_ratio: '9:16',
      resolution: '720p',
      reference_images: [{ url: 'https://x/r.png' }],
    });
  });

  it('image-to-video may omit the prompt', async () => {
    const { api, calls } = client(() => json(200, { request_id: 'r' }));
    await api.generateVideo({ image: { url: 'data:image/jpeg;base64,/9j/' } });
    expect(sentBody(calls[0])).toEqual({ image: { url: 'data:image/jpeg;base64,/9j/' } });
  });

  it('editVideo and extendVideo hit their endpoints with video:{url}', async () => {
    const { api, calls } = client(() => json(200, { request_id: 'r' }));
    await api.editVideo({ prompt: 'make it night', video: { url: 'https://vidgen.x.ai/a.mp4' } });
    await api.extendVideo({ prompt: 'and then', video: { url: 'https://vidgen.x.ai/a.mp4' }, duration: 4 });
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.x.ai/v1/videos/edits',
      'https://api.x.ai/v1/videos/extensions',
    ]);
    expect(sentBody(calls[0])).toEqual({ prompt: 'make it night', video: { url: 'https://vidgen.x.ai/a.mp4' } });
    expect(sentBody(calls[1])).toEqual({ prompt: 'and then', video: { url: 'https://vidgen.x.ai/a.mp4' }, duration: 4 });
  });

  it('a 2xx without request_id is a malformed response', async () => {
    const error = await caught(client(() => json(200, { id: 'x' })).api.generateVideo({ prompt: 'p' }));
    expect(error.kind).toBe('server_error');
  });

  it('errors come back synchronously on submission (throw)', async () => {
    const error = await caught(
      client(() => json(429, { code: 'resource-exhausted', error: 'Too many requests' }, { 'retry-after': '2' })).api.generateVideo({ prompt: 'p' }),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(2000);
  });
});

describe('getVideo: pending', () => {
  it('202 with a body', async () => {
    expect(await poll(202, { status: 'pending', progress: 42 })).toEqual({ state: 'pending', progress: 42 });
  });
  it('202 with an empty body', async () => {
    expect(await poll(202)).toEqual({ state: 'pending' });
  });
  it('200 with status pending', async () => {
    expect(await poll(200, { status: 'pending' })).toEqual({ state: 'pending' });
  });
  it('unknown status → pending, logged once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await poll(200, { status: 'queued_for_gpu', progress: 3 })).toEqual({ state: 'pending', progress: 3 });
    await poll(200, { status: 'queued_for_gpu' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('queued_for_gpu');
  });
  it('polls GET /videos/{id}', async () => {
    const { api, calls } = client(() => new Response(null, { status: 202 }));
    await api.getVideo('d974-15a1');
    expect(calls[0]?.url).toBe('https://api.x.ai/v1/videos/d974-15a1');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
  });
});

describe('getVideo: done', () => {
  it('maps the documented done body', async () => {
    expect(
      await poll(200, {
        status: 'done',
        video: { url: 'https://vidgen.x.ai/v.mp4', duration: 8, respect_moderation: true },
        model: 'grok-imagine-video',
        usage: { cost_in_usd_ticks: 4_000_000_000 },
        progress: 100,
      }),
    ).toEqual({ state: 'done', url: 'https://vidgen.x.ai/v.mp4', durationS: 8, model: 'grok-imagine-video', costTicks: 4_000_000_000 });
  });
  it('done without status (early servers)', async () => {
    expect(await poll(200, { video: { url: 'https://vidgen.x.ai/v.mp4' } })).toEqual({
      state: 'done',
      url: 'https://vidgen.x.ai/v.mp4',
    });
  });
  it('respect_moderation:false with an empty url → failed content_policy', async () => {
    expect(await poll(200, { status: 'done', video: { url: '', respect_moderation: false } })).toMatchObject({
      state: 'failed',
      error: { kind: 'content_policy', requestId: 'vid-1' },
    });
    expect(await poll(200, { video: { url: '', respect_moderation: false } })).toMatchObject({
      state: 'failed',
      error: { kind: 'content_policy' },
    });
  });
  it('respect_moderation:false even with a url → content_policy (it is a placeholder)', async () => {
    expect(await poll(200, { status: 'done', video: { url: 'https://x/p.mp4', respect_moderation: false } })).toMatchObject({
      state: 'failed',
      error: { kind: 'content_policy' },
    });
  });
  it('done with an empty url → content_policy', async () => {
    expect(await poll(200, { status: 'done', video: { url: '' } })).toMatchObject({
      state: 'failed',
      error: { kind: 'content_policy' },
    });
  });
});

describe('getVideo: failed and expired', () => {
  const failed = (code: string, message: string) => poll(200, { status: 'failed', error: { code, message } });
  it.each([
    ['invalid_argument', 'Prompt too long', 'invalid_request'],
    ['invalid_argument', 'Video rejected by content moderation', 'content_policy'],
    ['invalid_argument', 'The prompt violates our content policy', 'content_policy'],
    ['permission_denied', 'No access to this model', 'permission_denied'],
    ['failed_precondition', 'Input video is longer than 8.7 s', 'invalid_request'],
    ['service_unavailable', 'Try again later', 'server_error'],
    ['internal_error', 'Something broke', 'server_error'],
    ['something_new', 'Who knows', 'server_error'],
  ])('%s "%s" → %s', async (code, message, kind) => {
    expect(await failed(code, message)).toEqual({ state: 'failed', error: { kind, message, code, requestId: 'vid-1' } });
  });
  it('failed without an error object still fails, with a message', async () => {
    const status = await poll(200, { status: 'failed' });
    expect(status.state).toBe('failed');
    if (status.state === 'failed') expect(status.error.message.length).toBeGreaterThan(0);
  });
  it('expired', async () => {
    expect(await poll(200, { status: 'expired' })).toEqual({ state: 'expired' });
  });
});

describe('getVideo: HTTP errors', () => {
  it('HTTP 400 moderation on a poll (early servers) → returned as failed content_policy', async () => {
    expect(
      await poll(400, { code: 'imagine:content-moderated', error: 'Video rejected by content moderation.' }),
    ).toMatchObject({ state: 'failed', error: { kind: 'content_policy', status: 400 } });
  });
  it('404 → throws not_found', async () => {
    const error = await caught(poll(404, { code: 'not-found', error: 'Request not found' }));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
  });
  it('other HTTP errors throw with their usual kind', async () => {
    expect((await caught(poll(500, { error: 'boom' }))).kind).toBe('server_error');
    expect((await caught(poll(401, { error: 'bad key' }))).kind).toBe('invalid_key');
  });
  it('200 with an empty or non-JSON body → server_error (a later poll may work)', async () => {
    expect((await caught(poll(200))).kind).toBe('server_error');
    const garbage = client(() => new Response('<html>', { status: 200 })).api.getVideo('v');
    expect((await caught(garbage)).kind).toBe('server_error');
  });
  it('an empty id is refused locally', async () => {
    const { api, calls } = client(() => json(200, {}));
    expect((await caught(api.getVideo(' '))).kind).toBe('invalid_request');
    expect(calls).toHaveLength(0);
  });
});
