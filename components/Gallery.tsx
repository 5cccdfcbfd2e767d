import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Job } from '../lib/model/job';
import { ResultTile } from './ResultTile';
import { ResultViewer } from './gallery/ResultViewer';

/** 3 columns at the panel's usual 400 px, 2 at 320, 4 at 500; more on a full page. */
const MIN_TILE_PX = 116;
const GAP_PX = 4;

/**
 * Finished results, newest first, as a dense grid of square thumbnails. Rows are virtualised against the
 * page scroll so hundreds of results cost only what is on screen (and only those read media from
 * IndexedDB). A thumbnail opens the viewer, which browses the same list with the arrow keys.
 */
export function Gallery({ jobs, onStatus }: { jobs: Job[]; onStatus(message: string): void }) {
  const items = useMemo(() => jobs.flatMap((job) => job.results.map((_, index) => ({ job, index }))), [jobs]);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [offset, setOffset] = useState(0);
  const [viewing, setViewing] = useState<number>();
  const opener = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      setWidth(el.clientWidth);
      setOffset(el.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const cols = Math.max(2, Math.floor(((width || MIN_TILE_PX * 3) + GAP_PX) / (MIN_TILE_PX + GAP_PX)));
  const tile = width ? (width - GAP_PX * (cols - 1)) / cols : MIN_TILE_PX;
  const rows = Math.ceil(items.length / cols);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => tile + GAP_PX,
    overscan: 3,
    scrollMargin: offset,
  });

  const close = useCallback(() => {
    setViewing(undefined);
    // Back to the tile the viewer was opened from (or the one it browsed to, when that is on screen).
    requestAnimationFrame(() => opener.current?.focus());
  }, []);

  return (
    <>
      <div ref={ref} className="gallery" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="gallery-row"
            style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}
          >
            {items.slice(row.index * cols, row.index * cols + cols).map(({ job, index }, i) => (
              <ResultTile
                key={`${job.id}:${index}`}
                job={job}
                index={index}
                onStatus={onStatus}
                onOpen={() => {
                  opener.current = document.activeElement as HTMLElement | null;
                  setViewing(row.index * cols + i);
                }}
              />
            ))}
          </div>
        ))}
      </div>
      {viewing !== undefined && <ResultViewer items={items} at={viewing} onMove={setViewing} onClose={close} onStatus={onStatus} />}
    </>
  );
}
