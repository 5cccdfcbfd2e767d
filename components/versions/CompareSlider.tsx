import { useState } from 'react';
import { t } from '../../lib/i18n';

/**
 * Two pictures on top of each other, the left one revealed up to the slider: the panel's counterpart of
 * the page overlay's Compare (which lives in the page's closed shadow root and can't be shared).
 */
export function CompareSlider({ left, right }: { left: { url?: string | undefined; label: string }; right: { url?: string | undefined; label: string } }) {
  const [position, setPosition] = useState(50);
  return (
    <figure className="compare-slider">
      <div className="compare-stage">
        {right.url && <img src={right.url} alt={right.label} />}
        {left.url && <img src={left.url} alt={left.label} className="compare-top" style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }} />}
        <span className="compare-line" aria-hidden="true" style={{ left: `${position}%` }} />
      </div>
      <input type="range" min={0} max={100} value={position} aria-label={t('panel.versions.comparePosition')} onChange={(e) => setPosition(Number(e.target.value))} />
      <figcaption className="hint">{t('panel.versions.compareCaption', { left: left.label, right: right.label })}</figcaption>
    </figure>
  );
}
