import type { SectionProps } from './sections';
import { t } from '../../lib/i18n';

export function PrivacySection({ draft, update }: SectionProps) {
  const p = draft.privacy;
  const set = (patch: Partial<typeof p>) => update((d) => ({ ...d, privacy: { ...d.privacy, ...patch } }));
  return (
    <section aria-labelledby="privacy-h">
      <h2 id="privacy-h">{t('options.privacySection.privacy')}</h2>
      <fieldset role="radiogroup" aria-label={t('options.privacySection.sendPageImagesAs')}>
        <legend>{t('options.privacySection.sendPageImagesAs')}</legend>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" name="send-as" style={{ width: 'auto' }} checked={p.sendImagesAs === 'bytes'} onChange={() => set({ sendImagesAs: 'bytes' })} />{' '}{t('options.privacySection.bytesRecommendedTheProvider')}
        </label>
        <label style={{ fontWeight: 400 }}>
          <input type="radio" name="send-as" style={{ width: 'auto' }} checked={p.sendImagesAs === 'url'} onChange={() => set({ sendImagesAs: 'url' })} />{' '}{t('options.privacySection.urlsWhenTheImage')}
        </label>
      </fieldset>
      <div className="field">
        <label style={{ fontWeight: 400, display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" style={{ width: 'auto' }} checked={p.rememberSourcePages} onChange={(e) => set({ rememberSourcePages: e.target.checked })} />
          {t('options.privacySection.rememberWhichPageEach')}
        </label>
      </div>
      <div className="field">
        <label style={{ fontWeight: 400, display: 'flex', gap: 6, alignItems: 'center' }}>
          <input
            type="checkbox"
            style={{ width: 'auto' }}
            checked={p.sourcePageInDownloads}
            onChange={(e) => set({ sourcePageInDownloads: e.target.checked })}
            aria-describedby="source-page-in-downloads-hint"
          />
          {t('options.privacySection.sourcePageInDownloads')}
        </label>
        <p className="hint" id="source-page-in-downloads-hint">
          {t('options.privacySection.sourcePageInDownloadsHint')}
        </p>
      </div>
    </section>
  );
}
