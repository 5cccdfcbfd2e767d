import { httpError } from './classify';
import { cancelledError, startDeadline, transportError } from './deadline';
import { assertKeyMayGo } from '../security/key-origin';
import { ImagineError, NO_KEY_CODE } from '../errors/taxonomy';
import { readCapped, TooLarge } from '../net/read-capped';
import { DEFAULT_BASE_URL } from '../model/imagine-models';
import { t } from '../i18n';

/**
 * The one place that talks HTTP to the API: auth header, base URL, deadline, `x-request-id`, and every
 * failure turned into an ImagineError. Every keyed request passes here, so here the key guard
 * (lib/security/key-origin.ts) decides whether the key may go to that URL at all, redirects are never
 * followed with the key, and an error body is read only up to ERROR_BODY_MAX_BYTES. It never retries: the job engine owns retries, because only it
 * knows whether a POST may be resent (see isRetryable in errors.ts).
 */

export const DEFAULT_TIMEOUT_MS = 120_000; // n=10 at 2k can take a while; polls are quick anyway
/** An error body worth reading is a few hundred bytes; a hostile server's 10 MB one is cut here. */
export const ERROR_BODY_MAX_BYTES = 16 * 1024;
/**
 * A successful answer is JSON: at most ten 2k images as base64 (~60 MB). Past this a server is hostile or
 * broken, and reading on would only fill the worker's memory; the answer is refused, not cut.
 */
export const OK_BODY_MAX_BYTES = 256 * 1024 * 1024;

export interface HttpConfig {
  apiKey: string;
  /** Includes the version, e.g. `https://api.x.ai/v1`; a trailing slash is ignored. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Turns a non-2xx answer into an ImagineError. Default: xAI's error bodies (classify.ts). */
  toError?: (status: number, bodyText: string, headers: Headers, requestId: string | undefined) => ImagineError;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this request. */
  timeoutMs?: number;
}

export interface JsonRequest extends RequestOptions {
  method: 'GET' | 'POST' | 'DELETE';
  /** Starts with `/`, relative to the base URL. */
  path: string;
  /** JSON, or a FormData sent as multipart (an upload: fetch sets the boundary). */
  body?: unknown;
}

export interface JsonResponse {
  status: number;
  /** Parsed JSON; undefined when the body was empty (e.g. a 202 on a poll). */
  body: unknown;
  requestId?: string;
}

export const normalizeBaseUrl = (url: string | undefined): string =>
  (url?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');

export async function requestJson(config: HttpConfig, req: JsonRequest): Promise<JsonResponse> {
  const apiKey = config.apiKey.trim(); // pasted keys often carry whitespace, which fetch rejects as a header
  if (apiKey === '') throw new ImagineError({ kind: 'invalid_key', code: NO_KEY_CODE, message: t('api.noApiKeyIsSet') });
  if (req.signal?.aborted) throw cancelledError();

  const url = `${normalizeBaseUrl(config.baseUrl)}${req.path}`;
  await assertKeyMayGo(url, apiKey);

  const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
  // `manual`: a redirect would carry the request (and, same-origin, the key) to an address nobody checked.
  const init: RequestInit = { method: req.method, headers, redirect: 'manual' };
  if (req.body instanceof FormData) init.body = req.body;
  else if (req.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(req.body);
  }

  const timeoutMs = req.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = startDeadline(timeoutMs, req.signal);
  init.signal = deadline.signal;
  // Called without a receiver: `window.fetch` invoked as `config.fetch(…)` throws "Illegal invocation".
  const doFetch = config.fetch ?? globalThis.fetch;

  try {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, init);
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) throw redirected(response.status);
      // Still under the deadline: a stalled body is a timeout too.
      text = response.ok ? await readWhole(response, OK_BODY_MAX_BYTES) : await readPrefix(response, ERROR_BODY_MAX_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) throw new ImagineError({ kind: 'unsafe_response', message: error.message });
      throw transportError(error, deadline, timeoutMs);
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (!response.ok) {
      throw config.toError
        ? config.toError(response.status, text, response.headers, requestId)
        : httpError({ status: response.status, bodyText: text, headers: response.headers, requestId });
    }
    return { status: response.status, body: parseJsonBody(text, response.status, requestId), requestId };
  } finally {
    deadline.dispose();
  }
}

/** The whole body as text, refused (TooLarge) once it passes `maxBytes`, whatever Content-Length said. */
async function readWhole(response: Response, maxBytes: number): Promise<string> {
  return (await readCapped(response, maxBytes)).text();
}

/** The first `maxBytes` of a body, then the rest is cancelled unread. */
async function readPrefix(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value.subarray(0, maxBytes - total));
      total += Math.min(value.byteLength, maxBytes - total);
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function redirected(status: number): ImagineError {
  return new ImagineError({
    kind: 'server_error',
    ...(status ? { status } : {}),
    message: t('api.theServerAnsweredWithA'),
  });
}

function parseJsonBody(text: string, status: number, requestId: string | undefined): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformedResponse(`not JSON (HTTP ${status})`, { status, requestId, cause: error });
  }
}

/** A 2xx we can't use: the server's fault, and a poll may well succeed next time. */
export function malformedResponse(
  detail: string,
  context: { status?: number; requestId?: string | undefined; cause?: unknown } = {},
): ImagineError {
  return new ImagineError(
    {
      kind: 'server_error',
      message: t('api.malformed', { detail }),
      ...(context.status !== undefined ? { status: context.status } : {}),
      ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
    },
    context.cause !== undefined ? { cause: context.cause } : undefined,
  );
}
