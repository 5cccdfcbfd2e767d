import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { HistorySummary } from '../../lib/history/summary';
import { HistoryEntry, type EntryAction, type GroupInfo } from './HistoryEntry';
import type { StoryRow } from '../../lib/history/groups';
import { t } from '../../lib/i18n';

const ROW_HEIGHT = 96;
/** Start reading the next page when the user is this many rows from the end of what is loaded. */
const PREFETCH_ROWS = 20;

interface Props {
  items: HistorySummary[];
  selected: Set<string>;
  canLoadMore: boolean;
  loadMore(): void;
  onToggle(id: string): void;
  onAction(action: EntryAction, id: string): void;
  /** "Group by picture": the lead row of each group, by job id. */
  groups?: Map<string, GroupInfo> | undefined;
  stories?: Map<string, StoryRow> | undefined;
  onExpand?(groupKey: string): void;
}

/** Virtualised: only the rows in view (plus a few) exist in the DOM, whatever the history's size. */
export function HistoryList({ items, selected, canLoadMore, loadMore, onToggle, onAction, groups, stories, onExpand }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // Rows on the very first render, before the scroller is measured: the first thumbnails start loading at once.
    initialRect: { width: 460, height: 440 },
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? -1;

  // Infinite scroll; also keeps reading while a filter has too few matches to fill the view.
  useEffect(() => {
    if (canLoadMore && lastIndex >= items.length - PREFETCH_ROWS) loadMore();
  }, [canLoadMore, lastIndex, items.length, loadMore]);

  return (
    <div ref={scroller} className="scroller">
      <div role="list" aria-label={t('history.historyList.history')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = items[row.index];
          return item ? (
            <HistoryEntry
              key={item.id}
              summary={item}
              selected={selected.has(item.id)}
              top={row.start}
              height={ROW_HEIGHT}
              onToggle={onToggle}
              onAction={onAction}
              group={groups?.get(item.id)}
              story={stories?.get(item.id)}
              onExpand={onExpand}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}
