import { jobErrorInfo } from './classify';
import { ImagineError, type ErrorInfo } from '../errors/taxonomy';
import { malformedResponse } from './http';
import {
  deferredImagesPollResponseSchema,
  imagesResponseSchema,
  submissionResponseSchema,
  videoPollResponseSchema,
  type ImageItem,
  type VideoPollResponse,
} from './responses';
import { t } from '../i18n';

/**
 * Wire bodies → the client's result types. This is where the API's inconsistencies are absorbed, so the
 * job engine sees exactly one shape per outcome.
 */

export interface GeneratedImage {
  url?: string;
  /** Bare base64 (any legacy `data:…;base64,` prefix stripped). */
  b64?: string;
  /** From `mime_type`, else the data-URI prefix, else the URL's extension, else image/jpeg. */
  mimeType: string;
  /** A moderation placeholder: no url/b64 is given, so it can't be saved by mistake. */
  moderated: boolean;
}

export interface ImageBatchResult {
  images: GeneratedImage[];
  costTicks?: number;
  /** The model that actually served the request (a retired slug is served by its successor). */
  model?: string;
  /** The `x-request-id` header (or the deferred request id). */
  requestId?: string;
}

export interface Submission {
  requestId: string;
}

export type DeferredImagesStatus =
  | { state: 'pending' }
  | { state: 'done'; result: ImageBatchResult }
  | { state: 'failed'; error: ErrorInfo };

export type VideoStatus =
  | { state: 'pending'; progress?: number }
  | { state: 'done'; url: string; durationS?: number; model?: string; costTicks?: number }
  | { state: 'failed'; error: ErrorInfo }
  | { state: 'expired' };

const DEFAULT_IMAGE_MIME = 'image/jpeg';
const DATA_URI_PREFIX = /^data:([^;,]*)(?:;[^,]*)?,/i;
const EXTENSION_MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** Legacy servers sent `data:image/png;base64,…` in b64_json; the current spec sends bare base64. */
export function stripDataUriPrefix(b64: string): { b64: string; mimeType?: string } {
  const match = DATA_URI_PREFIX.exec(b64);
  if (!match) return { b64 };
  const mimeType = match[1]?.trim();
  return { b64: b64.slice(match[0].length), ...(mimeType ? { mimeType } : {}) };
}

function mimeFromUrl(url: string): string | undefined {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : EXTENSION_MIME[ext];
}

function toGeneratedImage(item: ImageItem, index: number, requestId: string | undefined): GeneratedImage {
  const declaredMime = item.mime_type?.trim() || undefined;
  if (item.respect_moderation === false) {
    return { mimeType: declaredMime ?? DEFAULT_IMAGE_MIME, moderated: true };
  }
  if (item.b64_json) {
    const { b64, mimeType } = stripDataUriPrefix(item.b64_json);
    return { b64, mimeType: declaredMime ?? mimeType ?? DEFAULT_IMAGE_MIME, moderated: false };
  }
  if (item.url) {
    return { url: item.url, mimeType: declaredMime ?? mimeFromUrl(item.url) ?? DEFAULT_IMAGE_MIME, moderated: false };
  }
  throw malformedResponse(`image ${index} has neither url nor b64_json`, { requestId });
}

type Usage = { cost_in_usd_ticks?: number | null | undefined } | null | undefined;

function costTicks(usage: Usage) {
  const ticks = usage?.cost_in_usd_ticks;
  return typeof ticks === 'number' ? { costTicks: ticks } : {};
}

const servedBy = (model: string | null | undefined) => (model?.trim() ? { model: model.trim() } : {});

/** Throws content_policy when every image is a moderation placeholder (nothing usable, but billed). */
export function toImageBatch(body: unknown, requestId: string | undefined): ImageBatchResult {
  const parsed = imagesResponseSchema.safeParse(body);
  if (!parsed.success) throw malformedResponse('no image data', { requestId });
  return imageBatchFrom(parsed.data.data, parsed.data, requestId);
}

function imageBatchFrom(
  items: ImageItem[],
  meta: { usage?: Usage; model?: string | null | undefined },
  requestId: string | undefined,
): ImageBatchResult {
  if (items.length === 0) throw malformedResponse('the image list is empty', { requestId });
  const images = items.map((item, index) => toGeneratedImage(item, index, requestId));
  if (images.every((image) => image.moderated)) {
    throw new ImagineError({
      kind: 'content_policy',
      message: t('api.everyGeneratedImageWasRejected'),
      ...(requestId !== undefined ? { requestId } : {}),
    });
  }
  return { images, ...costTicks(meta.usage), ...servedBy(meta.model), ...(requestId !== undefined ? { requestId } : {}) };
}

export function toSubmission(body: unknown, requestId: string | undefined): Submission {
  const parsed = submissionResponseSchema.safeParse(body);
  if (!parsed.success) throw malformedResponse('no request_id', { requestId });
  return { requestId: parsed.data.request_id };
}

const warnedStatuses = new Set<string>();
/** Unknown statuses mean "keep polling"; say so once per value so a 1 s poller doesn't flood the log. */
function warnUnknownStatus(endpoint: string, status: string): void {
  const key = `${endpoint}:${status}`;
  if (warnedStatuses.has(key)) return;
  warnedStatuses.add(key);
  console.warn(`[imagine] unknown ${endpoint} status "${status}", treating it as pending`);
}

const normalizeStatus = (status: string | null | undefined) => status?.trim().toLowerCase() || undefined;

function clampProgress(progress: number | null | undefined): { progress?: number } {
  if (typeof progress !== 'number' || !Number.isFinite(progress)) return {};
  return { progress: Math.min(100, Math.max(0, progress)) };
}

const contentPolicy = (message: string, requestId: string | undefined): ErrorInfo => ({
  kind: 'content_policy',
  message,
  ...(requestId !== undefined ? { requestId } : {}),
});

/** The result's url, nested (`video.url`, the spec) or at the top level (seed 001). */
const videoUrlOf = (body: VideoPollResponse) => body.video?.url?.trim() || body.url?.trim() || undefined;

function videoDone(body: VideoPollResponse, requestId: string | undefined): VideoStatus {
  const url = videoUrlOf(body);
  const blocked = body.video?.respect_moderation === false || body.respect_moderation === false;
  // A blocked video comes back "done" with respect_moderation:false and an empty url.
  if (blocked || (!url && (body.video || body.respect_moderation !== undefined))) {
    return { state: 'failed', error: contentPolicy(t('api.videoModerated'), requestId) };
  }
  if (!url) {
    return {
      state: 'failed',
      error: { kind: 'server_error', message: t('api.theJobFinishedWithoutA'), ...(requestId ? { requestId } : {}) },
    };
  }
  const duration = body.video?.duration ?? body.duration;
  return {
    state: 'done',
    url,
    ...(typeof duration === 'number' && duration > 0 ? { durationS: duration } : {}),
    ...servedBy(body.model),
    ...costTicks(body.usage),
  };
}

/**
 * Poll answer → VideoStatus. Pending is 202 with a body, 202 without one, or 200 `status:"pending"`;
 * done may lack `status` (early servers) as long as `video` is there.
 */
export function toVideoStatus(httpStatus: number, body: unknown, requestId: string | undefined): VideoStatus {
  if (body === undefined) {
    if (httpStatus === 202) return { state: 'pending' };
    throw malformedResponse('empty poll response', { status: httpStatus, requestId });
  }
  const parsed = videoPollResponseSchema.safeParse(body);
  if (!parsed.success) {
    if (httpStatus === 202) return { state: 'pending' }; // the status code alone says enough
    throw malformedResponse('unreadable poll response', { status: httpStatus, requestId });
  }
  const poll = parsed.data;
  switch (normalizeStatus(poll.status)) {
    case 'pending':
      return { state: 'pending', ...clampProgress(poll.progress) };
    case 'done':
      return videoDone(poll, requestId);
    case 'failed':
      return { state: 'failed', error: jobErrorInfo(poll.error, requestId) };
    case 'expired':
      return { state: 'expired' };
    case undefined:
      if (videoUrlOf(poll) || poll.video) return videoDone(poll, requestId);
      if (poll.error) return { state: 'failed', error: jobErrorInfo(poll.error, requestId) };
      return { state: 'pending', ...clampProgress(poll.progress) };
    default:
      warnUnknownStatus('video', poll.status ?? '');
      return { state: 'pending', ...clampProgress(poll.progress) };
  }
}

/** Deferred image poll: 202 while pending, then 200 `status` done|failed with `data` or `error`. */
export function toDeferredImagesStatus(
  httpStatus: number,
  body: unknown,
  requestId: string,
): DeferredImagesStatus {
  if (body === undefined) {
    if (httpStatus === 202) return { state: 'pending' };
    throw malformedResponse('empty poll response', { status: httpStatus, requestId });
  }
  const parsed = deferredImagesPollResponseSchema.safeParse(body);
  if (!parsed.success) {
    if (httpStatus === 202) return { state: 'pending' };
    throw malformedResponse('unreadable poll response', { status: httpStatus, requestId });
  }
  const poll = parsed.data;
  const status = normalizeStatus(poll.status);
  if (status === 'done' || (status === undefined && poll.data)) {
    try {
      return { state: 'done', result: imageBatchFrom(poll.data ?? [], poll, requestId) };
    } catch (error) {
      // All-moderated is the job's outcome, not a failure of this poll: report it, don't throw.
      if (error instanceof ImagineError && error.kind === 'content_policy') return { state: 'failed', error: error.toInfo() };
      throw error;
    }
  }
  if (status === 'failed' || (status === undefined && poll.error)) {
    return { state: 'failed', error: jobErrorInfo(poll.error, requestId) };
  }
  if (status === 'expired') {
    return { state: 'failed', error: { kind: 'expired', message: t('api.theResultExpiredAtThe'), requestId } };
  }
  if (status !== undefined && status !== 'pending') warnUnknownStatus('image', status);
  return { state: 'pending' };
}
