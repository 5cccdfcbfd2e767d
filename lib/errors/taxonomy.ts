import { z } from 'zod';
import { formatNumber, t } from '../i18n';
import { hostOf } from '../net/host-of';

/**
 * The one error taxonomy every layer speaks. The client maps HTTP/transport failures onto it, the job engine
 * decides retries from it, and the UI shows `userMessage()` for it. Keep it small: each kind must be
 * something a user can act on differently.
 */
export const ERROR_KINDS = [
  'invalid_key', // 401, or 400 whose message blames the key: fix the key in Options
  'permission_denied', // 403 that is not about credits: the key lacks access to this model/endpoint
  'credits_exhausted', // 403 (older servers: 429) "used all available credits / spending limit": top up
  'rate_limited', // 429: wait `retryAfterMs` (when the server said) and try again
  'invalid_request', // 400/404/413/415/422: the server's message says what to change
  'content_policy', // moderation: HTTP 400 imagine:content-moderated, respect_moderation:false, failed job
  'expired', // video job status "expired", or a result URL that is gone before we saved it
  'not_found', // unknown request id (404 on a poll)
  'server_error', // 5xx / 529 / malformed body / failed job with internal_error or service_unavailable
  'network', // fetch threw: offline, DNS, connection reset
  'timeout', // our own deadline passed (request or job)
  'cancelled', // the user cancelled
  'storage', // local storage failed (quota): nothing was corrupted, but the result could not be kept
  'interrupted', // the worker stopped mid-submission: the provider may or may not have the job; only the user may resend
  'spending_cap', // the daily spending cap set in Options would be exceeded
  'no_access', // the browser has not given Reimagine access to the host (`origin`): the user can allow it
  'unsafe_response', // the server answered something Reimagine refuses to follow (foreign host, oversized, redirects)
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];
export const errorKindSchema = z.enum(ERROR_KINDS);

/** Serializable form, stored on failed jobs and sent over messaging. */
export const errorInfoSchema = z.object({
  kind: errorKindSchema,
  message: z.string(),
  status: z.number().int().optional(),
  code: z.string().optional(),
  retryAfterMs: z.number().nonnegative().optional(),
  requestId: z.string().optional(),
  /** With `no_access`: the origin (https://host) Reimagine needs access to. */
  origin: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/**
 * `code` of an `invalid_key` error raised because no key is saved at all (nothing was sent): the UI tells it
 * from a key the provider refused by this, never by the sentence's wording, which is in the UI language.
 */
export const NO_KEY_CODE = 'no_key';

/**
 * Server-supplied text (error bodies, failed-job messages) ends up stored on jobs and shown in the UI:
 * one cap, applied where every such message passes (ImagineError, and the engine before it stores one).
 */
export const MAX_ERROR_MESSAGE_CHARS = 500;
export const capMessage = (text: string): string =>
  text.length > MAX_ERROR_MESSAGE_CHARS ? `${text.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…` : text;

export class ImagineError extends Error {
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;
  readonly requestId?: string;
  readonly origin?: string;

  constructor(info: ErrorInfo, options?: { cause?: unknown }) {
    super(capMessage(info.message), options);
    this.name = 'ImagineError';
    this.kind = info.kind;
    if (info.status !== undefined) this.status = info.status;
    if (info.code !== undefined) this.code = info.code;
    if (info.retryAfterMs !== undefined) this.retryAfterMs = info.retryAfterMs;
    if (info.requestId !== undefined) this.requestId = info.requestId;
    if (info.origin !== undefined) this.origin = info.origin;
  }

  toInfo(): ErrorInfo {
    return errorInfoSchema.parse({
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
      requestId: this.requestId,
      origin: this.origin,
    });
  }
}

/** Anything thrown anywhere → ErrorInfo, so no stack trace ever reaches a user. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ImagineError) return error.toInfo();
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return { kind: 'storage', message: error.message };
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return { kind: 'timeout', message: t('errors.requestTooLong') };
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { kind: 'cancelled', message: t('errors.cancelled') };
  }
  if (error instanceof TypeError) return { kind: 'network', message: capMessage(error.message) };
  return { kind: 'server_error', message: capMessage(error instanceof Error ? error.message : String(error)) };
}

/** Retry policy by kind, used by the job engine. Submissions are stricter than polls/downloads. */
export function isRetryable(kind: ErrorKind, phase: 'submit' | 'poll' | 'download'): boolean {
  if (kind === 'rate_limited') return true; // 429 means "not processed": safe even for submissions
  if (phase === 'submit') return false; // 5xx/network on a POST may have been processed: never resend blindly
  return kind === 'server_error' || kind === 'network' || kind === 'timeout';
}


/**
 * Key states GET /v1/api-key reports (the flags of the same names). A key in one of them fails every
 * request, so "Test connection" must say which one, in words (read when shown: in the UI language).
 */
export const KEY_STATE_MESSAGES = {
  get api_key_blocked() {
    return t('errors.keyState.blocked');
  },
  get api_key_disabled() {
    return t('errors.keyState.disabled');
  },
  get team_blocked() {
    return t('errors.keyState.teamBlocked');
  },
};
export type KeyState = keyof typeof KEY_STATE_MESSAGES;
const isKeyState = (code: string | undefined): code is KeyState => code !== undefined && Object.hasOwn(KEY_STATE_MESSAGES, code);

const seconds = (ms: number) => formatNumber(Math.max(1, Math.ceil(ms / 1000)));
const withDetail = (sentence: string, detail: string) => (detail.trim() ? t('errors.withDetail', { sentence, detail: detail.trim() }) : sentence);

/** Plain words for the UI, in its language: what happened, and what the user can do about it. */
export function userMessage(info: ErrorInfo): string {
  switch (info.kind) {
    case 'invalid_key':
      if (isKeyState(info.code)) return KEY_STATE_MESSAGES[info.code];
      if (info.code === NO_KEY_CODE) return info.message; // "No API key set…": made in the UI language, not a refusal
      return t('errors.invalidKey');
    case 'permission_denied':
      return withDetail(t('errors.permissionDenied'), info.message);
    case 'credits_exhausted':
      return t('errors.creditsExhausted');
    case 'rate_limited':
      return info.retryAfterMs !== undefined ? t('errors.rateLimitedIn', { seconds: seconds(info.retryAfterMs) }) : t('errors.rateLimited');
    case 'invalid_request':
      return t('errors.invalidRequest', { detail: info.message });
    case 'content_policy':
      return t('errors.contentPolicy');
    case 'expired':
      return t('errors.expired');
    case 'not_found':
      return t('errors.notFound');
    case 'server_error':
      return withDetail(t('errors.serverError'), info.message);
    case 'network':
      return t('errors.network');
    case 'timeout':
      return t('errors.timeout');
    case 'cancelled':
      return t('errors.cancelled');
    case 'storage':
      return t('errors.storage');
    case 'interrupted':
      return t('errors.interrupted');
    case 'spending_cap':
      return withDetail(t('errors.spendingCap'), info.message);
    case 'no_access':
      return t('errors.noAccess', { host: hostOf(info.origin) ?? t('errors.resultHost') });
    case 'unsafe_response':
      return t('errors.unsafeResponse', { detail: info.message });
  }
}
