import { describe, expect, it } from 'vitest';
import { contentCommandSchema, pageCommandSchema } from '../../lib/messaging/protocol';

/**
 * Attack: whatever a page (or a compromised page script) puts in a message. The background re-validates
 * base URLs, model strings, sizes, counts and lengths itself; the UI's own checks are not the authority.
 */
const image = (over: Record<string, unknown> = {}) => ({
  type: 'job.submit',
  input: { request: { mode: 'create-image', prompt: 'a cat', model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k', ...over } },
});
const accepts = (schema: typeof pageCommandSchema | typeof contentCommandSchema, message: unknown) => schema.safeParse(message).success;

describe('page commands', () => {
  it('accepts an ordinary submission', () => {
    expect(accepts(pageCommandSchema, image())).toBe(true);
    expect(accepts(pageCommandSchema, image({ model: 'xai:grok-imagine@image-pro' }))).toBe(true);
  });

  it.each([
    ['a model with markup', { model: '<img src=x onerror=alert(1)>' }],
    ['a model with spaces and quotes', { model: 'grok" -H "x' }],
    ['a 10,000-character model', { model: 'a'.repeat(10_000) }],
    ['11 images', { n: 11 }],
    ['0 images', { n: 0 }],
    ['a fractional count', { n: 1.5 }],
    ['a 5,001-character prompt', { prompt: 'p'.repeat(5001) }],
    ['an unknown resolution', { resolution: '16k' }],
  ])('refuses %s', (_name, over) => expect(accepts(pageCommandSchema, image(over))).toBe(false));

  it('refuses oversized free-form strings in sources and origin', () => {
    const edit = {
      type: 'job.submit',
      input: {
        request: { mode: 'edit-image', prompt: 'x', model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: 'm', mimeType: 'image/png', srcUrl: `https://a.test/${'x'.repeat(10_000)}` }] },
      },
    };
    expect(accepts(pageCommandSchema, edit)).toBe(false);
    expect(accepts(pageCommandSchema, { ...image(), input: { ...image().input, origin: { pageUrl: `https://a.test/${'x'.repeat(10_000)}` } } })).toBe(false);
  });

  it.each(['http://evil.test/v1', 'ftp://api.x.ai/v1', 'javascript:alert(1)', 'https://user:pw@api.x.ai/v1', `https://a.test/${'x'.repeat(3000)}`])(
    'connection.test refuses the base URL %s',
    (baseUrl) => expect(accepts(pageCommandSchema, { type: 'connection.test', provider: 'xai', baseUrl })).toBe(false),
  );

  it('connection.test accepts https and loopback http, and no base URL (the saved one)', () => {
    for (const baseUrl of ['https://api.x.ai/v1', 'http://127.0.0.1:8787/v1', 'http://localhost:1/v1', undefined]) {
      expect(accepts(pageCommandSchema, { type: 'connection.test', provider: 'xai', ...(baseUrl ? { baseUrl } : {}) })).toBe(true);
    }
  });

  it('settings.save re-checks base URLs and model names', () => {
    expect(accepts(pageCommandSchema, { type: 'settings.save', settings: { baseUrls: { xai: 'http://evil.test/v1' } } })).toBe(false);
    expect(accepts(pageCommandSchema, { type: 'settings.save', settings: { defaults: { image: { model: 'a b' } } } })).toBe(false);
    expect(accepts(pageCommandSchema, { type: 'settings.save', secrets: { xai: 'k'.repeat(5000) } })).toBe(false);
  });

  it('caps ids, indexes and counts', () => {
    expect(accepts(pageCommandSchema, { type: 'job.retry', jobId: 'x'.repeat(1000) })).toBe(false);
    expect(accepts(pageCommandSchema, { type: 'result.download', jobId: 'j', index: 1000 })).toBe(false);
    expect(accepts(pageCommandSchema, { type: 'jobs.delete', jobIds: [] })).toBe(false);
  });
});

describe('content-script commands', () => {
  it.each([
    ['a huge capture id', { type: 'capture.failed', captureId: 'c'.repeat(10_000), message: 'x' }],
    ['absurd dimensions', { type: 'capture.done', captureId: 'c', dataUrl: 'data:image/png;base64,AAAA', width: 1e9, height: 1 }],
    ['a 20 kB source URL', { type: 'capture.done', captureId: 'c', dataUrl: 'data:image/png;base64,AAAA', srcUrl: `https://a.test/${'x'.repeat(20_000)}` }],
    ['a non-data URL as bytes', { type: 'capture.done', captureId: 'c', dataUrl: 'https://a.test/x.png' }],
    ['a result index of 10^6', { type: 'overlay.get-result', jobId: 'j', index: 1_000_000 }],
  ])('refuses %s', (_name, message) => expect(accepts(contentCommandSchema, message)).toBe(false));

  it('the picker hands over a bounded box, a sane pixel ratio, and a picture by address, pixels or "unreadable" only', () => {
    const area = (box: Record<string, number>, devicePixelRatio = 2) => ({ type: 'pick.area', pickId: 'p', box: { x: 0, y: 0, width: 10, height: 10, ...box }, devicePixelRatio });
    expect(accepts(contentCommandSchema, area({}))).toBe(true);
    expect(accepts(contentCommandSchema, area({ width: -5 }))).toBe(false);
    expect(accepts(contentCommandSchema, area({ x: Number.POSITIVE_INFINITY }))).toBe(false);
    expect(accepts(contentCommandSchema, area({ height: 1e9 }))).toBe(false);
    expect(accepts(contentCommandSchema, area({}, 0))).toBe(false);
    expect(accepts(contentCommandSchema, area({}, 100))).toBe(false);
    const chosen = (over: Record<string, unknown>) => ({ type: 'pick.chosen', pickId: 'p', targetId: 't', ...over });
    expect(accepts(contentCommandSchema, chosen({ srcUrl: 'https://site.test/a.jpg' }))).toBe(true);
    expect(accepts(contentCommandSchema, chosen({ srcUrl: `https://site.test/${'x'.repeat(9000)}` }))).toBe(false);
    expect(accepts(contentCommandSchema, chosen({ dataUrl: 'javascript:alert(1)' }))).toBe(false);
    expect(accepts(contentCommandSchema, chosen({ unreadable: false }))).toBe(false);
    expect(accepts(contentCommandSchema, chosen({ targetId: 'x'.repeat(500), unreadable: true }))).toBe(false);
  });
});
