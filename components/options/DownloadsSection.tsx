import { FILE_NAME_TOKENS, fileNameTemplateSchema, renderFileName } from '../../lib/export/file-template';
import { Field } from './form';
import type { SectionProps } from './sections';
import { t } from '../../lib/i18n';

/** Downloads: the file name pattern, with a preview of what today's download would be called. */
export function DownloadsSection({ draft, update, errors }: SectionProps) {
  const template = draft.exports.fileNameTemplate;
  const error = errors['exports.fileNameTemplate'] ?? errors.exports;
  const preview = `${renderFileName(template, { prompt: t('options.downloadsSection.samplePrompt'), at: Date.now(), mode: 'edit-image', model: 'grok-imagine-image' })}.jpg`;
  return (
    <section aria-labelledby="downloads-h">
      <h2 id="downloads-h">{t('options.downloadsSection.downloads')}</h2>
      <Field
        id="file-name-template"
        label={t('options.downloadsSection.fileNamePattern')}
        error={error}
        hint={t('options.downloadsSection.tokensHint', { tokens: FILE_NAME_TOKENS.map((token) => `{${token}}`).join(' ') })}
      >
        {(a) => (
          <input
            {...a}
            type="text"
            spellCheck={false}
            value={template}
            onChange={(e) => update((d) => ({ ...d, exports: { ...d.exports, fileNameTemplate: e.target.value } }))}
          />
        )}
      </Field>
      {fileNameTemplateSchema.safeParse(template).success && (
        <p className="hint" data-testid="file-name-preview">
          {t('options.downloadsSection.forExample', { example: preview })}
        </p>
      )}
    </section>
  );
}
