import { BAD_GATEWAY_HTML, retryAfterHeader, type Reply } from '../http';
import type { GateFault } from '../provider';
import { CODES, TEAM_ID, apiError } from './errors';

const CREDITS_MESSAGE =
  `Your team ${TEAM_ID} has either used all available credits or reached its monthly spending limit. ` +
  'To continue making API requests, please purchase more credits or raise your spending limit.';

export function xaiGateFaultReply(fault: GateFault): Reply {
  switch (fault.kind) {
    case 'rate_limit':
      return apiError(
        429,
        fault.codeStyle === 'grpc' ? CODES.resourceExhaustedGrpc : CODES.resourceExhausted,
        `Too many requests for team ${TEAM_ID}. Requests per Minute (actual/limit): 2/2.`,
        retryAfterHeader(fault.retryAfter),
      );
    case 'credits_exhausted':
      return apiError(fault.legacy429 ? 429 : 403, CODES.permissionDenied, CREDITS_MESSAGE);
    case 'permission_denied':
      return apiError(
        403,
        CODES.permissionDenied,
        `The API key used does not have permission to use this model or endpoint. Check the key's ACLs for team ${TEAM_ID} in the xAI console.`,
      );
    case 'server_error': {
      const status = fault.status ?? 500;
      if (status === 502) return { type: 'raw', status, contentType: 'text/html', body: BAD_GATEWAY_HTML };
      if (status === 503) return apiError(503, CODES.unavailable, 'The service is temporarily unavailable. Please try again later.');
      if (status === 529) return apiError(529, CODES.unavailable, 'The service is currently overloaded. Please try again later.');
      return apiError(500, CODES.internal, 'An internal error occurred while processing the request. Please try again.');
    }
  }
}
