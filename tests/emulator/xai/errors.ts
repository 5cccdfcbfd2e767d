import { jsonWire, type WireResponse } from '../http';
import type { ErrorReply, ErrorShape } from '../provider';

/**
 * xAI's native error body is {"code": "...", "error": "..."} where `code` is usually the gRPC status in
 * prose ("Client specified an invalid argument") and sometimes kebab-case ("resource-exhausted").
 * Messages below follow ones seen from the live API where known.
 */
export const CODES = {
  invalidArgument: 'Client specified an invalid argument',
  notFound: 'Some requested entity was not found',
  unauthenticated: 'The request does not have valid authentication credentials',
  permissionDenied: 'permission-denied',
  resourceExhausted: 'resource-exhausted',
  resourceExhaustedGrpc: 'Some resource has been exhausted',
  internal: 'Internal error',
  unavailable: 'The service is currently unavailable',
  contentModerated: 'imagine:content-moderated',
} as const;

/** The demo team every message mentions (the real ones quote the caller's team id). */
export const TEAM_ID = '5b1e3c2a-7d4f-4e8a-9c61-0f2d8e7a4b19';

export function apiError(status: number, code: string, message: string, headers?: Record<string, string>): ErrorReply {
  return headers ? { type: 'error', status, code, message, headers } : { type: 'error', status, code, message };
}

export const invalidArgument = (message: string): ErrorReply => apiError(400, CODES.invalidArgument, message);

/** 422: the body is JSON but does not deserialize into the request type (missing field, wrong type, bad enum). */
export const unprocessable = (detail: string): ErrorReply =>
  apiError(422, CODES.invalidArgument, `Failed to deserialize the JSON body into the target type: ${detail}`);

export const modelNotFound = (model: string): ErrorReply =>
  apiError(
    404,
    CODES.notFound,
    `The model ${model} does not exist or your team ${TEAM_ID} does not have access to it. Please ensure you're using the correct API key. If you believe this is a mistake, please contact support and quote your team ID and the model name.`,
  );

export const routeNotFound = (): ErrorReply =>
  apiError(404, CODES.notFound, 'No handler found on route. Please double check your URL and consult https://api.x.ai/docs for more information.');

export const contentModerated = (what: 'image' | 'video'): ErrorReply =>
  apiError(400, CODES.contentModerated, `Generated ${what} rejected by content moderation.`);

// OpenAI-style `type` per status, for the `openai` error shape.
function openAiType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return status === 529 ? 'overloaded_error' : 'api_error';
  return 'invalid_request_error';
}

export function renderXaiError(error: ErrorReply, shape: ErrorShape): WireResponse {
  const body =
    shape === 'openai'
      ? { error: { message: error.message, type: openAiType(error.status), code: error.status } }
      : shape === 'string'
        ? { error: error.message }
        : { code: error.code, error: error.message };
  return jsonWire(error.status, body, error.headers);
}
