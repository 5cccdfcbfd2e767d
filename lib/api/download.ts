import { readCapped, Stalled, TooLarge } from '../net/read-capped';
import { parseRetryAfter } from './classify';
import { cancelledError, startDeadline, transportError } from './deadline';
import { ImagineError, type ErrorInfo } from '../errors/taxonomy';
import { formatNumber, t } from '../i18n';

/**
 * Downloading results. Output URLs are temporary (images: minutes, videos: ~24 h) and live on other hosts
 * (imgen.x.ai, vidgen.x.ai), so they are fetched right away and WITHOUT the API key: no Authorization
 * header, no cookies.
 */

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 120_000; // videos can be tens of MB
/** Larger than any result the API makes (a 15 s 1080p video is tens of MB); a server claiming more is refused. */
export const MAX_RESULT_BYTES = 256 * 1024 * 1024;
/** A body that stops arriving for this long is abandoned (and retried), instead of hanging until the deadline. */
export const STALL_TIMEOUT_MS = 30_000;

export interface FetchMediaOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  stallTimeoutMs?: number;
  /** For tests and the emulator; defaults to the global fetch. */
  fetch?: typeof fetch;
}

// A 200 text/html is a login or error page from some proxy, not media; saving it would store garbage.
const NOT_MEDIA = /^(?:text\/html|application\/json)\b/i;

export async function fetchMedia(url: string, options: FetchMediaOptions = {}): Promise<Blob> {
  if (options.signal?.aborted) throw cancelledError();
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const deadline = startDeadline(timeoutMs, options.signal);
  const doFetch = options.fetch ?? globalThis.fetch; // called without a receiver (see http.ts)
  try {
    let response: Response;
    let blob: Blob;
    try {
      // No redirects: a result URL was checked against the provider's media hosts, and a redirect would
      // take the worker (and its host permissions) somewhere unchecked.
      response = await doFetch(url, { method: 'GET', credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer', signal: deadline.signal });
      if (!response.ok) {
        void response.body?.cancel().catch(() => {}); // free the connection; the body is of no use
        throw downloadError(response);
      }
      blob = await readResult(response, options.maxBytes ?? MAX_RESULT_BYTES, options.stallTimeoutMs ?? STALL_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof ImagineError) throw error;
      throw transportError(error, deadline, timeoutMs);
    }
    const type = response.headers.get('content-type') ?? '';
    if (NOT_MEDIA.test(type)) throw downloadFailure('server_error', t('api.downloadNotMedia', { type }));
    if (blob.size === 0) throw downloadFailure('server_error', t('api.downloadEmpty'), response.status);
    return blob;
  } finally {
    deadline.dispose();
  }
}

/** The body within the byte cap and the stall timeout, as this module's errors. */
async function readResult(response: Response, maxBytes: number, stallMs: number): Promise<Blob> {
  try {
    return await readCapped(response, maxBytes, { stallMs });
  } catch (error) {
    if (error instanceof TooLarge) {
      throw downloadFailure('unsafe_response', t('api.resultTooLarge', { size: formatNumber(Math.round(maxBytes / 1024 / 1024), { style: 'unit', unit: 'megabyte' }) }));
    }
    if (error instanceof Stalled) throw downloadFailure('network', t('net.stalled', { seconds: formatNumber(Math.round(stallMs / 1000)) }));
    throw error;
  }
}

function downloadFailure(kind: ErrorInfo['kind'], message: string, status?: number): ImagineError {
  return new ImagineError({ kind, message, ...(status !== undefined ? { status } : {}) });
}

function downloadError(response: Response): ImagineError {
  const { status } = response;
  // Temporary URLs that lapsed answer 403 (signed-URL hosts), 404 or 410.
  if (status === 403 || status === 404 || status === 410) {
    return downloadFailure('expired', t('api.resultGone', { status: String(status) }), status);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return new ImagineError({
      kind: 'rate_limited',
      message: t('api.theDownloadHostIsRate'),
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  // 5xx, and any other status: nothing the user can change, and worth another try.
  return downloadFailure('server_error', t('api.downloadFailed', { status: String(status) }), status);
}

/** Decodes base64 (bare, `data:`-prefixed, URL-safe or with line breaks) into a Blob. */
export function b64ToBlob(b64: string, mimeType: string): Blob {
  const comma = b64.startsWith('data:') ? b64.indexOf(',') : -1;
  let clean = b64.slice(comma + 1).replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  clean = clean.padEnd(Math.ceil(clean.length / 4) * 4, '=');
  let binary: string;
  try {
    binary = atob(clean);
  } catch (error) {
    throw new ImagineError({ kind: 'server_error', message: t('api.theImageDataIsNot') }, { cause: error });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}
