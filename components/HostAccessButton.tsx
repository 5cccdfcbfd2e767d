import { useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../lib/messaging/client';
import { hostOf } from '../lib/net/host-of';
import { originPattern } from '../lib/providers/media-origins';
import { t } from '../lib/i18n';

/**
 * "Allow access to <host>": asks the browser for one host (permissions.request must be the first call in the
 * click, while the user gesture lasts), then asks the worker to resume what waited for it. The worker also
 * resumes on permissions.onAdded; the explicit recheck covers a grant that was already there.
 */
export function HostAccessButton({ origin, onGranted }: { origin: string; onGranted?(): void }) {
  const [refused, setRefused] = useState(false);
  const host = hostOf(origin) ?? origin;
  return (
    <>
      <button
        type="button"
        onClick={() => {
          const request = browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
          void request.then(async (granted) => {
            setRefused(!granted);
            if (!granted) return;
            await send({ type: 'access.recheck' });
            onGranted?.();
          });
        }}
      >
        {t('panel.captureStatus.allowAccessTo', { host: host ?? '' })}
      </button>
      {refused && <span className="hint">{' '}{t('panel.hostAccessButton.notAllowed', { host: host ?? '' })}</span>}
    </>
  );
}
