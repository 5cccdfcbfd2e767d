import { useBatch } from '../../lib/ui/batch-panel-store';
import { BATCH_MODES, type BatchMode } from '../../lib/batch/batch-schema';
import { MODE_INFO } from '../../lib/model/modes';
import { useLibrary } from '../../lib/ui/library-store';
import { useCapabilities, useSettings } from '../../lib/ui/settings-view-store';
import { t } from '../../lib/i18n';

/**
 * The batch's prompt: typed, or taken from a quick action (its prompt and its mode) or the prompt library
 * (its text, `{variables}` left for the user to fill in), and the mode: edit or animate each picture.
 */
export function BatchPromptFields() {
  const { prompt, mode, setPrompt, setMode } = useBatch();
  const quickActions = useSettings((s) => s.settings.quickActions);
  const prompts = useLibrary((s) => s.library.prompts);
  const caps = useCapabilities();
  const choose = (value: string) => {
    const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    if (kind === 'quick') {
      const action = quickActions.find((a) => a.id === id);
      if (!action) return;
      setPrompt(action.prompt);
      if (caps.modes[action.mode]) setMode(action.mode);
    } else if (kind === 'library') {
      const saved = prompts.find((p) => p.id === id);
      if (saved) setPrompt(saved.text);
    }
  };
  return (
    <div className="batch-prompt">
      <label className="label" htmlFor="batch-prompt">
        {t('batch.batchPromptFields.batchPrompt')}
      </label>
      <textarea id="batch-prompt" rows={3} maxLength={5000} value={prompt} onChange={(e) => setPrompt(e.currentTarget.value)} placeholder={t('batch.batchPromptFields.whatShouldHappenTo')} />
      <label className="label" htmlFor="batch-saved">
        {t('batch.batchPromptFields.savedPrompt')}
      </label>
      <select id="batch-saved" value="" onChange={(e) => choose(e.currentTarget.value)}>
        <option value="">{t('batch.batchPromptFields.chooseAQuickAction')}</option>
        {quickActions.length > 0 && (
          <optgroup label={t('batch.batchPromptFields.quickActions')}>
            {quickActions.map((a) => (
              <option key={a.id} value={`quick:${a.id}`}>
                {a.title} ({MODE_INFO[a.mode].label})
              </option>
            ))}
          </optgroup>
        )}
        {prompts.length > 0 && (
          <optgroup label={t('batch.batchPromptFields.promptLibrary')}>
            {prompts.map((p) => (
              <option key={p.id} value={`library:${p.id}`}>
                {p.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <div role="radiogroup" aria-label={t('batch.batchPromptFields.batchMode')} className="mode-options">
        {BATCH_MODES.map((m: BatchMode) => (
          <label key={m} className={`mode-option${m === mode ? ' selected' : ''}${caps.modes[m] ? '' : ' disabled'}`} title={caps.modes[m] ? undefined : caps.unavailableReason[m]}>
            <input type="radio" name="batch-mode" value={m} checked={m === mode} disabled={!caps.modes[m]} onChange={() => setMode(m)} />
            <span>{MODE_INFO[m].label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
