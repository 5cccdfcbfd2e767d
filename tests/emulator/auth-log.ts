import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { corsHeaders } from './http';

/**
 * Every `Authorization` header any test server in this process received, with the origin the request
 * was addressed to (Host header + scheme). The key-check suite asserts a key only ever reached the origin
 * the user saved. The emulator records here (one call in server.ts), and so does the stranger's server
 * below, which stands in for an attacker's host (`evil.test`, mapped to it with --host-resolver-rules).
 */
export interface AuthorizationSighting {
  authorization: string;
  /** `http://evil.test`, `http://127.0.0.1:41234`: what the client thought it was talking to. */
  origin: string;
  method: string;
  path: string;
  at: number;
}

export const authorizationLog: AuthorizationSighting[] = [];

export function recordAuthorization(request: IncomingMessage): void {
  const authorization = request.headers.authorization;
  if (!authorization) return;
  const scheme = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  authorizationLog.push({
    authorization,
    origin: `${scheme}://${request.headers.host ?? '?'}`,
    method: request.method ?? 'GET',
    path: (request.url ?? '/').split('?')[0] ?? '/',
    at: Date.now(),
  });
}

export interface StrangerServer {
  port: number;
  /** Every request it got, keyed or not. */
  hits: number;
  close(): Promise<void>;
}

/** An attacker's server: answers anything (CORS preflights included, so a browser would send the real request) and logs keys. */
export async function startStrangerServer(): Promise<StrangerServer> {
  const stranger: StrangerServer = { port: 0, hits: 0, close: async () => undefined };
  const server = createServer((request, response) => {
    stranger.hits += 1;
    recordAuthorization(request);
    request.resume();
    response.writeHead(request.method === 'OPTIONS' ? 204 : 200, { ...corsHeaders(request), 'content-type': 'application/json' });
    response.end(request.method === 'OPTIONS' ? undefined : '{"data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stranger.port = (server.address() as AddressInfo).port;
  stranger.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return stranger;
}
