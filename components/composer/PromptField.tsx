import type { RefObject } from 'react';
import { MODE_INFO } from '../../lib/model/modes';
import type { Capabilities } from '../../lib/providers/types';
import { areaOf, type Draft } from '../../lib/ui/composer-draft';
import { FieldError } from './Control';
import { PromptLibrary } from './PromptLibrary';
import { SuggestPrompt } from './SuggestPrompt';
import { formatNumber, t } from '../../lib/i18n';

/** The prompt box with its counter and keyboard hint, plus the helpers that write into it. */
export function PromptField({
  draft,
  caps,
  promptRef,
  error,
  describedBy,
  update,
  onSubmitShortcut,
}: {
  draft: Draft;
  caps: Capabilities;
  promptRef: RefObject<HTMLTextAreaElement>;
  error: string | undefined;
  describedBy: string | undefined;
  update(patch: Partial<Draft>): void;
  onSubmitShortcut(): void;
}) {
  const limit = caps.promptMaxLength;
  const over = draft.prompt.length > limit;
  // One sentence with both numbers for screen readers ("12 of 1024 characters", in the UI language); the
  // eye gets the compact "12/1024" (numbers in the UI locale, like the too-long message's limit).
  const count = formatNumber(draft.prompt.length, { useGrouping: false });
  const max = formatNumber(limit, { useGrouping: false });
  return (
    <div className="field">
      <div className="label-row">
        <label htmlFor="prompt">{t('composer.promptField.prompt')}</label>
        <span id="prompt-count" className={`hint count${over ? ' error' : ''}`} aria-live={over ? 'polite' : 'off'}>
          <span aria-hidden="true">
            {count}/{max}
          </span>
          <span className="visually-hidden">{t('composer.promptField.counter', { count, limit: max })}</span>
        </span>
      </div>
      <textarea
        id="prompt"
        ref={promptRef}
        value={draft.prompt}
        rows={4}
        placeholder={areaOf(draft) ? t('area.promptPlaceholder') : placeholderFor(draft.mode)}
        aria-invalid={!!error || over}
        aria-describedby={describedBy}
        onChange={(e) => update({ prompt: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmitShortcut();
          }
        }}
      />
      <span id="prompt-keys" className="hint">
        {MODE_INFO[draft.mode].promptRequired ? t('composer.promptField.ctrlEnterToGenerate') : t('composer.promptField.optionalCtrlEnterToGenerate')}
      </span>
      <FieldError id="prompt-error" message={error ?? (over ? t('composer.promptField.tooLong', { limit: max }) : undefined)} />
      <div className="prompt-tools">
        <SuggestPrompt draft={draft} caps={caps} onApply={(prompt) => update({ prompt })} />
        <PromptLibrary draft={draft} onApply={(p) => update(p)} />
      </div>
    </div>
  );
}

function placeholderFor(mode: Draft['mode']): string {
  switch (mode) {
    case 'create-image':
      return t('composer.promptField.placeholder.createImage');
    case 'edit-image':
      return t('composer.promptField.placeholder.editImage');
    case 'create-video':
      return t('composer.promptField.placeholder.createVideo');
    case 'animate-image':
      return t('composer.promptField.placeholder.animateImage');
    case 'reference-video':
      return t('composer.promptField.placeholder.referenceVideo');
    case 'edit-video':
      return t('composer.promptField.placeholder.editVideo');
    case 'extend-video':
      return t('composer.promptField.placeholder.extendVideo');
  }
}
