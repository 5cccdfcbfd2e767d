import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { videoLimits } from '../../lib/model/video-limits';
import { jobRequestSchema } from '../../lib/model/request';
import { PROVIDERS } from '../../lib/providers/registry';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { draftFromSettings, type Draft } from '../../lib/ui/composer-draft';
import { videoDurationFor, videoResolutionsFor } from '../../lib/ui/composer-controls';
import { correctCarriedOver } from '../../lib/ui/composer-limits';
import { createEmulator, type Emulator } from '../emulator/server';
import { TEST_TIMING } from '../emulator/timing';

/**
 * The second pass's limits (shared/docs/imagine-api.md): reference-to-video ≤ 10 s and ≤ 720p, 1080p only
 * where the model advertises it, voices only on 1.5 reference-to-video, and image requests refusing fields
 * they do not know. The client's rule and the emulator's are checked side by side.
 */

const xai = PROVIDERS.xai.capabilities;
const draft = (patch: Partial<Draft>): Draft => ({ ...draftFromSettings(DEFAULT_SETTINGS), ...patch });
const png = { mediaId: 'm1', mimeType: 'image/png', bytes: 1000 };

describe('videoLimits (client)', () => {
  it('reference-to-video stops at 10 s and 720p on every model; 1080p only for 1.5 text/image-to-video', () => {
    expect(videoLimits('reference-video', 'grok-imagine-video-1.5')).toEqual({ duration: { min: 1, max: 10 }, resolutions: ['480p', '720p'] });
    expect(videoLimits('create-video', 'grok-imagine-video-1.5').resolutions).toContain('1080p');
    expect(videoLimits('animate-image', 'grok-imagine-video').resolutions).not.toContain('1080p');
    expect(videoLimits('create-video', 'someone-elses-model').resolutions).toEqual(['480p', '720p']);
    expect(videoDurationFor('grok-imagine-video-1.5', xai, 'reference-video')).toEqual({ min: 1, max: 10 });
    expect(videoResolutionsFor('grok-imagine-video-1.5', xai, 'reference-video')).toEqual(['480p', '720p']);
  });

  it('the schema refuses a 15 s or 1080p reference-to-video (the background never sends one)', () => {
    const base = { mode: 'reference-video', prompt: 'p', model: 'grok-imagine-video-1.5', sources: [png], aspectRatio: '16:9' };
    expect(jobRequestSchema.safeParse({ ...base, duration: 10, resolution: '720p' }).success).toBe(true);
    expect(jobRequestSchema.safeParse({ ...base, duration: 15, resolution: '720p' }).success).toBe(false);
    expect(jobRequestSchema.safeParse({ ...base, duration: 8, resolution: '1080p' }).success).toBe(false);
    expect(jobRequestSchema.safeParse({ mode: 'create-video', prompt: 'p', model: 'grok-imagine-video-1.5', duration: 15, aspectRatio: '16:9', resolution: '1080p' }).success).toBe(true);
  });

  it('a value carried over into Video from references is corrected, with a sentence', () => {
    const carried = draft({ mode: 'reference-video', videoModel: 'grok-imagine-video-1.5', duration: 15, videoResolution: '1080p' });
    const { draft: fixed, notice } = correctCarriedOver(carried, xai);
    expect(fixed).toMatchObject({ duration: 10, videoResolution: '720p' });
    expect(notice).toBeTruthy();
    expect(correctCarriedOver(draft({ mode: 'create-video', videoModel: 'grok-imagine-video-1.5', duration: 15, videoResolution: '1080p' }), xai).notice).toBeUndefined();
  });
});

describe('emulator strictness', () => {
  const KEY = 'xai-emulator-key';
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 60_000 });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const image = () => {
    const p = new PNG({ width: 8, height: 8 });
    p.data.fill(200);
    return `data:image/png;base64,${PNG.sync.write(p).toString('base64')}`;
  };
  async function post(path: string, body: unknown): Promise<{ status: number; json: { error?: string; request_id?: string } }> {
    const response = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as { error?: string } };
  }
  const reference = (extra: Record<string, unknown>) => ({ prompt: 'a walk', model: 'grok-imagine-video-1.5', reference_images: [{ url: image() }], ...extra });

  it('refuses a reference-to-video past 10 s or at 1080p', async () => {
    expect((await post('/v1/videos/generations', reference({ duration: 10, resolution: '720p' }))).status).toBe(200);
    const long = await post('/v1/videos/generations', reference({ duration: 15 }));
    expect(long.status).toBe(400);
    expect(long.json.error).toContain('10 seconds');
    expect((await post('/v1/videos/generations', reference({ resolution: '1080p' }))).status).toBe(400);
    expect((await post('/v1/videos/generations', { prompt: 'x', model: 'grok-imagine-video', resolution: '1080p' })).status).toBe(400);
  });

  it('takes voices only on 1.5 reference-to-video, presets only, at most 3, tags within the list', async () => {
    expect((await post('/v1/videos/generations', reference({ prompt: '<AUDIO_0> says hi', reference_audios: [{ voice_id: 'eve' }] }))).status).toBe(200);
    expect((await post('/v1/videos/generations', { ...reference({}), model: 'grok-imagine-video', reference_audios: [{ voice_id: 'eve' }] })).status).toBe(400);
    expect((await post('/v1/videos/generations', { prompt: 'x', model: 'grok-imagine-video-1.5', reference_audios: [{ voice_id: 'eve' }] })).status).toBe(400);
    expect((await post('/v1/videos/generations', reference({ reference_audios: [{ voice_id: 'nobody' }] }))).status).toBe(400);
    const four = ['ara', 'eve', 'leo', 'rex'].map((voice_id) => ({ voice_id }));
    expect((await post('/v1/videos/generations', reference({ reference_audios: four }))).status).toBe(400);
    expect((await post('/v1/videos/generations', reference({ prompt: '<AUDIO_1>', reference_audios: [{ voice_id: 'ara' }] }))).status).toBe(400);
  });

  it('takes generate_audio on video requests and refuses unknown top-level fields on image requests', async () => {
    expect((await post('/v1/videos/generations', { prompt: 'quiet', generate_audio: false })).status).toBe(200);
    const unknown = await post('/v1/images/generations', { prompt: 'x', generate_audio: false });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toBe('Argument not supported: generate_audio');
    expect((await post('/v1/images/edits', { prompt: 'x', image: { url: image() }, style: 'vivid' })).json.error).toBe('Argument not supported: style');
  });
});
