import { ImagineError } from '../errors/taxonomy';
import { isAllowedBaseUrl } from './base-url';
import { t } from '../i18n';

/**
 * The request-time key guard. Every request that carries an `Authorization` header passes through
 * lib/api/http.ts `requestJson`, which calls `assertKeyMayGo` just before fetch — jobs, retries, polls,
 * connection tests and anything added later. Two layers:
 * - always: the destination obeys the base-URL rule (https, or http to loopback), so a key is never sent
 *   in cleartext across the network whoever built the request;
 * - in the background: the policy installed with `setKeyDestinationPolicy` (savedOriginPolicy below) checks
 *   the destination against the origins saved in Options, so a job record, an imported archive or a
 *   message can never redirect a saved key elsewhere.
 */
export type KeyDestinationPolicy = (destination: URL, apiKey: string) => Promise<void> | void;

let policy: KeyDestinationPolicy | undefined;

/** Installed once per worker start (lib/background/services.ts); tests install their own or none. */
export function setKeyDestinationPolicy(next: KeyDestinationPolicy | undefined): void {
  policy = next;
}

export async function assertKeyMayGo(url: string, apiKey: string): Promise<void> {
  if (!isAllowedBaseUrl(url)) throw keyRefused(t('security.notHttps', { origin: safeOrigin(url) }));
  await policy?.(new URL(url), apiKey);
}

export function keyRefused(reason: string): ImagineError {
  return new ImagineError({ kind: 'invalid_request', code: 'key_not_sent', message: t('security.keyNotSent', { reason }) });
}

/** For messages: the origin only, never a path or query someone may have stuffed with text. */
export function safeOrigin(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`.slice(0, 200);
  } catch {
    return 'that address';
  }
}
