import { useId, useState } from 'react';
import { PROVIDER_CONSOLE_URL, providerName, testAndSaveKey, type KeyCheck } from '../lib/ui/key-setup';
import { refreshSettings, useSettings } from '../lib/ui/settings-view-store';
import { t } from '../lib/i18n';
import './setup.css';

/**
 * First run, in three steps: get a key (the provider's console), paste it, "Test & save" (saved only if
 * the provider accepts it). Shown on the welcome page, and in the side panel and popup while no key is
 * saved — in place of a composer that could not send anything. Once the key is saved the settings store
 * hears the change and the panel swaps this card for the composer by itself.
 */
export function SetupCard({ heading = 'h2', onSaved }: { heading?: 'h1' | 'h2'; onSaved?(check: KeyCheck): void }) {
  const provider = useSettings((s) => s.settings.provider);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<KeyCheck>();
  const inputId = useId();
  const Heading = heading;

  async function submit() {
    setBusy(true);
    setResult(undefined);
    const check = await testAndSaveKey(key, provider);
    setBusy(false);
    setResult(check);
    if (check.ok) {
      setKey('');
      await refreshSettings();
      onSaved?.(check);
    }
  }

  const saved = result?.ok === true;
  return (
    <section className="setup-card" aria-labelledby={`${inputId}-h`}>
      <Heading id={`${inputId}-h`}>{t('setup.heading')}</Heading>
      <p className="hint">{t('setup.intro', { provider: providerName(provider) })}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <ol className="setup-steps">
          <li>
            <div>
              {provider === 'xai' ? (
                <a className="external" href={PROVIDER_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
                  {t('setup.getKey')}
                </a>
              ) : (
                <span className="label">{t('setup.getKeyFrom', { provider: providerName(provider) })}</span>
              )}
              <div className="hint">{t('setup.getKeyHint')}</div>
            </div>
          </li>
          <li>
            <div>
              <label htmlFor={inputId}>{t('setup.pasteLabel')}</label>
              <input
                id={inputId}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={key}
                aria-invalid={result?.ok === false}
                aria-describedby={result ? `${inputId}-result` : undefined}
                onChange={(e) => setKey(e.target.value)}
              />
            </div>
          </li>
          <li className={saved ? 'done' : undefined}>
            <div>
              <span className="hint">{t('setup.testHint')}</span>
              <div>
                <button className="primary" type="submit" disabled={busy}>
                  {busy ? t('setup.testing') : t('setup.testAndSave')}
                </button>
              </div>
            </div>
          </li>
        </ol>
        <p id={`${inputId}-result`} role={result?.ok === false ? 'alert' : 'status'} className={`setup-result ${result ? (result.ok ? 'success' : 'error') : ''}`}>
          {result ? (result.ok ? t('setup.saved', { detail: result.message }) : result.message) : ''}{' '}
          {result?.ok === false && result.addCredits && (
            <a className="external" href={PROVIDER_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
              {t('setup.addCredits')}
            </a>
          )}
        </p>
      </form>
    </section>
  );
}
