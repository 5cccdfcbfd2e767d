import type { BatchCandidate } from '../../lib/batch/batch-schema';
import { hostOf } from '../../lib/net/host-of';
import { mayFetchForPage } from '../../lib/net/private-address';
import { formatNumber, t } from '../../lib/i18n';

/**
 * The page's pictures as checkboxes. Thumbnails load the page's own addresses (validated http(s) only,
 * lib/batch/schema.ts) as plain <img> in this extension page: no Referer, no scripts, nothing from the page
 * but pixels; one that does not load shows its host instead. An address on a private network is not loaded
 * from here unless the page itself is on it (the worker's own rule, lib/net/private-address.ts): a page must not make
 * the extension knock on the user's router.
 */
export function BatchGrid({ candidates, selected, pageUrl, onToggle }: { candidates: BatchCandidate[]; selected: string[]; pageUrl: string | undefined; onToggle(id: string, on: boolean): void }) {
  return (
    <ul className="batch-grid" aria-label={t('batch.batchGrid.pictures')}>
      {candidates.map((c, i) => {
        const where = hostOf(c.url) ?? t('batch.page');
        const name = t(c.alt ? (c.kind === 'background' ? 'batch.imageAltBackground' : 'batch.imageAlt') : c.kind === 'background' ? 'batch.imageBackground' : 'batch.image', { n: formatNumber(i + 1), alt: c.alt ?? '', host: where });
        return (
          <li key={c.id} className="batch-cell">
            <label title={c.url}>
              <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => onToggle(c.id, e.currentTarget.checked)} aria-label={name} />
              {mayFetchForPage(c.url, pageUrl) ? <img src={c.url} alt="" referrerPolicy="no-referrer" loading="lazy" decoding="async" /> : <span className="placeholder batch-private" />}
              <span className="hint batch-size">{c.width && c.height ? `${c.width}×${c.height}` : (hostOf(c.url) ?? '')}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
