import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readMp4Info } from '../emulator/mp4';
import { createEmulator, type Emulator } from '../emulator/server';
import { sniffImageFormat } from '../emulator/image-inspect';
import { TEST_TIMING } from '../emulator/timing';

/** The emulator's Vydra mode against shared/seeds/003: shapes, statuses, the 202 + job polling flow, credits, faults. */

const KEY = 'vydra-emulator-key';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 60_000 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
async function call(method: 'GET' | 'POST', path: string, body?: unknown, key: string | null = KEY): Promise<{ status: number; json: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (key) headers['authorization'] = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emulator.vydraBaseUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}
const submit = (body: unknown, key?: string | null) => call('POST', '/models/grok-imagine', body, key);

async function bytesOf(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('Vydra mode', () => {
  it('is mounted under /vydra/api/v1', () => {
    expect(emulator.vydraBaseUrl).toBe(`${emulator.url}/vydra/api/v1`);
  });

  it('text-to-image answers 200 completed with imageUrl, resultUrls and 8 credits', async () => {
    const answer = await submit({ prompt: 'a dragon', model: 'text-to-image', aspect_ratio: '16:9' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'completed', creditsCharged: 8, message: expect.any(String) });
    expect(answer.json.jobId).toMatch(/^job_/);
    expect(answer.json.resultUrls).toEqual([answer.json.imageUrl]);
    expect(sniffImageFormat(await bytesOf(answer.json.imageUrl))).toBe('jpeg');
  });

  it('edits with image_url (a URL it can fetch) and refuses a data: URI', async () => {
    const first = await submit({ prompt: 'base', model: 'text-to-image' });
    const edit = await submit({ prompt: 'make it snow', model: 'text-to-image', image_url: first.json.imageUrl });
    expect(edit.status).toBe(200);
    const refused = await submit({ prompt: 'x', model: 'text-to-image', image_url: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/data: URI/);
  });

  it('text-to-video answers 202 pending with a jobId, then the job goes pending → completed with output.videoUrl', async () => {
    const answer = await submit({ prompt: 'neon alley', model: 'text-to-video', aspect_ratio: '9:16', duration: 6 });
    expect(answer.status).toBe(202);
    expect(answer.json).toMatchObject({ status: 'pending', creditsCharged: 150, externalJobId: expect.any(String), input: { model: 'text-to-video', prompt: 'neon alley' } });
    const id = answer.json.jobId as string;
    const pending = await call('GET', `/jobs/${id}`);
    expect(pending.status).toBe(200);
    expect(['pending', 'running']).toContain(pending.json.status);
    emulator.finishAllVideos();
    const done = await call('GET', `/jobs/${id}`);
    expect(done.json).toMatchObject({ id, status: 'completed', creditsCharged: 150, workflowSlug: 'grok-imagine-generate', output: { duration: 6 } });
    expect(done.json.output.resultUrls).toEqual([done.json.output.videoUrl]);
    const info = readMp4Info(await bytesOf(done.json.output.videoUrl));
    expect(info!.height).toBeGreaterThan(info!.width); // 9:16
  });

  it('image-to-video needs image_url; the prompt is optional', async () => {
    expect((await submit({ model: 'image-to-video' })).status).toBe(400);
    const still = await submit({ prompt: 'still', model: 'text-to-image', aspect_ratio: '1:1' });
    const answer = await submit({ model: 'image-to-video', image_url: still.json.imageUrl, duration: 3 });
    expect(answer.status).toBe(202);
  });

  it('validates model, prompt, aspect ratio and duration with 400 {error}', async () => {
    for (const body of [
      { prompt: 'x', model: 'text-to-music' },
      { model: 'text-to-video' },
      { prompt: 'x'.repeat(5001), model: 'text-to-image' },
      { prompt: 'x', model: 'text-to-video', aspect_ratio: '21:9' },
      { prompt: 'x', model: 'text-to-video', duration: 16 },
    ]) {
      const answer = await submit(body);
      expect(answer.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(typeof answer.json.error).toBe('string');
    }
    expect(emulator.videoJobs()).toHaveLength(0);
  });

  it('answers 401 without or with a wrong key, 404 for an unknown job', async () => {
    expect((await submit({ prompt: 'x', model: 'text-to-image' }, null)).status).toBe(401);
    expect((await submit({ prompt: 'x', model: 'text-to-image' }, 'nope')).status).toBe(401);
    const missing = await call('GET', '/jobs/job_missing');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatch(/not found/i);
  });

  it('gate faults on its routes: 402 credits, 429 with Retry-After, 5xx', async () => {
    emulator.inject(
      { route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'credits_exhausted' },
      { route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'rate_limit', retryAfter: 3 },
      { route: 'GET /vydra/api/v1/jobs/:id', kind: 'server_error', status: 503 },
    );
    const credits = await submit({ prompt: 'x', model: 'text-to-image' });
    expect(credits.status).toBe(402);
    expect(credits.json.error).toMatch(/credits/i);
    const limited = await submit({ prompt: 'x', model: 'text-to-image' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await call('GET', '/jobs/anything')).status).toBe(503);
  });

  it('a job_failed fault makes the video job end failed with its message', async () => {
    emulator.inject({ route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'job_failed', message: 'upstream refused' });
    const answer = await submit({ prompt: 'x', model: 'text-to-video' });
    emulator.finishAllVideos();
    const failed = await call('GET', `/jobs/${answer.json.jobId}`);
    expect(failed.json).toMatchObject({ status: 'failed', error: 'upstream refused' });
  });

  it('malformed_json truncates the answer', async () => {
    emulator.inject({ route: 'POST /vydra/api/v1/models/grok-imagine', kind: 'malformed_json' });
    const response = await fetch(`${emulator.vydraBaseUrl}/models/grok-imagine`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x', model: 'text-to-image' }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });
});
