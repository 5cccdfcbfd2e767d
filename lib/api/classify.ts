import { ImagineError, type ErrorInfo, type ErrorKind } from '../errors/taxonomy';
import { errorBodySchema, jobErrorSchema } from './responses';
import { t } from '../i18n';

/**
 * HTTP status + error body → ImagineError, and failed-job error → ErrorInfo. The server is not consistent
 * (three body shapes, credits errors on 403 or 429, bad keys on 400 or 401, moderation as 400 or as a
 * failed job), so the wording matters as much as the status.
 */

export const RETRY_AFTER_CAP_MS = 60_000;

// "Incorrect API key provided", "invalid api key", "No API key", "api_key is invalid"…
const API_KEY_WORDING = /api[ _-]?key|incorrect key|invalid key|unauthenticated/i;
// "…has either used all available credits or reached its monthly spending limit"
const CREDITS_WORDING = /credits?\b|spending[ _-]?limit|billing|insufficient[ _-]?(?:quota|funds|balance)|payment/i;
// code "imagine:content-moderated", "Generated image rejected by content moderation.", "content policy"…
const MODERATION_WORDING = /moderat|content[ _-]?(?:policy|filter)|safety (?:system|filter|check)|nsfw/i;

export const mentionsApiKey = (text: string) => API_KEY_WORDING.test(text);
export const mentionsCredits = (text: string) => CREDITS_WORDING.test(text);
export const mentionsModeration = (text: string) => MODERATION_WORDING.test(text);

export interface ParsedErrorBody {
  message?: string;
  code?: string;
}

const MAX_MESSAGE_CHARS = 300;

/**
 * Messages have been seen URL-encoded on the wire (`Incorrect%20API%20key%20provided…`): decode them before
 * classifying or showing them. Text that merely contains a `%` (or is not valid percent-encoding) is kept.
 */
export function decodeMessage(text: string): string {
  if (!/%[0-9a-f]{2}/i.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads any of the three JSON shapes, or a plain-text body; never throws. */
export function parseErrorBody(text: string): ParsedErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    // An HTML error page from a proxy says nothing useful; plain text usually does.
    if (trimmed.startsWith('<')) return {};
    return { message: decodeMessage(trimmed).slice(0, MAX_MESSAGE_CHARS) };
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return typeof json === 'string' ? { message: decodeMessage(json).slice(0, MAX_MESSAGE_CHARS) } : {};
  const body = parsed.data;
  const result: ParsedErrorBody = {};
  if (typeof body.error === 'string') {
    result.message = body.error; // {"code","error"} or {"error":"…"}
  } else if (body.error) {
    if (body.error.message) result.message = body.error.message; // OpenAI style
    const nested = body.error.code ?? body.error.type;
    if (nested !== undefined && nested !== null) result.code = String(nested);
  }
  if (result.message === undefined && body.message) result.message = body.message;
  if (body.code !== undefined && body.code !== null) result.code = String(body.code);
  if (result.message !== undefined) result.message = decodeMessage(result.message);
  return result;
}

/** `Retry-After` as delta-seconds or an HTTP date; capped so a bogus header can't park a job for hours. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.round(ms)));
}

function kindForStatus(status: number, wording: string): ErrorKind {
  if (status === 401) return 'invalid_key';
  if (status === 400 && mentionsApiKey(wording)) return 'invalid_key';
  if (status === 403) return mentionsCredits(wording) ? 'credits_exhausted' : 'permission_denied';
  if (status === 429) return mentionsCredits(wording) ? 'credits_exhausted' : 'rate_limited'; // older servers
  if (status >= 500) return 'server_error'; // includes 529 "overloaded"
  if (status === 408) return 'server_error'; // the server gave up waiting on us: worth another try on a poll
  if (status >= 400) return mentionsModeration(wording) ? 'content_policy' : 'invalid_request';
  return 'server_error'; // 1xx/3xx that fetch did not follow: not something the user can fix
}

/** When the server says nothing: a sentence in the UI language (server_error's is shown as the detail). */
const FALLBACK_MESSAGES: Partial<Record<ErrorKind, () => string>> = {
  invalid_key: () => t('api.fallback.keyRejected'),
  credits_exhausted: () => t('api.fallback.creditsExhausted'),
  rate_limited: () => t('api.fallback.tooManyRequests'),
  content_policy: () => t('api.fallback.moderated'),
  server_error: () => t('api.fallback.serverError'),
};

export interface HttpErrorInput {
  status: number;
  bodyText: string;
  headers: Headers;
  requestId?: string;
  now?: number;
}

export function httpError({ status, bodyText, headers, requestId, now }: HttpErrorInput): ImagineError {
  const { message, code } = parseErrorBody(bodyText);
  const kind = kindForStatus(status, `${code ?? ''} ${message ?? ''}`);
  const info: ErrorInfo = {
    kind,
    message: message ?? FALLBACK_MESSAGES[kind]?.() ?? `HTTP ${status}`,
    status,
  };
  if (code !== undefined) info.code = code;
  if (requestId !== undefined) info.requestId = requestId;
  if (kind === 'rate_limited') {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
    if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  }
  return new ImagineError(info);
}

/** Failed job (`status:"failed"`) → ErrorInfo. Codes may be snake_case, kebab-case or gRPC prose. */
export function jobErrorInfo(raw: unknown, requestId?: string): ErrorInfo {
  const error = jobErrorSchema.parse(raw);
  const rawCode = typeof error === 'object' && error !== null && error.code != null ? String(error.code) : undefined;
  const message = decodeMessage(
    (typeof error === 'string' ? error : error?.message) || rawCode || t('api.jobFailedNoReason'),
  );
  const code = (rawCode ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  const wording = `${rawCode ?? ''} ${message}`;

  let kind: ErrorKind;
  if (code === 'service_unavailable' || code === 'internal_error' || code === 'internal' || code === 'unavailable') {
    kind = 'server_error';
  } else if (mentionsModeration(wording)) {
    kind = 'content_policy'; // seen as invalid_argument "…rejected by content moderation"
  } else if (code === 'permission_denied') {
    kind = mentionsCredits(wording) ? 'credits_exhausted' : 'permission_denied';
  } else if (code === 'invalid_argument' || code === 'failed_precondition') {
    kind = 'invalid_request';
  } else {
    kind = 'server_error'; // unknown code: we can't tell the user what to change
  }

  const info: ErrorInfo = { kind, message };
  if (rawCode !== undefined) info.code = rawCode;
  if (requestId !== undefined) info.requestId = requestId;
  return info;
}
