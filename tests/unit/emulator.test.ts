import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressOf } from '../emulator/jobs';
import { readMp4Info } from '../emulator/mp4';
import { createEmulator, type Emulator, type Fault } from '../emulator/server';
import { TEST_TIMING } from '../emulator/timing';

/**
 * Pins the emulator to shared/docs/imagine-api.md: every endpoint's shapes and status codes, validation,
 * auth, media expiry, polling, and each fault kind. Videos render in 300 ms here; most tests finish jobs
 * explicitly with finishAllVideos() instead of waiting.
 */

const KEY = 'xai-emulator-key';
// Long enough that no job finishes by itself while a test looks at it; tests finish jobs with finishAllVideos()
// or move a faked clock.
const RENDER_MS = 60_000;
let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: RENDER_MS });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

// ---------------------------------------------------------------- helpers

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
}

async function call(
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; key?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(path.startsWith('http') ? path : `${emulator.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: parsed };
}

const post = (path: string, body: unknown, options: Parameters<typeof call>[2] = {}) => call('POST', path, { ...options, body });
const get = (path: string, options: Parameters<typeof call>[2] = {}) => call('GET', path, options);

async function download(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(url, { headers });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

function pngDataUri(width: number, height: number, rgb: [number, number, number]): string {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

/** A WebP whose header says width×height (VP8L); the emulator reads WebP headers only. */
function webpDataUri(width: number, height: number): string {
  const bits = (width - 1) | ((height - 1) << 14);
  const chunk = Buffer.alloc(13);
  chunk[0] = 0x2f;
  chunk.writeUInt32LE(bits >>> 0, 1);
  const riff = Buffer.concat([Buffer.from('WEBPVP8L'), Buffer.from([chunk.length, 0, 0, 0]), chunk]);
  const file = Buffer.concat([Buffer.from('RIFF'), Buffer.from([riff.length & 0xff, riff.length >> 8, 0, 0]), riff]);
  return `data:image/webp;base64,${file.toString('base64')}`;
}

const fixture = (name: string): Buffer => readFileSync(new URL(`../emulator/fixtures/${name}`, import.meta.url));

/** A copy of an MP4 whose header claims another duration (enough for the emulator's length checks). */
function withDuration(mp4: Buffer, seconds: number): Buffer {
  const copy = Buffer.from(mp4);
  const body = copy.indexOf('mvhd') + 4;
  const timescale = copy.readUInt32BE(body + 12);
  copy.writeUInt32BE(Math.round(seconds * timescale), body + 16);
  return copy;
}

const mp4DataUri = (bytes: Buffer): string => `data:video/mp4;base64,${bytes.toString('base64')}`;

/** Width and height from a baseline JPEG's SOF0 header (checked independently of the emulator's code). */
function jpegFrameSize(bytes: Buffer): [number, number] {
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  return [bytes.readUInt16BE(sof + 7), bytes.readUInt16BE(sof + 5)];
}

function centrePixel(jpegBytes: Buffer): [number, number, number] {
  const image = jpeg.decode(jpegBytes, { useTArray: true });
  const index = (Math.floor(image.height / 2) * image.width + Math.floor(image.width / 2)) * 4;
  return [image.data[index] ?? 0, image.data[index + 1] ?? 0, image.data[index + 2] ?? 0];
}

async function submitVideo(body: Record<string, unknown> = { prompt: 'a fox runs' }): Promise<string> {
  const answer = await post('/v1/videos/generations', body);
  expect(answer.status, answer.text).toBe(200);
  return answer.json.request_id as string;
}

async function finishedPoll(requestId: string): Promise<Answer> {
  emulator.finishAllVideos();
  return get(`/v1/videos/${requestId}`);
}

const inject = (...faults: Fault[]) => emulator.inject(...faults);

// ---------------------------------------------------------------- transport and auth

describe('transport and auth', () => {
  it('sends x-request-id everywhere, and no CORS headers on the API or media (undocumented) unless asked', async () => {
    const answers = async () => [await get('/v1/api-key'), await get('/v1/nope'), await get('/media/unknown.jpeg', { key: null })];
    for (const answer of await answers()) {
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await get('/__emulator/video-jobs', { key: null })).headers.get('access-control-allow-origin')).toBe('*');
    emulator.configure({ cors: true });
    for (const answer of await answers()) expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers CORS preflights when asked to send CORS, allowing the Authorization header', async () => {
    emulator.configure({ cors: true });
    const response = await fetch(`${emulator.url}/v1/images/generations`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(emulator.requests).toHaveLength(0);
  });

  it('401s without an Authorization header, in the native error shape', async () => {
    const answer = await post('/v1/images/generations', { prompt: 'x' }, { key: null });
    expect(answer.status).toBe(401);
    expect(Object.keys(answer.json).sort()).toEqual(['code', 'error']);
  });

  it('answers a wrong key with 400 and 401 alternately, quoting the redacted key', async () => {
    const first = await post('/v1/images/generations', { prompt: 'x' }, { key: 'xai-wrong-key' });
    const second = await post('/v1/images/generations', { prompt: 'x' }, { key: 'xai-wrong-key' });
    expect(first.status).toBe(400);
    expect(first.json).toEqual({
      code: 'Client specified an invalid argument',
      error: 'Incorrect API key provided: xa***ey. You can obtain an API key from https://console.x.ai.',
    });
    expect(second.status).toBe(401);
    expect(second.json.error).toContain('xa***ey');
  });

  it('always 401s a wrong key when rotateReadings is off', async () => {
    emulator.configure({ rotateReadings: false });
    expect((await get('/v1/api-key', { key: 'nope-nope' })).status).toBe(401);
    expect((await get('/v1/api-key', { key: 'nope-nope' })).status).toBe(401);
  });

  it('accepts keys set with configure()', async () => {
    emulator.configure({ apiKeys: ['xai-other'] });
    expect((await get('/v1/api-key', { key: 'xai-other' })).status).toBe(200);
    expect((await get('/v1/api-key')).status).not.toBe(200);
  });

  it('415s bodies that are empty or not JSON (multipart included)', async () => {
    const noType = await call('POST', '/v1/images/generations', { rawBody: '{"prompt":"x"}', headers: { 'content-type': 'text/plain' } });
    const empty = await call('POST', '/v1/images/generations', { rawBody: '', headers: { 'content-type': 'application/json' } });
    const form = new FormData();
    form.set('prompt', 'x');
    const multipart = await fetch(`${emulator.apiBaseUrl}/images/edits`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
    expect(noType.status).toBe(415);
    expect(empty.status).toBe(415);
    expect(multipart.status).toBe(415);
  });

  it('400s JSON syntax errors and 422s bodies of the wrong type', async () => {
    const syntax = await call('POST', '/v1/images/generations', { rawBody: '{"prompt":', headers: { 'content-type': 'application/json' } });
    const array = await post('/v1/images/generations', [{ prompt: 'x' }]);
    expect(syntax.status).toBe(400);
    expect(array.status).toBe(422);
  });

  it('404s unknown routes and unknown models; a missing model uses the default', async () => {
    expect((await get('/v1/images')).status).toBe(404);
    expect((await post('/v1/embeddings', { model: 'grok-4', input: 'x' })).status).toBe(404);
    expect((await post('/v1/chat/completions', { model: 'grok-4', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(404); // no such language model
    const unknownModel = await post('/v1/images/generations', { prompt: 'x', model: 'grok-imagine-image-9' });
    expect(unknownModel.status).toBe(404);
    expect(unknownModel.json.error).toContain('grok-imagine-image-9');
    const defaultModel = await post('/v1/images/generations', { prompt: 'x' });
    expect(defaultModel.json.usage.cost_in_usd_ticks).toBe(200_000_000);
  });

  it('400s a known model on the wrong endpoint', async () => {
    expect((await post('/v1/images/generations', { prompt: 'x', model: 'grok-imagine-video' })).status).toBe(400);
    expect((await post('/v1/videos/generations', { prompt: 'x', model: 'grok-imagine-image' })).status).toBe(400);
  });

  it('describes the key on GET /v1/api-key', async () => {
    const answer = await get('/v1/api-key');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ team_id: expect.any(String), acls: expect.any(Array), api_key_blocked: false });
    expect(answer.json.redacted_api_key).not.toContain(KEY);
  });

  it('413s oversized bodies (64 MiB by default; lowered here so a loaded machine need not upload 65 MB)', async () => {
    emulator.configure({ maxBodyBytes: 64 * 1024 });
    const answer = await call('POST', '/v1/images/edits', { rawBody: 'x'.repeat(65 * 1024), headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('larger than 65536 bytes');
  });

  it('records API requests (not admin, media or preflights) with parsed bodies', async () => {
    await post('/v1/images/generations?trace=1', { prompt: 'recorded' }, { headers: { 'X-Custom': 'yes' } });
    await get('/__emulator/requests', { key: null });
    const [request] = emulator.requests;
    expect(emulator.requests).toHaveLength(1);
    expect(request).toMatchObject({
      id: expect.any(Number),
      method: 'POST',
      path: '/v1/images/generations',
      query: { trace: '1' },
      body: { prompt: 'recorded' },
      rawBodyBytes: JSON.stringify({ prompt: 'recorded' }).length,
    });
    expect(request?.headers['x-custom']).toBe('yes');
    expect(request?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(request?.at).toBeLessThanOrEqual(Date.now());
  });
});

// ---------------------------------------------------------------- images

describe('POST /v1/images/generations', () => {
  it('answers the documented shape: data[{url,mime_type}], usage, no created', async () => {
    const answer = await post('/v1/images/generations', { prompt: 'a red fox', n: 2 });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json).sort()).toEqual(['data', 'model', 'usage']);
    expect(answer.json.model).toBe('grok-imagine-image');
    expect(answer.json.data).toHaveLength(2);
    for (const item of answer.json.data) {
      expect(item).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/media\/.+\.jpeg$/), mime_type: 'image/jpeg' });
    }
    expect(answer.json.usage).toEqual({ cost_in_usd_ticks: 2 * 200_000_000 });
  });

  it('serves the retired -quality slug and its -pro alias as 2.0 at low quality, at 2.0’s price, and says so', async () => {
    const quality = await post('/v1/images/generations', { prompt: 'x', model: 'grok-imagine-image-quality', n: 3 });
    const pro = await post('/v1/images/generations', { prompt: 'x', model: 'grok-imagine-image-pro' });
    expect(quality.json.usage.cost_in_usd_ticks).toBe(3 * 400_000_000);
    expect(quality.json.model).toBe('grok-imagine-image-2.0');
    expect(pro.json.usage.cost_in_usd_ticks).toBe(400_000_000);
    expect(pro.json.model).toBe('grok-imagine-image-2.0');
  });

  it('2.0 bills by resolution × served quality (auto = low for generations, medium for edits) plus $0.01 per input', async () => {
    const cost = async (body: object, path = '/v1/images/generations') => (await post(path, { prompt: 'x', model: 'grok-imagine-image-2.0', ...body })).json.usage.cost_in_usd_ticks;
    expect(await cost({ quality: 'low' })).toBe(400_000_000);
    expect(await cost({ quality: 'medium', n: 2 })).toBe(2 * 600_000_000);
    expect(await cost({ quality: 'low', resolution: '2k' })).toBe(600_000_000);
    expect(await cost({ quality: 'medium', resolution: '2k' })).toBe(800_000_000);
    expect(await cost({})).toBe(400_000_000);
    const image = { url: pngDataUri(64, 64, [10, 20, 30]) };
    expect(await cost({ images: [image, image, image, image, image] }, '/v1/images/edits')).toBe(600_000_000 + 5 * 100_000_000);
    expect((await post('/v1/images/edits', { prompt: 'x', model: 'grok-imagine-image', images: [image, image, image, image] })).status).toBe(400);
    expect((await post('/v1/images/edits', { prompt: 'x', images: [image, image] })).json.usage.cost_in_usd_ticks).toBe(200_000_000 + 2 * 20_000_000);
  });

  it('refuses quality and the wide ratios on models without them', async () => {
    expect((await post('/v1/images/generations', { prompt: 'x', quality: 'low' })).json.error).toMatch(/quality/);
    expect((await post('/v1/images/generations', { prompt: 'x', aspect_ratio: '21:9' })).status).toBe(400);
  });

  it('lists the models a key may use, and one by id or alias', async () => {
    const images = await get('/v1/image-generation-models');
    expect(images.json.models.map((m: { id: string }) => m.id)).toEqual(['grok-imagine-image-2.0', 'grok-imagine-image']);
    expect(images.json.models[0].aliases).toEqual(['grok-imagine-image-quality', 'grok-imagine-image-pro']);
    const videos = await get('/v1/video-generation-models');
    expect(videos.json.models.map((m: { id: string }) => m.id)).toEqual(['grok-imagine-video', 'grok-imagine-video-1.5', 'grok-imagine-video-1.5-lite']);
    expect((await get('/v1/image-generation-models/grok-imagine-image-pro')).json.id).toBe('grok-imagine-image-2.0');
    expect((await get('/v1/video-generation-models/nope')).status).toBe(404);
  });

  it.each([
    [{}, 1024, 1024],
    [{ aspect_ratio: '16:9' }, 1408, 768],
    [{ aspect_ratio: '9:16' }, 768, 1408],
    [{ aspect_ratio: '4:3' }, 1280, 896],
    [{ aspect_ratio: '3:2', resolution: '1k' }, 1296, 864],
    [{ aspect_ratio: '1:1', resolution: '2k' }, 2048, 2048],
    [{ aspect_ratio: '16:9', resolution: '1.5k' }, 2112, 1152],
  ])('serves a decodable JPEG of the documented size for %o', async (options, width, height) => {
    const answer = await post('/v1/images/generations', { prompt: 'size check', ...options });
    const file = await download(answer.json.data[0].url);
    expect(file.status).toBe(200);
    expect(file.type).toBe('image/jpeg');
    expect(jpegFrameSize(file.bytes)).toEqual([width, height]);
    // Fully decoding the big ones costs half a second each; the encoder is the same for every size.
    if (width * height <= 1_500_000) {
      const decoded = jpeg.decode(file.bytes);
      expect([decoded.width, decoded.height]).toEqual([width, height]);
    }
  });

  it('accepts every documented aspect ratio, including 21:9, 5:2 and auto', async () => {
    for (const aspect of ['9:19.5', '19.5:9', '9:20', '20:9', '1:2', '2:1', '21:9', '5:2', 'auto']) {
      const answer = await post('/v1/images/generations', { prompt: 'x', model: 'grok-imagine-image-2.0', aspect_ratio: aspect, response_format: 'b64_json' });
      expect(answer.status, aspect).toBe(200);
    }
  });

  it('makes pixels that depend on the prompt', async () => {
    const colourOf = async (prompt: string) => {
      const answer = await post('/v1/images/generations', { prompt, response_format: 'b64_json' });
      const bytes = Buffer.from(answer.json.data[0].b64_json, 'base64');
      const image = jpeg.decode(bytes, { useTArray: true });
      return [...image.data.subarray(0, 3)]; // top-left corner: background, never the disc
    };
    expect(await colourOf('sunset over the sea')).toEqual(await colourOf('sunset over the sea'));
    expect(await colourOf('sunset over the sea')).not.toEqual(await colourOf('a green forest'));
  });

  it('returns bare base64 for b64_json', async () => {
    const answer = await post('/v1/images/generations', { prompt: 'x', response_format: 'b64_json' });
    const item = answer.json.data[0];
    expect(Object.keys(item).sort()).toEqual(['b64_json', 'mime_type']);
    expect(item.b64_json.startsWith('data:')).toBe(false);
    expect(Buffer.from(item.b64_json, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  // How fast it synthesises is the bench's business (npm run bench), not a timed test's.
  it('synthesises ten 2k images in one answer', async () => {
    const answer = await post('/v1/images/generations', { prompt: 'speed', n: 10, resolution: '2k' });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toHaveLength(10);
  });

  it.each([
    ['missing prompt', { n: 1 }, 422],
    ['prompt of the wrong type', { prompt: 42 }, 422],
    ['n as a string', { prompt: 'x', n: '2' }, 422],
    ['n fractional', { prompt: 'x', n: 1.5 }, 422],
    ['n = 0', { prompt: 'x', n: 0 }, 400],
    ['n = 11', { prompt: 'x', n: 11 }, 400],
    ['unknown aspect ratio', { prompt: 'x', aspect_ratio: '5:4' }, 422],
    ['unknown resolution', { prompt: 'x', resolution: '4k' }, 422],
    ['unknown response_format', { prompt: 'x', response_format: 'png' }, 422],
    ['empty prompt', { prompt: '   ' }, 400],
    ['prompt over 1024 characters', { prompt: 'x'.repeat(1025) }, 400],
  ])('rejects %s', async (_name, body, status) => {
    const answer = await post('/v1/images/generations', body);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ code: expect.any(String), error: expect.any(String) });
  });

  it('accepts a 1024-character prompt and null optional fields', async () => {
    expect((await post('/v1/images/generations', { prompt: 'x'.repeat(1024), n: null, aspect_ratio: null })).status).toBe(200);
  });

  it('supports deferred:true with GET /v1/images/{id}: 202 while pending, then 200 done', async () => {
    const submitted = await post('/v1/images/generations', { prompt: 'later', deferred: true, n: 2 });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toEqual({ request_id: expect.any(String) });
    const pending = await get(`/v1/images/${submitted.json.request_id}`);
    expect(pending.status).toBe(202);
    emulator.finishAllVideos();
    const done = await get(`/v1/images/${submitted.json.request_id}`);
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('done');
    expect(done.json.data).toHaveLength(2);
    expect(done.json.usage.cost_in_usd_ticks).toBe(400_000_000);
    expect((await download(done.json.data[0].url)).status).toBe(200);
    expect((await get('/v1/images/not-a-job')).status).toBe(404);
  });
});

describe('POST /v1/images/edits', () => {
  const red = pngDataUri(300, 200, [220, 20, 20]);

  it('edits a data-URI image, following its aspect ratio and showing its colours', async () => {
    const answer = await post('/v1/images/edits', { prompt: 'make it glow', image: { url: red, type: 'image_url' }, aspect_ratio: '9:16' });
    expect(answer.status, answer.text).toBe(200);
    const file = await download(answer.json.data[0].url);
    const image = jpeg.decode(file.bytes);
    expect([image.width, image.height]).toEqual([1296, 864]); // 3:2 like the input; aspect_ratio ignored
    const [r, g, b] = centrePixel(file.bytes);
    expect(r).toBeGreaterThan(g + 80);
    expect(r).toBeGreaterThan(b + 80);
  });

  it('bills outputs and inputs', async () => {
    const answer = await post('/v1/images/edits', { prompt: 'x', images: [{ url: red }, { url: red }], n: 2 });
    expect(answer.json.usage.cost_in_usd_ticks).toBe(2 * 200_000_000 + 2 * 20_000_000);
  });

  it('uses aspect_ratio for multi-image edits', async () => {
    const answer = await post('/v1/images/edits', { prompt: 'x', images: [{ url: red }, { url: pngDataUri(50, 50, [0, 0, 255]) }], aspect_ratio: '16:9' });
    const image = jpeg.decode((await download(answer.json.data[0].url)).bytes);
    expect([image.width, image.height]).toEqual([1408, 768]);
  });

  it('reads WebP sizes from the header', async () => {
    const answer = await post('/v1/images/edits', { prompt: 'x', image: { url: webpDataUri(400, 200) }, response_format: 'b64_json' });
    expect(answer.status, answer.text).toBe(200);
    const image = jpeg.decode(Buffer.from(answer.json.data[0].b64_json, 'base64'));
    expect(image.width / image.height).toBeCloseTo(2, 1);
  });

  it('accepts the URL of an earlier result until it expires', async () => {
    const generated = await post('/v1/images/generations', { prompt: 'source' });
    const url = generated.json.data[0].url as string;
    expect((await post('/v1/images/edits', { prompt: 'x', image: { url } })).status).toBe(200);
    emulator.expireAllMedia();
    const expired = await post('/v1/images/edits', { prompt: 'x', image: { url } });
    expect(expired.status).toBe(400);
    expect(expired.json.error).toMatch(/failed to fetch image/i);
  });

  it.each([
    ['both image and images', { image: { url: red }, images: [{ url: red }] }],
    ['neither image nor images', {}],
    ['an empty images list', { images: [] }],
    ['more than 3 images', { images: [{ url: red }, { url: red }, { url: red }, { url: red }] }],
    ['an image without url or file_id', { image: {} }],
    ['an unknown file_id', { image: { file_id: 'file-123' } }],
    ['a GIF', { image: { url: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' } }],
    ['GIF bytes labelled PNG', { image: { url: 'data:image/png;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' } }],
    ['an SVG', { image: { url: 'data:image/svg+xml,%3Csvg xmlns%3D%22http://www.w3.org/2000/svg%22/%3E' } }],
    ['a corrupt PNG', { image: { url: `data:image/png;base64,${Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(40, 7)]).toString('base64')}` } }],
    ['a blob: URL', { image: { url: 'blob:https://example.com/1234' } }],
    ['a localhost URL', { image: { url: 'http://localhost:9/cat.png' } }],
    ['a private-network URL', { image: { url: 'http://192.168.1.10/cat.png' } }],
  ])('400s %s', async (_name, fields) => {
    const answer = await post('/v1/images/edits', { prompt: 'x', ...fields });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json.error).toEqual(expect.any(String));
  });

  it('names the problem in format and size errors', async () => {
    const gif = await post('/v1/images/edits', { prompt: 'x', image: { url: 'data:image/png;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' } });
    expect(gif.json.error).toMatch(/GIF.*JPEG, PNG and WebP/);
    const huge = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const tooBig = await post('/v1/images/edits', { prompt: 'x', image: { url: `data:image/png;base64,${huge.toString('base64')}` } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.error).toMatch(/10 MiB/);
  });

  it('goes by magic bytes, not the declared type', async () => {
    const mislabelled = red.replace('data:image/png', 'data:application/octet-stream');
    expect((await post('/v1/images/edits', { prompt: 'x', image: { url: mislabelled } })).status).toBe(200);
  });

  it('422s a string image (an older docs page shows that form)', async () => {
    expect((await post('/v1/images/edits', { prompt: 'x', image: red })).status).toBe(422);
  });

  describe('remote URLs', () => {
    let imageServer: Server;
    let imageOrigin = '';
    beforeAll(async () => {
      const png = Buffer.from(red.split(',')[1] ?? '', 'base64');
      imageServer = createServer((request, response) => {
        if (request.url === '/cat.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png);
        else response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
      imageOrigin = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => imageServer.close(resolve));
    });

    it('fetches public URLs (here: a local server, with fetchPrivateUrls on) and 400s failures', async () => {
      emulator.configure({ fetchPrivateUrls: true });
      expect((await post('/v1/images/edits', { prompt: 'x', image: { url: `${imageOrigin}/cat.png` } })).status).toBe(200);
      const missing = await post('/v1/images/edits', { prompt: 'x', image: { url: `${imageOrigin}/missing.png` } });
      expect(missing.status).toBe(400);
      expect(missing.json.error).toMatch(/failed to fetch image.*404/i);
    });
  });
});

// ---------------------------------------------------------------- video

describe('video', () => {
  it('answers a submission with 200 {request_id} and polls with rising progress until done', async () => {
    // Only Date is faked: the job's clock is moved by the test, so a loaded machine cannot finish the render
    // between two polls (or fail to move it on between them).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      emulator.configure({ rotateReadings: false, progressShape: 'linear' });
      const id = await submitVideo({ prompt: 'a fox runs', duration: 5 });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const progress: number[] = [];
      for (let i = 0; i < 3; i++) {
        const poll = await get(`/v1/videos/${id}`);
        expect(poll.status).toBe(202);
        expect(poll.json).toEqual({ status: 'pending', progress: expect.any(Number) });
        progress.push(poll.json.progress);
        vi.setSystemTime(Date.now() + RENDER_MS / 4);
      }
      expect(progress[2]).toBeGreaterThan(progress[0] ?? 0);
      expect(Math.max(...progress)).toBeLessThan(100);
      vi.setSystemTime(Date.now() + RENDER_MS);
      const done = await get(`/v1/videos/${id}`);
      expect(done.status).toBe(200);
      expect(done.json).toEqual({
        status: 'done',
        video: { url: expect.stringMatching(/\/media\/.+\.mp4$/), duration: 5, respect_moderation: true },
        model: 'grok-imagine-video',
        usage: { cost_in_usd_ticks: 5 * 500_000_000 },
        progress: 100,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers every pending poll with an empty 202 by default (no progress at all)', async () => {
    const id = await submitVideo();
    for (let i = 0; i < 3; i++) {
      const poll = await get(`/v1/videos/${id}`);
      expect(poll.status).toBe(202);
      expect(poll.text).toBe('');
    }
  });

  it('progress shapes: jump sits at 0 then says 99; stall99 reaches 99 early and stays', async () => {
    emulator.configure({ rotateReadings: false, progressShape: 'jump', videoRenderMs: 60_000 });
    const jump = await submitVideo();
    expect((await get(`/v1/videos/${jump}`)).json).toEqual({ status: 'pending', progress: 0 });
    emulator.configure({ progressShape: 'stall99', videoRenderMs: 60_000 });
    const stall = await submitVideo();
    const early = (await get(`/v1/videos/${stall}`)).json.progress as number;
    expect(early).toBeGreaterThanOrEqual(0);
    expect(early).toBeLessThan(10);
    const job = { createdAt: 0, doneAt: 10_000 } as Parameters<typeof progressOf>[0];
    expect([1_000, 7_900, 8_000, 9_999].map((t) => progressOf(job, t, 'jump'))).toEqual([0, 0, 99, 99]);
    expect([3_000, 6_000, 9_000, 9_999].map((t) => progressOf(job, t, 'stall99'))).toEqual([50, 99, 99, 99]);
    expect(progressOf(job, 10_000, 'stall99')).toBe(100);
  });

  it('done-poll readings on cue: seed 001 top level, numbers as strings, odd optional fields', async () => {
    emulator.configure({ videoRenderMs: 0 });
    emulator.inject({ kind: 'done_form', shape: 'top_level' });
    const top = (await get(`/v1/videos/${await submitVideo({ prompt: 'p', duration: 8 })}`)).json;
    expect(top).toMatchObject({ status: 'done', url: expect.stringMatching(/\.mp4$/), duration: '8', model: 'grok-imagine-video' });
    expect(top.video).toBeUndefined();
    emulator.inject({ kind: 'done_form', shape: 'string_numbers' });
    const strings = (await get(`/v1/videos/${await submitVideo({ prompt: 'p', duration: 8 })}`)).json;
    expect(strings.video.duration).toBe('8');
    expect(typeof strings.usage.cost_in_usd_ticks).toBe('string');
    emulator.inject({ kind: 'done_form', shape: 'odd_optionals' });
    const odd = (await get(`/v1/videos/${await submitVideo({ prompt: 'p' })}`)).json;
    expect(odd).toMatchObject({ usage: 'billed', model: 42, progress: '100%' });
  });

  it('rotates readings with a progress shape: every 4th pending answer is an empty 202', async () => {
    emulator.configure({ progressShape: 'linear' });
    const id = await submitVideo();
    const bodies: string[] = [];
    for (let i = 0; i < 4; i++) bodies.push((await get(`/v1/videos/${id}`)).text);
    expect(bodies.slice(0, 3).every((body) => body.includes('"pending"'))).toBe(true);
    expect(bodies[3]).toBe('');
  });

  it('serves the finished video as a playable H.264 MP4 with byte ranges', async () => {
    const done = await finishedPoll(await submitVideo({ prompt: 'tall', aspect_ratio: '9:16' }));
    const file = await download(done.json.video.url);
    expect(file.type).toBe('video/mp4');
    const info = readMp4Info(file.bytes);
    expect(info && info.height > info.width).toBe(true);
    const partial = await fetch(done.json.video.url, { headers: { range: 'bytes=0-99' } });
    expect(partial.status).toBe(206);
    expect((await partial.arrayBuffer()).byteLength).toBe(100);
  });

  it('defaults to 8 s / 480p and bills per second by resolution, plus input images', async () => {
    const standard = await finishedPoll(await submitVideo({ prompt: 'x' }));
    expect(standard.json.video.duration).toBe(8);
    expect(standard.json.usage.cost_in_usd_ticks).toBe(8 * 500_000_000);
    const hd = await finishedPoll(await submitVideo({ prompt: 'x', duration: 4, resolution: '720p' }));
    expect(hd.json.usage.cost_in_usd_ticks).toBe(4 * 700_000_000);
    const pro = await finishedPoll(await submitVideo({ prompt: 'x', model: 'grok-imagine-video-1.5', duration: 10, resolution: '1080p' }));
    expect(pro.json.model).toBe('grok-imagine-video-1.5');
    expect(pro.json.usage.cost_in_usd_ticks).toBe(10 * 2_500_000_000);
    const animated = await finishedPoll(await submitVideo({ model: 'grok-imagine-video-1.5', duration: 2, image: { url: pngDataUri(32, 32, [1, 2, 3]) } }));
    expect(animated.json.usage.cost_in_usd_ticks).toBe(2 * 800_000_000 + 100_000_000);
  });

  it('animates an image without a prompt, following the image shape', async () => {
    const id = await submitVideo({ image: { url: pngDataUri(90, 160, [0, 128, 0]) } });
    const done = await finishedPoll(id);
    const info = readMp4Info((await download(done.json.video.url)).bytes);
    expect(info && info.height > info.width).toBe(true);
    expect(emulator.videoJobs()[0]?.kind).toBe('image-to-video');
  });

  it('accepts up to 7 reference images', async () => {
    const reference = { url: pngDataUri(16, 16, [1, 2, 3]) };
    await submitVideo({ prompt: '<IMAGE_0> waves', reference_images: Array.from({ length: 7 }, () => reference) });
    expect(emulator.videoJobs()[0]?.kind).toBe('reference-to-video');
  });

  it.each([
    ['no prompt for text-to-video', {}, 422],
    ['no prompt for reference-to-video', { reference_images: [{ url: 'data:image/png;base64,AA' }] }, 422],
    ['image with reference_images', { prompt: 'x', image: { url: 'data:,' }, reference_images: [{ url: 'data:,' }] }, 400],
    ['8 reference images', { prompt: 'x', reference_images: Array.from({ length: 8 }, () => ({ url: 'data:,' })) }, 400],
    ['duration 0', { prompt: 'x', duration: 0 }, 400],
    ['duration 16', { prompt: 'x', duration: 16 }, 400],
    ['duration 2.5', { prompt: 'x', duration: 2.5 }, 422],
    ['a non-video aspect ratio', { prompt: 'x', aspect_ratio: '21:9' }, 422],
    ['1080p on grok-imagine-video', { prompt: 'x', resolution: '1080p' }, 400],
    ['an unknown resolution', { prompt: 'x', resolution: '4k' }, 422],
    ['image_url instead of image', { prompt: 'x', image_url: 'https://example.com/a.png' }, 400],
    ['an undecodable image', { image: { url: 'data:image/png;base64,AAAA' } }, 400],
    ['an unknown model', { prompt: 'x', model: 'grok-imagine-video-9' }, 404],
  ])('rejects %s, creating no job', async (_name, body, status) => {
    const answer = await post('/v1/videos/generations', body);
    expect(answer.status, answer.text).toBe(status);
    expect(emulator.videoJobs()).toHaveLength(0);
  });

  it('404s polls of unknown ids', async () => {
    expect((await get('/v1/videos/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('lets finished video URLs expire: the download 404s and the job reads expired', async () => {
    // Long enough to be seen working on a loaded machine; then wait on the state, not on a clock.
    emulator.configure({ mediaTtlMs: 1_500 });
    const done = await finishedPoll(await submitVideo());
    expect((await download(done.json.video.url)).status).toBe(200);
    let status = 200;
    for (let i = 0; i < 100 && status === 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await download(done.json.video.url)).status;
    }
    expect(status).toBe(404);
    expect((await get(`/v1/videos/${emulator.videoJobs()[0]?.requestId}`)).json).toEqual({ status: 'expired' });
  });

  it('lists jobs with videoJobs()', async () => {
    const id = await submitVideo();
    expect(emulator.videoJobs()).toEqual([{ requestId: id, status: 'pending', progress: expect.any(Number), createdAt: expect.any(Number), kind: 'text-to-video' }]);
    emulator.finishAllVideos();
    expect(emulator.videoJobs()[0]).toMatchObject({ status: 'done', progress: 100, doneAt: expect.any(Number) });
  });

  describe('edits and extensions', () => {
    const clip = fixture('video-16x9.mp4');

    it('edits a data:video/mp4 input, keeping its length and shape', async () => {
      const submitted = await post('/v1/videos/edits', { prompt: 'make it snow', video: { url: mp4DataUri(clip) } });
      expect(submitted.status, submitted.text).toBe(200);
      const done = await finishedPoll(submitted.json.request_id);
      expect(done.json.video.duration).toBe(3);
      expect(done.json.usage.cost_in_usd_ticks).toBe(3 * 500_000_000);
      expect(emulator.videoJobs()[0]?.kind).toBe('video-edit');
    });

    it('edits an earlier result by its URL', async () => {
      const done = await finishedPoll(await submitVideo());
      expect((await post('/v1/videos/edits', { prompt: 'x', video: { url: done.json.video.url } })).status).toBe(200);
    });

    it.each([
      ['a duration field', { duration: 5 }],
      ['an aspect_ratio field', { aspect_ratio: '16:9' }],
      ['a resolution field', { resolution: '720p' }],
    ])('400s %s (edits have none)', async (_name, extra) => {
      expect((await post('/v1/videos/edits', { prompt: 'x', video: { url: mp4DataUri(clip) }, ...extra })).status).toBe(400);
    });

    it('400s inputs longer than 8.7 s and non-MP4 data; 422s a missing video', async () => {
      expect((await post('/v1/videos/edits', { prompt: 'x', video: { url: mp4DataUri(withDuration(clip, 9)) } })).status).toBe(400);
      expect((await post('/v1/videos/edits', { prompt: 'x', video: { url: 'data:video/mp4;base64,AAAA' } })).status).toBe(400);
      expect((await post('/v1/videos/edits', { prompt: 'x', video_url: 'https://example.com/a.mp4' })).status).toBe(422);
      expect(emulator.videoJobs()).toHaveLength(0);
    });

    it('extends by 6 s by default; the result is original plus extension, billed for the extension', async () => {
      const submitted = await post('/v1/videos/extensions', { prompt: 'keep going', video: { url: mp4DataUri(clip) } });
      expect(submitted.status, submitted.text).toBe(200);
      const done = await finishedPoll(submitted.json.request_id);
      expect(done.json.video.duration).toBe(9);
      expect(done.json.usage.cost_in_usd_ticks).toBe(6 * 500_000_000);
    });

    it('400s extension durations outside 2–10 s and inputs outside 2–15 s', async () => {
      const video = { url: mp4DataUri(clip) };
      expect((await post('/v1/videos/extensions', { prompt: 'x', video, duration: 1 })).status).toBe(400);
      expect((await post('/v1/videos/extensions', { prompt: 'x', video, duration: 11 })).status).toBe(400);
      expect((await post('/v1/videos/extensions', { prompt: 'x', video: { url: mp4DataUri(withDuration(clip, 1)) } })).status).toBe(400);
      expect((await post('/v1/videos/extensions', { prompt: 'x', video: { url: mp4DataUri(withDuration(clip, 16)) } })).status).toBe(400);
      expect((await post('/v1/videos/extensions', { prompt: 'x', video, duration: 10 })).status).toBe(200);
    });
  });
});

// ---------------------------------------------------------------- media

describe('media URLs', () => {
  it('serves without auth, refuses a request carrying Authorization, and records downloads', async () => {
    const url = (await post('/v1/images/generations', { prompt: 'x' })).json.data[0].url as string;
    const withAuth = await download(url, { authorization: `Bearer ${KEY}` });
    expect(withAuth.status).toBe(400);
    expect((await download(url)).status).toBe(200);
    expect(emulator.mediaRequests.map((request) => request.path)).toEqual([new URL(url).pathname, new URL(url).pathname]);
    expect(emulator.requests).toHaveLength(1);
  });

  it('404s unknown names and every URL after expireAllMedia()', async () => {
    const url = (await post('/v1/images/generations', { prompt: 'x' })).json.data[0].url as string;
    expect((await download(`${emulator.url}/media/nothing.jpeg`)).status).toBe(404);
    emulator.expireAllMedia();
    expect((await download(url)).status).toBe(404);
  });

  it('expires URLs after mediaTtlMs', async () => {
    // Only Date is faked (sockets and timers stay real): the clock moves past the TTL without a sleep, which
    // a 50 ms TTL and an 80 ms sleep had made flaky on a loaded machine.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      emulator.configure({ mediaTtlMs: 60_000 });
      const url = (await post('/v1/images/generations', { prompt: 'x' })).json.data[0].url as string;
      expect((await download(url)).status).toBe(200);
      vi.setSystemTime(Date.now() + 59_000);
      expect((await download(url)).status).toBe(200);
      vi.setSystemTime(Date.now() + 2_000);
      expect((await download(url)).status).toBe(404);
    } finally {
      vi.useRealTimers();
    }
  });
});

// ---------------------------------------------------------------- faults

describe('faults', () => {
  it('rate_limit: 429 resource-exhausted with or without Retry-After, and no job', async () => {
    inject({ kind: 'rate_limit', route: 'POST /v1/videos/*' }, { kind: 'rate_limit', retryAfter: 3 }, { kind: 'rate_limit', retryAfter: 'http-date', codeStyle: 'grpc' });
    const plain = await post('/v1/videos/generations', { prompt: 'x' });
    expect(plain.status).toBe(429);
    expect(plain.json.code).toBe('resource-exhausted');
    expect(plain.json.error).toMatch(/^Too many requests for team .+ Requests per Minute \(actual\/limit\): 2\/2\.$/);
    expect(plain.headers.get('retry-after')).toBeNull();
    expect(emulator.videoJobs()).toHaveLength(0);
    const seconds = await post('/v1/images/generations', { prompt: 'x' });
    expect(seconds.headers.get('retry-after')).toBe('3');
    const dated = await get('/v1/api-key');
    expect(dated.json.code).toBe('Some resource has been exhausted');
    expect(Date.parse(dated.headers.get('retry-after') ?? '')).toBeGreaterThan(Date.now() - 1000);
    expect((await post('/v1/videos/generations', { prompt: 'x' })).status).toBe(200);
  });

  it('credits_exhausted: 403 permission-denied (429 on legacy servers)', async () => {
    inject({ kind: 'credits_exhausted' }, { kind: 'credits_exhausted', legacy429: true });
    const current = await post('/v1/images/generations', { prompt: 'x' });
    expect(current.status).toBe(403);
    expect(current.json.code).toBe('permission-denied');
    expect(current.json.error).toMatch(/used all available credits or reached its monthly spending limit/);
    const legacy = await post('/v1/images/generations', { prompt: 'x' });
    expect(legacy.status).toBe(429);
    expect(legacy.json.error).toMatch(/credits/);
  });

  it('permission_denied: 403 that is not about credits', async () => {
    inject({ kind: 'permission_denied' });
    const answer = await post('/v1/images/generations', { prompt: 'x' });
    expect(answer.status).toBe(403);
    expect(answer.json.error).not.toMatch(/credits/);
  });

  it('moderation_http: 400 imagine:content-moderated on images and on a video poll', async () => {
    inject({ kind: 'moderation_http' });
    expect((await post('/v1/images/generations', { prompt: 'x' })).json).toEqual({
      code: 'imagine:content-moderated',
      error: 'Generated image rejected by content moderation.',
    });
    const id = await submitVideo();
    inject({ kind: 'moderation_http', route: 'GET /v1/videos/:id' });
    const poll = await get(`/v1/videos/${id}`);
    expect(poll.status).toBe(400);
    expect(poll.json.code).toBe('imagine:content-moderated');
  });

  it('moderation_http attached to a video submission makes its finished poll a 400', async () => {
    inject({ kind: 'moderation_http', route: 'POST /v1/videos/generations' });
    const id = await submitVideo();
    expect((await get(`/v1/videos/${id}`)).status).toBe(202);
    expect((await finishedPoll(id)).status).toBe(400);
  });

  it('moderation_flag: placeholder images with respect_moderation:false', async () => {
    inject({ kind: 'moderation_flag' }, { kind: 'moderation_flag', items: 1 });
    const all = await post('/v1/images/generations', { prompt: 'x', n: 2 });
    expect(all.json.data.map((item: { respect_moderation?: boolean }) => item.respect_moderation)).toEqual([false, false]);
    expect((await download(all.json.data[0].url)).status).toBe(200);
    const one = await post('/v1/images/generations', { prompt: 'x', n: 2 });
    expect(one.json.data.map((item: { respect_moderation?: boolean }) => item.respect_moderation)).toEqual([false, undefined]);
  });

  it('moderation_flag on a video: done with respect_moderation:false and an empty url', async () => {
    inject({ kind: 'moderation_flag', route: 'POST /v1/videos/generations' });
    const done = await finishedPoll(await submitVideo({ prompt: 'x', duration: 4 }));
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('done');
    expect(done.json.video).toEqual({ url: '', duration: 4, respect_moderation: false });
  });

  it('job_failed: the job ends 200 {status:"failed", error:{code,message}}', async () => {
    inject({ kind: 'job_failed' }, { kind: 'job_failed', code: 'invalid_argument', message: 'Video rejected by moderation.' });
    const first = await finishedPoll(await submitVideo());
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ status: 'failed', error: { code: 'internal_error', message: expect.any(String) } });
    const second = await finishedPoll(await submitVideo());
    expect(second.json.error).toEqual({ code: 'invalid_argument', message: 'Video rejected by moderation.' });
    expect(emulator.videoJobs().map((job) => job.status)).toEqual(['failed', 'failed']);
  });

  it('job faults are not used up by submissions that fail validation', async () => {
    inject({ kind: 'job_failed', code: 'service_unavailable' });
    expect((await post('/v1/videos/generations', { duration: 99 })).status).toBe(422);
    const done = await finishedPoll(await submitVideo());
    expect(done.json.error.code).toBe('service_unavailable');
  });

  it('job_expired: the job ends 200 {status:"expired"}', async () => {
    inject({ kind: 'job_expired' });
    expect((await finishedPoll(await submitVideo())).json).toEqual({ status: 'expired' });
  });

  it('job_failed on a deferred image job', async () => {
    inject({ kind: 'job_failed', code: 'internal_error', message: 'boom' });
    const submitted = await post('/v1/images/generations', { prompt: 'x', deferred: true });
    emulator.finishAllVideos();
    expect((await get(`/v1/images/${submitted.json.request_id}`)).json).toEqual({ status: 'failed', error: { code: 'internal_error', message: 'boom' } });
  });

  it('render_ms: that job takes the given time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      inject({ kind: 'render_ms', ms: 20 });
      const quick = await submitVideo();
      const normal = await submitVideo();
      vi.setSystemTime(Date.now() + 40);
      expect((await get(`/v1/videos/${quick}`)).json.status).toBe('done');
      expect((await get(`/v1/videos/${normal}`)).status).toBe(202);
    } finally {
      vi.useRealTimers();
    }
  });

  it('poll_empty_202, poll_pending_200 and done_without_status change the form of one poll', async () => {
    emulator.configure({ rotateReadings: false });
    const id = await submitVideo();
    inject({ kind: 'poll_empty_202' }, { kind: 'poll_pending_200' }, { kind: 'done_without_status' });
    const empty = await get(`/v1/videos/${id}`);
    expect(empty.status).toBe(202);
    expect(empty.text).toBe('');
    const pending200 = await get(`/v1/videos/${id}`);
    expect(pending200.status).toBe(200);
    expect(pending200.json.status).toBe('pending');
    expect((await get(`/v1/videos/${id}`)).status).toBe(202); // done_without_status waits for "done"
    const legacy = await finishedPoll(id);
    expect(legacy.status).toBe(200);
    expect(legacy.json.status).toBeUndefined();
    expect(legacy.json.video.url).toMatch(/\.mp4$/);
    expect((await get(`/v1/videos/${id}`)).json.status).toBe('done');
  });

  it.each([
    [undefined, 500, 'application/json'],
    [500, 500, 'application/json'],
    [502, 502, 'text/html'],
    [503, 503, 'application/json'],
    [529, 529, 'application/json'],
  ] as const)('server_error %s → %s', async (status, expected, type) => {
    inject(status === undefined ? { kind: 'server_error' } : { kind: 'server_error', status });
    const answer = await post('/v1/images/generations', { prompt: 'x' });
    expect(answer.status).toBe(expected);
    expect(answer.headers.get('content-type')).toBe(type);
  });

  it('malformed_json: 200 with a body that is not valid JSON', async () => {
    inject({ kind: 'malformed_json' });
    const answer = await post('/v1/images/generations', { prompt: 'x' });
    expect(answer.status).toBe(200);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('slow: delays, then answers normally', async () => {
    inject({ kind: 'slow', ms: 150 });
    const started = Date.now();
    expect((await get('/v1/api-key')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('network_drop: the connection dies without an answer (after:true still creates the job)', async () => {
    inject({ kind: 'network_drop' });
    await expect(post('/v1/videos/generations', { prompt: 'x' })).rejects.toThrow();
    expect(emulator.videoJobs()).toHaveLength(0);
    inject({ kind: 'network_drop', after: true });
    await expect(post('/v1/videos/generations', { prompt: 'x' })).rejects.toThrow();
    expect(emulator.videoJobs()).toHaveLength(1);
  });

  it('error_shape: the next error comes in the OpenAI or the string shape', async () => {
    inject({ kind: 'error_shape', shape: 'openai' }, { kind: 'error_shape', shape: 'string' });
    expect((await get('/v1/api-key')).status).toBe(200); // successes don't use it up
    const openai = await post('/v1/images/generations', {});
    expect(openai.status).toBe(422);
    expect(openai.json).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', code: 422 } });
    inject({ kind: 'rate_limit' });
    const string = await get('/v1/api-key');
    expect(string.status).toBe(429);
    expect(string.json).toEqual({ error: expect.stringContaining('Too many requests') });
  });

  it('b64_prefixed: legacy data: prefix on b64_json, untouched by url responses', async () => {
    inject({ kind: 'b64_prefixed' });
    await post('/v1/images/generations', { prompt: 'x' });
    const answer = await post('/v1/images/generations', { prompt: 'x', response_format: 'b64_json' });
    expect(answer.json.data[0].b64_json).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  });

  it('matches routes by method and pattern, counts down times, and keeps * away from media', async () => {
    inject({ kind: 'server_error', route: 'GET /v1/videos/:id', times: 2 });
    const id = await submitVideo();
    expect((await get(`/v1/videos/${id}`)).status).toBe(500);
    expect((await get(`/v1/videos/${id}`)).status).toBe(500);
    expect((await get(`/v1/videos/${id}`)).status).toBe(202);

    const url = (await post('/v1/images/generations', { prompt: 'x' })).json.data[0].url as string;
    inject({ kind: 'server_error' });
    expect((await download(url)).status).toBe(200);
    expect((await get('/v1/api-key')).status).toBe(500);
    inject({ kind: 'server_error', route: 'GET /media/*', status: 503 });
    expect((await download(url)).status).toBe(503);
  });
});

// ---------------------------------------------------------------- admin HTTP API

describe('admin HTTP API', () => {
  const admin = (method: string, path: string, body?: unknown) => call(method, `/__emulator${path}`, { key: null, ...(body === undefined ? {} : { body }) });

  it('queues faults from a JSON array and validates them', async () => {
    const queued = await admin('POST', '/faults', [{ kind: 'rate_limit', retryAfter: 1 }, { kind: 'slow', ms: 1, times: 2 }]);
    expect(queued.status).toBe(200);
    expect(queued.json.queued).toBe(2);
    expect((await admin('GET', '/faults')).json).toHaveLength(2);
    expect((await get('/v1/api-key')).status).toBe(429);
    expect((await admin('POST', '/faults', [{ kind: 'no_such_fault' }])).status).toBe(400);
  });

  it('configures, finishes videos, lists jobs, expires media, lists requests and resets', async () => {
    expect((await admin('POST', '/config', { videoRenderMs: 60_000 })).json.videoRenderMs).toBe(60_000);
    expect((await admin('POST', '/config', { bogus: 1 })).status).toBe(400);
    const id = await submitVideo();
    expect((await admin('GET', '/video-jobs')).json).toMatchObject([{ requestId: id, status: 'pending' }]);
    await admin('POST', '/finish-videos');
    const done = await get(`/v1/videos/${id}`);
    expect(done.json.status).toBe('done');
    await admin('POST', '/expire-media');
    expect((await download(done.json.video.url)).status).toBe(404);

    await post('/v1/images/edits', { prompt: 'x', image: { url: pngDataUri(64, 64, [9, 9, 9]) } });
    const log = (await admin('GET', '/requests')).json as Array<{ path: string; body: { image?: { url: string } } }>;
    expect(log.map((request) => request.path)).toEqual(['/v1/videos/generations', `/v1/videos/${id}`, '/v1/images/edits']);
    expect(log[2]?.body.image?.url).toMatch(/…\[\d+ chars\]$/);
    expect((await admin('GET', '/media-requests')).json).toHaveLength(1);

    await admin('POST', '/reset');
    expect(emulator.requests).toHaveLength(0);
    expect(emulator.videoJobs()).toHaveLength(0);
    expect((await admin('GET', '/config')).json.videoRenderMs).toBe(RENDER_MS);
  });
});
