import { browser } from 'wxt/browser';
import { originPattern, providerOrigins } from '../../lib/providers/media-origins';
import type { ProviderId } from '../../lib/model/provider-ids';

/**
 * Host access for a provider: its API origin and the hosts its results come from (media hosts send no CORS
 * headers, so the worker needs access to save results). Requested together, in one prompt, when the user
 * saves or tests a provider. Asking for origins the browser already granted shows no prompt, so this never
 * consults the manifest: what counts is what is granted now (the worker checks with permissions.contains).
 * `permissions.request` must be called in the click handler itself (user gesture), before anything is awaited.
 */
export function originsFor(entries: Array<{ provider: ProviderId; baseUrl: string }>): string[] {
  return [...new Set(entries.flatMap(({ provider, baseUrl }) => providerOrigins(provider, baseUrl).map(originPattern)))];
}

/** Call synchronously from a click handler. Resolves true when the user allowed it (or it was granted already). */
export function requestHostAccess(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins }).catch(() => false);
}

/** "https://host/*" → "host", for messages. */
export const patternHost = (pattern: string): string => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '');
