import { FILE_NAME_TOKENS, fileNameTemplateSchema, renderFileName } from '../../lib/export/file-template';
import { Field } from './form';
import type { SectionProps } from './sections';

/** Downloads: the file name pattern, with a preview of what today's download would be called. */
export function DownloadsSection({ draft, update, errors }: SectionProps) {
  const template = draft.exports.fileNameTemplate;
  const error = errors['exports.fileNameTemplate'] ?? errors.exports;
  const preview = `${renderFileName(template, { prompt: 'A cat in a hat', at: Date.now(), mode: 'edit-image', model: 'grok-imagine-image' })}.jpg`;
  return (
    <section aria-labelledby="downloads-h">
      <h2 id="downloads-h">Downloads</h2>
      <Field
        id="file-name-template"
        label="File name pattern"
        error={error}
        hint={`Tokens: ${FILE_NAME_TOKENS.map((t) => `{${t}}`).join(' ')}. Files also carry their prompt, model and date inside (PNG, JPEG, MP4).`}
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
          For example: {preview}
        </p>
      )}
    </section>
  );
}
