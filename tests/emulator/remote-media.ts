import { isIP } from 'node:net';
import type { MediaStore } from './media';

/**
 * How the vendor gets the bytes behind a URL a client sent: data URIs are decoded, its own media URLs are
 * read from the store, anything else is fetched from the public internet with a 5 s timeout. Private and
 * loopback hosts fail the way they do for the real service, which cannot reach a user's localhost.
 */

export type Fetched = { ok: true; bytes: Buffer; declaredType?: string } | { ok: false; reason: string };

export function decodeDataUri(uri: string): Fetched {
  const comma = uri.indexOf(',');
  if (!uri.startsWith('data:') || comma < 0) return { ok: false, reason: 'malformed data URI' };
  const meta = uri.slice(5, comma);
  const data = uri.slice(comma + 1);
  const declaredType = meta.split(';')[0] || undefined;
  if (/;base64$/i.test(meta)) {
    const compact = data.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return { ok: false, reason: 'invalid base64 data in data URI' };
    return withType(Buffer.from(compact, 'base64'), declaredType);
  }
  try {
    return withType(Buffer.from(decodeURIComponent(data), 'latin1'), declaredType);
  } catch {
    return { ok: false, reason: 'invalid percent-encoding in data URI' };
  }
}

function withType(bytes: Buffer, declaredType: string | undefined): Fetched {
  return declaredType ? { ok: true, bytes, declaredType } : { ok: true, bytes };
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const version = isIP(host);
  if (version === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (version === 6) {
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:127.');
  }
  return false;
}

export interface FetchPolicy {
  media: MediaStore;
  allowPrivate: boolean;
  limitBytes: number;
  timeoutMs: number;
}

export async function fetchMediaUrl(rawUrl: string, policy: FetchPolicy): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'invalid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `unsupported URL scheme "${url.protocol}"` };
  }
  const ownMedia = policy.media.nameFromUrl(url);
  if (ownMedia !== undefined) {
    const stored = policy.media.get(ownMedia);
    return stored ? { ok: true, bytes: stored.bytes, declaredType: stored.contentType } : { ok: false, reason: 'HTTP 404' };
  }
  if (!policy.allowPrivate && isPrivateHost(url.hostname)) {
    return { ok: false, reason: 'the host is not reachable from the public internet' };
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(policy.timeoutMs), redirect: 'follow' });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    const declaredLength = Number(response.headers.get('content-length') ?? '0');
    if (declaredLength > policy.limitBytes) return { ok: false, reason: `the file is larger than ${policy.limitBytes} bytes` };
    const bytes = Buffer.from(await response.arrayBuffer());
    const declaredType = response.headers.get('content-type') ?? undefined;
    return declaredType ? { ok: true, bytes, declaredType } : { ok: true, bytes };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { ok: false, reason: timedOut ? `timed out after ${policy.timeoutMs / 1000} s` : 'connection failed' };
  }
}
