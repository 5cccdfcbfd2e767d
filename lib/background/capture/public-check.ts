import { isPublicUrl } from '../../security/public-url';

/**
 * "Send public image URLs", second half of the rule (the first is isPublicUrl: no query, no capability
 * shape, a public host): the address goes to the provider only if anyone could read it — the worker reads it
 * once with no cookies, no Referer, no redirects to elsewhere, and gets an image. Anything else (a 401/403, a
 * login page, no CORS answer the worker may read, a time-out) → the bytes are sent instead.
 */
const TIMEOUT_MS = 10_000;

export async function readableAnonymously(url: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<boolean> {
  if (!isPublicUrl(url)) return false;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error', // a redirect may lead to a signed or private address: bytes then
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return false;
  }
  void response.body?.cancel().catch(() => undefined);
  return response.ok && /^image\//i.test(response.headers.get('content-type') ?? '');
}
