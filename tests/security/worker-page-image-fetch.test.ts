import { describe, expect, it } from 'vitest';
import { fetchPageImage, PageImageError, type PageImageFetchDeps } from '../../lib/background/capture/page-image-fetch';
import { RAW_IMAGE_MAX_BYTES } from '../../lib/media/prepare-image';

/** The worker's re-read of a page image, against a scripted fetch (the browser half is in tests/security). */
interface Call {
  url: string;
  init: RequestInit;
  referer: string | undefined;
}

function respond(body: BodyInit | null, init: ResponseInit & { url?: string; redirected?: boolean } = {}): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: init.url ?? '' });
  Object.defineProperty(response, 'redirected', { value: init.redirected ?? false });
  return response;
}

function deps(handler: (url: string, init: RequestInit) => Response | Promise<Response>, granted = true): PageImageFetchDeps & { calls: Call[]; rules: Map<string, string> } {
  const calls: Call[] = [];
  const rules = new Map<string, string>();
  return {
    calls,
    rules,
    fetch: async (input, init = {}) => {
      const url = String(input);
      calls.push({ url, init, referer: rules.get(url) });
      return handler(url, init);
    },
    hasHostAccess: async () => granted,
    setReferer: async (url, referer) => {
      rules.set(url, referer);
      return async () => void rules.delete(url);
    },
  };
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('fetchPageImage', () => {
  it('reads a cross-site image without cookies, with the page origin as Referer (no path, no query)', async () => {
    const d = deps((url) => respond(JPEG, { status: 200, url, headers: { 'content-type': 'image/jpeg' } }));
    const blob = await fetchPageImage('https://cdn.example.net/p/1.jpg', 'https://news.example.com/story?session=abc#x', d);
    expect(blob.size).toBe(JPEG.length);
    expect(d.calls).toHaveLength(1);
    expect(d.calls[0]!.init.credentials).toBe('omit');
    expect(d.calls[0]!.referer).toBe('https://news.example.com/');
    expect(d.rules.size).toBe(0); // the one-request rule is removed again
  });

  it('sends cookies only to the page’s own site', async () => {
    const d = deps((url) => respond(JPEG, { status: 200, url }));
    await fetchPageImage('https://img.example.com/a.jpg', 'https://www.example.com/', d);
    expect(d.calls[0]!.init.credentials).toBe('include');
  });

  it('refuses loopback and private targets from a public page, before any request', async () => {
    for (const src of ['http://127.0.0.1:9/secret.png', 'http://192.168.0.1/cam.jpg', 'http://[::1]/x', 'http://169.254.169.254/latest', 'http://intranet/x.png']) {
      const d = deps((url) => respond(JPEG, { status: 200, url }));
      await expect(fetchPageImage(src, 'https://evil.example/', d)).rejects.toMatchObject({ failure: { reason: 'refused' } });
      expect(d.calls).toHaveLength(0);
    }
  });

  it('reads a private image when the page is on that same origin', async () => {
    const d = deps((url) => respond(JPEG, { status: 200, url }));
    await expect(fetchPageImage('http://192.168.1.1/cam.jpg', 'http://192.168.1.1/admin?x=1', d)).resolves.toBeInstanceOf(Blob);
    expect(d.calls[0]!.init.credentials).toBe('include');
  });

  it('does not read a public URL that redirected to a private address', async () => {
    const d = deps(() => respond(JPEG, { status: 200, url: 'http://127.0.0.1/admin.png', redirected: true }));
    await expect(fetchPageImage('https://cdn.example.net/r.jpg', 'https://evil.example/', d)).rejects.toMatchObject({ failure: { reason: 'refused' } });
  });

  it('a same-site request that redirected to another site is read again without cookies', async () => {
    const d = deps((url, init) =>
      init.credentials === 'include' ? respond(JPEG, { status: 200, url: 'https://other.example.org/x.jpg', redirected: true }) : respond(JPEG, { status: 200, url }),
    );
    await fetchPageImage('https://img.example.com/r.jpg', 'https://www.example.com/', d);
    expect(d.calls.map((c) => [c.url, c.init.credentials])).toEqual([
      ['https://img.example.com/r.jpg', 'include'],
      ['https://other.example.org/x.jpg', 'omit'],
    ]);
  });

  it('aborts past the byte cap even when Content-Length is missing or lies', async () => {
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1024 * 1024;
          controller.enqueue(new Uint8Array(1024 * 1024));
        },
      });
    const d = deps((url) => respond(endless(), { status: 200, url, headers: { 'content-length': '1000' } }));
    await expect(fetchPageImage('https://cdn.example.net/big.jpg', 'https://a.example/', d)).rejects.toThrow(/larger than 80 MB/);
    expect(pulled).toBeLessThanOrEqual(RAW_IMAGE_MAX_BYTES + 2 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const d = deps((url) => respond(new Uint8Array(10), { status: 200, url, headers: { 'content-length': '5000000000' } }));
    await expect(fetchPageImage('https://cdn.example.net/big.jpg', 'https://a.example/', d)).rejects.toThrow(/larger than/);
  });

  it('names the host when the worker has no access to it', async () => {
    const d = deps(() => Promise.reject(new TypeError('Failed to fetch')), false);
    const error = (await fetchPageImage('http://cdn.test/img/plain.png', 'http://site.test/', d).catch((e: unknown) => e)) as PageImageError;
    expect(error).toBeInstanceOf(PageImageError);
    expect(error.failure).toEqual({ reason: 'no-access', host: 'cdn.test', origin: 'http://cdn.test' });
    expect(d.rules.size).toBe(0);
  });

  it('HTTP errors and network errors with access are plain failures', async () => {
    await expect(fetchPageImage('https://cdn.example.net/x.jpg', 'https://a.example/', deps((url) => respond('no', { status: 403, url })))).rejects.toMatchObject({
      failure: { reason: 'failed', message: 'The image could not be loaded (HTTP 403).' },
    });
    await expect(fetchPageImage('https://cdn.example.net/x.jpg', 'https://a.example/', deps(() => Promise.reject(new TypeError('x'))))).rejects.toMatchObject({ failure: { reason: 'failed' } });
  });
});
