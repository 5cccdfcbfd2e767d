import { ImagineError, KEY_STATE_MESSAGES, type ErrorInfo, type KeyState } from '../errors/taxonomy';
import { apiKeyInfoSchema } from './responses';
import { parseModelListing, type ModelListing } from '../catalog/listing';
import { requestJson, type HttpConfig, type JsonResponse, type RequestOptions } from './http';
import {
  toDeferredImagesStatus,
  toImageBatch,
  toSubmission,
  toVideoStatus,
  type DeferredImagesStatus,
  type ImageBatchResult,
  type Submission,
  type VideoStatus,
} from './results';
import {
  imageEditRequestSchema,
  imageGenerateRequestSchema,
  parseRequest,
  videoEditRequestSchema,
  videoExtensionRequestSchema,
  videoGenerateRequestSchema,
  type ImageEditRequest,
  type ImageGenerateRequest,
  type VideoEditRequest,
  type VideoExtensionRequest,
  type VideoGenerateRequest,
} from './schemas';
import { t } from '../i18n';

export type ImagineClientConfig = HttpConfig;

/** Most serious first: a blocked team explains a blocked key, not the other way round. */
const KEY_STATES: readonly KeyState[] = ['team_blocked', 'api_key_blocked', 'api_key_disabled'];
export type CallOptions = RequestOptions;

/**
 * Grok Imagine REST client: one method per endpoint, one request each, no retries and no polling loops
 * (the job engine owns both). Requests are validated before sending; every failure is an ImagineError.
 */
export class ImagineClient {
  readonly #config: HttpConfig;

  constructor(config: ImagineClientConfig) {
    this.#config = { ...config };
  }

  /** Synchronous generation. Throws content_policy if every image came back moderated. */
  async generateImages(req: ImageGenerateRequest, options: CallOptions = {}): Promise<ImageBatchResult> {
    const body = parseRequest(imageGenerateRequestSchema, req, 'Invalid image request');
    if (body.deferred) throw deferredNotHere();
    const res = await this.#post('/images/generations', body, options);
    return toImageBatch(res.body, res.requestId);
  }

  /** Starts a deferred generation (`deferred:true`); poll it with getDeferredImages. */
  async submitDeferredImages(req: ImageGenerateRequest, options: CallOptions = {}): Promise<Submission> {
    const body = parseRequest(imageGenerateRequestSchema, { ...req, deferred: true }, 'Invalid image request');
    const res = await this.#post('/images/generations', body, options);
    return toSubmission(res.body, res.requestId);
  }

  async editImages(req: ImageEditRequest, options: CallOptions = {}): Promise<ImageBatchResult> {
    const body = parseRequest(imageEditRequestSchema, req, 'Invalid image edit');
    const res = await this.#post('/images/edits', body, options);
    return toImageBatch(res.body, res.requestId);
  }

  async getDeferredImages(requestId: string, options: CallOptions = {}): Promise<DeferredImagesStatus> {
    try {
      const res = await this.#poll(`/images/${pathSegment(requestId)}`, options);
      return toDeferredImagesStatus(res.status, res.body, requestId);
    } catch (error) {
      const outcome = pollOutcome(error);
      if (outcome) return outcome;
      throw error;
    }
  }

  async generateVideo(req: VideoGenerateRequest, options: CallOptions = {}): Promise<Submission> {
    const body = parseRequest(videoGenerateRequestSchema, req, 'Invalid video request');
    const res = await this.#post('/videos/generations', body, options);
    return toSubmission(res.body, res.requestId);
  }

  async editVideo(req: VideoEditRequest, options: CallOptions = {}): Promise<Submission> {
    const body = parseRequest(videoEditRequestSchema, req, 'Invalid video edit');
    const res = await this.#post('/videos/edits', body, options);
    return toSubmission(res.body, res.requestId);
  }

  async extendVideo(req: VideoExtensionRequest, options: CallOptions = {}): Promise<Submission> {
    const body = parseRequest(videoExtensionRequestSchema, req, 'Invalid video extension');
    const res = await this.#post('/videos/extensions', body, options);
    return toSubmission(res.body, res.requestId);
  }

  /** One poll. Job outcomes (failed, expired, moderated) are returned; transport/HTTP failures are thrown. */
  async getVideo(requestId: string, options: CallOptions = {}): Promise<VideoStatus> {
    try {
      const res = await this.#poll(`/videos/${pathSegment(requestId)}`, options);
      return toVideoStatus(res.status, res.body, requestId);
    } catch (error) {
      const outcome = pollOutcome(error);
      if (outcome) return outcome;
      throw error;
    }
  }

  /**
   * For "Test connection": resolves when the key works, throws when not — invalid_key for a rejected key,
   * and also for a key the server accepts but reports as blocked or disabled (or whose team is blocked),
   * with `code` naming that state.
   */
  async getApiKeyInfo(options: CallOptions = {}): Promise<unknown> {
    const res = await requestJson(this.#config, { method: 'GET', path: '/api-key', ...options });
    const flags = apiKeyInfoSchema.safeParse(res.body);
    const state = flags.success ? KEY_STATES.find((name) => flags.data[name] === true) : undefined;
    if (state) {
      throw new ImagineError({ kind: 'invalid_key', code: state, message: KEY_STATE_MESSAGES[state], ...(res.requestId ? { requestId: res.requestId } : {}) });
    }
    return res.body;
  }

  /** The image or video models this key may use (`GET /v1/image-generation-models`, `/v1/video-generation-models`). */
  async listModels(family: 'image' | 'video', options: CallOptions = {}): Promise<ModelListing> {
    const res = await requestJson(this.#config, { method: 'GET', path: `/${family}-generation-models`, ...options });
    const listing = parseModelListing(res.body);
    if (!listing) throw new ImagineError({ kind: 'server_error', message: t(family === 'image' ? 'api.imageListingUnreadable' : 'api.videoListingUnreadable') });
    return listing;
  }

  #post(path: string, body: unknown, options: CallOptions): Promise<JsonResponse> {
    return requestJson(this.#config, { method: 'POST', path, body, ...options });
  }

  /** A 404 on a poll means the id is unknown (not a bad route or model, as it would on a POST). */
  async #poll(path: string, options: CallOptions): Promise<JsonResponse> {
    try {
      return await requestJson(this.#config, { method: 'GET', path, ...options });
    } catch (error) {
      if (error instanceof ImagineError && error.status === 404) {
        const info = error.toInfo();
        throw new ImagineError({ ...info, kind: 'not_found' }, { cause: error });
      }
      throw error;
    }
  }
}

/** Early servers reported moderation as HTTP 400 on the poll: that's the job's outcome, not a poll failure. */
function pollOutcome(error: unknown): { state: 'failed'; error: ErrorInfo } | undefined {
  if (error instanceof ImagineError && error.kind === 'content_policy') return { state: 'failed', error: error.toInfo() };
  return undefined;
}

function deferredNotHere(): ImagineError {
  return new ImagineError({
    kind: 'invalid_request',
    message: 'generateImages waits for the images; use submitDeferredImages for deferred:true.',
  });
}

function pathSegment(requestId: string): string {
  if (requestId.trim() === '') throw new ImagineError({ kind: 'invalid_request', message: 'The request id is empty.' });
  return encodeURIComponent(requestId);
}
