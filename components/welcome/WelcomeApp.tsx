import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { SetupCard } from '../SetupCard';
import { openPanelInGesture, sendSampleToComposer, SAMPLE_IMAGE_PATH } from '../../lib/ui/sample';
import { useSettings } from '../../lib/ui/settings-view-store';
import { t } from '../../lib/i18n';
import './welcome.css';

/**
 * The page that opens on install: the three setup steps, then a sample picture to try the composer on,
 * and how the right-click works on any page.
 */
export function WelcomeApp() {
  const hasKey = useSettings((s) => s.hasKey);
  const windowId = useRef<number>();
  const [trying, setTrying] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => (windowId.current = w.id));
  }, []);

  function trySample() {
    // The panel opens first, inside the click's gesture; the sample reaches it through storage.
    const opened = openPanelInGesture(windowId.current);
    setTrying({ busy: true });
    void Promise.all([opened, sendSampleToComposer()]).then(([, sent]) =>
      setTrying(sent.ok ? { busy: false, message: t('setup.sampleSent') } : { busy: false, message: sent.message, error: true }),
    );
  }

  return (
    <main className="welcome">
      <h1>{t('setup.welcomeTitle')}</h1>
      <p className="lead">{t('setup.welcomeLead')}</p>
      <div className="welcome-grid">
        <SetupCard />
        <section className="welcome-card" aria-labelledby="try-h">
          <h2 id="try-h">{t('setup.tryHeading')}</h2>
          <img src={browser.runtime.getURL(SAMPLE_IMAGE_PATH)} alt={t('setup.sampleAlt')} width={768} height={512} />
          <button type="button" className="primary" disabled={!hasKey || trying.busy} aria-describedby="try-hint" onClick={trySample}>
            {t('setup.tryButton')}
          </button>
          <p id="try-hint" role="status" className={trying.error ? 'error' : 'hint'}>
            {trying.message ?? (hasKey ? t('setup.tryHint') : t('setup.tryNeedsKey'))}
          </p>
        </section>
        <section className="welcome-card" aria-labelledby="right-click-h">
          <h2 id="right-click-h">{t('setup.rightClickHeading')}</h2>
          <ol>
            <li>{t('setup.rightClickStep1')}</li>
            <li>{t('setup.rightClickStep2')}</li>
            <li>{t('setup.rightClickStep3')}</li>
          </ol>
          <p className="hint">{t('setup.rightClickHint')}</p>
        </section>
      </div>
    </main>
  );
}
