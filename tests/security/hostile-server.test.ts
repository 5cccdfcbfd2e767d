import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMedia } from '../../lib/api/download';
import { toErrorInfo } from '../../lib/errors/taxonomy';
import { checkResultUrl } from '../../lib/providers/result-url';
import { saveOutput } from '../../lib/background/io/save-output';
import type { Job } from '../../lib/model/job';

/**
 * A hostile (or compromised) provider or media host: its answers are attacker-controlled input. The worker
 * holds host permissions, so a result URL must not steer it anywhere else, and a response must not hang
 * it or fill the disk.
 */
describe('result URLs from a provider', () => {
  const xai = (url: string) => checkResultUrl(url, 'xai', 'https://api.x.ai/v1');

  it('follows only the https media hosts the provider declares', () => {
    expect(xai('https://imgen.x.ai/a.jpeg').ok).toBe(true);
    expect(xai('https://vidgen.x.ai/b.mp4').ok).toBe(true);
    expect(checkResultUrl('https://im.runware.ai/x.jpg', 'runware', 'https://api.runware.ai/v1').ok).toBe(true);
  });

  it.each([
    ['loopback', 'http://127.0.0.1:8080/admin'],
    ['loopback https', 'https://127.0.0.1/secret.jpeg'],
    ['localhost', 'https://localhost/x.png'],
    ['intranet', 'https://10.0.0.5/x.png'],
    ['link-local metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['plain http on the media host', 'http://imgen.x.ai/a.jpeg'],
    ['another provider\'s host', 'https://im.runware.ai/x.jpg'],
    ['a look-alike host', 'https://imgen.x.ai.evil.test/a.jpeg'],
    ['credentials in the URL', 'https://user:pw@imgen.x.ai/a.jpeg'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['not a URL', 'imgen.x.ai/a.jpeg'],
  ])('refuses %s', (_, url) => {
    const check = xai(url);
    expect(check.ok).toBe(false);
  });

  it('follows loopback only when the base URL itself is that local emulator', () => {
    expect(checkResultUrl('http://127.0.0.1:7878/media/x.jpeg', 'xai', 'http://127.0.0.1:7878/v1').ok).toBe(true);
    expect(checkResultUrl('http://127.0.0.1:9999/media/x.jpeg', 'xai', 'http://127.0.0.1:7878/v1').ok).toBe(false);
  });
});

describe('media downloads from a hostile host', () => {
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      switch (request.url) {
        case '/loop':
          response.writeHead(302, { location: '/loop' }).end();
          return;
        case '/to-loopback':
          response.writeHead(302, { location: 'http://127.0.0.1:1/secret' }).end();
          return;
        case '/stall':
          response.writeHead(200, { 'content-type': 'image/jpeg' });
          response.write(Buffer.alloc(1024, 0xff)); // half a file, then nothing, forever
          return;
        case '/claims-5gb':
          response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '5000000000' });
          response.write(Buffer.alloc(16));
          return;
        case '/endless':
          response.writeHead(200, { 'content-type': 'video/mp4' }); // chunked, no length
          {
            const chunk = Buffer.alloc(64 * 1024, 1);
            const pump = () => {
              while (response.write(chunk)) if (response.writableLength > 1e9) return;
              response.once('drain', pump);
            };
            pump();
            request.once('close', () => response.destroy());
          }
          return;
        default:
          response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('never follows a redirect (endless, or to loopback)', async () => {
    expect((await failure(fetchMedia(`${origin}/loop`))).kind).toBe('network');
    expect((await failure(fetchMedia(`${origin}/to-loopback`))).kind).toBe('network');
  });

  it('abandons a body that stalls halfway', async () => {
    const info = await failure(fetchMedia(`${origin}/stall`, { stallTimeoutMs: 300 }));
    expect(info.kind).toBe('network');
    expect(info.message).toMatch(/stalled/);
  });

  it('refuses a declared Content-Length of 5 GB before reading it', async () => {
    const info = await failure(fetchMedia(`${origin}/claims-5gb`));
    expect(info.kind).toBe('unsafe_response');
    expect(info.message).toMatch(/larger than/);
  });

  it('stops reading an endless body at the cap', async () => {
    const info = await failure(fetchMedia(`${origin}/endless`, { maxBytes: 2 * 1024 * 1024 }));
    expect(info.kind).toBe('unsafe_response');
  });
});

describe('result bytes from a hostile provider', () => {
  const job = { id: 'j1', provider: 'xai', baseUrl: 'https://api.x.ai/v1' } as Job;
  const html = Buffer.from('<!doctype html><script>alert(1)</script>').toString('base64');

  it('refuses bytes that are not media of the job\'s kind, whatever the declared type', async () => {
    const signal = new AbortController().signal;
    const asImage = await failure(saveOutput(job, { kind: 'image', b64: html, mimeType: 'image/png' }, signal));
    expect(asImage).toMatchObject({ kind: 'unsafe_response' });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    expect(await failure(saveOutput(job, { kind: 'video', b64: png, mimeType: 'video/mp4' }, signal))).toMatchObject({ kind: 'unsafe_response' });
  });
});

async function failure(promise: Promise<unknown>) {
  return toErrorInfo(await promise.then(() => new Error('expected a failure'), (e: unknown) => e));
}
