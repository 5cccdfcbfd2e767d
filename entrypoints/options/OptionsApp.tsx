import { useEffect, useState } from 'react';
import { userMessage } from '../../lib/api/errors';
import { send } from '../../lib/messaging/client';
import type { Settings } from '../../lib/settings/schema';

type Status = { tone: 'ok' | 'error'; text: string } | undefined;

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>();
  const [apiKey, setApiKey] = useState('');
  const [maskedKey, setMaskedKey] = useState<string>();
  const [baseUrl, setBaseUrl] = useState('');
  const [status, setStatus] = useState<Status>();

  useEffect(() => {
    void send({ type: 'settings.get' }).then((reply) => {
      if (!reply.ok) return setStatus({ tone: 'error', text: userMessage(reply.error) });
      setSettings(reply.settings);
      setBaseUrl(reply.settings.baseUrls[reply.settings.provider]);
      setMaskedKey(reply.maskedKeys[reply.settings.provider]);
    });
  }, []);

  if (!settings) return <p role="status">Loading…</p>;
  const provider = settings.provider;

  async function save() {
    if (!settings) return;
    const next: Settings = { ...settings, baseUrls: { ...settings.baseUrls, [provider]: baseUrl.trim() } };
    const reply = await send({ type: 'settings.save', settings: next, ...(apiKey ? { secrets: { [provider]: apiKey } } : {}) });
    if (!reply.ok) return setStatus({ tone: 'error', text: userMessage(reply.error) });
    setSettings(next);
    setStatus({ tone: 'ok', text: 'Saved.' });
  }

  async function test() {
    setStatus({ tone: 'ok', text: 'Testing…' });
    const reply = await send({ type: 'connection.test', provider, ...(apiKey ? { apiKey } : {}), baseUrl });
    setStatus(reply.ok ? { tone: 'ok', text: reply.message } : { tone: 'error', text: userMessage(reply.error) });
  }

  return (
    <main style={{ maxWidth: 640, margin: '0 auto', padding: 16 }}>
      <h1>Reimagine options</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="api-key">API key</label>
          <input id="api-key" type="password" autoComplete="off" value={apiKey} placeholder={maskedKey ?? 'xai-…'} onChange={(e) => setApiKey(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="base-url">API base URL</label>
          <input id="base-url" type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        </div>
        <button className="primary" type="submit">
          Save
        </button>{' '}
        <button type="button" onClick={() => void test()}>
          Test connection
        </button>
        <p role="status" className={status?.tone === 'error' ? 'error' : 'success'}>
          {status?.text}
        </p>
      </form>
    </main>
  );
}
