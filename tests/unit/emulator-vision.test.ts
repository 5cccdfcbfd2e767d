import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/server';
import { TEST_TIMING } from '../emulator/timing';

/** Pins the emulator's image understanding (/v1/responses, /v1/chat/completions, /v1/language-models) to the doc. */

const KEY = 'xai-emulator-key';
let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
async function call(method: string, path: string, body?: unknown, key: string | null = KEY): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${emulator.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

function pngDataUri(width: number, height: number, rgb: [number, number, number]): string {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

const RED = pngDataUri(64, 48, [220, 30, 30]);

const responsesBody = (imageUrl: string, text = 'make it winter', model = 'grok-4.3') => ({
  model,
  input: [
    { role: 'system', content: 'Task: write an EDIT prompt.\nSay what to change and what to keep.' },
    { role: 'user', content: [{ type: 'input_image', image_url: imageUrl, detail: 'high' }, { type: 'input_text', text }] },
  ],
});

describe('GET /v1/language-models', () => {
  it('lists models with their input modalities (some take images, some do not)', async () => {
    const { status, json } = await call('GET', '/v1/language-models');
    expect(status).toBe(200);
    const byId = new Map<string, string[]>(json.models.map((m: { id: string; input_modalities: string[] }) => [m.id, m.input_modalities]));
    expect(byId.get('grok-4.3')).toContain('image');
    expect(byId.get('grok-3-mini')).toEqual(['text']);
  });
});

describe('POST /v1/responses', () => {
  it('answers deterministic text from the instructions, the user text and the image, with usage', async () => {
    const first = await call('POST', '/v1/responses', responsesBody(RED));
    const second = await call('POST', '/v1/responses', responsesBody(RED));
    expect(first.status).toBe(200);
    expect(first.json.object).toBe('response');
    expect(first.json.status).toBe('completed');
    const text = first.json.output[0].content[0].text as string;
    expect(text).toContain('Task: write an EDIT prompt.');
    expect(text).toContain('make it winter');
    expect(text).toContain('<IMAGE_0> is a 64x48 PNG picture, mostly red');
    expect(second.json.output[0].content[0].text).toBe(text);
    expect(first.json.usage.input_tokens).toBeGreaterThan(256);
    expect(first.json.usage.output_tokens).toBeGreaterThan(0);
    // The doc promises usage, not a price: with rotating readings every other answer has no cost.
    expect(first.json.usage.cost_in_usd_ticks).toBeGreaterThan(0);
    expect(second.json.usage.cost_in_usd_ticks).toBeUndefined();
  });

  it('refuses images it could not take: GIF, broken data URIs, over 10 MiB, a text-only model', async () => {
    const gif = `data:image/gif;base64,${Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64')}`;
    const gifAnswer = await call('POST', '/v1/responses', responsesBody(gif));
    expect(gifAnswer.status).toBe(400);
    expect(gifAnswer.json.error).toMatch(/input\[1\]\.content\[0\]\.image_url: unsupported image format \(GIF\)/);
    expect((await call('POST', '/v1/responses', responsesBody('data:image/png;base64,@@@'))).status).toBe(400);
    const huge = `data:image/png;base64,${Buffer.alloc(11 * 1024 * 1024).toString('base64')}`;
    expect((await call('POST', '/v1/responses', responsesBody(huge))).json.error).toMatch(/maximum size is 10 MiB/);
    const textOnly = await call('POST', '/v1/responses', responsesBody(RED, 'x', 'grok-3-mini'));
    expect(textOnly.status).toBe(400);
    expect(textOnly.json.error).toMatch(/does not support image input/);
    expect((await call('POST', '/v1/responses', responsesBody(RED, 'x', 'grok-9'))).status).toBe(404);
  });

  it('rejects an unknown content part type or detail with 422', async () => {
    const body = { model: 'grok-4.3', input: [{ role: 'user', content: [{ type: 'image_url', image_url: RED }] }] };
    expect((await call('POST', '/v1/responses', body)).status).toBe(422);
    const detail = { model: 'grok-4.3', input: [{ role: 'user', content: [{ type: 'input_image', image_url: RED, detail: 'ultra' }] }] };
    expect((await call('POST', '/v1/responses', detail)).status).toBe(422);
  });

  it('cuts the text at max_output_tokens and says it is incomplete', async () => {
    const { json } = await call('POST', '/v1/responses', { ...responsesBody(RED), max_output_tokens: 5 });
    expect(json.status).toBe('incomplete');
    expect(json.output[0].content[0].text).toHaveLength(20);
  });

  it('answers a bad key, a rate limit and moderation as the API does', async () => {
    expect([400, 401]).toContain((await call('POST', '/v1/responses', responsesBody(RED), 'wrong-key')).status);
    emulator.inject({ route: 'POST /v1/responses', kind: 'rate_limit', retryAfter: 1 });
    expect((await call('POST', '/v1/responses', responsesBody(RED))).status).toBe(429);
    emulator.inject({ route: 'POST /v1/responses', kind: 'moderation_http' });
    const moderated = await call('POST', '/v1/responses', responsesBody(RED));
    expect(moderated.status).toBe(400);
    expect(moderated.json.error).toMatch(/moderation/);
  });
});

describe('POST /v1/chat/completions (legacy)', () => {
  it('takes image_url + text parts and answers a chat completion with usage', async () => {
    const body = {
      model: 'grok-4.3',
      messages: [
        { role: 'system', content: 'Task: write an ANIMATE prompt.' },
        { role: 'user', content: [{ type: 'image_url', image_url: { url: RED } }, { type: 'text', text: 'slow zoom' }] },
      ],
    };
    const { status, json } = await call('POST', '/v1/chat/completions', body);
    expect(status).toBe(200);
    expect(json.choices[0].message.content).toMatch(/^Task: write an ANIMATE prompt\..*slow zoom$/);
    expect(json.choices[0].finish_reason).toBe('stop');
    expect(json.usage.prompt_tokens_details.image_tokens).toBeGreaterThan(0);
  });
});
