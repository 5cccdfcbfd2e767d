import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readImageSize, sniffImageFormat } from '../emulator/image-inspect';
import { readMp4Info } from '../emulator/mp4';
import { createEmulator, type Emulator } from '../emulator/server';
import { TEST_TIMING } from '../emulator/timing';

/** The emulator's Runware mode: task arrays, {data}/{errors} shapes, sync and async images, async video, getResponse, faults. */

const KEY = 'runware-emulator-key';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, videoRenderMs: 60_000 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
async function post(tasks: unknown, key: string | null = KEY): Promise<{ status: number; json: any; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['authorization'] = `Bearer ${key}`;
  const response = await fetch(emulator.runwareBaseUrl, { method: 'POST', headers, body: JSON.stringify(tasks) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const image = (extra: Record<string, unknown> = {}) => ({
  taskType: 'imageInference',
  taskUUID: randomUUID(),
  model: 'xai:grok-imagine@image',
  positivePrompt: 'a fox in snow',
  width: 1024,
  height: 1024,
  includeCost: true,
  ...extra,
});
const video = (extra: Record<string, unknown> = {}) => ({
  taskType: 'videoInference',
  taskUUID: randomUUID(),
  model: 'xai:grok-imagine@video',
  positivePrompt: 'waves',
  duration: 6,
  width: 848,
  height: 480,
  deliveryMethod: 'async',
  includeCost: true,
  ...extra,
});
const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

describe('Runware mode', () => {
  it('is mounted at /runware/v1', () => {
    expect(emulator.runwareBaseUrl).toBe(`${emulator.url}/runware/v1`);
  });

  it('sync imageInference: one data item per result with imageUUID, imageURL and cost', async () => {
    const task = image({ numberResults: 3, width: 1408, height: 768 });
    const answer = await post([task]);
    expect(answer.status).toBe(200);
    expect(answer.json.data).toHaveLength(3);
    for (const item of answer.json.data) {
      expect(item).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID, imageUUID: expect.any(String), cost: 0.02 });
      const bytes = await bytesOf(item.imageURL);
      expect(readImageSize(bytes, 'jpeg')).toEqual({ width: 1408, height: 768 });
    }
  });

  it('outputFormat PNG gives PNG files; reference images (data URI) make an edit that follows the input', async () => {
    const png = await post([image({ outputFormat: 'PNG' })]);
    const bytes = await bytesOf(png.json.data[0].imageURL);
    expect(sniffImageFormat(bytes)).toBe('png');
    const uri = `data:image/png;base64,${bytes.toString('base64')}`;
    const edit = await post([{ ...image(), width: undefined, height: undefined, inputs: { referenceImages: [uri] } }]);
    expect(edit.status).toBe(200);
    expect(edit.json.data[0].cost).toBeCloseTo(0.022);
    const two = await post([{ ...image(), inputs: { referenceImages: [uri, uri] } }]);
    expect(two.status).toBe(400);
    expect(two.json.errors[0]).toMatchObject({ parameter: 'inputs.referenceImages', taskType: 'imageInference' });
  });

  it('async imageInference: acknowledgment, then getResponse processing → success', async () => {
    const task = image({ deliveryMethod: 'async', numberResults: 2 });
    const ack = await post([task]);
    expect(ack.json).toEqual({ data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }] });
    const pending = await post([{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(pending.json.data.map((d: { status: string }) => d.status)).toEqual(['processing', 'processing']);
    emulator.finishAllVideos();
    const done = await post([{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(done.json.data).toHaveLength(2);
    expect(done.json.data[0]).toMatchObject({ status: 'success', imageURL: expect.stringContaining('/media/'), taskUUID: task.taskUUID });
  });

  it('videoInference is async only; frameImages animate an image; getResponse gives videoURL and cost', async () => {
    expect((await post([video({ deliveryMethod: 'sync' })])).status).toBe(400);
    const still = await post([image({ width: 768, height: 1408 })]);
    const task = video({ width: undefined, height: undefined, resolution: '480p', inputs: { frameImages: [{ image: still.json.data[0].imageURL, frame: 'first' }] } });
    const ack = await post([task]);
    expect(ack.status).toBe(200);
    expect(ack.json.data[0]).toEqual({ taskType: 'videoInference', taskUUID: task.taskUUID });
    emulator.finishAllVideos();
    const done = await post([{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(done.json.data[0]).toMatchObject({ status: 'success', videoUUID: expect.any(String), cost: 0.302 });
    const info = readMp4Info(await bytesOf(done.json.data[0].videoURL));
    expect(info!.height).toBeGreaterThan(info!.width);
  });

  it('checks the documented video combinations', async () => {
    for (const bad of [
      video({ width: 1000, height: 480 }),
      video({ resolution: '480p' }), // resolution with width/height
      video({ width: undefined, height: undefined }), // none of frameImages / video / width+height
      video({ duration: 16 }),
      video({ positivePrompt: undefined }),
    ]) {
      const answer = await post([bad]);
      expect(answer.status).toBe(400);
      expect(answer.json.errors[0].code).toEqual(expect.any(String));
    }
    expect(emulator.videoJobs()).toHaveLength(0);
  });

  it('needs a UUID v4 per task and refuses a reused one', async () => {
    expect((await post([image({ taskUUID: 'not-a-uuid' })])).json.errors[0]).toMatchObject({ code: 'invalidTaskUUID', parameter: 'taskUUID' });
    const task = image();
    expect((await post([task])).status).toBe(200);
    expect((await post([task])).json.errors[0].code).toBe('duplicateTaskUUID');
  });

  it('errors are scoped per task: one good and one bad task answer 200 with data and errors', async () => {
    const good = image();
    const answer = await post([good, image({ numberResults: 21 })]);
    expect(answer.status).toBe(200);
    expect(answer.json.data[0].taskUUID).toBe(good.taskUUID);
    expect(answer.json.errors[0]).toMatchObject({ code: 'invalidNumberResults', parameter: 'numberResults' });
  });

  it('authenticates by Bearer header or an authentication task; answers 401 invalidApiKey otherwise', async () => {
    const bad = await post([image()], 'wrong');
    expect(bad.status).toBe(401);
    expect(bad.json.errors[0]).toMatchObject({ code: 'invalidApiKey', parameter: 'apiKey', taskType: 'authentication' });
    const viaTask = await post([{ taskType: 'authentication', apiKey: KEY }, image()], null);
    expect(viaTask.status).toBe(200);
    expect((await post([{ taskType: 'ping', ping: true }])).json.data[0]).toEqual({ taskType: 'ping', pong: true });
  });

  it('getResponse of an unknown task is a 400 taskNotFound', async () => {
    const answer = await post([{ taskType: 'getResponse', taskUUID: randomUUID() }]);
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].code).toBe('taskNotFound');
  });

  it('faults: 402 insufficientCredits, 429 with Retry-After, failed async job reported in errors', async () => {
    emulator.inject({ route: 'POST /runware/v1', kind: 'credits_exhausted' }, { route: 'POST /runware/v1', kind: 'rate_limit', retryAfter: 2 });
    const credits = await post([image()]);
    expect(credits.status).toBe(402);
    expect(credits.json.errors[0].code).toBe('insufficientCredits');
    const limited = await post([image()]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');

    emulator.inject({ route: 'POST /runware/v1', kind: 'job_failed', message: 'provider timeout' });
    const task = video();
    await post([task]);
    emulator.finishAllVideos();
    const failed = await post([{ taskType: 'getResponse', taskUUID: task.taskUUID }]);
    expect(failed.status).toBe(200);
    expect(failed.json.data[0]).toMatchObject({ status: 'error' });
    expect(failed.json.errors[0]).toMatchObject({ message: 'provider timeout', taskUUID: task.taskUUID });
  });
});
