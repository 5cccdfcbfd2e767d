import { PROVIDER_IDS, PROVIDER_LABELS } from '../model/provider-ids';
import { keyFor, type Secrets, type Settings } from './schema';
import { originOf } from '../security/base-url';
import { keyRefused, type KeyDestinationPolicy } from '../security/key-origin';
import { t } from '../i18n';

/**
 * The background's key policy: a saved key only ever goes to the origin of the base URL saved next to it
 * in Options. Whatever asked for the request (a job frozen with an old or imported base URL, a message
 * naming another URL) does not matter: the destination is compared with today's saved settings.
 *
 * A key that is not saved at all is one the user is typing in Options and testing against the base URL
 * typed next to it ("Test connection" before Save); it has no saved origin to be held to, and the
 * base-URL rule (https, loopback http) still applies to it in assertKeyMayGo.
 */
export function savedOriginPolicy(load: () => Promise<{ settings: Settings; secrets: Secrets }>): KeyDestinationPolicy {
  return async (destination, apiKey) => {
    const { settings, secrets } = await load();
    const owners = PROVIDER_IDS.filter((id) => keyFor(secrets, id) === apiKey.trim());
    if (owners.length === 0) return;
    if (owners.some((id) => originOf(settings.baseUrls[id]) === destination.origin)) return;
    const owner = owners[0]!;
    throw keyRefused(
      t('security.keyOnlyGoesTo', {
        provider: PROVIDER_LABELS[owner],
        origin: originOf(settings.baseUrls[owner]) ?? t('security.savedBaseUrl'),
        destination: destination.origin,
      }),
    );
  };
}
