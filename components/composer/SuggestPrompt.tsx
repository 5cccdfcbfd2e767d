import { useEffect, useState } from 'react';
import { userMessage, type ErrorInfo } from '../../lib/errors/taxonomy';
import { MODE_INFO } from '../../lib/model/modes';
import { send } from '../../lib/messaging/client';
import type { Capabilities } from '../../lib/providers/types';
import type { Draft } from '../../lib/ui/composer-draft';
import { useComposer } from '../../lib/ui/composer-store';
import { formatNumber, t } from '../../lib/i18n';

interface Outcome {
  model: string;
  cost?: string | undefined;
  tokens?: number | undefined;
  note?: string | undefined;
}

/**
 * "Suggest a prompt": the vision model looks at the sources (a video's frame for the video modes) and
 * writes a prompt for the current mode, taking what is already typed as the user's intent. The answer
 * replaces the prompt; one Undo puts back what was there. The call's cost is shown (and the daily cap
 * counted it in the background). Providers without image understanding show why the button is off.
 */
export function SuggestPrompt({ draft, caps, onApply }: { draft: Draft; caps: Capabilities; onApply(prompt: string): void }) {
  const [busy, setBusy] = useState(false);
  const [previous, setPrevious] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<ErrorInfo>();
  const mode = draft.mode;

  // Undo belongs to the mode it was made in.
  useEffect(() => {
    setPrevious(undefined);
    setOutcome(undefined);
    setError(undefined);
  }, [mode]);

  if (MODE_INFO[mode].sources.min === 0) return null;
  const reason = !caps.vision
    ? (caps.unavailableReason['describe-image'] ?? t('composer.suggestPrompt.cannotRead'))
    : draft.sources.length === 0
      ? t(MODE_INFO[mode].sources.kind === 'video' ? 'composer.suggestPrompt.addVideoFirst' : 'composer.suggestPrompt.addImageFirst')
      : undefined;

  async function suggest() {
    setBusy(true);
    setError(undefined);
    const asked = useComposer.getState().draft;
    const reply = await send({ type: 'vision.run', purpose: 'suggest', forMode: asked.mode, intent: asked.prompt, sources: asked.sources });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    const now = useComposer.getState().draft;
    if (now.mode !== asked.mode) return setError({ kind: 'invalid_request', message: t('composer.suggestPrompt.modeChanged') });
    setPrevious(now.prompt);
    setOutcome({ model: reply.model, cost: reply.cost, tokens: reply.tokens, note: reply.note });
    onApply(reply.text);
  }

  return (
    <div className="suggest">
      <div className="inline">
        <button type="button" onClick={() => void suggest()} disabled={busy || reason !== undefined} aria-describedby={reason ? 'suggest-reason' : undefined}>
          {t('composer.suggestPrompt.suggestAPrompt')}
        </button>
        {previous !== undefined && (
          <button
            type="button"
            onClick={() => {
              onApply(previous);
              setPrevious(undefined);
            }}
          >
            {t('composer.suggestPrompt.undo')}
          </button>
        )}
        {busy && (
          <span className="hint" role="status">
            {t('composer.suggestPrompt.lookingAtThePicture')}
          </span>
        )}
      </div>
      {reason && (
        <p id="suggest-reason" className="hint">
          {reason}
        </p>
      )}
      {outcome && !busy && (
        <p className="hint" data-testid="suggest-cost">
          {t('composer.suggestPrompt.suggestedBy', { model: outcome.model })}
          {outcome.cost ? ` · ${outcome.cost}` : ''}
          {outcome.tokens !== undefined ? ` · ${t('composer.suggestPrompt.tokens', { count: formatNumber(outcome.tokens) })}` : ''}
          {outcome.note ? ` · ${outcome.note}` : ''}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {userMessage(error)}
        </p>
      )}
    </div>
  );
}
