import { describe, expect, it, vi } from 'vitest';
import { IMAGE_ASPECT_RATIOS, IMAGE_MODELS, VIDEO_MODELS, videoModelInfo } from '../../lib/model/imagine-models';
import { ImagineClient } from '../../lib/api/client';
import {
  imageEditRequestSchema,
  imageGenerateRequestSchema,
  videoEditRequestSchema,
  videoExtensionRequestSchema,
  videoGenerateRequestSchema,
} from '../../lib/api/schemas';
import { rejection } from './helpers/rejection';

/** A client whose fetch must never be called: validation happens before the network. */
function offlineClient() {
  const fetch = vi.fn(() => Promise.reject(new Error('no network in validation tests')));
  return { api: new ImagineClient({ apiKey: 'k', fetch: fetch as unknown as typeof globalThis.fetch }), fetch };
}
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  expect(schema.safeParse(value).success).toBe(true);
const bad = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  expect(schema.safeParse(value).success).toBe(false);

describe('image generate', () => {
  it('accepts every documented field and value', () => {
    ok(imageGenerateRequestSchema, {
      prompt: 'p',
      model: 'grok-imagine-image-quality',
      n: 10,
      response_format: 'b64_json',
      aspect_ratio: 'auto',
      resolution: '1.5k',
      user: 'u1',
      deferred: false,
    });
    for (const ratio of ['21:9', '5:2', '19.5:9', '9:20']) ok(imageGenerateRequestSchema, { prompt: 'p', model: 'grok-imagine-image-2.0', aspect_ratio: ratio });
    bad(imageGenerateRequestSchema, { prompt: 'p', aspect_ratio: '21:9' }); // the default model (1.0) has no 21:9
    expect(IMAGE_ASPECT_RATIOS).toContain('auto');
  });
  it('rejects bad values', () => {
    bad(imageGenerateRequestSchema, { prompt: 'p', n: 11 });
    bad(imageGenerateRequestSchema, { prompt: 'p', n: 0 });
    bad(imageGenerateRequestSchema, { prompt: 'p', n: 1.5 });
    bad(imageGenerateRequestSchema, { prompt: 'p', aspect_ratio: '7:5' });
    bad(imageGenerateRequestSchema, { prompt: 'p', resolution: '4k' });
    bad(imageGenerateRequestSchema, { prompt: '   ' });
    bad(imageGenerateRequestSchema, { prompt: 'p', sizee: '1024x1024' }); // typo → error, not silently dropped
  });
  it('the client throws invalid_request with a specific message and sends nothing', async () => {
    const { api, fetch } = offlineClient();
    const error = await rejection(api.generateImages({ prompt: 'p', n: 11 }));
    expect(error.kind).toBe('invalid_request');
    expect(error.message).toMatch(/^Reimagine built a request the API would refuse \(Invalid image request: n: /);
    const ratio = await rejection(api.generateImages({ prompt: 'p', aspect_ratio: '7:5' as never }));
    expect(ratio.message).toContain('aspect_ratio');
    expect(fetch).not.toHaveBeenCalled();
  });
  it('generateImages refuses deferred:true (use submitDeferredImages)', async () => {
    const { api, fetch } = offlineClient();
    expect((await rejection(api.generateImages({ prompt: 'p', deferred: true }))).kind).toBe('invalid_request');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('image edit', () => {
  it('accepts image or images of url/file_id refs (type tolerated)', () => {
    ok(imageEditRequestSchema, { prompt: 'p', image: { url: 'https://x/y.png' } });
    ok(imageEditRequestSchema, { prompt: 'p', image: { url: PNG, type: 'image_url' } });
    ok(imageEditRequestSchema, { prompt: 'p', image: { file_id: 'file-1' } });
    ok(imageEditRequestSchema, {
      prompt: 'p <IMAGE_0> <IMAGE_1>',
      images: [{ url: PNG }, { file_id: 'f' }, { url: 'https://x/z.webp' }],
      aspect_ratio: '16:9',
      n: 2,
      response_format: 'url',
      resolution: '2k',
    });
  });
  it('rejects image + images, neither, > 3 images, both url and file_id', () => {
    bad(imageEditRequestSchema, { prompt: 'p', image: { url: PNG }, images: [{ url: PNG }] });
    bad(imageEditRequestSchema, { prompt: 'p' });
    bad(imageEditRequestSchema, { prompt: 'p', images: [{ url: PNG }, { url: PNG }, { url: PNG }, { url: PNG }] });
    bad(imageEditRequestSchema, { prompt: 'p', images: [] });
    bad(imageEditRequestSchema, { prompt: 'p', image: { url: PNG, file_id: 'f' } });
    bad(imageEditRequestSchema, { prompt: 'p', image: {} });
  });
  it('rejects aspect_ratio on a single-image edit (the output follows the input)', () => {
    bad(imageEditRequestSchema, { prompt: 'p', image: { url: PNG }, aspect_ratio: '1:1' });
  });
  it('rejects URLs xAI cannot fetch and unsupported formats', () => {
    bad(imageEditRequestSchema, { prompt: 'p', image: { url: 'blob:https://site/123' } });
    bad(imageEditRequestSchema, { prompt: 'p', image: { url: 'data:image/gif;base64,R0lGOD' } });
    ok(imageEditRequestSchema, { prompt: 'p', image: { url: 'data:image/jpg;base64,/9j/' } });
    bad(imageEditRequestSchema, { prompt: 'p', image: { url: `data:image/png;base64,${'A'.repeat(14_000_000)}` } });
  });
  it('the client explains which rule was broken', async () => {
    const { api, fetch } = offlineClient();
    const both = await rejection(api.editImages({ prompt: 'p', image: { url: PNG }, images: [{ url: PNG }] }));
    expect(both.kind).toBe('invalid_request');
    expect(both.message).toContain('either image or images');
    const blob = await rejection(api.editImages({ prompt: 'p', image: { url: 'blob:x' } }));
    expect(blob.message).toContain('http(s) URL or a data: URI');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('video generate', () => {
  it('accepts text-, image- and reference-to-video', () => {
    ok(videoGenerateRequestSchema, { prompt: 'p', model: 'grok-imagine-video', duration: 15, aspect_ratio: '3:2', resolution: '720p' });
    ok(videoGenerateRequestSchema, { image: { url: PNG } }); // prompt optional for image-to-video
    ok(videoGenerateRequestSchema, { prompt: 'p', reference_images: Array.from({ length: 7 }, () => ({ url: PNG })) });
  });
  it('rejects out-of-range and conflicting fields', () => {
    bad(videoGenerateRequestSchema, { prompt: 'p', duration: 0 });
    bad(videoGenerateRequestSchema, { prompt: 'p', duration: 16 });
    bad(videoGenerateRequestSchema, { prompt: 'p', aspect_ratio: '21:9' });
    bad(videoGenerateRequestSchema, { prompt: 'p', resolution: '4k' });
    bad(videoGenerateRequestSchema, { prompt: 'p', reference_images: Array.from({ length: 8 }, () => ({ url: PNG })) });
    bad(videoGenerateRequestSchema, { prompt: 'p', image: { url: PNG }, reference_images: [{ url: PNG }] });
    bad(videoGenerateRequestSchema, {}); // text-to-video needs a prompt
    bad(videoGenerateRequestSchema, { reference_images: [{ url: PNG }] });
  });
  it('1080p: blocked only for the known 1.0 model', () => {
    bad(videoGenerateRequestSchema, { prompt: 'p', model: 'grok-imagine-video', resolution: '1080p' });
    ok(videoGenerateRequestSchema, { prompt: 'p', model: 'grok-imagine-video-1.5', resolution: '1080p' });
    ok(videoGenerateRequestSchema, { prompt: 'p', model: 'grok-imagine-video-2-preview', resolution: '1080p' });
    ok(videoGenerateRequestSchema, { prompt: 'p', resolution: '1080p' }); // server default model: let it decide
  });
  it('the client reports the 1080p rule in words', async () => {
    const { api } = offlineClient();
    const error = await rejection(api.generateVideo({ prompt: 'p', model: 'grok-imagine-video', resolution: '1080p' }));
    expect(error.message).toContain('480p/720p');
  });
});

describe('video edit and extension', () => {
  it('edit: prompt + video url only', () => {
    ok(videoEditRequestSchema, { prompt: 'p', video: { url: 'https://vidgen.x.ai/a.mp4' } });
    ok(videoEditRequestSchema, { prompt: 'p', video: { url: 'data:video/mp4;base64,AAAA' } });
    bad(videoEditRequestSchema, { prompt: 'p', video: { url: 'blob:x' } });
    bad(videoEditRequestSchema, { prompt: 'p', video: { url: 'https://x/a.mp4' }, duration: 5 });
    bad(videoEditRequestSchema, { video: { url: 'https://x/a.mp4' } });
  });
  it('extension: duration 2–10', () => {
    ok(videoExtensionRequestSchema, { prompt: 'p', video: { url: 'https://x/a.mp4' }, duration: 2 });
    ok(videoExtensionRequestSchema, { prompt: 'p', video: { url: 'https://x/a.mp4' }, duration: 10 });
    bad(videoExtensionRequestSchema, { prompt: 'p', video: { url: 'https://x/a.mp4' }, duration: 1 });
    bad(videoExtensionRequestSchema, { prompt: 'p', video: { url: 'https://x/a.mp4' }, duration: 11 });
  });
});

describe('model constants', () => {
  it('carry prices and capabilities', () => {
    expect(IMAGE_MODELS['grok-imagine-image-2.0'].maxEditSources).toBe(5);
    expect(IMAGE_MODELS['grok-imagine-image'].maxEditSources).toBe(3);
    expect(IMAGE_MODELS['grok-imagine-image-pro'].servedBy).toEqual({ model: 'grok-imagine-image-2.0', quality: 'low' });
    expect(VIDEO_MODELS['grok-imagine-video-1.5'].resolutions).toContain('1080p');
    expect(videoModelInfo('grok-imagine-video')?.resolutions).not.toContain('1080p');
    expect(videoModelInfo('toString')).toBeUndefined(); // free-form strings can't hit the prototype
  });
});
