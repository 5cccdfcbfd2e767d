import { useState } from 'react';
import { fillVariables, variablesOf, type LibraryPrompt } from '../../lib/library/library';
import { t } from '../../lib/i18n';

/**
 * One saved prompt. Without variables, "Use" puts it in the prompt box; with `{variables}`, "Use" opens
 * a small group (a textbox per variable) and "Insert" (or Enter) fills them in.
 */
export function LibraryItem({ prompt, onUse, onDelete }: { prompt: LibraryPrompt; onUse(text: string): void; onDelete?: () => void }) {
  const variables = variablesOf(prompt.text);
  const [filling, setFilling] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const insert = () => {
    onUse(fillVariables(prompt.text, values));
    setFilling(false);
  };
  return (
    <li className="library-item" aria-label={prompt.name}>
      <div className="inline">
        <button type="button" className="link" aria-label={t('composer.libraryItem.use', { name: prompt.name })} onClick={() => (variables.length ? setFilling(!filling) : onUse(prompt.text))}>
          {prompt.name}
        </button>
        {prompt.tags.map((tag) => (
          <span key={tag} className="tag">
            #{tag}
          </span>
        ))}
        {onDelete && (
          <button type="button" className="icon" aria-label={t('composer.libraryItem.deleteNamed', { name: prompt.name })} onClick={onDelete}>
            ×
          </button>
        )}
      </div>
      <p className="hint library-text">{prompt.text}</p>
      {filling && (
        // A group, not a form: it sits inside the composer's form, and Enter there must never Generate.
        <div className="inline" role="group" aria-label={t('composer.libraryItem.fillIn', { name: prompt.name })}>
          {variables.map((name) => (
            <input
              key={name}
              aria-label={name}
              placeholder={name}
              value={values[name] ?? ''}
              onChange={(e) => setValues({ ...values, [name]: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  insert();
                }
              }}
            />
          ))}
          <button type="button" onClick={insert}>
            {t('composer.libraryItem.insert')}
          </button>
        </div>
      )}
    </li>
  );
}
