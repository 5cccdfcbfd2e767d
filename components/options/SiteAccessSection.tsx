import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';

/** The optional all-sites host permission (manifest optional_host_permissions). */
const ALL_SITES = ['https://*/*', 'http://*/*'];

/**
 * "Read images on all sites": without it, an image on a host Reimagine has no access to (most sites load
 * pictures from a CDN) is captured after a per-host "Allow access" in the panel, or as a screenshot. This is a
 * browser permission, not a setting: it takes effect at once (no Save), the browser asks first, and it can be
 * revoked here or in chrome://extensions.
 */
export function SiteAccessSection() {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    const refresh = () => void browser.permissions.contains({ origins: ALL_SITES }).then(setGranted, () => setGranted(false));
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  function toggle() {
    if (granted) {
      void browser.permissions.remove({ origins: ALL_SITES }).then(
        (removed) => {
          setGranted(!removed);
          setMessage(removed ? t('options.siteAccessSection.removed') : t('options.siteAccessSection.keptByPolicy'));
        },
        () => setMessage(t('options.siteAccessSection.kept')),
      );
      return;
    }
    // First call in the click: the user gesture must still be there.
    void browser.permissions.request({ origins: ALL_SITES }).then(
      (ok) => {
        setGranted(ok);
        setMessage(ok ? t('options.siteAccessSection.granted') : t('options.siteAccessSection.denied'));
      },
      () => setMessage(t('options.siteAccessSection.notShown')),
    );
  }

  return (
    <section aria-labelledby="site-access-h">
      <h2 id="site-access-h">{t('options.siteAccessSection.siteAccess')}</h2>
      <p className="hint" id="site-access-why">
        {t('options.siteAccessSection.manySitesServeTheir')}
      </p>
      <label style={{ fontWeight: 400, display: 'flex', gap: 6, alignItems: 'center' }}>
        <input
          type="checkbox"
          role="switch"
          style={{ width: 'auto' }}
          aria-describedby="site-access-why"
          disabled={granted === undefined}
          checked={granted === true}
          onChange={toggle}
        />
        {t('options.siteAccessSection.readImagesOnAll')}
      </label>
      {message && (
        <p role="status" aria-label={t('options.siteAccessSection.siteAccessStatus')} className="hint">
          {message}
        </p>
      )}
    </section>
  );
}
