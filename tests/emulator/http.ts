import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Handlers return a Reply value instead of writing to the socket, so the server can still decorate it
 * afterwards (error body shape, truncation by `malformed_json`, a dropped connection) in one place.
 */
export type Reply =
  | { type: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** An API error; rendered in the provider's native shape unless an `error_shape` fault says otherwise. */
  | { type: 'error'; status: number; code: string; message: string; headers?: Record<string, string> }
  | { type: 'raw'; status: number; contentType: string; body: Buffer | string; headers?: Record<string, string> }
  | { type: 'empty'; status: number; headers?: Record<string, string> }
  /** Destroy the socket without answering. */
  | { type: 'drop' };

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  headers ? { type: 'json', status, body, headers } : { type: 'json', status, body };

export class BodyTooLargeError extends Error {}

export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    // Keep draining so the client can read our 413 instead of seeing a reset connection.
    if (total <= limitBytes) chunks.push(buffer);
  }
  if (total > limitBytes) throw new BodyTooLargeError(`body of ${total} bytes exceeds ${limitBytes}`);
  return Buffer.concat(chunks);
}

export function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Permissive CORS on every response: the extension's background page and the demo page call the emulator
 * cross-origin. Authorization is echoed explicitly because a '*' in Allow-Headers does not cover it.
 */
export function corsHeaders(request: IncomingMessage): Record<string, string> {
  const requested = request.headers['access-control-request-headers'];
  const headers: Record<string, string> = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS, HEAD',
    'access-control-allow-headers': typeof requested === 'string' && requested ? requested : 'authorization, content-type',
    'access-control-expose-headers': 'x-request-id, retry-after, content-length, content-type',
    'access-control-max-age': '600',
  };
  // Chromium's Private Network Access preflight (a public page calling 127.0.0.1).
  if (request.headers['access-control-request-private-network'] === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  return headers;
}

export function newRequestId(): string {
  return randomUUID();
}

/** A rendered reply: what actually goes on the wire. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function sendWire(response: ServerResponse, wire: WireResponse, headOnly = false): void {
  if (response.destroyed) return;
  response.writeHead(wire.status, { ...wire.headers, 'content-length': String(wire.body.length) });
  response.end(headOnly ? undefined : wire.body);
}

export function jsonWire(status: number, body: unknown, headers: Record<string, string> = {}): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** `Retry-After` as a fault asks for it: seconds, an HTTP date 2 s ahead, or absent. */
export function retryAfterHeader(retryAfter: number | 'http-date' | undefined): Record<string, string> | undefined {
  if (retryAfter === undefined) return undefined;
  if (retryAfter === 'http-date') return { 'retry-after': new Date(Date.now() + 2000).toUTCString() };
  return { 'retry-after': String(retryAfter) };
}

// A gateway in front of any of the APIs answers 502 itself, in HTML: clients must cope with non-JSON error bodies.
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';
