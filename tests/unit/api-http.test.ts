import { describe, expect, it, vi } from 'vitest';
import { ImagineClient } from '../../lib/api/client';
import { ImagineError, type ErrorKind } from '../../lib/errors/taxonomy';
import { parseErrorBody, parseRetryAfter } from '../../lib/api/classify';
import { OK_BODY_MAX_BYTES } from '../../lib/api/http';

// --- tiny fetch stub: records calls, answers with whatever the test returns --------------------------
type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;
function stubFetch(respond: Responder) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const client = (respond: Responder, extra: Partial<ConstructorParameters<typeof ImagineClient>[0]> = {}) => {
  const stub = stubFetch(respond);
  return { api: new ImagineClient({ apiKey: 'xai-test', fetch: stub.fetch, ...extra }), calls: stub.calls };
};
async function caught(promise: Promise<unknown>): Promise<ImagineError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImagineError);
    return error as ImagineError;
  }
  throw new Error('expected a rejection');
}
const IMAGE_OK = { data: [{ url: 'https://imgen.x.ai/a.jpeg', mime_type: 'image/jpeg' }] };
// ------------------------------------------------------------------------------------------------------

describe('request shape', () => {
  it('POSTs exactly the validated JSON with Bearer auth and JSON content type', async () => {
    const { api, calls } = client(() => json(200, IMAGE_OK));
    await api.generateImages({ prompt: 'a cat', model: 'grok-imagine-image-2.0', n: 2, aspect_ratio: '21:9', quality: 'medium' });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://api.x.ai/v1/images/generations');
    expect(call?.init.method).toBe('POST');
    const headers = call?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer xai-test');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(call?.init.body))).toEqual({
      prompt: 'a cat',
      model: 'grok-imagine-image-2.0',
      n: 2,
      aspect_ratio: '21:9',
      quality: 'medium',
    });
  });

  it('uses a configured base URL without doubling slashes, and trims the key', async () => {
    const { api, calls } = client(() => json(200, {}), { baseUrl: 'http://127.0.0.1:8787/v1///', apiKey: ' k \n' });
    await api.getApiKeyInfo();
    expect(calls[0]?.url).toBe('http://127.0.0.1:8787/v1/api-key');
    expect(calls[0]?.init.method).toBe('GET');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer k');
    expect(headers['Content-Type']).toBeUndefined(); // no body, no content type
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('returns the api-key body as is', async () => {
    const { api } = client(() => json(200, { name: 'my key', acls: ['api-key:model:*'] }));
    await expect(api.getApiKeyInfo()).resolves.toEqual({ name: 'my key', acls: ['api-key:model:*'] });
  });

  it('refuses an empty key without a network call', async () => {
    const { api, calls } = client(() => json(200, {}), { apiKey: '  ' });
    expect((await caught(api.getApiKeyInfo())).kind).toBe('invalid_key');
    expect(calls).toHaveLength(0);
  });

  it('falls back to the global fetch, called without a receiver', async () => {
    const original = globalThis.fetch;
    const seen: unknown[] = [];
    globalThis.fetch = function (this: unknown) {
      seen.push(this);
      return Promise.resolve(json(200, {}));
    } as typeof fetch;
    try {
      await new ImagineClient({ apiKey: 'k' }).getApiKeyInfo();
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual([undefined]); // `window.fetch` called on another object throws "Illegal invocation"
  });

  it('never retries by itself', async () => {
    const { api, calls } = client(() => json(503, { code: 'unavailable', error: 'overloaded' }));
    await caught(api.generateImages({ prompt: 'x' }));
    expect(calls).toHaveLength(1);
  });

  it('copies x-request-id onto results and errors', async () => {
    const ok = client(() => json(200, IMAGE_OK, { 'x-request-id': 'req-1' }));
    expect((await ok.api.generateImages({ prompt: 'x' })).requestId).toBe('req-1');
    const bad = client(() => json(422, { error: 'nope' }, { 'x-request-id': 'req-2' }));
    expect((await caught(bad.api.generateImages({ prompt: 'x' }))).requestId).toBe('req-2');
  });
});

describe('HTTP status → error kind', () => {
  const cases: Array<[string, number, unknown, ErrorKind, string?]> = [
    ['401', 401, { code: 'unauthenticated', error: 'Missing bearer token' }, 'invalid_key'],
    ['400 incorrect key', 400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***st.' }, 'invalid_key'],
    ['400 invalid api key (OpenAI shape)', 400, { error: { message: 'invalid api key', type: 'invalid_request_error' } }, 'invalid_key'],
    ['400 moderation code', 400, { code: 'imagine:content-moderated', error: 'Generated image rejected by content moderation.' }, 'content_policy'],
    ['400 moderation wording only', 400, { error: 'Prompt violates our content policy' }, 'content_policy'],
    ['400 other', 400, { code: 'invalid-argument', error: 'n must be at most 10' }, 'invalid_request', 'n must be at most 10'],
    ['404', 404, { error: { message: 'The model foo does not exist', type: 'not_found', code: 404 } }, 'invalid_request', 'The model foo does not exist'],
    ['413', 413, { error: 'Payload too large' }, 'invalid_request', 'Payload too large'],
    ['415', 415, { code: 'unsupported', error: 'Expected JSON body' }, 'invalid_request', 'Expected JSON body'],
    ['422', 422, { error: 'Failed to deserialize the JSON body: missing field `prompt`' }, 'invalid_request'],
    ['403 credits', 403, { code: 'permission-denied', error: 'Your team abc has either used all available credits or reached its monthly spending limit. To continue, purchase more credits.' }, 'credits_exhausted'],
    ['403 other', 403, { code: 'permission-denied', error: 'The API key does not have access to grok-imagine-video-1.5' }, 'permission_denied'],
    ['429 credits (older servers)', 429, { code: 'resource-exhausted', error: 'Your team has either used all available credits or reached its monthly spending limit.' }, 'credits_exhausted'],
    ['429 rate limit', 429, { code: 'resource-exhausted', error: 'Too many requests for team abc. Requests per Minute (actual/limit): 2/2.' }, 'rate_limited'],
    ['500', 500, { code: 'internal', error: 'Internal error' }, 'server_error'],
    ['502', 502, { error: 'Bad gateway' }, 'server_error'],
    ['503', 503, { code: 'Some resource has been exhausted', error: 'Service unavailable' }, 'server_error'],
    ['529', 529, { error: 'Overloaded' }, 'server_error'],
  ];
  it.each(cases)('%s', async (_name, status, body, kind, message) => {
    const { api } = client(() => json(status, body));
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    if (message) expect(error.message).toBe(message);
  });

  it('keeps the native code and message', async () => {
    const { api } = client(() => json(403, { code: 'permission-denied', error: 'No access to model' }));
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.code).toBe('permission-denied');
    expect(error.message).toBe('No access to model');
  });

  it('reads a non-JSON error body as the message', async () => {
    const { api } = client(() => new Response('upstream connect error', { status: 503 }));
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.kind).toBe('server_error');
    expect(error.message).toBe('upstream connect error');
  });

  it('does not put an HTML error page in the message', async () => {
    const { api } = client(() => new Response('<html><body>502 Bad Gateway</body></html>', { status: 502 }));
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.kind).toBe('server_error');
    expect(error.message).not.toContain('<html>');
  });

  it('handles an empty error body', async () => {
    const { api } = client(() => new Response(null, { status: 401 }));
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.kind).toBe('invalid_key');
    expect(error.message.length).toBeGreaterThan(0);
  });
});

describe('error body shapes', () => {
  it('parses {code,error}', () => {
    expect(parseErrorBody('{"code":"resource-exhausted","error":"Too many"}')).toEqual({
      code: 'resource-exhausted',
      message: 'Too many',
    });
  });
  it('parses {error:{message,type,code}}', () => {
    expect(parseErrorBody('{"error":{"message":"Bad","type":"invalid_request_error","code":"bad_param"}}')).toEqual({
      code: 'bad_param',
      message: 'Bad',
    });
    expect(parseErrorBody('{"error":{"message":"Bad","type":"invalid_request_error"}}')).toEqual({
      code: 'invalid_request_error',
      message: 'Bad',
    });
    expect(parseErrorBody('{"error":{"message":"Bad","code":429}}')).toEqual({ code: '429', message: 'Bad' });
  });
  it('parses {error:"…"}', () => {
    expect(parseErrorBody('{"error":"Just this"}')).toEqual({ message: 'Just this' });
  });
  it('parses plain text, empty and unexpected JSON', () => {
    expect(parseErrorBody('  Service Unavailable \n')).toEqual({ message: 'Service Unavailable' });
    expect(parseErrorBody('')).toEqual({});
    expect(parseErrorBody('[1,2]')).toEqual({});
    expect(parseErrorBody('{"message":"top-level"}')).toEqual({ message: 'top-level' });
  });
});

describe('Retry-After', () => {
  const rateLimited = (headers: Record<string, string>) =>
    client(() => json(429, { code: 'resource-exhausted', error: 'Too many requests' }, headers)).api;

  it('seconds', async () => {
    expect((await caught(rateLimited({ 'retry-after': '7' }).generateImages({ prompt: 'x' }))).retryAfterMs).toBe(7000);
  });
  it('HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const ms = (await caught(rateLimited({ 'retry-after': at }).generateImages({ prompt: 'x' }))).retryAfterMs;
    expect(ms).toBeGreaterThan(28_000); // toUTCString drops milliseconds
    expect(ms).toBeLessThanOrEqual(30_000);
  });
  it('absent → undefined', async () => {
    const error = await caught(rateLimited({}).generateImages({ prompt: 'x' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeUndefined();
  });
  it('more than 60 s is capped', async () => {
    expect((await caught(rateLimited({ 'retry-after': '3600' }).generateImages({ prompt: 'x' }))).retryAfterMs).toBe(60_000);
    expect(parseRetryAfter(new Date(Date.now() + 3_600_000).toUTCString())).toBe(60_000);
  });
  it('past dates and garbage', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });
  it('is only attached to rate limits', async () => {
    const { api } = client(() => json(503, { error: 'busy' }, { 'retry-after': '5' }));
    expect((await caught(api.generateImages({ prompt: 'x' }))).retryAfterMs).toBeUndefined();
  });
});

describe('bodies and transport', () => {
  it('malformed JSON on a 2xx → server_error', async () => {
    const { api } = client(() => new Response('{"data": [', { status: 200 }));
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.kind).toBe('server_error');
    expect(error.message).toMatch(/malformed/);
  });

  it('valid JSON of the wrong shape on a 2xx → server_error', async () => {
    const { api } = client(() => json(200, { images: [] }));
    expect((await caught(api.generateImages({ prompt: 'x' }))).kind).toBe('server_error');
  });

  it('fetch TypeError → network', async () => {
    const { api } = client(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.kind).toBe('network');
  });

  /** Behaves like real fetch: never answers, rejects with the signal's reason when aborted. */
  const hanging: Responder = (_url, init) =>
    new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(init.signal?.reason ?? new DOMException('Aborted', 'AbortError')));
    });

  it('our deadline → timeout', async () => {
    const { api } = client(hanging, { timeoutMs: 20 });
    expect((await caught(api.generateImages({ prompt: 'x' }))).kind).toBe('timeout');
  });

  it('a per-call timeout overrides the client one', async () => {
    const { api } = client(hanging, { timeoutMs: 60_000 });
    expect((await caught(api.getVideo('r', { timeoutMs: 20 }))).kind).toBe('timeout');
  });

  it('the caller aborting → cancelled, even when the runtime throws AbortError', async () => {
    const { api } = client(hanging, { timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = caught(api.generateImages({ prompt: 'x' }, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    expect((await pending).kind).toBe('cancelled');
  });

  it('an already-aborted signal → cancelled without a request', async () => {
    const { api, calls } = client(() => json(200, IMAGE_OK));
    const controller = new AbortController();
    controller.abort();
    expect((await caught(api.generateImages({ prompt: 'x' }, { signal: controller.signal }))).kind).toBe('cancelled');
    expect(calls).toHaveLength(0);
  });

  it('a stalled body counts against the deadline', async () => {
    const { api } = client((_url, init) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":'));
          init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return new Response(body, { status: 200 });
    }, { timeoutMs: 30 });
    expect((await caught(api.generateImages({ prompt: 'x' }))).kind).toBe('timeout');
  });

  it('an endless 2xx body is refused once it passes OK_BODY_MAX_BYTES, and the stream is cancelled', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20); // the same MiB again and again: no real memory
    let pulled = 0;
    let cancelled = false;
    const { api } = client(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(chunk);
            },
            cancel() {
              cancelled = true;
            },
          }),
          { status: 200 },
        ),
    );
    const error = await caught(api.generateImages({ prompt: 'x' }));
    expect(error.kind).toBe('unsafe_response');
    expect(error.message).toMatch(/larger than/);
    expect(cancelled).toBe(true);
    expect(pulled * chunk.byteLength).toBeLessThanOrEqual(OK_BODY_MAX_BYTES + 2 * chunk.byteLength);
  });

  it('a 2xx whose Content-Length is over the cap is refused before reading', async () => {
    const { api } = client(() => new Response('{}', { status: 200, headers: { 'content-length': String(OK_BODY_MAX_BYTES + 1) } }));
    expect((await caught(api.generateImages({ prompt: 'x' }))).kind).toBe('unsafe_response');
  });

  it('a timeout does not leak into the next request', async () => {
    const { api } = client(() => json(200, IMAGE_OK), { timeoutMs: 30 });
    await api.generateImages({ prompt: 'x' });
    await new Promise((r) => setTimeout(r, 50));
    await expect(api.generateImages({ prompt: 'y' })).resolves.toBeDefined();
  });
});
