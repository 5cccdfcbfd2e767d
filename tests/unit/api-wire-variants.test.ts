import { describe, expect, it } from 'vitest';
import { ImagineError, userMessage } from '../../lib/errors/taxonomy';
import { decodeMessage, httpError, jobErrorInfo } from '../../lib/api/classify';
import { jsonResponse, stubbedClient } from './helpers/fetch-stub';
import { rejection } from './helpers/rejection';

/**
 * Every documented reading of a result must come through, and no optional field may cost a paid result
 * (shared/docs/imagine-api.md, "Changes since": seed 001's top-level done body, numbers as strings).
 */
const pollWith = (status: number, body?: unknown) =>
  stubbedClient(() => (body === undefined ? new Response(null, { status }) : jsonResponse(status, body))).api.getVideo('vid-1');
const imagesWith = (body: unknown) => stubbedClient(() => jsonResponse(200, body)).api.generateImages({ prompt: 'p' });
const URL_ = 'https://vidgen.x.ai/v.mp4';

describe('video done: every documented shape', () => {
  it('seed 001: url and duration at the top level, duration as a string', async () => {
    expect(await pollWith(200, { status: 'done', url: URL_, duration: '8' })).toEqual({ state: 'done', url: URL_, durationS: 8 });
  });
  it('top-level url without status (early servers, seed 001 shape)', async () => {
    expect(await pollWith(200, { url: URL_, duration: 8, model: 'grok-imagine-video' })).toEqual({ state: 'done', url: URL_, durationS: 8, model: 'grok-imagine-video' });
  });
  it('nested video with a string duration and a string cost', async () => {
    expect(await pollWith(200, { status: 'done', video: { url: URL_, duration: '8' }, usage: { cost_in_usd_ticks: '4000000000' } })).toEqual({
      state: 'done',
      url: URL_,
      durationS: 8,
      costTicks: 4_000_000_000,
    });
  });
  it('optional fields of unexpected types are ignored, never fatal', async () => {
    const status = await pollWith(200, {
      status: 'done',
      video: { url: URL_, duration: 'eight seconds', respect_moderation: 'yes' },
      model: 42,
      usage: 'billed',
      progress: '100%',
      error: 7,
    });
    expect(status).toEqual({ state: 'done', url: URL_, model: '42' });
  });
  it('usage with a negative or non-numeric cost keeps the result and drops the cost', async () => {
    expect(await pollWith(200, { status: 'done', video: { url: URL_ }, usage: { cost_in_usd_ticks: -5 } })).toEqual({ state: 'done', url: URL_ });
    expect(await pollWith(200, { status: 'done', video: { url: URL_ }, usage: { cost_in_usd_ticks: 'n/a' } })).toEqual({ state: 'done', url: URL_ });
  });
  it('status in capitals or a number is still read; a top-level respect_moderation:false is moderation', async () => {
    expect(await pollWith(200, { status: 'DONE', url: URL_ })).toMatchObject({ state: 'done', url: URL_ });
    expect(await pollWith(200, { status: 'done', url: '', respect_moderation: false })).toMatchObject({ state: 'failed', error: { kind: 'content_policy' } });
  });
  it('pending with progress as a string, or garbage progress', async () => {
    expect(await pollWith(202, { status: 'pending', progress: '42' })).toEqual({ state: 'pending', progress: 42 });
    expect(await pollWith(202, { status: 'pending', progress: 'soon' })).toEqual({ state: 'pending' });
    expect(await pollWith(200, { status: 'pending', progress: null })).toEqual({ state: 'pending' });
  });
});

describe('images: optional fields never discard a paid batch', () => {
  it('mime_type of the wrong type falls back to the URL extension; usage of the wrong type is dropped', async () => {
    const batch = await imagesWith({ data: [{ url: 'https://imgen.x.ai/a.png', mime_type: 42 }], usage: 'paid' });
    expect(batch.images).toEqual([{ url: 'https://imgen.x.ai/a.png', mimeType: 'image/png', moderated: false }]);
    expect(batch.costTicks).toBeUndefined();
    const odd = await imagesWith({ data: [{ url: 'https://imgen.x.ai/a.png', mime_type: { type: 'x' } }], usage: { cost_in_usd_ticks: '200000000' }, model: 'grok-imagine-image-2.0' });
    expect(odd.images[0]?.mimeType).toBe('image/png');
    expect(odd.costTicks).toBe(200_000_000);
    expect(odd.model).toBe('grok-imagine-image-2.0');
  });
  it('respect_moderation as the string "false" still marks a placeholder; garbage does not', async () => {
    const batch = await imagesWith({ data: [{ url: 'https://imgen.x.ai/a.jpg' }, { url: '', respect_moderation: 'false' }, { url: 'https://imgen.x.ai/b.jpg', respect_moderation: 'maybe' }] });
    expect(batch.images.map((image) => image.moderated)).toEqual([false, true, false]);
  });
  it('a deferred poll with odd optional fields still delivers', async () => {
    const { api } = stubbedClient(() => jsonResponse(200, { status: 'done', data: [{ url: 'https://imgen.x.ai/a.jpg', revised_prompt: 5 }], usage: [] }));
    expect(await api.getDeferredImages('r1')).toMatchObject({ state: 'done', result: { images: [{ url: 'https://imgen.x.ai/a.jpg' }] } });
  });
});

describe('URL-encoded messages', () => {
  it('decodes before classifying: a 400 wrong-key message is invalid_key, in plain words', () => {
    const error = httpError({
      status: 400,
      bodyText: JSON.stringify({ code: 'Client specified an invalid argument', error: 'Incorrect%20API%20key%20provided%3A%20xa***ey.' }),
      headers: new Headers(),
    });
    expect(error.kind).toBe('invalid_key');
    expect(error.message).toBe('Incorrect API key provided: xa***ey.');
  });
  it('decodes failed-job messages too, and leaves a lone % alone', () => {
    expect(jobErrorInfo({ code: 'invalid_argument', message: 'Generated%20video%20rejected%20by%20content%20moderation.' }).kind).toBe('content_policy');
    expect(decodeMessage('100% sure')).toBe('100% sure');
    expect(decodeMessage('bad %E0%A4%A sequence')).toBe('bad %E0%A4%A sequence');
  });
});

describe('Test connection: key states from GET /v1/api-key', () => {
  const connect = (body: unknown) => stubbedClient(() => jsonResponse(200, body)).api.getApiKeyInfo();
  it.each([
    ['api_key_blocked', /blocked/],
    ['api_key_disabled', /disabled/],
    ['team_blocked', /team is blocked/],
  ] as const)('%s → invalid_key with that code and a sentence', async (flag, words) => {
    const error = await rejection(connect({ api_key_blocked: false, api_key_disabled: false, team_blocked: false, [flag]: true }));
    expect(error).toBeInstanceOf(ImagineError);
    expect(error.kind).toBe('invalid_key');
    expect(error.code).toBe(flag);
    expect(userMessage(error.toInfo())).toMatch(words);
  });
  it('flags sent as strings count; a healthy or opaque body passes', async () => {
    expect((await rejection(connect({ team_blocked: 'true' }))).code).toBe('team_blocked');
    await expect(connect({ api_key_blocked: false, team_blocked: false })).resolves.toBeDefined();
    await expect(connect({ anything: 'else' })).resolves.toBeDefined();
  });
});
