import type { ProviderId } from '../model/provider-ids';

/**
 * Where each provider's results live. Generated media are served from the vendor's CDN, not from the API
 * origin, and those hosts send no CORS headers (nothing documents that they do), so the worker can only
 * read them with host permission for exactly these origins. A result URL on any other origin is refused
 * (see lib/providers/result-url.ts): a provider response is attacker-controlled input.
 *
 * Sources: xAI — shared/docs/imagine-api.md ("Media hosts"); Runware — im.runware.ai / vm.runware.ai are
 * the hosts of the URLs its API returns; Vydra — its seed page gives no host, cdn.vydra.ai is our
 * reading (a wrong guess only means the user is asked for one more origin, never a silent failure).
 */
export const MEDIA_ORIGINS: Record<ProviderId, readonly string[]> = {
  xai: ['https://imgen.x.ai', 'https://vidgen.x.ai'],
  vydra: ['https://cdn.vydra.ai'],
  runware: ['https://im.runware.ai', 'https://vm.runware.ai'],
};

/**
 * `https://host[:port]` → `https://host/*`, the match pattern permissions.* take (match patterns have no
 * port: access to a host covers all its ports).
 */
export function originPattern(origin: string): string {
  try {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return `${origin.replace(/\/+$/, '')}/*`;
  }
}

/** The API origin of a base URL, or undefined when it does not parse. */
export function apiOrigin(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return undefined;
  }
}

/** Everything a provider at `baseUrl` needs access to: its API origin and its media origins. */
export function providerOrigins(provider: ProviderId, baseUrl: string): string[] {
  const api = apiOrigin(baseUrl);
  return [...new Set([...(api ? [api] : []), ...MEDIA_ORIGINS[provider]])];
}
