import { useState } from 'react';
import type { Mode } from '../lib/model/modes';
import { useComposer } from '../lib/ui/composer-store';
import { useDescription } from '../lib/ui/description-store';
import { useCapabilities } from '../lib/ui/settings-view-store';
import { formatNumber, t } from '../lib/i18n';

/**
 * "Describe image" (context menu) in the panel: what the vision model saw, with "Use as prompt" (switches
 * to create image, for variations of the picture; Undo puts the previous mode and prompt back) and "Copy".
 * The composer is untouched until the user chooses. The description is also kept in history.
 */
export function DescriptionCard() {
  const current = useDescription((s) => s.current);
  const dismiss = useDescription((s) => s.dismiss);
  const caps = useCapabilities();
  const [status, setStatus] = useState('');
  const [before, setBefore] = useState<{ mode: Mode; prompt: string }>();
  if (!current) return null;
  const text = current.text ?? '';

  return (
    <section aria-label={t('panel.descriptionCard.imageDescription')} className="description-card">
      <h2>{t('panel.descriptionCard.imageDescription')}</h2>
      {current.state === 'reading' && <p role="status">{t('panel.descriptionCard.readingImage')}</p>}
      {current.state === 'running' && <p role="status">{t('panel.descriptionCard.describing')}</p>}
      {current.state === 'failed' && (
        <p role="alert" className="error">
          {current.message ?? t('panel.descriptionCard.theImageCouldNot')}
        </p>
      )}
      {current.state === 'done' && (
        <>
          <p className="description-text">{text}</p>
          <p className="hint" data-testid="describe-cost">
            {current.model ? t('panel.descriptionCard.byModel', { model: current.model }) : ''}
            {current.cost ? ` · ${current.cost}` : ''}
            {current.tokens !== undefined ? ` · ${t('composer.suggestPrompt.tokens', { count: formatNumber(current.tokens) })}` : ''}
          </p>
        </>
      )}
      <div className="inline">
        {current.state === 'done' && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => {
                const composer = useComposer.getState();
                setBefore({ mode: composer.draft.mode, prompt: composer.draft.prompt });
                composer.setMode('create-image', caps);
                composer.patch({ prompt: text });
                setStatus(t('panel.descriptionCard.nowThePrompt'));
              }}
            >
              {t('panel.descriptionCard.useAsPrompt')}
            </button>
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard.writeText(text).then(
                  () => setStatus(t('panel.descriptionCard.copied')),
                  () => setStatus(t('panel.descriptionCard.copyFailed')),
                )
              }
            >
              {t('panel.descriptionCard.copy')}
            </button>
          </>
        )}
        {before && (
          <button
            type="button"
            onClick={() => {
              const composer = useComposer.getState();
              composer.setMode(before.mode, caps);
              composer.patch({ prompt: before.prompt });
              setBefore(undefined);
              setStatus(t('panel.descriptionCard.promptRestored'));
            }}
          >
            {t('panel.descriptionCard.undo')}
          </button>
        )}
        <button type="button" className="link" onClick={dismiss}>
          {t('panel.descriptionCard.dismiss')}
        </button>
      </div>
      <p role="status" className="hint">
        {status}
      </p>
    </section>
  );
}
