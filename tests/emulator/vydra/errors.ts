import { BAD_GATEWAY_HTML, jsonWire, retryAfterHeader, type Reply, type WireResponse } from '../http';
import type { ErrorReply, ErrorShape, GateFault } from '../provider';

/**
 * Vydra's error bodies are not documented (shared/seeds/003 shows successes only). The emulator answers the
 * common REST shape `{"error": "<message>"}` with the usual statuses: 400 validation, 401 key, 402 not enough
 * credits, 403, 404 unknown job, 429 rate limit, 5xx. (`code` travels only in the `openai` error_shape.)
 */
export const vydraError = (status: number, message: string, headers?: Record<string, string>): ErrorReply =>
  headers ? { type: 'error', status, code: String(status), message, headers } : { type: 'error', status, code: String(status), message };

export const badRequest = (message: string): ErrorReply => vydraError(400, message);

export function renderVydraError(error: ErrorReply, shape: ErrorShape): WireResponse {
  const body = shape === 'openai' ? { error: { message: error.message, code: error.status } } : { error: error.message };
  return jsonWire(error.status, body, error.headers);
}

export function vydraGateFaultReply(fault: GateFault): Reply {
  switch (fault.kind) {
    case 'rate_limit': {
      const headers = retryAfterHeader(fault.retryAfter);
      return vydraError(429, 'Rate limit exceeded. Please slow down and try again shortly.', headers);
    }
    case 'credits_exhausted':
      return vydraError(402, 'Insufficient credits. This request needs more credits than your balance; top up at https://vydra.ai/billing.');
    case 'permission_denied':
      return vydraError(403, 'This API key is not allowed to use grok-imagine.');
    case 'server_error': {
      const status = fault.status ?? 500;
      if (status === 502) return { type: 'raw', status, contentType: 'text/html', body: BAD_GATEWAY_HTML };
      return vydraError(status, status === 500 ? 'Internal server error.' : 'The service is temporarily unavailable. Please try again later.');
    }
  }
}
