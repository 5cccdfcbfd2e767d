import type { RefObject } from 'react';
import { MODE_INFO } from '../../lib/jobs/modes';
import type { Capabilities } from '../../lib/providers/types';
import type { Draft } from '../../lib/ui/composer-draft';
import { FieldError } from './Control';
import { PromptLibrary } from './PromptLibrary';
import { SuggestPrompt } from './SuggestPrompt';

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
  return (
    <div className="field">
      <div className="label-row">
        <label htmlFor="prompt">Prompt</label>
        <span id="prompt-count" className={`hint count${over ? ' error' : ''}`} aria-live={over ? 'polite' : 'off'}>
          {draft.prompt.length}/{limit}
          <span className="visually-hidden"> characters</span>
        </span>
      </div>
      <textarea
        id="prompt"
        ref={promptRef}
        value={draft.prompt}
        rows={4}
        placeholder={placeholderFor(draft.mode)}
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
        {MODE_INFO[draft.mode].promptRequired ? '' : 'Optional. '}Ctrl/⌘+Enter to generate.
      </span>
      <FieldError id="prompt-error" message={error ?? (over ? `The prompt is longer than ${limit} characters, this model's limit.` : undefined)} />
      <SuggestPrompt draft={draft} caps={caps} onApply={(prompt) => update({ prompt })} />
      <PromptLibrary draft={draft} onApply={(p) => update(p)} />
    </div>
  );
}

function placeholderFor(mode: Draft['mode']): string {
  switch (mode) {
    case 'create-image':
      return 'A watercolor fox in a snowy forest…';
    case 'edit-image':
      return 'Make it look like a pencil sketch…';
    case 'create-video':
      return 'Waves rolling onto a beach at sunset…';
    case 'animate-image':
      return 'How it should move (optional)…';
    case 'reference-video':
      return 'The dog from <IMAGE_0> runs through <IMAGE_1>…';
    case 'edit-video':
      return 'Make it snow…';
    case 'extend-video':
      return 'What happens next…';
  }
}
