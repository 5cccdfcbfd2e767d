import { memo } from 'react';
import { MODE_INFO } from '../../lib/jobs/modes';
import { hostOf, type HistorySummary } from '../../lib/history/summary';
import { useHistoryThumb } from '../../lib/history/thumbs';

export type EntryAction = 'open' | 'download' | 'copy' | 'rerun' | 'delete';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const STATUS_LABEL: Record<HistorySummary['status'], string> = {
  queued: 'Queued',
  submitting: 'Sending',
  running: 'Running',
  downloading: 'Saving',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

interface Props {
  summary: HistorySummary;
  selected: boolean;
  top: number;
  height: number;
  onToggle(id: string): void;
  onAction(action: EntryAction, id: string): void;
}

/** One history row. Memoised: scrolling re-renders only rows whose data or position changed. */
export const HistoryEntry = memo(function HistoryEntry({ summary: s, selected, top, height, onToggle, onAction }: Props) {
  const thumb = useHistoryThumb(s.thumbId);
  const label = s.prompt.trim() || MODE_INFO[s.mode].label;
  const host = hostOf(s.pageUrl);
  const cost = s.cost;
  return (
    <div role="listitem" aria-label={label} aria-selected={selected} className="entry" style={{ transform: `translateY(${top}px)`, height }} data-job-id={s.id}>
      <input type="checkbox" aria-label={`Select: ${label}`} checked={selected} onChange={() => onToggle(s.id)} />
      {thumb ? (
        <img className="thumb" src={thumb} alt="" width={64} height={64} decoding="async" />
      ) : (
        <div className="thumb" aria-hidden="true">
          {s.kind === 'video' ? '▶ video' : s.status === 'failed' ? '—' : '…'}
        </div>
      )}
      <div style={{ minWidth: 0 }}>
        <p className="prompt" title={s.prompt}>
          {label}
        </p>
        <div className="meta">
          <span className={`badge ${s.status}`}>{STATUS_LABEL[s.status]}</span> {MODE_INFO[s.mode].label} · {s.model} · <time dateTime={new Date(s.createdAt).toISOString()}>{dateFormat.format(s.createdAt)}</time>
          {cost ? ` · ${cost}` : ''}
          {host ? (
            <>
              {' · '}
              <a href={s.pageUrl} target="_blank" rel="noreferrer" title={s.pageUrl}>
                {host}
              </a>
            </>
          ) : null}
        </div>
        {s.error && s.status === 'failed' ? (
          <div className="meta error" title={s.error}>
            {s.error}
          </div>
        ) : null}
        <div className="actions">
          <button type="button" onClick={() => onAction('open', s.id)} aria-label="Open in side panel" title="Open in side panel">
            Open
          </button>
          <button type="button" onClick={() => onAction('download', s.id)} disabled={s.resultCount === 0} aria-label="Download" title="Download">
            ⬇
          </button>
          <button type="button" onClick={() => onAction('copy', s.id)} aria-label="Copy prompt" title="Copy prompt">
            Copy
          </button>
          <button type="button" onClick={() => onAction('rerun', s.id)} aria-label="Re-run" title="Re-run with the same settings">
            Re-run
          </button>
          <button type="button" onClick={() => onAction('delete', s.id)} aria-label="Delete" title="Delete">
            Delete
          </button>
        </div>
      </div>
    </div>
  );
});
