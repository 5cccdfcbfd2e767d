import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../lib/model/job';
import type { JobRequest, SourceRef } from '../../lib/model/request';
import { readRunwareError, runwareProvider, taskErrorInfo } from '../../lib/providers/runware';
import { runwareCapabilities, runwareTask } from '../../lib/providers/runware-task';
import type { ProviderContext } from '../../lib/providers/types';
import { createEmulator, type Emulator } from '../emulator/server';
import { rejection } from './helpers/rejection';
import { TEST_TIMING } from '../emulator/timing';

/** Runware adapter: task mapping, sync/async answers, getResponse polling, errors (emulator + malformed stubs). */

let emulator: Emulator;
let sourceUri = '';
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 60_000 });
  // A real PNG as a data URI, like resolveSource gives for a stored source.
  const { PNG } = await import('pngjs');
  const png = new PNG({ width: 40, height: 30 });
  png.data.fill(180);
  sourceUri = `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());
afterEach(() => vi.restoreAllMocks());

const SOURCE: SourceRef = { mediaId: 'm1', mimeType: 'image/png' };
const UUID = '11111111-2222-4333-8444-555555555555';
const job = (request: JobRequest, remoteId?: string): Job =>
  ({ id: 'j', provider: 'runware', baseUrl: emulator.runwareBaseUrl, request, status: 'submitting', ...(remoteId ? { remoteId } : {}) }) as unknown as Job;
const ctx = (key = 'runware-emulator-key'): ProviderContext => ({
  apiKey: key,
  baseUrl: emulator.runwareBaseUrl,
  signal: new AbortController().signal,
  resolveSource: async () => sourceUri,
});
const image = (extra: Partial<Extract<JobRequest, { mode: 'create-image' }>> = {}): JobRequest => ({
  mode: 'create-image',
  prompt: 'a fox',
  model: 'grok-imagine-image',
  n: 1,
  aspectRatio: '16:9',
  resolution: '1k',
  ...extra,
});
const edit = (): JobRequest => ({ mode: 'edit-image', prompt: 'snow', model: 'grok-imagine-image', n: 2, resolution: '1k', sources: [SOURCE], outputFormat: 'png' });
const video = (): Extract<JobRequest, { mode: 'create-video' }> => ({ mode: 'create-video', prompt: 'waves', model: 'grok-imagine-video', duration: 5, aspectRatio: '9:16', resolution: '720p' });
const animate = (): JobRequest => ({ mode: 'animate-image', prompt: '', model: 'grok-imagine-video', sources: [SOURCE], duration: 3, resolution: '480p' });

describe('Runware task mapping', () => {
  it('create-image → imageInference with model id, documented size, numberResults, outputFormat, cost', async () => {
    expect(await runwareTask(job(image({ n: 3, outputFormat: 'webp' })), ctx(), () => UUID)).toEqual({
      taskType: 'imageInference',
      taskUUID: UUID,
      model: 'xai:grok-imagine@image',
      positivePrompt: 'a fox',
      numberResults: 3,
      outputType: 'URL',
      outputFormat: 'WEBP',
      includeCost: true,
      deliveryMethod: 'sync',
      width: 1408,
      height: 768,
    });
    expect(await runwareTask(job(image({ aspectRatio: 'auto', model: 'grok-imagine-image-quality' })), ctx(), () => UUID)).toMatchObject({ model: 'xai:grok-imagine@image-pro', resolution: '1K' });
    expect(await runwareTask(job(image({ n: 5 })), ctx(), () => UUID)).toMatchObject({ deliveryMethod: 'async' });
  });

  it('edit-image → referenceImages (no size); videos → videoInference async, frameImages for animate', async () => {
    const task = await runwareTask(job(edit()), ctx(), () => UUID);
    expect(task).toMatchObject({ taskType: 'imageInference', outputFormat: 'PNG', numberResults: 2, inputs: { referenceImages: [sourceUri] } });
    expect(task).not.toHaveProperty('width');
    expect(await runwareTask(job(video()), ctx(), () => UUID)).toEqual({
      taskType: 'videoInference',
      taskUUID: UUID,
      model: 'xai:grok-imagine@video',
      positivePrompt: 'waves',
      duration: 5,
      outputType: 'URL',
      outputFormat: 'MP4',
      deliveryMethod: 'async',
      includeCost: true,
      numberResults: 1,
      width: 720,
      height: 1280,
    });
    const frames = await runwareTask(job(animate()), ctx(), () => UUID);
    expect(frames).toMatchObject({ resolution: '480p', inputs: { frameImages: [{ image: sourceUri, frame: 'first' }] } });
    expect(frames).not.toHaveProperty('positivePrompt');
  });

  it('a fresh UUID v4 per task', async () => {
    const a = await runwareTask(job(image()), ctx());
    const b = await runwareTask(job(image()), ctx());
    expect(a.taskUUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.taskUUID).not.toBe(b.taskUUID);
  });

  it('refuses what it cannot map, with reasons', async () => {
    expect((await rejection(runwareTask(job(image({ resolution: '2k' })), ctx()))).message).toMatch(/image-pro/);
    expect(await runwareTask(job(image({ resolution: '2k', model: 'xai:grok-imagine@image-pro' })), ctx(), () => UUID)).toMatchObject({ width: 2816, height: 1536 });
    const edit: JobRequest = { mode: 'edit-video', prompt: 'snow', model: 'grok-imagine-video', sources: [{ mediaId: 'v', mimeType: 'video/mp4' }] };
    expect(await runwareTask(job(edit), ctx(), () => UUID)).toMatchObject({ taskType: 'videoInference', model: 'xai:grok-imagine@video', inputs: { video: expect.any(String) } });
    expect((await rejection(runwareTask(job({ ...edit, model: 'grok-imagine-video-1.5' }), ctx()))).message).toMatch(/xai:grok-imagine@video/);
    expect((await rejection(runwareTask(job(image({ model: 'flux-dev' })), ctx()))).message).toMatch(/Runware model id/);
    expect((await rejection(runwareTask(job({ ...video(), resolution: '1080p' }), ctx()))).message).toMatch(/480p or 720p/);
    const ref: JobRequest = { mode: 'reference-video', prompt: 'x', model: 'grok-imagine-video', sources: [SOURCE], duration: 4, aspectRatio: '16:9', resolution: '480p' };
    expect((await rejection(runwareTask(job(ref), ctx()))).message).toMatch(/Runware offers/);
  });

  it('capabilities: 4 modes, reasons for the rest, three output formats', () => {
    for (const mode of ['reference-video', 'extend-video'] as const) expect(runwareCapabilities.unavailableReason[mode]).toMatch(/Runware offers/);
    expect(runwareCapabilities.modes['edit-video']).toBe(true);
    expect(runwareCapabilities.models.video).toContain('xai:grok-imagine@video-1.5');
    expect(runwareCapabilities.outputFormats).toEqual(['jpeg', 'png', 'webp']);
    expect(runwareCapabilities.maxEditSources).toBe(1);
  });
});

describe('Runware against the emulator', () => {
  it('sync images come back as outputs with the summed cost in ticks', async () => {
    const outcome = await runwareProvider.submit(job(image({ n: 2 })), ctx());
    expect(outcome).toMatchObject({ type: 'outputs', moderatedCount: 0, costTicks: 400_000_000 });
    if (outcome.type !== 'outputs') throw new Error('expected outputs');
    expect(outcome.outputs).toHaveLength(2);
    expect(outcome.outputs[0]).toEqual({ kind: 'image', url: expect.stringContaining('.jpeg'), mimeType: 'image/jpeg' });
  });

  it('an edit with a reference image, as PNG', async () => {
    const outcome = await runwareProvider.submit(job(edit()), ctx());
    if (outcome.type !== 'outputs') throw new Error('expected outputs');
    expect(outcome.outputs[0]).toMatchObject({ kind: 'image', mimeType: 'image/png', url: expect.stringContaining('.png') });
    expect(outcome.costTicks).toBe(420_000_000); // 2 × $0.02 + $0.002 for the input image
  });

  it('async images: taskUUID to poll with getResponse, pending then done', async () => {
    const outcome = await runwareProvider.submit(job(image({ n: 6 })), ctx());
    expect(outcome.type).toBe('async');
    if (outcome.type !== 'async') return;
    const running = job(image({ n: 6 }), outcome.remoteId) as Job & { remoteId: string };
    expect(await runwareProvider.poll(running, ctx())).toEqual({ state: 'pending' });
    expect(emulator.requests.at(-1)?.body).toEqual([{ taskType: 'getResponse', taskUUID: outcome.remoteId }]);
    emulator.finishAllVideos();
    const done = await runwareProvider.poll(running, ctx());
    expect(done).toMatchObject({ state: 'done', costTicks: 1_200_000_000 });
    expect(done.state === 'done' && done.outputs).toHaveLength(6);
  });

  it('video and image-to-video: async, then done with the video and its cost', async () => {
    for (const request of [video(), animate()]) {
      const outcome = await runwareProvider.submit(job(request), ctx());
      if (outcome.type !== 'async') throw new Error('expected async');
      emulator.finishAllVideos();
      const done = await runwareProvider.poll(job(request, outcome.remoteId) as Job & { remoteId: string }, ctx());
      expect(done).toMatchObject({ state: 'done', outputs: [{ kind: 'video', mimeType: 'video/mp4', durationS: request.mode === 'create-video' ? 5 : 3 }] });
    }
  });

  it('a failed task polls as failed with its kind; an unknown task is not_found', async () => {
    emulator.inject({ route: 'POST /runware/v1', kind: 'moderation_flag' });
    const outcome = await runwareProvider.submit(job(video()), ctx());
    emulator.finishAllVideos();
    const failed = await runwareProvider.poll(job(video(), outcome.type === 'async' ? outcome.remoteId : '') as Job & { remoteId: string }, ctx());
    expect(failed).toMatchObject({ state: 'failed', error: { kind: 'content_policy', code: 'contentModerated' } });
    const missing = await rejection(runwareProvider.poll(job(video(), '99999999-2222-4333-8444-555555555555') as Job & { remoteId: string }, ctx()));
    expect(missing.kind).toBe('not_found');
  });

  it('maps HTTP errors from {errors:[…]}: 401 invalid_key, 402 credits, 429 with Retry-After, 400 invalid_request with the message', async () => {
    const key = await rejection(runwareProvider.submit(job(image()), ctx('wrong')));
    expect(key).toMatchObject({ kind: 'invalid_key', code: 'invalidApiKey' });
    emulator.inject({ route: 'POST /runware/v1', kind: 'credits_exhausted' }, { route: 'POST /runware/v1', kind: 'rate_limit', retryAfter: 2 });
    expect(await rejection(runwareProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'credits_exhausted', code: 'insufficientCredits' });
    expect(await rejection(runwareProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    const webp = await rejection(runwareProvider.submit(job(image({ outputFormat: 'webp' })), ctx()));
    expect(webp).toMatchObject({ kind: 'invalid_request', status: 400 });
    expect(webp.message).toMatch(/WEBP/);
  });

  it('testConnection asks for the account details (documented, free) with the key', async () => {
    expect(await runwareProvider.testConnection(ctx())).toMatch(/Connected.*balance \$24\.50/);
    expect(emulator.requests.at(-1)?.body).toEqual([{ taskType: 'accountManagement', taskUUID: expect.any(String), operation: 'getDetails' }]);
    expect((await rejection(runwareProvider.testConnection(ctx('wrong')))).kind).toBe('invalid_key');
  });
});

describe('Runware with malformed bodies', () => {
  const stub = (status: number, body: string) =>
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, { status, headers: { 'content-type': 'application/json' } }));

  it('not {data:[…]}, or data without URLs, is a malformed server_error', async () => {
    for (const body of ['[]', '{"data":"nope"}', '{"data":[{"taskType":"imageInference"}]}', '{"data":[]}', '{"data":[{"imageURL":5}]}']) {
      stub(200, body);
      expect((await rejection(runwareProvider.submit(job(image()), ctx()))).kind, body).toBe('server_error');
      vi.restoreAllMocks();
    }
    stub(200, '{"data":[{"taskUUID":"x","status":"success"}]}');
    expect((await rejection(runwareProvider.poll(job(video(), 'x') as Job & { remoteId: string }, ctx()))).kind).toBe('server_error');
  });

  it('task errors inside a 200 are that task’s failure; other tasks’ items are ignored', async () => {
    stub(200, '{"data":[{"taskUUID":"other","imageURL":"https://x/y.jpg"}],"errors":[{"code":"invalidPositivePrompt","message":"positivePrompt is too long","parameter":"positivePrompt"}]}');
    expect(await rejection(runwareProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'invalid_request', code: 'invalidPositivePrompt' });
  });

  it('readRunwareError and taskErrorInfo never throw and classify by code and words', () => {
    expect(readRunwareError('<html>502</html>')).toEqual({});
    expect(readRunwareError('{"errors":"x"}')).toEqual({});
    expect(readRunwareError('{"errors":[{"code":"timeoutProvider","message":"Provider timed out"}]}')).toEqual({ code: 'timeoutProvider', message: 'Provider timed out' });
    expect(taskErrorInfo({ code: 'timeoutProvider', message: 'Provider timed out' }).kind).toBe('server_error');
    expect(taskErrorInfo({ code: 'insufficientCredits' }).kind).toBe('credits_exhausted');
    expect(taskErrorInfo({ code: 'invalidApiKey', message: 'Invalid API key' }).kind).toBe('invalid_key');
    expect(taskErrorInfo({}).message).toMatch(/without an explanation/);
  });

  it('a 5xx with an HTML body is server_error; a body with an unknown shape keeps the status meaning', async () => {
    stub(503, '<html>down</html>');
    expect(await rejection(runwareProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'server_error', status: 503 });
    vi.restoreAllMocks();
    stub(401, '{"weird":true}');
    expect(await rejection(runwareProvider.submit(job(image()), ctx()))).toMatchObject({ kind: 'invalid_key' });
  });
});
