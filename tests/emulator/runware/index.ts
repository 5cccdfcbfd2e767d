import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { imageLatencyMs } from '../timing';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { FAULT_GROUPS } from '../faults';
import { type Reply, json } from '../http';
import { renderEdited, renderGenerated } from '../images';
import { type Job, type JobOutcome, isFinished, progressOf, statusOf } from '../jobs';
import { type VideoFixture, fixtureForShape } from '../mp4';
import type { ApiRequest, Provider, ProviderEnv, Route } from '../provider';
import { nearestImageAspect } from '../xai/image-sizes';
import { outcomeFromFault } from '../xai/job-types';
import { resolveVideo } from '../xai/inputs';
import { loadSourceImage, type LoadedImage } from '../vydra/source-image';
import { type RunwareTaskError, renderRunwareError, runwareError, runwareGateFaultReply, taskError, wireError } from './errors';

/**
 * Runware (https://api.runware.ai/v1) for the xAI Grok Imagine models, mounted at /runware/v1: one POST
 * endpoint taking an array of tasks (shared/seeds/004 and Runware's docs). Tasks: `imageInference` (sync, or
 * `deliveryMethod:"async"`), `videoInference` (async only), `getResponse` (poll by taskUUID), `ping`.
 * Auth: `Authorization: Bearer <key>`, or an `{taskType:"authentication", apiKey}` task first.
 * Emulator limits (documented in README): outputFormat WEBP and video WEBM/MOV are refused. Second pass
 * (imagine-api.md): `@video-1.5` is live (the `-preview` id stays, API-only), `@image-pro` takes 2K, and
 * `@video` takes video-to-video through `inputs.video` (an MP4 URL or data URI; output keeps its length).
 */

export const RUNWARE_PREFIX = '/runware/v1';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const IMAGE_MODELS: Record<string, { usd: number }> = { 'xai:grok-imagine@image': { usd: 0.02 }, 'xai:grok-imagine@image-pro': { usd: 0.07 } };
const USD_PER_INPUT_IMAGE = 0.002;
const SIZES_1K: Record<string, [number, number]> = {
  '1:1': [1024, 1024], '3:4': [896, 1280], '4:3': [1280, 896], '9:16': [768, 1408], '16:9': [1408, 768], '2:3': [864, 1296], '3:2': [1296, 864],
  '9:19.5': [576, 1248], '19.5:9': [1248, 576], '9:20': [576, 1280], '20:9': [1280, 576], '1:2': [704, 1408], '2:1': [1408, 704],
};
const SIZES_2K_PRO: Record<string, [number, number]> = {
  '1:1': [2048, 2048], '3:4': [1792, 2560], '4:3': [2560, 1792], '9:16': [1536, 2816], '16:9': [2816, 1536], '2:3': [1728, 2592], '3:2': [2592, 1728],
};
const VIDEO_MODELS: Record<string, { textToVideo: boolean; videoToVideo: boolean }> = {
  'xai:grok-imagine@video': { textToVideo: true, videoToVideo: true },
  'xai:grok-imagine@video-1.5': { textToVideo: true, videoToVideo: false },
  'xai:grok-imagine@video-1.5-preview': { textToVideo: false, videoToVideo: false },
};
/** Video-to-video keeps the input's length; the upstream edit takes at most 8.7 s. */
const MAX_EDIT_INPUT_SECONDS = 8.7;
const VIDEO_SIZES: Record<string, Record<string, [number, number]>> = {
  '480p': { '1:1': [480, 480], '16:9': [848, 480], '9:16': [480, 848], '4:3': [640, 480], '3:4': [480, 640], '3:2': [720, 480], '2:3': [480, 720] },
  '720p': { '1:1': [720, 720], '16:9': [1280, 720], '9:16': [720, 1280], '4:3': [960, 720], '3:4': [720, 960], '3:2': [1080, 720], '2:3': [720, 1080] },
};

type Task = Record<string, unknown>;
type Item = Record<string, unknown>;
type TaskResult = { data?: Item[]; error?: RunwareTaskError };

interface ImagePlan {
  count: number;
  width: number;
  height: number;
  format: 'JPG' | 'PNG';
  outputType: 'URL' | 'base64Data' | 'dataURI';
  costUsd: number | undefined;
  render(variant: number): Buffer;
}
type Payload =
  | { family: 'image'; plan: ImagePlan; items?: Item[] }
  | { family: 'video'; model: string; durationSeconds: number; costUsd: number | undefined; fixture: VideoFixture; videoUrl?: string; videoUUID: string };

const roundUsd = (usd: number) => Math.round(usd * 10_000) / 10_000;
const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function toPng(jpegBytes: Buffer): Buffer {
  const decoded = jpeg.decode(jpegBytes, { useTArray: true });
  const png = new PNG({ width: decoded.width, height: decoded.height });
  png.data = Buffer.from(decoded.data);
  return PNG.sync.write(png);
}

export function createRunwareProvider(env: ProviderEnv): Provider {
  const jobs = new Map<string, Job<Payload>>();
  const usedUuids = new Set<string>();

  function authKey(request: ApiRequest): string | undefined {
    const header = request.received.headers['authorization']?.match(/^Bearer\s+(\S.*)$/i)?.[1]?.trim();
    if (header) return header;
    const body = request.received.body;
    const tasks = Array.isArray(body) ? body : [body];
    const auth = tasks.find((t): t is Task => typeof t === 'object' && t !== null && (t as Task)['taskType'] === 'authentication');
    return typeof auth?.['apiKey'] === 'string' ? auth['apiKey'] : undefined;
  }

  const bad = (task: Task, code: string, message: string, parameter?: string): TaskResult => ({
    error: taskError(400, code, message, {
      ...(parameter ? { parameter } : {}),
      ...(typeof task['taskType'] === 'string' ? { taskType: task['taskType'] } : {}),
      ...(typeof task['taskUUID'] === 'string' ? { taskUUID: task['taskUUID'] } : {}),
    }),
  });

  function imageItem(plan: ImagePlan, taskUUID: string, variant: number, issuedAt: number): Item {
    const jpegBytes = plan.render(variant);
    const bytes = plan.format === 'PNG' ? toPng(jpegBytes) : jpegBytes;
    const mime = plan.format === 'PNG' ? 'image/png' : 'image/jpeg';
    const imageUUID = randomUUID();
    const output =
      plan.outputType === 'base64Data'
        ? { imageBase64Data: bytes.toString('base64') }
        : plan.outputType === 'dataURI'
          ? { imageDataURI: `data:${mime};base64,${bytes.toString('base64')}` }
          : { imageURL: env.media.put(bytes, plan.format === 'PNG' ? 'png' : 'jpeg', issuedAt + env.config().mediaTtlMs, 'im-runware') };
    return { taskType: 'imageInference', taskUUID, imageUUID, ...output, ...(plan.costUsd !== undefined ? { cost: roundUsd(plan.costUsd / plan.count) } : {}) };
  }

  function newJob(taskUUID: string, kind: string, request: ApiRequest, payload: Payload, outcome: JobOutcome): Job<Payload> {
    const timing = request.takeFault(FAULT_GROUPS.jobTiming);
    const now = Date.now();
    const job: Job<Payload> = { requestId: taskUUID, family: payload.family, kind, createdAt: now, doneAt: now + (timing?.ms ?? env.config().videoRenderMs), outcome, pendingPolls: 0, payload };
    jobs.set(taskUUID, job);
    return job;
  }

  function jobOutcome(request: ApiRequest): JobOutcome {
    const fault = request.takeFault(['job_failed', 'moderation_flag']);
    if (fault?.kind === 'moderation_flag') return { type: 'failed', code: 'contentModerated', message: 'The generated content was rejected by content moderation.' };
    return outcomeFromFault(fault);
  }

  async function references(task: Task, field: 'referenceImages'): Promise<LoadedImage[] | TaskResult> {
    const inputs = task['inputs'];
    const list = typeof inputs === 'object' && inputs !== null ? (inputs as Task)[field] : undefined;
    if (list === undefined) return [];
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) return bad(task, 'invalidReferenceImages', `inputs.${field} must be an array of strings (UUID, URL, data URI or base64).`, `inputs.${field}`);
    if (list.length > 1) return bad(task, 'invalidReferenceImages', `inputs.${field} accepts at most 1 item for this model.`, `inputs.${field}`);
    const loaded: LoadedImage[] = [];
    for (const reference of list as string[]) {
      const image = await loadSourceImage(reference, env, { dataUri: true, bareBase64: true });
      if (!image.ok) return bad(task, 'invalidReferenceImages', `inputs.${field}: ${image.reason}.`, `inputs.${field}`);
      loaded.push(image.image);
    }
    return loaded;
  }

  async function imageInference(task: Task, taskUUID: string, request: ApiRequest): Promise<TaskResult> {
    const model = task['model'];
    if (typeof model !== 'string' || !IMAGE_MODELS[model]) return bad(task, 'invalidModel', `Invalid model "${String(model)}". Supported: ${Object.keys(IMAGE_MODELS).join(', ')}.`, 'model');
    const prompt = task['positivePrompt'];
    if (typeof prompt !== 'string' || prompt.trim().length < 1) return bad(task, 'invalidPositivePrompt', 'positivePrompt is required and must be at least 1 character.', 'positivePrompt');
    const count = task['numberResults'] ?? 1;
    if (!isInt(count) || count < 1 || count > 20) return bad(task, 'invalidNumberResults', 'numberResults must be an integer between 1 and 20.', 'numberResults');
    const outputType = task['outputType'] ?? 'URL';
    if (outputType !== 'URL' && outputType !== 'base64Data' && outputType !== 'dataURI') return bad(task, 'invalidOutputType', 'outputType must be one of URL, base64Data, dataURI.', 'outputType');
    const format = task['outputFormat'] ?? 'JPG';
    if (format !== 'JPG' && format !== 'PNG' && format !== 'WEBP') return bad(task, 'invalidOutputFormat', 'outputFormat must be one of JPG, PNG, WEBP.', 'outputFormat');
    if (format === 'WEBP') return bad(task, 'unsupportedOutputFormat', 'WEBP output is not available in this emulator (it cannot encode WebP); use JPG or PNG.', 'outputFormat');
    const delivery = task['deliveryMethod'] ?? 'sync';
    if (delivery !== 'sync' && delivery !== 'async') return bad(task, 'invalidDeliveryMethod', 'deliveryMethod must be sync or async.', 'deliveryMethod');
    const width = task['width'];
    const height = task['height'];
    const resolution = task['resolution'];
    if ((width === undefined) !== (height === undefined)) return bad(task, 'invalidDimensions', '`width` and `height` must be used together.', width === undefined ? 'width' : 'height');
    if (resolution !== undefined && width !== undefined) return bad(task, 'invalidResolution', '`resolution` cannot be used with `width/height`.', 'resolution');
    const pro = model === 'xai:grok-imagine@image-pro';
    if (resolution !== undefined && resolution !== '1K' && !(pro && resolution === '2K')) return bad(task, 'invalidResolution', `resolution must be ${pro ? '1K or 2K' : '1K'}.`, 'resolution');
    const refs = await references(task, 'referenceImages');
    if (!Array.isArray(refs)) return refs;
    if (refs.length === 0 && width === undefined && resolution === undefined) {
      return bad(task, 'missingParameter', 'Either provide `inputs.referenceImages`, or specify `width/height` or `resolution`.', 'width');
    }
    let size: [number, number];
    if (width !== undefined) {
      const allowed = [...Object.values(SIZES_1K), ...(pro ? Object.values(SIZES_2K_PRO) : [])];
      if (!allowed.some(([w, h]) => w === width && h === height)) return bad(task, 'invalidDimensions', `Unsupported dimensions ${String(width)}x${String(height)} for ${model}.`, 'width');
      size = [width as number, height as number];
    } else {
      const first = refs[0];
      const ratio = first ? nearestImageAspect(first.size.width, first.size.height) : '1:1';
      size = (resolution === '2K' ? SIZES_2K_PRO[ratio] : undefined) ?? SIZES_1K[ratio] ?? [1024, 1024];
    }
    if (request.takeFault(['moderation_http'])) return { error: taskError(400, 'contentModerated', 'The generated image was rejected by content moderation.', { taskType: 'imageInference', taskUUID }) };
    const price = IMAGE_MODELS[model]?.usd ?? 0;
    const plan: ImagePlan = {
      count,
      width: size[0],
      height: size[1],
      format,
      outputType,
      costUsd: task['includeCost'] === true ? price * count + USD_PER_INPUT_IMAGE * refs.length : undefined,
      render: (variant) =>
        refs.length ? renderEdited(prompt, refs.map((r) => r.source), size[0], size[1], variant) : renderGenerated(prompt, size[0], size[1], variant),
    };
    usedUuids.add(taskUUID);
    if (delivery === 'async') {
      newJob(taskUUID, refs.length ? 'image-edit' : 'image-generation', request, { family: 'image', plan }, jobOutcome(request));
      return { data: [{ taskType: 'imageInference', taskUUID }] };
    }
    // The same models upstream: a sync image answer takes as long as xAI's (timing.ts).
    const config = env.config();
    await delay(imageLatencyMs(config.imageLatencyMs, resolution === '2K' || size[0] * size[1] > 2_000_000 ? '2k' : '1k', config.timeScale));
    const now = Date.now();
    return { data: Array.from({ length: count }, (_, variant) => imageItem(plan, taskUUID, variant, now)) };
  }

  async function videoInference(task: Task, taskUUID: string, request: ApiRequest): Promise<TaskResult> {
    const model = task['model'];
    const info = typeof model === 'string' ? VIDEO_MODELS[model] : undefined;
    if (!info) return bad(task, 'invalidModel', `Invalid model "${String(model)}". Supported: ${Object.keys(VIDEO_MODELS).join(', ')}.`, 'model');
    const delivery = task['deliveryMethod'] ?? 'async';
    if (delivery !== 'async') return bad(task, 'invalidDeliveryMethod', 'videoInference supports deliveryMethod "async" only; poll with getResponse.', 'deliveryMethod');
    const format = task['outputFormat'] ?? 'MP4';
    if (format !== 'MP4' && format !== 'WEBM' && format !== 'MOV') return bad(task, 'invalidOutputFormat', 'outputFormat must be one of MP4, WEBM, MOV.', 'outputFormat');
    if (format !== 'MP4') return bad(task, 'unsupportedOutputFormat', `${format} output is not available in this emulator; use MP4.`, 'outputFormat');
    const inputs = typeof task['inputs'] === 'object' && task['inputs'] !== null ? (task['inputs'] as Task) : {};
    if (inputs['video'] !== undefined) return videoToVideo(task, taskUUID, request, model as string, info, inputs['video']);
    const frames = inputs['frameImages'];
    if (frames !== undefined && inputs['referenceImages'] !== undefined) return bad(task, 'invalidParameters', '`frameImages` cannot be used with `referenceImages` (in `inputs`).', 'inputs.frameImages');
    const width = task['width'];
    const height = task['height'];
    const resolution = task['resolution'];
    if ((width === undefined) !== (height === undefined)) return bad(task, 'invalidDimensions', '`width` and `height` must be used together.', 'width');
    if (resolution !== undefined && width !== undefined) return bad(task, 'invalidResolution', '`resolution` cannot be used with `width/height`.', 'resolution');
    if ((frames === undefined) === (width === undefined)) return bad(task, 'invalidParameters', 'Provide exactly one of: `inputs.frameImages` or `inputs.video` or `width/height`.', 'inputs.frameImages');
    if (resolution !== undefined && resolution !== '480p' && resolution !== '720p') return bad(task, 'invalidResolution', 'resolution must be 480p or 720p.', 'resolution');
    const prompt = task['positivePrompt'];
    if (prompt !== undefined && (typeof prompt !== 'string' || prompt.trim() === '')) return bad(task, 'invalidPositivePrompt', 'positivePrompt must be a non-empty string.', 'positivePrompt');
    if (frames === undefined && prompt === undefined) return bad(task, 'missingPositivePrompt', 'positivePrompt is required for text-to-video.', 'positivePrompt');
    if (frames === undefined && !info.textToVideo) return bad(task, 'invalidParameters', `${String(model)} is image-to-video only: provide inputs.frameImages.`, 'inputs.frameImages');
    const duration = task['duration'] ?? 6;
    if (typeof duration !== 'number' || duration < 1 || duration > 15) return bad(task, 'invalidDuration', 'duration must be between 1 and 15 seconds.', 'duration');

    let fixture: VideoFixture;
    let pixels = 480 * 480;
    if (frames !== undefined) {
      if (!Array.isArray(frames) || frames.length !== 1) return bad(task, 'invalidFrameImages', 'inputs.frameImages must hold exactly 1 item (the first frame) for this model.', 'inputs.frameImages');
      const frame = frames[0] as Task;
      const image = typeof frame === 'object' && frame !== null ? frame['image'] : undefined;
      if (typeof image !== 'string') return bad(task, 'invalidFrameImages', 'inputs.frameImages[0].image is required (UUID, URL, data URI or base64).', 'inputs.frameImages');
      if (frame['frame'] !== undefined && frame['frame'] !== 'first' && frame['frame'] !== 0) return bad(task, 'invalidFrameImages', 'This model supports a first frame only.', 'inputs.frameImages');
      const loaded = await loadSourceImage(image, env, { dataUri: true, bareBase64: true });
      if (!loaded.ok) return bad(task, 'invalidFrameImages', `inputs.frameImages[0].image: ${loaded.reason}.`, 'inputs.frameImages');
      fixture = fixtureForShape(loaded.image.size.width, loaded.image.size.height);
      pixels = resolution === '720p' ? 720 * 720 : pixels;
    } else {
      const allowed = Object.values({ ...VIDEO_SIZES['480p'] }).concat(Object.values({ ...VIDEO_SIZES['720p'] }));
      if (!allowed.some(([w, h]) => w === width && h === height)) return bad(task, 'invalidDimensions', `Unsupported dimensions ${String(width)}x${String(height)}.`, 'width');
      fixture = fixtureForShape(width as number, height as number);
      pixels = Math.min(width as number, height as number) >= 720 ? 720 * 720 : pixels;
    }
    const perSecond = pixels >= 720 * 720 ? 0.07 : 0.05;
    const costUsd = task['includeCost'] === true ? perSecond * duration + (frames !== undefined ? USD_PER_INPUT_IMAGE : 0) : undefined;
    usedUuids.add(taskUUID);
    newJob(taskUUID, frames !== undefined ? 'image-to-video' : 'text-to-video', request, { family: 'video', model: model as string, durationSeconds: duration, costUsd, fixture, videoUUID: randomUUID() }, jobOutcome(request));
    return { data: [{ taskType: 'videoInference', taskUUID }] };
  }

  async function videoToVideo(task: Task, taskUUID: string, request: ApiRequest, model: string, info: { videoToVideo: boolean }, video: unknown): Promise<TaskResult> {
    if (!info.videoToVideo) return bad(task, 'invalidParameters', `${model} does not take inputs.video; use xai:grok-imagine@video.`, 'inputs.video');
    if (task['width'] !== undefined || task['height'] !== undefined || task['resolution'] !== undefined || task['duration'] !== undefined || (task['inputs'] as Task)['frameImages'] !== undefined) {
      return bad(task, 'invalidParameters', 'inputs.video keeps the input video\'s size and length: do not send width/height, resolution, duration or frameImages.', 'inputs.video');
    }
    const prompt = task['positivePrompt'];
    if (typeof prompt !== 'string' || prompt.trim() === '') return bad(task, 'missingPositivePrompt', 'positivePrompt is required for video-to-video.', 'positivePrompt');
    if (typeof video !== 'string') return bad(task, 'invalidVideo', 'inputs.video must be a URL or data URI of an MP4 video.', 'inputs.video');
    const loaded = await resolveVideo(video, env);
    if ('type' in loaded) return bad(task, 'invalidVideo', `inputs.video: ${loaded.message}`, 'inputs.video');
    const seconds = loaded.info.durationSeconds;
    if (seconds > MAX_EDIT_INPUT_SECONDS + 0.05) return bad(task, 'invalidVideo', `inputs.video is ${seconds.toFixed(1)} s long; at most ${MAX_EDIT_INPUT_SECONDS} s.`, 'inputs.video');
    const durationSeconds = Math.max(1, Math.round(seconds));
    const perSecond = Math.min(loaded.info.width, loaded.info.height) > 480 ? 0.07 : 0.05;
    const costUsd = task['includeCost'] === true ? perSecond * durationSeconds : undefined;
    usedUuids.add(taskUUID);
    const fixture = fixtureForShape(loaded.info.width, loaded.info.height);
    newJob(taskUUID, 'video-to-video', request, { family: 'video', model, durationSeconds, costUsd, fixture, videoUUID: randomUUID() }, jobOutcome(request));
    return { data: [{ taskType: 'videoInference', taskUUID }] };
  }

  function getResponse(task: Task, taskUUID: string): TaskResult {
    const job = jobs.get(taskUUID);
    if (!job) return { error: taskError(400, 'taskNotFound', `No task with taskUUID ${taskUUID} was found (unknown, or its results are gone).`, { parameter: 'taskUUID', taskType: 'getResponse', taskUUID }) };
    const now = Date.now();
    const payload = job.payload;
    const taskType = payload.family === 'image' ? 'imageInference' : 'videoInference';
    const generations = payload.family === 'image' ? payload.plan.count : 1;
    const state = statusOf(job, now);
    if (state === 'pending') return { data: Array.from({ length: generations }, () => ({ taskType, taskUUID, status: 'processing' })) };
    if (state === 'failed' || state === 'expired') {
      const message = job.outcome.type === 'failed' ? job.outcome.message : 'The task failed.';
      const code = job.outcome.type === 'failed' ? job.outcome.code : 'taskFailed';
      return { data: [{ taskType, taskUUID, status: 'error' }], error: taskError(200, code, message, { taskType, taskUUID }) };
    }
    if (payload.family === 'image') {
      payload.items ??= Array.from({ length: payload.plan.count }, (_, variant) => imageItem(payload.plan, taskUUID, variant, job.doneAt));
      return { data: payload.items.map((item) => ({ ...item, status: 'success' })) };
    }
    if (isFinished(job, now) && payload.videoUrl === undefined) {
      payload.videoUrl = env.media.put(payload.fixture.bytes, 'mp4', job.doneAt + env.config().mediaTtlMs, 'vid-runware');
    }
    return {
      data: [{ taskType, taskUUID, status: 'success', videoUUID: payload.videoUUID, videoURL: payload.videoUrl, ...(payload.costUsd !== undefined ? { cost: roundUsd(payload.costUsd) } : {}) }],
    };
  }

  async function runTask(task: unknown, request: ApiRequest): Promise<TaskResult | undefined> {
    if (typeof task !== 'object' || task === null || Array.isArray(task)) return { error: taskError(400, 'invalidTask', 'Each task must be a JSON object.') };
    const t = task as Task;
    const taskType = t['taskType'];
    if (taskType === 'authentication') return undefined;
    if (taskType === 'ping') return { data: [{ taskType: 'ping', pong: true }] };
    if (typeof taskType !== 'string') return bad(t, 'missingTaskType', 'taskType is required.', 'taskType');
    const taskUUID = t['taskUUID'];
    if (typeof taskUUID !== 'string' || !UUID_V4.test(taskUUID)) return bad(t, 'invalidTaskUUID', 'taskUUID must be a UUID v4 string.', 'taskUUID');
    if (taskType === 'getResponse') return getResponse(t, taskUUID);
    if (taskType === 'accountManagement') {
      // https://runware.ai/docs/platform/account-management: only operation "getDetails" exists.
      if (t['operation'] !== 'getDetails') return bad(t, 'invalidOperation', 'operation must be "getDetails".', 'operation');
      return { data: [{ taskType, taskUUID, operation: 'getDetails', organizationUUID: 'a6379343-9ff2-46a0-996b-e4a7b3057c88', organizationName: 'Emulator organization', balance: 24.5 }] };
    }
    if (taskType !== 'imageInference' && taskType !== 'videoInference') return bad(t, 'unsupportedTaskType', `Unsupported taskType "${taskType}".`, 'taskType');
    if (usedUuids.has(taskUUID)) return bad(t, 'duplicateTaskUUID', 'taskUUID has already been used; send a new UUID v4 per task.', 'taskUUID');
    return taskType === 'imageInference' ? imageInference(t, taskUUID, request) : videoInference(t, taskUUID, request);
  }

  async function handle(request: ApiRequest): Promise<Reply> {
    const type = (request.received.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    let parsed: unknown;
    try {
      if (type !== 'application/json') throw new Error('content type');
      parsed = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      return json(400, { errors: [{ code: 'invalidPayload', message: 'The request body must be a JSON array of tasks (Content-Type: application/json).' }] });
    }
    const tasks = Array.isArray(parsed) ? parsed : [parsed];
    if (tasks.length === 0) return json(400, { errors: [{ code: 'invalidPayload', message: 'The request must contain at least one task.' }] });
    const data: Item[] = [];
    const errors: RunwareTaskError[] = [];
    for (const task of tasks) {
      const result = await runTask(task, request);
      if (result?.data) data.push(...result.data);
      if (result?.error) errors.push(result.error);
    }
    if (errors.length > 0 && data.length === 0) {
      const status = errors.find((e) => e.status >= 400)?.status ?? 400;
      return json(status, { errors: errors.map(wireError) });
    }
    return json(200, { data, ...(errors.length ? { errors: errors.map(wireError) } : {}) });
  }

  const routes: Route[] = [{ method: 'POST', path: RUNWARE_PREFIX, handle }];

  return {
    name: 'runware',
    pathPrefix: '/runware/',
    routes,
    authenticate(request) {
      const key = authKey(request);
      if (!key) return runwareError(401, 'missingApiKey', 'Missing API key. Send "Authorization: Bearer <key>" or an authentication task first.');
      return env.config().runwareApiKeys.includes(key) ? undefined : runwareError(401, 'invalidApiKey', 'Invalid API key. Get one at https://my.runware.ai/signup');
    },
    gateFaultReply: (fault) => runwareGateFaultReply(fault),
    notFoundReply: () => runwareError(404, 'notFound', 'Not found. Runware takes POST requests at /v1.'),
    renderError: renderRunwareError,
    videoJobs: () => {
      const now = Date.now();
      return [...jobs.values()].map((job) => {
        const state = statusOf(job, now);
        return {
          requestId: job.requestId,
          status: state,
          progress: progressOf(job, now),
          createdAt: job.createdAt,
          ...(state === 'pending' ? {} : { doneAt: job.doneAt }),
          kind: `runware:${job.kind}`,
        };
      });
    },
    finishAllJobs: () => {
      const now = Date.now();
      for (const job of jobs.values()) if (job.doneAt > now) job.doneAt = now;
    },
    expireResults: () => undefined,
    reset: () => {
      jobs.clear();
      usedUuids.clear();
    },
  };
}
