import type { z } from 'zod';
import type { ErrorReply } from '../provider';
import type { ApiRequest } from '../provider';
import { CODES, apiError, unprocessable } from './errors';

/**
 * JSON body decoding with the doc's status split, which is the one an axum/serde server produces:
 * no JSON content type or an empty body → 415; JSON syntax error → 400; valid JSON that does not fit the
 * request type (missing field, wrong type, unknown enum value) → 422. Semantic checks (ranges, field
 * combinations, unreadable images) happen later in the handlers and answer 400.
 */
export function decodeJsonBody<T>(request: ApiRequest, schema: z.ZodType<T>): T | ErrorReply {
  const contentType = (request.received.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType !== 'application/json' || request.rawBody.length === 0) {
    return apiError(415, CODES.invalidArgument, 'Expected request with `Content-Type: application/json` and a JSON body.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody.toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return apiError(400, CODES.invalidArgument, `Failed to parse the request body as JSON: ${detail}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return unprocessable(`invalid type: ${describe(parsed)}, expected a JSON object`);
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  return unprocessable(describeIssue(result.error.issues[0], parsed));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'sequence';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  return typeof value === 'object' ? 'map' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** serde-style wording, e.g. "missing field `prompt`" or "aspect_ratio: unknown variant `5:4`, expected one of …". */
function describeIssue(issue: z.core.$ZodIssue | undefined, root: unknown): string {
  if (!issue) return 'invalid request';
  const path = issue.path.map(String).join('.');
  const value = valueAt(root, issue.path);
  const where = path ? `${path}: ` : '';
  if (issue.code === 'invalid_type' && value === undefined) {
    const field = String(issue.path[issue.path.length - 1] ?? 'body');
    const parent = issue.path.slice(0, -1).map(String).join('.');
    return `${parent ? `${parent}: ` : ''}missing field \`${field}\``;
  }
  if (issue.code === 'invalid_type') return `${where}invalid type: ${describe(value)}, expected ${issue.expected}`;
  if (issue.code === 'invalid_value') {
    const expected = issue.values.map((v) => `\`${String(v)}\``).join(', ');
    return `${where}unknown variant \`${String(value)}\`, expected one of ${expected}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_format') {
    return `${where}invalid value: ${describe(value)}, expected ${issue.message.replace(/^Invalid input: /i, '').toLowerCase()}`;
  }
  return `${where}${issue.message}`;
}
