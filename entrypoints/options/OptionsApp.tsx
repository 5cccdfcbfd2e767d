import { useEffect, useState } from 'react';
import { userMessage, type ErrorInfo } from '../../lib/errors/taxonomy';
import { send } from '../../lib/messaging/client';
import { PROVIDER_IDS, PROVIDER_LABELS, type ProviderId } from '../../lib/model/provider-ids';
import { settingsSchema, type Secrets, type Settings } from '../../lib/settings/schema';
import { onChange } from '../../lib/storage/changes';
import { BehaviourSection } from '../../components/options/BehaviourSection';
import { DownloadsSection } from '../../components/options/DownloadsSection';
import { DefaultsSection } from '../../components/options/DefaultsSection';
import { VisionSection } from '../../components/options/VisionSection';
import { fieldErrors, optionsErrorMap, type FieldErrors } from '../../components/options/form';
import { SiteAccessSection } from '../../components/options/SiteAccessSection';
import { originsFor, patternHost, requestHostAccess } from '../../components/options/permissions';
import { PrivacySection } from '../../components/options/PrivacySection';
import { ProviderSection } from '../../components/options/ProviderSection';
import { QuickActionsSection } from '../../components/options/QuickActionsSection';
import { keySetupMessage } from '../../lib/ui/key-setup';
import { OptionsNav } from '../../components/options/OptionsNav';
import '../../components/options/options.css';
import { formatList, formatTime, t } from '../../lib/i18n';

type Status = { tone: 'ok' | 'error'; text: string; addCredits?: boolean } | undefined;
type Masked = Record<ProviderId, string | undefined>;
/** Per provider: undefined = keep the saved key, '' = remove it, text = new key. */
type KeyDrafts = Partial<Record<ProviderId, string>>;

const emptyKeys = (): KeyDrafts => ({});

export function OptionsApp() {
  const [saved, setSaved] = useState<Settings>();
  const [draft, setDraft] = useState<Settings>();
  const [masked, setMasked] = useState<Masked>();
  const [keys, setKeys] = useState<KeyDrafts>(emptyKeys);
  const [revealed, setRevealed] = useState<Partial<Record<ProviderId, boolean>>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>();
  const [test, setTest] = useState<{ running: boolean; result?: Status }>({ running: false });
  const [saving, setSaving] = useState(false);

  async function load(resetDraft: boolean) {
    const reply = await send({ type: 'settings.get' });
    if (!reply.ok) return setStatus({ tone: 'error', text: userMessage(reply.error) });
    setSaved(reply.settings);
    setMasked(reply.maskedKeys);
    if (resetDraft) setDraft(reply.settings);
  }

  useEffect(() => {
    void load(true);
    // Another options tab (or a future sync) saved: refresh what "saved" means, keep this tab's edits.
    return onChange((change) => {
      if (change.type === 'settings') void load(false);
    });
  }, []);

  if (!draft || !masked || !saved) return <p role="status">{status?.text ?? t('options.optionsApp.loading')}</p>;
  const provider = draft.provider;
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved) || Object.keys(keys).length > 0;

  const update = (change: (d: Settings) => Settings) => {
    setDraft((d) => (d ? change(d) : d));
    setStatus(undefined);
  };

  /** The draft checked against the schema and the origins its save needs, or undefined (errors shown). */
  function validated() {
    if (!draft) return undefined;
    const parsed = settingsSchema.safeParse(draft, { error: optionsErrorMap });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setStatus({ tone: 'error', text: t('options.app.notSavedFields') });
      return undefined;
    }
    setErrors({});
    const changed = PROVIDER_IDS.filter((id) => id === provider || parsed.data.baseUrls[id] !== saved?.baseUrls[id]);
    return { data: parsed.data, origins: originsFor(changed.map((id) => ({ provider: id, baseUrl: parsed.data.baseUrls[id] }))) };
  }

  /** Runs synchronously up to permissions.request: the click's user gesture must still be there. */
  function save() {
    const checked = validated();
    if (!checked) return;
    const access = requestHostAccess(checked.origins); // first async call in the handler
    setSaving(true);
    void access.then((granted) => persist(checked.data, checked.origins, granted));
  }

  /** "Test & save": the provider checks the key (and lists its models), and only then is everything saved. */
  function testAndSave() {
    const checked = validated();
    if (!checked) return;
    const access = requestHostAccess(checked.origins); // in the click, before any await
    setTest({ running: true });
    setSaving(true);
    void access.then(async (granted) => {
      if (!granted) {
        setTest({ running: false, result: { tone: 'error', text: t('options.app.originNotAllowed') } });
        return setSaving(false);
      }
      const key = keys[provider];
      const reply = await send({ type: 'connection.test', provider, baseUrl: checked.data.baseUrls[provider], ...(key ? { apiKey: key } : {}) });
      if (!reply.ok) {
        setTest({ running: false, result: failure(reply.error) });
        return setSaving(false);
      }
      setTest({ running: false, result: { tone: 'ok', text: reply.message } });
      await persist(checked.data, checked.origins, true);
    });
  }

  /** A refusal in this page's words: the key field is right here, so never "check the key in Options". */
  const failure = (error: ErrorInfo): Status => ({ tone: 'error', text: keySetupMessage(error, provider), addCredits: error.kind === 'credits_exhausted' });

  async function persist(data: Settings, origins: string[], granted: boolean) {
    try {
      if (!granted) {
        setErrors({ [`baseUrls.${provider}`]: t('options.app.needsPermission', { hosts: formatList(origins.map(patternHost)) }) });
        setStatus({ tone: 'error', text: t('options.app.notSavedOrigin') });
        return;
      }
      const secrets: Partial<Secrets> = {};
      for (const id of PROVIDER_IDS) if (keys[id] !== undefined) secrets[id] = keys[id];
      const reply = await send({ type: 'settings.save', settings: data, ...(Object.keys(secrets).length ? { secrets } : {}) });
      if (!reply.ok) {
        if (reply.fields) setErrors(reply.fields);
        setStatus({ tone: 'error', text: t('options.app.notSavedReason', { reason: keySetupMessage(reply.error, provider) }) });
        return;
      }
      setKeys(emptyKeys());
      setRevealed({});
      await load(true);
      setStatus({ tone: 'ok', text: t('options.app.savedAt', { time: formatTime(Date.now()) }) });
    } finally {
      setSaving(false);
    }
  }

  function testConnection() {
    if (!draft) return;
    const baseUrl = draft.baseUrls[provider].trim();
    const urlCheck = settingsSchema.shape.baseUrls.safeParse({ ...draft.baseUrls }, { error: optionsErrorMap });
    if (!urlCheck.success) {
      setErrors(fieldErrors(settingsSchema.safeParse(draft, { error: optionsErrorMap }).error ?? urlCheck.error));
      setTest({ running: false, result: { tone: 'error', text: t('options.app.fixBaseUrl') } });
      return;
    }
    const access = requestHostAccess(originsFor([{ provider, baseUrl }])); // in the click, before any await
    setTest({ running: true });
    void access.then(async (granted) => {
      if (!granted) return setTest({ running: false, result: { tone: 'error', text: t('options.app.originNotAllowed') } });
      const key = keys[provider];
      const reply = await send({ type: 'connection.test', provider, baseUrl, ...(key ? { apiKey: key } : {}) });
      setTest({ running: false, result: reply.ok ? { tone: 'ok', text: reply.message } : failure(reply.error) });
    });
  }

  async function reveal() {
    if (revealed[provider]) return setRevealed((r) => ({ ...r, [provider]: false }));
    if (keys[provider] === undefined && masked?.[provider]) {
      const reply = await send({ type: 'secrets.reveal', provider });
      if (!reply.ok) return setStatus({ tone: 'error', text: userMessage(reply.error) });
      setKeys((k) => ({ ...k, [provider]: reply.key }));
    }
    setRevealed((r) => ({ ...r, [provider]: true }));
  }

  return (
    <main className="options">
      <h1>{t('options.optionsApp.reimagineOptions')}</h1>
      <div className="options-layout">
      <OptionsNav />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <ProviderSection
          draft={draft}
          update={update}
          errors={errors}
          keyDraft={keys[provider] ?? ''}
          maskedKey={keys[provider] === '' ? undefined : masked[provider]}
          revealed={Boolean(revealed[provider])}
          testing={test.running}
          testResult={test.result}
          onKeyChange={(value) => setKeys((k) => ({ ...k, [provider]: value }))}
          onReveal={() => void reveal()}
          onRemoveKey={() => {
            setKeys((k) => ({ ...k, [provider]: '' }));
            setStatus({ tone: 'ok', text: t('options.app.keyRemovedOnSave', { provider: PROVIDER_LABELS[provider] }) });
          }}
          onTest={testConnection}
          onTestAndSave={testAndSave}
        />
        <DefaultsSection draft={draft} update={update} errors={errors} />
        <VisionSection draft={draft} update={update} errors={errors} savedKey={`${saved.provider}:${masked[saved.provider] ?? ''}`} />
        <QuickActionsSection draft={draft} update={update} errors={errors} />
        <BehaviourSection draft={draft} update={update} errors={errors} />
        <DownloadsSection draft={draft} update={update} errors={errors} />
        <PrivacySection draft={draft} update={update} errors={errors} />
        <SiteAccessSection />
        <div style={{ position: 'sticky', bottom: 0, background: 'var(--bg)', padding: '10px 0', borderTop: '1px solid var(--border)' }}>
          <button className="primary" type="submit" disabled={saving}>
            {t('options.optionsApp.save')}
          </button>{' '}
          <button
            type="button"
            disabled={!dirty || saving}
            onClick={() => {
              setDraft(saved);
              setKeys(emptyKeys());
              setErrors({});
              setStatus({ tone: 'ok', text: t('options.app.discarded') });
            }}
          >
            {t('options.optionsApp.discardChanges')}
          </button>
          {/* Unsaved changes are a warning (something still to do), not a success. */}
          <p role="status" aria-label={t('options.optionsApp.saveStatus')} className={status ? (status.tone === 'error' ? 'error' : 'success') : 'warning'} style={{ margin: '6px 0 0' }}>
            {status?.text ?? (dirty ? t('options.optionsApp.unsavedChanges') : '')}
          </p>
        </div>
      </form>
      </div>
    </main>
  );
}
