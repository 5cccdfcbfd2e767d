import { httpError, type ParsedErrorBody } from '../api/classify';
import { ImagineError, NO_KEY_CODE } from '../errors/taxonomy';
import { requestJson } from '../api/http';
import { t } from '../i18n';

/**
 * JSON over HTTP for the resellers (Vydra, Runware). Same contract as lib/api/http.ts `requestJson` — bearer
 * key, deadline, every failure an ImagineError, never a retry — but each vendor brings its own error-body
 * reader, because their bodies are not xAI's (`{errors:[…]}` on Runware). Classification stays in one place:
 * the vendor's message and code are handed to lib/api/classify.ts `httpError` in a shape it reads.
 */

export interface VendorConfig {
  apiKey: string;
  /** Already includes the vendor's version prefix; a trailing slash is ignored. */
  baseUrl: string;
  /** Names the vendor in messages ("Vydra", "Runware"). */
  vendor: string;
  /** Vendor error body → message/code (never throws). */
  readError(text: string): ParsedErrorBody;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface VendorRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** '' or starting with '/'. */
  path: string;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface VendorResponse {
  status: number;
  body: unknown;
  requestId?: string;
}

/** The shared transport (lib/api/http.ts) with the vendor's own error-body reader. */
export async function vendorJson(config: VendorConfig, req: VendorRequest): Promise<VendorResponse> {
  if (config.apiKey.trim() === '') throw new ImagineError({ kind: 'invalid_key', code: NO_KEY_CODE, message: t('providers.noVendorKey', { vendor: config.vendor }) });
  return requestJson(
    {
      apiKey: config.apiKey,
      baseUrl: config.baseUrl,
      ...(config.fetch ? { fetch: config.fetch } : {}),
      ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
      toError: (status, text, headers, requestId) => vendorHttpError(config, status, text, headers, requestId),
    },
    req,
  );
}

/**
 * The vendor's status + body → ImagineError, via the shared classifier. 402 Payment Required is how both
 * resellers say "balance too low" (xAI never uses it), so it becomes credits_exhausted here.
 */
export function vendorHttpError(config: Pick<VendorConfig, 'readError'>, status: number, text: string, headers: Headers, requestId?: string): ImagineError {
  const { message, code } = config.readError(text);
  const bodyText = message === undefined && code === undefined ? '' : JSON.stringify({ ...(code !== undefined ? { code } : {}), ...(message !== undefined ? { error: message } : {}) });
  const error = httpError({ status, bodyText, headers, ...(requestId !== undefined ? { requestId } : {}) });
  if (status !== 402) return error;
  const info = error.toInfo();
  return new ImagineError({ ...info, kind: 'credits_exhausted', message: message ?? t('providers.yourBalanceIsTooLow') });
}

/** Vendor messages end up in the UI: keep them to a readable length. */
export const MAX_VENDOR_MESSAGE = 300;
export const clip = (text: string) => (text.length > MAX_VENDOR_MESSAGE ? `${text.slice(0, MAX_VENDOR_MESSAGE - 1)}…` : text);
