import { BAD_GATEWAY_HTML, jsonWire, retryAfterHeader, type Reply, type WireResponse } from '../http';
import type { ErrorReply, ErrorShape, GateFault } from '../provider';

/**
 * Runware's documented error body: `{"errors":[{code, message, parameter?, taskType?, taskUUID?}]}` with a
 * standard status (400 bad request, 401 no valid key, 402 balance too low, 403 forbidden, 404, 429, 5xx).
 * When one request carries several tasks, errors are scoped to the task that failed and the others may
 * still succeed: then the answer is 200 with both `data` and `errors`.
 */
export interface RunwareTaskError {
  status: number;
  code: string;
  message: string;
  parameter?: string;
  taskType?: string;
  taskUUID?: string;
}

export const taskError = (status: number, code: string, message: string, extra: Omit<RunwareTaskError, 'status' | 'code' | 'message'> = {}): RunwareTaskError => ({
  status,
  code,
  message,
  ...extra,
});

export const wireError = ({ status: _status, ...rest }: RunwareTaskError) => rest;

/** Request-level errors (auth, gate faults) travel as ErrorReply so `error_shape` faults can decorate them. */
export const runwareError = (status: number, code: string, message: string, headers?: Record<string, string>): ErrorReply =>
  headers ? { type: 'error', status, code, message, headers } : { type: 'error', status, code, message };

export function renderRunwareError(error: ErrorReply, shape: ErrorShape): WireResponse {
  if (shape === 'string') return jsonWire(error.status, { error: error.message }, error.headers);
  const parameter = error.status === 401 ? { parameter: 'apiKey', taskType: 'authentication' } : {};
  return jsonWire(error.status, { errors: [{ code: error.code, message: error.message, ...parameter }] }, error.headers);
}

export function runwareGateFaultReply(fault: GateFault): Reply {
  switch (fault.kind) {
    case 'rate_limit': {
      const headers = retryAfterHeader(fault.retryAfter);
      return runwareError(429, 'rateLimitExceeded', 'Too many requests. Slow down and retry later.', headers);
    }
    case 'credits_exhausted':
      return runwareError(402, 'insufficientCredits', 'Insufficient credits to run this task. Add funds at https://my.runware.ai/wallet.');
    case 'permission_denied':
      return runwareError(403, 'forbidden', "This API key doesn't have permission to perform the request.");
    case 'server_error': {
      const status = fault.status ?? 500;
      if (status === 502) return { type: 'raw', status, contentType: 'text/html', body: BAD_GATEWAY_HTML };
      if (status === 500) return runwareError(500, 'internalServerError', 'An unexpected error occurred. Please try again.');
      return runwareError(status, 'serviceUnavailable', 'The service is temporarily unavailable. Please try again later.');
    }
  }
}
