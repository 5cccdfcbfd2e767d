import type { SectionProps } from './sections';

export function PrivacySection({ draft, update }: SectionProps) {
  const p = draft.privacy;
  const set = (patch: Partial<typeof p>) => update((d) => ({ ...d, privacy: { ...d.privacy, ...patch } }));
  return (
    <section aria-labelledby="privacy-h">
      <h2 id="privacy-h">Privacy</h2>
      <fieldset role="radiogroup" aria-label="Send page images as">
        <legend>Send page images as</legend>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" name="send-as" style={{ width: 'auto' }} checked={p.sendImagesAs === 'bytes'} onChange={() => set({ sendImagesAs: 'bytes' })} /> Bytes (recommended: the
          provider never learns the page’s image URLs)
        </label>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" name="send-as" style={{ width: 'auto' }} checked={p.sendImagesAs === 'url'} onChange={() => set({ sendImagesAs: 'url' })} /> URLs, when the image is
          public (smaller uploads)
        </label>
      </fieldset>
      <div className="field">
        <label style={{ fontWeight: 400, display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" style={{ width: 'auto' }} checked={p.rememberSourcePages} onChange={(e) => set({ rememberSourcePages: e.target.checked })} />
          Remember which page each generation came from (shown in history)
        </label>
      </div>
    </section>
  );
}
