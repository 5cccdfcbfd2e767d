import { useState } from 'react';
import { fillVariables, loadLibrary, variablesOf } from '../../lib/library/library';
import { formatNumber, t } from '../../lib/i18n';

/**
 * A quick action's prompt from the prompt library: pick a saved prompt, fill its `{variables}`, and the
 * filled text becomes the action's prompt (a quick action runs without asking, so it needs a complete
 * prompt; the values are fixed here, once).
 */
export function QuickActionLibraryPicker({ index, onUse }: { index: number; onUse(prompt: string): void }) {
  const [prompts] = useState(() => loadLibrary().prompts);
  const [chosenId, setChosenId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  if (prompts.length === 0) return null;
  const chosen = prompts.find((p) => p.id === chosenId);
  const variables = chosen ? variablesOf(chosen.text) : [];
  const label = t('options.quickActionLibraryPicker.target', { n: formatNumber(index + 1) });
  return (
    <div className="row">
      <select aria-label={t('options.quickActionLibraryPicker.libraryPromptFor', { target: label })} value={chosenId} onChange={(e) => setChosenId(e.target.value)}>
        <option value="">{t('options.quickActionLibraryPicker.fromThePromptLibrary')}</option>
        {prompts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>{' '}
      {variables.map((name) => (
        <input key={name} aria-label={t('options.quickActionLibraryPicker.slotFor', { slot: name, target: label })} placeholder={name} value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
      ))}{' '}
      {chosen && (
        <button
          type="button"
          onClick={() => {
            onUse(fillVariables(chosen.text, values));
            setChosenId('');
            setValues({});
          }}
        >
          {t('options.quickActionLibraryPicker.useIn', { target: label })}
        </button>
      )}
    </div>
  );
}
