import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../lib/i18n';
import type { TreeRow } from './tree-rows';
import { VersionRow } from './VersionRow';

const ROW_PX = 60;
/** Deeper levels stop indenting further (the level is still announced): a long chain stays readable at 320 px. */
const MAX_INDENT_LEVELS = 8;

/**
 * The versions as an ARIA tree (always expanded): one tab stop, arrows move, Space or Enter chooses a
 * version (two at most: a third replaces the earliest choice). Rows are virtualised, so 200 versions cost
 * what is on screen; aria-setsize/-posinset/-level keep the structure for assistive technology.
 */
export function VersionTreeList({ rows, chosen, onToggle, initialKey }: { rows: TreeRow[]; chosen: string[]; onToggle(key: string): void; initialKey?: string | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() => Math.max(0, rows.findIndex((r) => r.node.key === initialKey)));
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 6 });
  const pendingFocus = useRef(false);

  useEffect(() => {
    virtualizer.scrollToIndex(active, { align: 'auto' });
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row="${active}"]`)?.focus());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the active row changes
  }, [active]);

  const move = (to: number) => {
    pendingFocus.current = true;
    setActive(Math.min(rows.length - 1, Math.max(0, to)));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      PageDown: () => move(active + 8),
      PageUp: () => move(active - 8),
      ' ': () => onToggle(rows[active]!.node.key),
      Enter: () => onToggle(rows[active]!.node.key),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  };

  return (
    <div ref={scroller} role="tree" aria-label={t('panel.versions.title')} aria-multiselectable="true" className="version-tree" onKeyDown={onKeyDown}>
      {/* A flat list of treeitems with aria-level/-setsize/-posinset: the pattern for a virtualised tree. */}
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const selected = chosen.includes(row.node.key);
          return (
            <div
              key={row.node.key}
              role="treeitem"
              data-row={item.index}
              data-key={row.node.key}
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-selected={selected}
              aria-labelledby={`version-title-${item.index}`}
              aria-describedby={`version-details-${item.index}`}
              {...(row.hasChildren ? { 'aria-expanded': true } : {})}
              tabIndex={item.index === active ? 0 : -1}
              className={`version-row${selected ? ' chosen' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_PX, paddingInlineStart: 6 + Math.min(row.level - 1, MAX_INDENT_LEVELS) * 14 }}
              onFocus={() => setActive(item.index)}
              onClick={() => {
                setActive(item.index);
                onToggle(row.node.key);
              }}
            >
              <VersionRow node={row.node} index={item.index} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
