import type { ReactNode } from 'react';
import { MODE_INFO } from '../../lib/model/modes';
import type { Draft } from '../../lib/ui/composer-draft';
import type { Control } from '../../lib/ui/composer-controls';
import { modelOf } from '../../lib/ui/composer-draft';
import { shortModelName } from '../../lib/ui/short-model-name';
import type { CostEstimate } from '../../lib/pricing/estimate';
import { formatList, formatNumber, formatUsdPrecise, t } from '../../lib/i18n';

/**
 * The output settings folded into one line ("2.0 · 1 image · 1k · $0.04 ▾") that opens to the controls.
 * `children` is the list of control components (OutputControls and any others a mode needs): new controls
 * slot in there without touching the summary, which only names the few settings people scan for.
 */
export function SettingsDisclosure({
  draft,
  controls,
  estimate,
  open,
  onToggle,
  children,
}: {
  draft: Draft;
  controls: Control[];
  estimate: CostEstimate | undefined;
  open: boolean;
  onToggle(open: boolean): void;
  children: ReactNode;
}) {
  const parts = summaryParts(draft, controls);
  if (estimate) parts.push(formatUsdPrecise(estimate.usd));
  return (
    <details className="settings" open={open} onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary aria-label={t('ux.settings.summaryLabel', { summary: formatList(parts, 'unit') })}>
        <span className="settings-title">{t('ux.settings.title')}</span>
        <span className="settings-line" aria-hidden="true">
          {parts.join(' · ')}
        </span>
        <span className="chevron" aria-hidden="true" />
      </summary>
      <div className="settings-body">{children}</div>
    </details>
  );
}

/** The scanned-for settings of this mode, in the order people read them. */
function summaryParts(draft: Draft, controls: Control[]): string[] {
  const video = MODE_INFO[draft.mode].output === 'video';
  const parts: string[] = [];
  if (controls.includes('model')) parts.push(shortModelName(modelOf(draft)));
  if (controls.includes('count') && draft.n > 0) parts.push(t('pricing.images', draft.n, { count: formatNumber(draft.n) }));
  if (controls.includes('duration')) {
    const seconds = draft.mode === 'extend-video' ? draft.extendDuration : draft.duration;
    if (seconds > 0) parts.push(t('pricing.seconds', { count: formatNumber(seconds) }));
  }
  if (controls.includes('resolution')) parts.push(video ? draft.videoResolution : draft.imageResolution);
  if (controls.includes('quality')) parts.push(qualityWord(draft.quality));
  return parts;
}

const qualityWord = (quality: Draft['quality']): string =>
  ({ low: t('composer.qualityField.low'), medium: t('composer.qualityField.medium'), auto: t('ux.settings.autoQuality') })[quality];
