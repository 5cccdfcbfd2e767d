import { apiOrigin, MEDIA_ORIGINS } from './media-origins';
import type { ProviderId } from '../model/provider-ids';
import { t } from '../i18n';

/**
 * Which result URLs the worker follows. A provider's answer is attacker-controlled input: it could point the
 * worker (which holds host permissions) at a loopback or intranet address. Results are read only from the
 * https origins the provider declares (lib/providers/media-origins.ts), or from the base URL's own origin — which is
 * how a local emulator serves them, and the only way a loopback URL is ever followed.
 */
export type ResultUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkResultUrl(raw: string, provider: ProviderId, baseUrl: string): ResultUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: t('net.theProviderReturnedAResult') };
  }
  if (url.username || url.password) return { ok: false, reason: t('net.theProviderReturnedAResult2') };
  if (url.origin === apiOrigin(baseUrl)) return { ok: true, url };
  if (url.protocol !== 'https:') return { ok: false, reason: t('net.notHttps', { scheme: url.protocol.replace(':', '') }) };
  if (!MEDIA_ORIGINS[provider].includes(url.origin)) {
    return { ok: false, reason: t('net.foreignHost', { host: url.host }) };
  }
  return { ok: true, url };
}
