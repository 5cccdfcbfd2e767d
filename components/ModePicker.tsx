import { useRef } from 'react';
import { MODE_INFO, MODES, type Mode } from '../lib/model/modes';
import type { Capabilities } from '../lib/providers/types';
import { t } from '../lib/i18n';

type Kind = 'image' | 'video';
const kindOf = (mode: Mode): Kind => (MODE_INFO[mode].output === 'video' ? 'video' : 'image');

/** The short chip text; the radio's accessible name stays the full mode label (it contains this text). */
const shortLabel = (mode: Mode): string =>
  ({
    'create-image': t('ux.modePicker.short.create'),
    'edit-image': t('ux.modePicker.short.edit'),
    'create-video': t('ux.modePicker.short.create'),
    'animate-image': t('ux.modePicker.short.animate'),
    'reference-video': t('ux.modePicker.short.references'),
    'edit-video': t('ux.modePicker.short.edit'),
    'extend-video': t('ux.modePicker.short.extend'),
  })[mode];

/**
 * An Image | Video switch and the modes of that kind as chips. All seven modes stay native radios in ONE
 * group named "Mode" (the other kind's radios are visually hidden, not removed), so arrow keys still walk
 * every mode and the switch simply follows the checked one.
 */
export function ModePicker({ mode, caps, sourceKind, onChange }: { mode: Mode; caps: Capabilities; sourceKind?: 'image' | 'video'; onChange(mode: Mode): void }) {
  const kind = kindOf(mode);
  // The mode last used of each kind, so Image → Video → Image comes back to where the user was.
  const lastOfKind = useRef<Record<Kind, Mode>>({ image: 'create-image', video: 'create-video' });
  lastOfKind.current[kind] = mode;
  // The switch never drops the attached sources when a mode of that kind can take them (Edit image →
  // Video lands on Animate image with the picture, not on Create video without it).
  const keepsSources = (m: Mode) => !sourceKind || (MODE_INFO[m].sources.max > 0 && MODE_INFO[m].sources.kind === sourceKind);
  const switchTo = (next: Kind) => {
    if (next === kind) return;
    const candidates = [lastOfKind.current[next], ...MODES.filter((m) => kindOf(m) === next)].filter((m) => caps.modes[m]);
    const target = candidates.find(keepsSources) ?? candidates[0];
    if (target) onChange(target);
  };
  const unavailable = MODES.filter((m) => kindOf(m) === kind && !caps.modes[m]);
  return (
    <div className="mode-picker">
      <div className="kind-switch" role="group" aria-label={t('ux.modePicker.kind')}>
        {(['image', 'video'] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={k === kind}
            disabled={!MODES.some((m) => kindOf(m) === k && caps.modes[m])}
            onClick={() => switchTo(k)}
          >
            {k === 'image' ? t('ux.modePicker.image') : t('ux.modePicker.video')}
          </button>
        ))}
      </div>
      <div role="radiogroup" aria-label={t('panel.modePicker.mode')} className="mode-options">
        {MODES.map((m) => {
          const disabled = !caps.modes[m];
          const other = kindOf(m) !== kind;
          return (
            <label
              key={m}
              className={`mode-option${m === mode ? ' selected' : ''}${disabled ? ' disabled' : ''}${other ? ' other-kind' : ''}`}
              title={disabled ? caps.unavailableReason[m] : MODE_INFO[m].label}
              data-kind={kindOf(m)}
            >
              <input id={`mode-${m}`} type="radio" name="mode" value={m} checked={m === mode} disabled={disabled} aria-label={MODE_INFO[m].label} onChange={() => onChange(m)} />
              <span aria-hidden="true">{shortLabel(m)}</span>
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
