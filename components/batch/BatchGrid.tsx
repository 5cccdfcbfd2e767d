import type { BatchCandidate } from '../../lib/batch/batch-schema';
import { hostOf } from '../../lib/net/host-of';
import { formatNumber, t } from '../../lib/i18n';

/**
 * The page's pictures as checkboxes. Thumbnails are bytes (a data: URL the page script drew from the pixels
 * the page shows, or the worker read without cookies: lib/background/batch/candidate-thumbs.ts); this extension page
 * never loads a page-chosen address (its CSP allows only 'self', blob: and data: images). A picture without
 * a thumbnail shows a placeholder with its host.
 */
export function BatchGrid({ candidates, selected, onToggle }: { candidates: BatchCandidate[]; selected: string[]; onToggle(id: string, on: boolean): void }) {
  return (
    <ul className="batch-grid" aria-label={t('batch.batchGrid.pictures')}>
      {candidates.map((c, i) => {
        const where = hostOf(c.url) ?? t('batch.page');
        const name = t(c.alt ? (c.kind === 'background' ? 'batch.imageAltBackground' : 'batch.imageAlt') : c.kind === 'background' ? 'batch.imageBackground' : 'batch.image', { n: formatNumber(i + 1), alt: c.alt ?? '', host: where });
        return (
          <li key={c.id} className="batch-cell">
            <label title={c.url}>
              <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => onToggle(c.id, e.currentTarget.checked)} aria-label={name} />
              {c.thumb ? <img src={c.thumb} alt="" decoding="async" /> : <span className="placeholder batch-private" />}
              <span className="hint batch-size">{c.width && c.height ? `${c.width}×${c.height}` : (hostOf(c.url) ?? '')}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
