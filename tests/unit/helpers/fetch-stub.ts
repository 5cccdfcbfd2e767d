import { vi } from 'vitest';
import { ImagineClient } from '../../../lib/api/client';

/** An ImagineClient whose fetch answers with `respond` (no network), recording every call. */
export function stubbedClient(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  });
  return { api: new ImagineClient({ apiKey: 'k', fetch: fetch as unknown as typeof globalThis.fetch }), calls };
}

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
