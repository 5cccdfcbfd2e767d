import { MODE_INFO, MODES, type Mode } from '../lib/model/modes';
import type { Capabilities } from '../lib/providers/types';
import { t } from '../lib/i18n';

/** Native radios in one group: arrow keys move between modes, as users expect of a radio group. */
export function ModePicker({ mode, caps, onChange }: { mode: Mode; caps: Capabilities; onChange(mode: Mode): void }) {
  const unavailable = MODES.filter((m) => !caps.modes[m]);
  return (
    <div className="mode-picker">
      <div role="radiogroup" aria-label={t('panel.modePicker.mode')} className="mode-options">
        {MODES.map((m) => {
          const disabled = !caps.modes[m];
          return (
            <label key={m} className={`mode-option${m === mode ? ' selected' : ''}${disabled ? ' disabled' : ''}`} title={disabled ? caps.unavailableReason[m] : undefined}>
              <input id={`mode-${m}`} type="radio" name="mode" value={m} checked={m === mode} disabled={disabled} onChange={() => onChange(m)} />
              <span>{MODE_INFO[m].label}</span>
            </label>
          );
        })}
      </div>
      {unavailable.length > 0 && (
        <p className="hint">
          {unavailable.map((m) => `${MODE_INFO[m].label}: ${caps.unavailableReason[m] ?? t('panel.modePicker.notOffered')}`).join(' ')}
        </p>
      )}
    </div>
  );
}
