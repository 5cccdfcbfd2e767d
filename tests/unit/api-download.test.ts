import { describe, expect, it, vi } from 'vitest';
import { ImagineError } from '../../lib/errors/taxonomy';
import { b64ToBlob, fetchMedia } from '../../lib/api/download';

// --- tiny fetch stub ----------------------------------------------------------------------------------
type Responder = (url: string, init: RequestInit) => Response | Promise<Response>;
function stubFetch(respond: Responder) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}
async function caught(promise: Promise<unknown>): Promise<ImagineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImagineError);
  return error as ImagineError;
}
const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1]);
// ------------------------------------------------------------------------------------------------------

describe('fetchMedia', () => {
  it('fetches without Authorization or cookies and returns the blob', async () => {
    const { fetch, calls } = stubFetch(() => new Response(JPEG_BYTES, { headers: { 'content-type': 'image/jpeg' } }));
    const blob = await fetchMedia('https://imgen.x.ai/a.jpeg', { fetch });
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(JPEG_BYTES);
    expect(calls[0]?.init.credentials).toBe('omit');
    expect(calls[0]?.init.headers).toBeUndefined();
  });

  it.each([403, 404, 410])('%i → expired', async (status) => {
    const { fetch } = stubFetch(() => new Response('gone', { status }));
    const error = await caught(fetchMedia('https://vidgen.x.ai/v.mp4', { fetch }));
    expect(error.kind).toBe('expired');
    expect(error.status).toBe(status);
  });

  it.each([500, 502, 503])('%i → server_error', async (status) => {
    const { fetch } = stubFetch(() => new Response('oops', { status }));
    expect((await caught(fetchMedia('https://x/v.mp4', { fetch }))).kind).toBe('server_error');
  });

  it('network failure → network', async () => {
    const { fetch } = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect((await caught(fetchMedia('https://x/v.mp4', { fetch }))).kind).toBe('network');
  });

  it('timeout vs cancel', async () => {
    const hanging: Responder = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    const slow = stubFetch(hanging);
    expect((await caught(fetchMedia('https://x/v.mp4', { fetch: slow.fetch, timeoutMs: 20 }))).kind).toBe('timeout');
    const controller = new AbortController();
    const pending = caught(fetchMedia('https://x/v.mp4', { fetch: slow.fetch, signal: controller.signal }));
    controller.abort();
    expect((await pending).kind).toBe('cancelled');
  });

  it('an HTML page or an empty body is not media', async () => {
    const html = stubFetch(() => new Response('<html>login</html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    expect((await caught(fetchMedia('https://x/a.jpg', { fetch: html.fetch }))).kind).toBe('server_error');
    const empty = stubFetch(() => new Response(new Uint8Array(0), { headers: { 'content-type': 'image/jpeg' } }));
    expect((await caught(fetchMedia('https://x/a.jpg', { fetch: empty.fetch }))).kind).toBe('server_error');
  });
});

describe('b64ToBlob', () => {
  const bare = Buffer.from(JPEG_BYTES).toString('base64');
  it('decodes bare base64', async () => {
    const blob = b64ToBlob(bare, 'image/jpeg');
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(JPEG_BYTES);
  });
  it('accepts a data: prefix, line breaks, URL-safe alphabet and missing padding', async () => {
    for (const input of [`data:image/jpeg;base64,${bare}`, `${bare.slice(0, 4)}\n${bare.slice(4)}`, bare.replace(/=+$/, '')]) {
      expect(new Uint8Array(await b64ToBlob(input, 'image/jpeg').arrayBuffer())).toEqual(JPEG_BYTES);
    }
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf]);
    const urlSafe = Buffer.from(bytes).toString('base64url');
    expect(new Uint8Array(await b64ToBlob(urlSafe, 'image/png').arrayBuffer())).toEqual(bytes);
  });
  it('invalid base64 → server_error', () => {
    expect(() => b64ToBlob('not base64 at all!!', 'image/png')).toThrow(ImagineError);
  });
});
