import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '../../lib/providers/ids';
import { Field } from './form';
import type { SectionProps } from './sections';

interface Props extends SectionProps {
  keyDraft: string;
  maskedKey: string | undefined;
  revealed: boolean;
  testing: boolean;
  testResult?: { tone: 'ok' | 'error'; text: string } | undefined;
  onKeyChange(value: string): void;
  onReveal(): void;
  onRemoveKey(): void;
  onTest(): void;
}

/** Provider choice, its API key (masked, revealed on demand) and base URL, and "Test connection". */
export function ProviderSection({ draft, update, errors, keyDraft, maskedKey, revealed, testing, testResult, onKeyChange, onReveal, onRemoveKey, onTest }: Props) {
  const provider = draft.provider;
  return (
    <section aria-labelledby="provider-h">
      <h2 id="provider-h">Provider and API key</h2>
      <Field id="provider" label="Provider" error={errors.provider} hint="Each provider has its own key and base URL; jobs already started keep theirs.">
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
      <Field id="api-key" label="API key" hint={maskedKey ? `Saved key: ${maskedKey}. Leave empty to keep it.` : 'No key saved yet. It is kept in the extension’s own storage and only used by its background.'}>
        {(a) => (
          <div style={{ display: 'flex', gap: 6 }}>
            <input {...a} type={revealed ? 'text' : 'password'} autoComplete="off" spellCheck={false} value={keyDraft} placeholder={maskedKey ?? (provider === 'xai' ? 'xai-…' : '')} onChange={(e) => onKeyChange(e.target.value)} />
            <button type="button" onClick={onReveal} aria-pressed={revealed} disabled={!maskedKey && !keyDraft}>
              {revealed ? 'Hide key' : 'Show key'}
            </button>
            <button type="button" onClick={onRemoveKey} disabled={!maskedKey}>
              Remove key
            </button>
          </div>
        )}
      </Field>
      <Field id="base-url" label="API base URL" error={errors[`baseUrls.${provider}`]} hint="Any https:// URL (http:// only for localhost). Reimagine asks for access to new origins when you save.">
        {(a) => (
          <input {...a} type="url" value={draft.baseUrls[provider]} onChange={(e) => update((d) => ({ ...d, baseUrls: { ...d.baseUrls, [provider]: e.target.value } }))} />
        )}
      </Field>
      <button type="button" onClick={onTest} disabled={testing}>
        Test connection
      </button>{' '}
      <span role="status" aria-label="Connection test result" className={testResult?.tone === 'error' ? 'error' : 'success'}>
        {testing ? 'Testing…' : testResult?.text}
      </span>
    </section>
  );
}
