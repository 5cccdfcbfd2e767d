import { memo } from 'react';
import { MODE_INFO } from '../../lib/model/modes';
import { hostOf, type HistorySummary } from '../../lib/history/summary';
import type { StoryRow } from '../../lib/history/groups';
import { useHistoryThumb } from '../../lib/history/thumbs';
import { plainModelName } from '../../lib/ui/short-model-name';
import { formatDateTime, formatNumber, t } from '../../lib/i18n';

export type EntryAction = 'open' | 'open-story' | 'download' | 'copy' | 'rerun' | 'delete';

const statusLabel = (status: HistorySummary['status']): string =>
  ({
    queued: t('history.historyEntry.status.queued'),
    submitting: t('history.historyEntry.status.submitting'),
    running: t('history.historyEntry.status.running'),
    downloading: t('history.historyEntry.status.downloading'),
    done: t('history.historyEntry.status.done'),
    failed: t('history.historyEntry.status.failed'),
    cancelled: t('history.historyEntry.status.cancelled'),
  })[status];

interface Props {
  summary: HistorySummary;
  selected: boolean;
  top: number;
  height: number;
  onToggle(id: string): void;
  onAction(action: EntryAction, id: string): void;
  /** Set on the row that stands for a group of versions ("Group by picture"). */
  group?: GroupInfo | undefined;
  onExpand?(groupKey: string): void;
  /** Set on the row that stands for a story (its shots are one entry): Open opens the story editor. */
  story?: StoryRow | undefined;
}

export interface GroupInfo {
  key: string;
  count: number;
  expanded: boolean;
}

/** One history row. Memoised: scrolling re-renders only rows whose data or position changed. */
export const HistoryEntry = memo(function HistoryEntry({ summary: s, selected, top, height, onToggle, onAction, group, onExpand, story }: Props) {
  const thumb = useHistoryThumb(s.thumbId);
  const label = story ? t('story.historyLabel', { prompt: s.prompt.trim() }) : s.prompt.trim() || MODE_INFO[s.mode].label;
  const host = hostOf(s.pageUrl);
  const cost = s.cost;
  return (
    <div role="listitem" aria-label={label} aria-selected={selected} className="entry" style={{ transform: `translateY(${top}px)`, height }} data-job-id={s.id}>
      <input type="checkbox" aria-label={t('history.historyEntry.select', { label })} checked={selected} onChange={() => onToggle(s.id)} />
      {thumb ? (
        <img className="thumb" src={thumb} alt="" width={64} height={64} decoding="async" />
      ) : (
        <div className="thumb" aria-hidden="true">
          {s.kind === 'video' ? t('history.historyEntry.video') : s.status === 'failed' ? '—' : '…'}
        </div>
      )}
      <div style={{ minWidth: 0 }}>
        <p className="prompt" title={s.prompt}>
          {label}
        </p>
        <div className="meta">
          {story && <span className="badge story">{t('story.region')}</span>} {story ? t('story.shotEntries', story.count, { count: formatNumber(story.count) }) : null}
          {story ? null : <span className={`badge ${s.status}`}>{statusLabel(s.status)}</span>} {story ? null : MODE_INFO[s.mode].label} · <span title={s.model}>{plainModelName(s.model)}</span> · <time dateTime={new Date(s.createdAt).toISOString()}>{formatDateTime(s.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
          {cost && !story ? ` · ${cost}` : ''}
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
          {group && group.count > 1 && (
            <button type="button" aria-expanded={group.expanded} onClick={() => onExpand?.(group.key)}>
              {group.expanded ? t('history.historyEntry.hideVersions') : t('history.historyEntry.showVersions', group.count, { count: formatNumber(group.count) })}
            </button>
          )}
          {story ? (
            <button type="button" onClick={() => onAction('open-story', story.storyId)}>
              {t('story.openStory')}
            </button>
          ) : (
            <button type="button" onClick={() => onAction('open', s.id)} aria-label={t('history.historyEntry.openInSidePanel')} title={t('history.historyEntry.openInSidePanel')}>
              {t('history.historyEntry.open')}
            </button>
          )}
          {!story && (
            <>
          <button type="button" onClick={() => onAction('download', s.id)} disabled={s.resultCount === 0} aria-label={t('history.historyEntry.download')} title={t('history.historyEntry.download')}>
            ⬇
          </button>
          <button type="button" onClick={() => onAction('copy', s.id)} aria-label={t('history.historyEntry.copyPrompt')} title={t('history.historyEntry.copyPrompt')}>
            {t('history.historyEntry.copy')}
          </button>
          <button type="button" onClick={() => onAction('rerun', s.id)} aria-label={t('history.historyEntry.reRun')} title={t('history.historyEntry.reRunWithThe')}>
            {t('history.historyEntry.reRun')}
          </button>
          <button type="button" onClick={() => onAction('delete', s.id)} aria-label={t('history.historyEntry.delete')} title={t('history.historyEntry.delete')}>
            {t('history.historyEntry.delete')}
          </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
});
