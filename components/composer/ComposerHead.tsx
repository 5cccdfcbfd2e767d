import { MODE_INFO, type Mode } from '../../lib/model/modes';
import type { Capabilities } from '../../lib/providers/types';
import { ModePicker } from '../ModePicker';
import { t } from '../../lib/i18n';

/**
 * The composer's top line: the mode picker, or (folded) the mode and the prompt's start; and the button
 * that folds the composer so the queue and results move up into view.
 */
export function ComposerHead({
  mode,
  prompt,
  caps,
  sourceKind,
  collapsed,
  onMode,
  onCollapsed,
}: {
  mode: Mode;
  prompt: string;
  caps: Capabilities;
  /** What the attached sources are, so the Image | Video switch keeps them where it can. */
  sourceKind: 'image' | 'video' | undefined;
  collapsed: boolean;
  onMode(mode: Mode): void;
  onCollapsed(collapsed: boolean): void;
}) {
  return (
    <div className="composer-head">
      {collapsed ? (
        <button type="button" className="composer-folded" onClick={() => onCollapsed(false)}>
          <strong>{MODE_INFO[mode].label}</strong>
          <span className="hint">{prompt.trim() || t('ux.composer.noPrompt')}</span>
        </button>
      ) : (
        <ModePicker mode={mode} caps={caps} sourceKind={sourceKind} onChange={onMode} />
      )}
      <button
        type="button"
        className="icon fold"
        aria-expanded={!collapsed}
        aria-controls="composer-body"
        aria-label={t('ux.composer.toggle')}
        title={collapsed ? t('ux.composer.show') : t('ux.composer.hide')}
        onClick={() => onCollapsed(!collapsed)}
      >
        <span className="chevron" aria-hidden="true" />
      </button>
    </div>
  );
}
