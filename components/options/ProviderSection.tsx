import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '../../lib/model/provider-ids';
import { Field } from './form';
import { PROVIDER_CONSOLE_URL } from '../../lib/ui/key-setup';
import type { SectionProps } from './sections';
import { t } from '../../lib/i18n';

interface Props extends SectionProps {
  keyDraft: string;
  maskedKey: string | undefined;
  revealed: boolean;
  testing: boolean;
  testResult?: { tone: 'ok' | 'error'; text: string; addCredits?: boolean } | undefined;
  onKeyChange(value: string): void;
  onReveal(): void;
  onRemoveKey(): void;
  onTest(): void;
  onTestAndSave(): void;
}

/** Provider choice, its API key (masked, revealed on demand) and base URL, and "Test connection". */
export function ProviderSection({ draft, update, errors, keyDraft, maskedKey, revealed, testing, testResult, onKeyChange, onReveal, onRemoveKey, onTest, onTestAndSave }: Props) {
  const provider = draft.provider;
  return (
    <section aria-labelledby="provider-h">
      <h2 id="provider-h">{t('options.providerSection.providerAndApiKey')}</h2>
      <Field id="provider" label={t('options.providerSection.provider')} error={errors.provider} hint={t('options.providerSection.eachProviderHasIts')}>
        {(a) => (
          <select {...a} value={provider} onChange={(e) => update((d) => ({ ...d, provider: e.target.value as ProviderId }))}>
            {PROVIDER_IDS.map((id) => (
              <option key={id} value={id}>
                {PROVIDER_LABELS[id]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {provider === 'xai' && (
        <p className="hint">
          <a href={PROVIDER_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
            {t('setup.getKey')}
          </a>
        </p>
      )}
      <Field id="api-key" label={t('options.providerSection.apiKey')} hint={maskedKey ? t('options.providerSection.savedKey', { key: maskedKey }) : t('options.providerSection.noKeySavedYet')}>
        {(a) => (
          <div style={{ display: 'flex', gap: 6 }}>
            <input {...a} type={revealed ? 'text' : 'password'} autoComplete="off" spellCheck={false} value={keyDraft} placeholder={maskedKey ?? (provider === 'xai' ? t('options.providerSection.xai') : '')} onChange={(e) => onKeyChange(e.target.value)} />
            <button type="button" onClick={onReveal} aria-pressed={revealed} disabled={!maskedKey && !keyDraft}>
              {revealed ? t('options.providerSection.hideKey') : t('options.providerSection.showKey')}
            </button>
            <button type="button" onClick={onRemoveKey} disabled={!maskedKey}>
              {t('options.providerSection.removeKey')}
            </button>
          </div>
        )}
      </Field>
      <Field id="base-url" label={t('options.providerSection.apiBaseUrl')} error={errors[`baseUrls.${provider}`]} hint={t('options.providerSection.anyHttpsUrlHttp')}>
        {(a) => (
          <input {...a} type="url" value={draft.baseUrls[provider]} onChange={(e) => update((d) => ({ ...d, baseUrls: { ...d.baseUrls, [provider]: e.target.value } }))} />
        )}
      </Field>
      <div className="row-buttons">
        <button type="button" className="primary" onClick={onTestAndSave} disabled={testing}>
          {t('setup.testAndSave')}
        </button>
        <button type="button" onClick={onTest} disabled={testing}>
          {t('options.providerSection.testConnection')}
        </button>
      </div>
      <span role="status" aria-label={t('options.providerSection.connectionTestResult')} className={testResult?.tone === 'error' ? 'error' : 'success'}>
        {testing ? t('options.providerSection.testing') : testResult?.text}
      </span>
      {testResult?.addCredits && (
        <>
          {' '}
          <a href={PROVIDER_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
            {t('setup.addCredits')}
          </a>
        </>
      )}
    </section>
  );
}
