import { z } from 'zod';
import { jobErrorInfo, parseErrorBody } from '../api/classify';
import { ImagineError, type ErrorInfo } from '../errors/taxonomy';
import { malformedResponse } from '../api/http';
import type { Job, PendingOutput } from '../model/job';
import { MODE_INFO } from '../model/modes';
import { clip, vendorJson, type VendorResponse } from './reseller-http';
import type { Capabilities, PollOutcome, Provider, ProviderContext, SubmitOutcome } from './types';
import { formatNumber, t } from '../i18n';

/**
 * Vydra (https://www.vydra.ai/api/v1 — the bare domain redirects, and the redirect drops the Authorization
 * header), a reseller of Grok Imagine — shared/seeds/003: one endpoint,
 * `POST /models/grok-imagine` with a sub-model (`text-to-image` answers 200 with the image; `text-to-video`
 * and `image-to-video` answer 202 with a `jobId` to poll at `GET /jobs/{jobId}`). Vydra bills in credits
 * (`creditsCharged`) and publishes no USD rate, so cost is reported in credits, never converted.
 */

const VYDRA_ASPECT_RATIOS = ['16:9', '9:16', '4:3', '3:4', '1:1', '3:2', '2:3'] as const;
const ONLY_THREE = t('providers.vydraOffersTextToImage');

export const vydraCapabilities: Capabilities = {
  modes: { 'create-image': true, 'edit-image': true, 'create-video': true, 'animate-image': true },
  vision: false,
  unavailableReason: {
    'reference-video': ONLY_THREE,
    'edit-video': ONLY_THREE,
    'extend-video': ONLY_THREE,
    'describe-image': t('providers.vydraNoVision'),
  },
  imageAspectRatios: VYDRA_ASPECT_RATIOS,
  videoAspectRatios: VYDRA_ASPECT_RATIOS,
  // Vydra takes no resolution: these are what its upstream defaults produce.
  imageResolutions: ['1k'],
  videoResolutions: ['480p'],
  maxCount: 1,
  // image_url is a single URL: one image per edit.
  maxEditSources: 1,
  maxReferenceImages: 0,
  videoDuration: { min: 1, max: 15 },
  outputFormats: ['jpeg'],
  // Vydra picks the model from the mode (its sub-model); the model field is not sent.
  models: { image: ['grok-imagine-image'], video: ['grok-imagine-video'] },
  promptMaxLength: 5000,
};

type VydraBody = {
  prompt?: string;
  model: 'text-to-image' | 'text-to-video' | 'image-to-video';
  image_url?: string;
  aspect_ratio?: string;
  duration?: number;
};

const invalid = (message: string) => new ImagineError({ kind: 'invalid_request', message });

function aspectRatio(ratio: string | undefined): { aspect_ratio?: string } {
  if (ratio === undefined || ratio === 'auto') return {}; // let Vydra choose
  if (!(VYDRA_ASPECT_RATIOS as readonly string[]).includes(ratio)) {
    throw invalid(t('providers.vydraRatios', { ratios: VYDRA_ASPECT_RATIOS.join(', '), ratio }));
  }
  return { aspect_ratio: ratio };
}

/**
 * Vydra documents `image_url` as a URL; bytes (data: URIs) are not documented as accepted, so never sent
 * there. A page image that must stay bytes (private, or the user sends bytes) goes through
 * `POST /upload`, which answers `{url}` for the file (imagine-api.md, second pass), and that URL is sent.
 */
async function imageUrl(job: Job, ctx: ProviderContext): Promise<string> {
  const req = job.request;
  if (!('sources' in req) || req.sources.length !== 1 || !req.sources[0]) throw invalid(t('providers.vydraOneSource'));
  const url = await ctx.resolveSource(req.sources[0]);
  if (/^https?:\/\//i.test(url)) return url;
  return upload(url, ctx);
}

const uploadSchema = z.looseObject({ url: z.string().regex(/^https?:\/\//i) });

/** The file goes as multipart `file` (the shape every such upload endpoint takes; Vydra names no other). */
async function upload(dataUri: string, ctx: ProviderContext): Promise<string> {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(dataUri);
  if (!match) throw invalid(t('providers.vydraOneSource'));
  const bytes = Uint8Array.from(atob(match[2] ?? ''), (c) => c.charCodeAt(0));
  const type = match[1] ?? 'application/octet-stream';
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), `source.${type.split('/')[1] ?? 'bin'}`);
  const response = await vendorJson(config(ctx), { method: 'POST', path: '/upload', body: form, signal: ctx.signal });
  return parse(uploadSchema, response, 'the upload answer').url;
}

/** The request body for a job: exported for tests (request mapping). */
export async function vydraRequestBody(job: Job, ctx: ProviderContext): Promise<VydraBody> {
  const req = job.request;
  switch (req.mode) {
    case 'create-image':
      if (req.n !== 1) throw invalid(t('providers.vydraOneImage'));
      return { prompt: req.prompt, model: 'text-to-image', ...aspectRatio(req.aspectRatio) };
    case 'edit-image':
      if (req.n !== 1) throw invalid(t('providers.vydraOneImage'));
      if (req.sources.length !== 1) throw invalid(t('providers.vydraOneEdit'));
      return { prompt: req.prompt, model: 'text-to-image', image_url: await imageUrl(job, ctx) };
    case 'create-video':
      return { prompt: req.prompt, model: 'text-to-video', ...aspectRatio(req.aspectRatio), duration: req.duration };
    case 'animate-image':
      return {
        ...(req.prompt.trim() ? { prompt: req.prompt } : {}),
        model: 'image-to-video',
        image_url: await imageUrl(job, ctx),
        duration: req.duration,
      };
    default:
      throw invalid(t('providers.modeReason', { mode: MODE_INFO[req.mode].label, reason: ONLY_THREE }));
  }
}

const credits = z.number().nonnegative().nullish();
const urls = z.array(z.string()).nullish();
const errorField = z.union([z.string(), z.looseObject({ code: z.union([z.string(), z.number()]).nullish(), message: z.string().nullish() })]).nullish();

/** Submission answer: 200 `{jobId,status:"completed",imageUrl,resultUrls,creditsCharged}` or 202 `{jobId,status:"pending",…}`. */
export const vydraSubmitSchema = z.looseObject({
  jobId: z.string().nullish(),
  status: z.string().nullish(),
  message: z.string().nullish(),
  creditsCharged: credits,
  imageUrl: z.string().nullish(),
  videoUrl: z.string().nullish(),
  resultUrls: urls,
  error: errorField,
});

/** Poll answer: `{id,status,output:{videoUrl,resultUrls,duration},creditsCharged}`. */
export const vydraJobSchema = z.looseObject({
  id: z.string().nullish(),
  status: z.string().nullish(),
  progress: z.number().nullish(),
  output: z
    .looseObject({ videoUrl: z.string().nullish(), imageUrl: z.string().nullish(), resultUrls: urls, duration: z.number().nullish() })
    .nullish(),
  creditsCharged: credits,
  error: errorField,
  message: z.string().nullish(),
});

const PENDING = new Set(['pending', 'queued', 'running', 'processing', 'in_progress', 'starting']);
const DONE = new Set(['completed', 'complete', 'succeeded', 'success', 'done']);
const FAILED = new Set(['failed', 'error', 'cancelled', 'canceled']);

function parse<T>(schema: z.ZodType<T>, response: VendorResponse, what: string): T {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw malformedResponse(`${what} is not the documented shape`, { status: response.status, requestId: response.requestId });
  return parsed.data;
}

function failure(error: z.infer<typeof errorField>, message: string | null | undefined, requestId?: string): ErrorInfo {
  const info = jobErrorInfo(error ?? message ?? undefined, requestId);
  return { ...info, message: clip(info.message) };
}

const costOf = (value: number | null | undefined) => (typeof value === 'number' ? { costCredits: value } : {});

function firstUrl(...candidates: Array<string | null | undefined | readonly string[]>): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate) return candidate;
    if (Array.isArray(candidate)) {
      const found = candidate.find((url): url is string => typeof url === 'string' && url !== '');
      if (found) return found;
    }
  }
  return undefined;
}

function outputFor(job: Job, url: string, durationS?: number | null): PendingOutput {
  return MODE_INFO[job.request.mode].output === 'video'
    ? { kind: 'video', url, mimeType: 'video/mp4', ...(typeof durationS === 'number' ? { durationS } : {}) }
    : { kind: 'image', url };
}

const config = (ctx: Pick<ProviderContext, 'apiKey' | 'baseUrl'>) => ({ apiKey: ctx.apiKey, baseUrl: ctx.baseUrl, vendor: 'Vydra', readError: parseErrorBody });

async function submit(job: Job, ctx: ProviderContext): Promise<SubmitOutcome> {
  const body = await vydraRequestBody(job, ctx);
  const response = await vendorJson(config(ctx), { method: 'POST', path: '/models/grok-imagine', body, signal: ctx.signal });
  const answer = parse(vydraSubmitSchema, response, 'the submission answer');
  const status = (answer.status ?? '').toLowerCase();
  if (FAILED.has(status)) throw new ImagineError(failure(answer.error, answer.message, response.requestId));
  const url = firstUrl(answer.resultUrls, answer.imageUrl, answer.videoUrl);
  // An answer with the result is done whatever its status says; otherwise a jobId means "poll it".
  if (url && !PENDING.has(status)) {
    const outputs = answer.resultUrls?.length ? answer.resultUrls.filter(Boolean).map((u) => outputFor(job, u)) : [outputFor(job, url)];
    return { type: 'outputs', outputs, moderatedCount: 0, ...costOf(answer.creditsCharged) };
  }
  if (answer.jobId) return { type: 'async', remoteId: answer.jobId, ...costOf(answer.creditsCharged) };
  throw malformedResponse('neither a result URL nor a jobId', { status: response.status, requestId: response.requestId });
}

async function poll(job: Job & { remoteId: string }, ctx: ProviderContext): Promise<PollOutcome> {
  let response: VendorResponse;
  try {
    response = await vendorJson(config(ctx), { method: 'GET', path: `/jobs/${encodeURIComponent(job.remoteId)}`, signal: ctx.signal });
  } catch (error) {
    if (error instanceof ImagineError && error.status === 404) {
      throw new ImagineError({ ...error.toInfo(), kind: 'not_found', message: t('providers.vydraUnknownJob', { id: job.remoteId ?? '' }) });
    }
    throw error;
  }
  const answer = parse(vydraJobSchema, response, 'the job status');
  const status = (answer.status ?? '').toLowerCase();
  if (FAILED.has(status)) return { state: 'failed', error: failure(answer.error, answer.message, response.requestId) };
  if (status === 'expired') return { state: 'expired' };
  if (DONE.has(status)) {
    const output = answer.output;
    const url = firstUrl(output?.videoUrl, output?.imageUrl, output?.resultUrls);
    if (!url) throw malformedResponse('a completed job without a result URL', { status: response.status, requestId: response.requestId });
    return { state: 'done', outputs: [outputFor(job, url, output?.duration)], ...costOf(answer.creditsCharged) };
  }
  // pending, running, or a status we don't know yet: keep polling.
  const progress = typeof answer.progress === 'number' ? Math.max(0, Math.min(99, Math.round(answer.progress))) : undefined;
  return progress !== undefined ? { state: 'pending', progress } : { state: 'pending' };
}

/**
 * A documented, cheap, authenticated call: `GET /organization` (https://www.vydra.ai/docs/account) answers
 * with the organisation and its `creditsRemaining`.
 */
async function testConnection(ctx: Omit<ProviderContext, 'resolveSource'>): Promise<string> {
  const response = await vendorJson(config(ctx), { method: 'GET', path: '/organization', signal: ctx.signal, timeoutMs: 15_000 });
  const credits = z.looseObject({ creditsRemaining: z.number() }).safeParse(response.body);
  return credits.success ? t('providers.vydraConnectedCredits', credits.data.creditsRemaining, { count: formatNumber(credits.data.creditsRemaining) }) : t('providers.connectedVydraAcceptedTheKey');
}

/** Cancel: `DELETE /jobs/{id}` (imagine-api.md, second pass). A 404 means it is gone already: nothing to stop. */
async function cancel(job: Job & { remoteId: string }, ctx: Omit<ProviderContext, 'resolveSource'>): Promise<void> {
  try {
    await vendorJson(config(ctx), { method: 'DELETE', path: `/jobs/${encodeURIComponent(job.remoteId)}`, signal: ctx.signal, timeoutMs: 15_000 });
  } catch (error) {
    if (error instanceof ImagineError && error.status === 404) return;
    throw error;
  }
}

export const vydraProvider: Provider = { id: 'vydra', capabilities: vydraCapabilities, submit, poll, cancel, testConnection };
