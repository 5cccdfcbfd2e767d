import { t } from '../i18n';
/**
 * The one rule for an API base URL, shared by the settings schema, the background's message validation
 * and the request-time key guard: https, or plain http only to this machine (the local emulator, a
 * self-hosted proxy). Anything else would put the key on the wire in cleartext.
 */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The rule in words, read when a URL fails it (zod's `{ error: baseUrlRule }`), in the UI language. */
export const baseUrlRule = (): string => t('security.useAnHttpsUrlHttp');

/** Longer than any real base URL; keeps a hostile page command from parking megabytes in settings. */
export const BASE_URL_MAX_LENGTH = 2048;

export function isAllowedBaseUrl(value: string): boolean {
  if (value.length > BASE_URL_MAX_LENGTH) return false;
  const url = parseUrl(value);
  if (!url || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
}

/** `https://api.x.ai/v1` → `https://api.x.ai`; undefined when it is not a URL. */
export function originOf(value: string): string | undefined {
  return parseUrl(value.trim())?.origin;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
