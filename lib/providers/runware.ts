import { z } from 'zod';
import { mentionsCredits, mentionsModeration, type ParsedErrorBody } from '../api/classify';
import { ImagineError, type ErrorInfo, type ErrorKind } from '../errors/taxonomy';
import { malformedResponse } from '../api/http';
import { TICKS_PER_USD } from '../api/models';
import type { Job, PendingOutput } from '../model/job';
import { MODE_INFO } from '../model/modes';
import { clip, vendorJson } from './reseller-http';
import type { Capabilities, PollOutcome, Provider, ProviderContext, SubmitOutcome } from './types';
import { formatUsd, t } from '../i18n';

/**
 * Runware (https://api.runware.ai/v1) — shared/seeds/004 and Runware's public docs: every request is a POST
 * of an array of tasks to the base URL itself. `imageInference` (sync, or `deliveryMethod:"async"`),
 * `videoInference` (async only) and `getResponse` (poll an async task by its `taskUUID`, a UUID v4 we make
 * per task). Answers are `{data:[…]}`; failures `{errors:[{code,message,parameter,taskType,taskUUID}]}`
 * with a 4xx/5xx status, or inside a 200 next to other tasks' data. `includeCost:true` adds `cost` in USD.
 */

export const RUNWARE_IMAGE_MODELS = ['xai:grok-imagine@image', 'xai:grok-imagine@image-pro'] as const;
// `@video-1.5` is live (the `-preview` id is API-only); imagine-api.md, second pass.
export const RUNWARE_VIDEO_MODELS = ['xai:grok-imagine@video', 'xai:grok-imagine@video-1.5'] as const;
const PRO_IMAGE_MODEL = 'xai:grok-imagine@image-pro';
/** Video-to-video goes through `inputs.video` on `@video` (imagine-api.md, second pass). */
const VIDEO_EDIT_MODEL = 'xai:grok-imagine@video';

/** xAI's model names (the settings' defaults) → Runware's AIR ids; AIR ids pass through. */
const MODEL_ALIASES: Record<string, string> = {
  'grok-imagine-image': 'xai:grok-imagine@image',
  'grok-imagine-image-quality': 'xai:grok-imagine@image-pro',
  'grok-imagine-image-pro': 'xai:grok-imagine@image-pro',
  'grok-imagine-video': 'xai:grok-imagine@video',
  'grok-imagine-video-1.5': 'xai:grok-imagine@video-1.5',
};

/** The documented 1K sizes of xai:grok-imagine@image (Runware's "dimension combinations"). */
const IMAGE_SIZES_1K: Record<string, readonly [number, number]> = {
  '1:1': [1024, 1024],
  '3:4': [896, 1280],
  '4:3': [1280, 896],
  '9:16': [768, 1408],
  '16:9': [1408, 768],
  '2:3': [864, 1296],
  '3:2': [1296, 864],
  '9:19.5': [576, 1248],
  '19.5:9': [1248, 576],
  '9:20': [576, 1280],
  '20:9': [1280, 576],
  '1:2': [704, 1408],
  '2:1': [1408, 704],
};

/** xai:grok-imagine@image-pro's documented 2K sizes (Runware model page). */
const IMAGE_SIZES_2K_PRO: Record<string, readonly [number, number]> = {
  '1:1': [2048, 2048],
  '3:4': [1792, 2560],
  '4:3': [2560, 1792],
  '9:16': [1536, 2816],
  '16:9': [2816, 1536],
  '2:3': [1728, 2592],
  '3:2': [2592, 1728],
};

/** xai:grok-imagine@video sizes per resolution and ratio. */
const VIDEO_SIZES: Record<string, Record<string, readonly [number, number]>> = {
  '480p': { '1:1': [480, 480], '16:9': [848, 480], '9:16': [480, 848], '4:3': [640, 480], '3:4': [480, 640], '3:2': [720, 480], '2:3': [480, 720] },
  '720p': { '1:1': [720, 720], '16:9': [1280, 720], '9:16': [720, 1280], '4:3': [960, 720], '3:4': [720, 960], '3:2': [1080, 720], '2:3': [720, 1080] },
};

/** Above this many results an image task is queued (async) rather than held open until every image exists. */
export const ASYNC_IMAGE_THRESHOLD = 4;

const NOT_OFFERED = t('providers.runwareOffersGrokImagineImage');

export const runwareCapabilities: Capabilities = {
  modes: { 'create-image': true, 'edit-image': true, 'create-video': true, 'animate-image': true, 'edit-video': true },
  vision: false,
  unavailableReason: {
    'reference-video': NOT_OFFERED,
    'extend-video': NOT_OFFERED,
    'describe-image': t('providers.runwareNoVision'),
  },
  imageAspectRatios: [...Object.keys(IMAGE_SIZES_1K), 'auto'],
  videoAspectRatios: Object.keys(VIDEO_SIZES['480p'] ?? {}),
  // 2K on @image-pro only (its documented sizes); runwareTask refuses 2K on other models.
  imageResolutions: ['1k', '2k'],
  videoResolutions: ['480p', '720p'],
  // numberResults goes to 20 at Runware; the job request schema (lib/model/request.ts) allows 10.
  maxCount: 10,
  // inputs.referenceImages takes one item for this model.
  maxEditSources: 1,
  maxReferenceImages: 0,
  videoDuration: { min: 1, max: 15 },
  outputFormats: ['jpeg', 'png', 'webp'],
  models: { image: ['grok-imagine-image', 'grok-imagine-image-quality', ...RUNWARE_IMAGE_MODELS], video: ['grok-imagine-video', ...RUNWARE_VIDEO_MODELS] },
  promptMaxLength: 1024,
};

const invalid = (message: string) => new ImagineError({ kind: 'invalid_request', message });

function modelId(model: string, family: 'image' | 'video'): string {
  const trimmed = model.trim();
  const id = MODEL_ALIASES[trimmed] ?? trimmed;
  if (!id.includes(':')) {
    throw invalid(t('providers.runwareUnknownModel', { model: trimmed, example: (family === 'image' ? RUNWARE_IMAGE_MODELS[0] : RUNWARE_VIDEO_MODELS[0]) ?? '' }));
  }
  return id;
}

const OUTPUT_FORMATS = { jpeg: 'JPG', png: 'PNG', webp: 'WEBP' } as const;
const MIME_OF_FORMAT = { JPG: 'image/jpeg', PNG: 'image/png', WEBP: 'image/webp' } as const;

export type RunwareTask = Record<string, unknown> & { taskType: string; taskUUID: string };

/** One task for a job: exported for tests (request mapping). A fresh UUID v4 every call (one per send). */
export async function runwareTask(job: Job, ctx: ProviderContext, newUuid: () => string = () => crypto.randomUUID()): Promise<RunwareTask> {
  const req = job.request;
  const taskUUID = newUuid();
  switch (req.mode) {
    case 'create-image':
    case 'edit-image': {
      const model = modelId(req.model, 'image');
      const twoK = req.resolution === '2k' && model === PRO_IMAGE_MODEL;
      if (req.resolution !== '1k' && !twoK) throw invalid(t('providers.runwareImageResolution', { resolution: req.resolution ?? '' }));
      const outputFormat = OUTPUT_FORMATS[req.outputFormat ?? 'jpeg'];
      const common = {
        taskType: 'imageInference',
        taskUUID,
        model,
        positivePrompt: req.prompt,
        numberResults: req.n,
        outputType: 'URL',
        outputFormat,
        includeCost: true,
        deliveryMethod: req.n > ASYNC_IMAGE_THRESHOLD ? 'async' : 'sync',
      };
      if (req.mode === 'edit-image') {
        if (req.sources.length !== 1 || !req.sources[0]) throw invalid(t('providers.runwareOneEditImage'));
        // A single edit follows its input's shape: no size is sent (2K asks for the 2K size of that shape).
        return { ...common, ...(twoK ? { resolution: '2K' } : {}), inputs: { referenceImages: [await ctx.resolveSource(req.sources[0])] } };
      }
      if (req.aspectRatio === 'auto') return { ...common, resolution: twoK ? '2K' : '1K' };
      const size = (twoK ? IMAGE_SIZES_2K_PRO : IMAGE_SIZES_1K)[req.aspectRatio];
      if (!size) throw invalid(t('providers.runwareImageRatio', { ratio: req.aspectRatio ?? '' }));
      return { ...common, width: size[0], height: size[1] };
    }
    case 'create-video':
    case 'animate-image': {
      const common = {
        taskType: 'videoInference',
        taskUUID,
        model: modelId(req.model, 'video'),
        ...(req.prompt.trim() ? { positivePrompt: req.prompt } : {}),
        duration: req.duration,
        outputType: 'URL',
        outputFormat: 'MP4',
        deliveryMethod: 'async',
        includeCost: true,
        numberResults: 1,
      };
      const sizes = VIDEO_SIZES[req.resolution];
      if (!sizes) throw invalid(t('providers.runwareVideoResolution', { resolution: req.resolution ?? '' }));
      if (req.mode === 'animate-image') {
        if (!req.sources[0]) throw invalid(t('providers.addImageToAnimate'));
        // The video follows the frame's shape; `resolution` picks its size.
        return { ...common, resolution: req.resolution, inputs: { frameImages: [{ image: await ctx.resolveSource(req.sources[0]), frame: 'first' }] } };
      }
      const size = sizes[req.aspectRatio];
      if (!size) throw invalid(t('providers.runwareVideoRatio', { ratio: req.aspectRatio ?? '' }));
      return { ...common, width: size[0], height: size[1] };
    }
    case 'edit-video': {
      const model = modelId(req.model, 'video');
      if (model !== VIDEO_EDIT_MODEL) throw invalid(t('providers.runwareVideoEditModel', { model: VIDEO_EDIT_MODEL }));
      if (!req.sources[0]) throw invalid(t('validation.addVideoToEdit'));
      // The output keeps the input's length and shape: no duration or size is sent.
      return {
        taskType: 'videoInference',
        taskUUID,
        model,
        positivePrompt: req.prompt,
        outputType: 'URL',
        outputFormat: 'MP4',
        deliveryMethod: 'async',
        includeCost: true,
        numberResults: 1,
        inputs: { video: await ctx.resolveSource(req.sources[0]) },
      };
    }
    default:
      throw invalid(t('providers.modeReason', { mode: MODE_INFO[req.mode].label, reason: NOT_OFFERED }));
  }
}

// --- responses

const runwareErrorSchema = z.looseObject({
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  parameter: z.string().nullish(),
  taskType: z.string().nullish(),
  taskUUID: z.string().nullish(),
});
type RunwareError = z.infer<typeof runwareErrorSchema>;

const runwareItemSchema = z.looseObject({
  taskType: z.string().nullish(),
  taskUUID: z.string().nullish(),
  status: z.string().nullish(),
  imageUUID: z.string().nullish(),
  imageURL: z.string().nullish(),
  videoUUID: z.string().nullish(),
  videoURL: z.string().nullish(),
  cost: z.number().nullish(),
});
type RunwareItem = z.infer<typeof runwareItemSchema>;

export const runwareResponseSchema = z.looseObject({
  data: z.array(runwareItemSchema).nullish(),
  errors: z.array(runwareErrorSchema).nullish(),
});

/** `{errors:[{code,message}]}` → the first error's words, for the shared HTTP classifier. Never throws. */
export function readRunwareError(text: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    return trimmed && !trimmed.startsWith('<') ? { message: clip(trimmed) } : {};
  }
  const parsed = runwareResponseSchema.safeParse(json);
  const first = parsed.success ? parsed.data.errors?.[0] : undefined;
  if (!first) return {};
  return {
    ...(first.message ? { message: clip(first.message) } : {}),
    ...(first.code !== undefined && first.code !== null ? { code: String(first.code) } : {}),
  };
}

/** A task error that came inside a 2xx body (or on a poll): its kind from its code and words. */
export function taskErrorInfo(error: RunwareError, requestId?: string): ErrorInfo {
  const code = error.code !== undefined && error.code !== null ? String(error.code) : undefined;
  const message = clip(error.message || code || t('providers.runwareNoExplanation'));
  const words = `${code ?? ''} ${message}`;
  let kind: ErrorKind;
  if (/api[ _-]?key|unauthori[sz]ed|authentication/i.test(words)) kind = 'invalid_key';
  else if (mentionsModeration(words)) kind = 'content_policy';
  else if (mentionsCredits(words) || /balance/i.test(words)) kind = 'credits_exhausted';
  else if (/not[ _-]?found/i.test(words)) kind = 'not_found';
  else if (/timeout|provider|internal|unavailable|server/i.test(words)) kind = 'server_error';
  else if (/invalid|missing|unsupported|must|required|exceed/i.test(words) || error.parameter) kind = 'invalid_request';
  else kind = 'server_error';
  return { kind, message, ...(code !== undefined ? { code } : {}), ...(requestId !== undefined ? { requestId } : {}) };
}

const config = (ctx: Pick<ProviderContext, 'apiKey' | 'baseUrl'>) => ({ apiKey: ctx.apiKey, baseUrl: ctx.baseUrl, vendor: 'Runware', readError: readRunwareError });

async function send(ctx: Pick<ProviderContext, 'apiKey' | 'baseUrl' | 'signal'>, tasks: RunwareTask[] | Record<string, unknown>[], timeoutMs?: number) {
  const response = await vendorJson(config(ctx), { method: 'POST', path: '', body: tasks, signal: ctx.signal, ...(timeoutMs ? { timeoutMs } : {}) });
  const parsed = runwareResponseSchema.safeParse(response.body);
  if (!parsed.success) throw malformedResponse('not the documented {data:[…]} shape', { status: response.status, requestId: response.requestId });
  return { response, body: parsed.data };
}

/** Our task's items and errors (Runware may answer for several tasks in one body). */
function ours(body: z.infer<typeof runwareResponseSchema>, taskUUID: string): { items: RunwareItem[]; errors: RunwareError[] } {
  const mine = (uuid: string | null | undefined) => uuid === undefined || uuid === null || uuid === taskUUID;
  return { items: (body.data ?? []).filter((item) => mine(item.taskUUID)), errors: (body.errors ?? []).filter((error) => mine(error.taskUUID)) };
}

const totalCostTicks = (items: RunwareItem[]) => {
  const costs = items.map((item) => item.cost).filter((cost): cost is number => typeof cost === 'number' && cost >= 0);
  return costs.length ? { costTicks: Math.round(costs.reduce((a, b) => a + b, 0) * TICKS_PER_USD) } : {};
};

function outputOf(item: RunwareItem, job: Job, mimeType: string | undefined): PendingOutput | undefined {
  if (item.videoURL) {
    const req = job.request;
    return { kind: 'video', url: item.videoURL, mimeType: 'video/mp4', ...('duration' in req ? { durationS: req.duration } : {}) };
  }
  if (item.imageURL) return { kind: 'image', url: item.imageURL, ...(mimeType ? { mimeType } : {}) };
  return undefined;
}

const imageMime = (job: Job) => {
  const req = job.request;
  return req.mode === 'create-image' || req.mode === 'edit-image' ? MIME_OF_FORMAT[OUTPUT_FORMATS[req.outputFormat ?? 'jpeg']] : undefined;
};

async function submit(job: Job, ctx: ProviderContext): Promise<SubmitOutcome> {
  const task = await runwareTask(job, ctx);
  const { response, body } = await send(ctx, [task]);
  const { items, errors } = ours(body, task.taskUUID);
  const firstError = errors[0];
  if (firstError) throw new ImagineError(taskErrorInfo(firstError, response.requestId));
  if (task['deliveryMethod'] === 'async') {
    // The acknowledgment: {data:[{taskType, taskUUID}]}. We poll by the UUID we made.
    if (items.length === 0 && (body.data ?? []).length === 0) throw malformedResponse('no acknowledgment for the task', { status: response.status, requestId: response.requestId });
    return { type: 'async', remoteId: task.taskUUID };
  }
  const mime = imageMime(job);
  const outputs = items.map((item) => outputOf(item, job, mime)).filter((o): o is PendingOutput => o !== undefined);
  if (outputs.length === 0) throw malformedResponse('no imageURL in the answer', { status: response.status, requestId: response.requestId });
  return { type: 'outputs', outputs, moderatedCount: 0, ...totalCostTicks(items) };
}

const expectedResults = (job: Job) => ('n' in job.request ? job.request.n : 1);

async function poll(job: Job & { remoteId: string }, ctx: ProviderContext): Promise<PollOutcome> {
  let answer: Awaited<ReturnType<typeof send>>;
  try {
    answer = await send(ctx, [{ taskType: 'getResponse', taskUUID: job.remoteId }], 30_000);
  } catch (error) {
    // A 4xx whose errors name our task is that task's failure, not a transport problem.
    if (error instanceof ImagineError && error.kind === 'invalid_request' && error.code && /not[ _-]?found/i.test(error.code)) {
      throw new ImagineError({ ...error.toInfo(), kind: 'not_found' });
    }
    throw error;
  }
  const { response, body } = answer;
  const { items, errors } = ours(body, job.remoteId);
  if (items.some((item) => item.status === 'success' && !item.imageURL && !item.videoURL)) {
    throw malformedResponse('a successful task without a URL', { status: response.status, requestId: response.requestId });
  }
  const successes = items.filter((item) => (item.status ?? 'success') === 'success' && (item.imageURL || item.videoURL));
  const failedItems = items.filter((item) => item.status === 'error');
  const processing = items.filter((item) => item.status !== 'error' && !successes.includes(item));
  const expected = expectedResults(job);
  const finished = processing.length === 0 && successes.length + Math.max(failedItems.length, errors.length) >= expected;

  if (!finished) {
    if (errors.length > 0 && successes.length === 0 && processing.length === 0) {
      return { state: 'failed', error: taskErrorInfo(errors[0] as RunwareError, response.requestId) };
    }
    return successes.length > 0 && expected > 1 ? { state: 'pending', progress: Math.min(99, Math.round((100 * successes.length) / expected)) } : { state: 'pending' };
  }
  if (successes.length === 0) {
    const error = errors[0] ?? { code: 'error', message: t('providers.runwareReportedTheTaskAs') };
    return { state: 'failed', error: taskErrorInfo(error, response.requestId) };
  }
  const mime = imageMime(job);
  const outputs = successes.map((item) => outputOf(item, job, mime)).filter((o): o is PendingOutput => o !== undefined);
  return { state: 'done', outputs, ...totalCostTicks(successes) };
}

/**
 * A documented, free, authenticated call: the `accountManagement` task with `operation:"getDetails"`
 * (https://runware.ai/docs/platform/account-management) answers with the organisation and its balance.
 */
async function testConnection(ctx: Omit<ProviderContext, 'resolveSource'>): Promise<string> {
  const taskUUID = crypto.randomUUID();
  const { response, body } = await send(ctx, [{ taskType: 'accountManagement', taskUUID, operation: 'getDetails' }], 15_000);
  const { items, errors } = ours(body, taskUUID);
  const error = errors[0];
  if (error) throw new ImagineError(taskErrorInfo(error, response.requestId));
  const details = items.find((item) => item.taskType === 'accountManagement') ?? items[0];
  if (!details) throw malformedResponse('no account details in the answer', { status: response.status, requestId: response.requestId });
  const balance = z.number().safeParse(details['balance']);
  return balance.success ? t('providers.runwareConnectedBalance', { balance: formatUsd(balance.data) }) : t('providers.connectedRunwareAcceptedTheKey');
}

export const runwareProvider: Provider = { id: 'runware', capabilities: runwareCapabilities, submit, poll, testConnection };
