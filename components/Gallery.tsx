import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Job } from '../lib/model/job';
import { ResultTile } from './ResultTile';

const MIN_TILE_PX = 148;

/**
 * Finished results, newest first, in rows of as many tiles as fit. Rows are virtualised against the page
 * scroll so hundreds of results cost only what is on screen (and only those read media from IndexedDB).
 */
export function Gallery({ jobs, onStatus }: { jobs: Job[]; onStatus(message: string): void }) {
  const items = useMemo(() => jobs.flatMap((job) => job.results.map((_, index) => ({ job, index }))), [jobs]);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [offset, setOffset] = useState(0);

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

  const cols = Math.max(1, Math.floor((width || MIN_TILE_PX) / MIN_TILE_PX));
  const rows = Math.ceil(items.length / cols);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => 320,
    overscan: 2,
    scrollMargin: offset,
  });

  return (
    <div ref={ref} className="gallery" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {virtualizer.getVirtualItems().map((row) => (
        <div
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          className="gallery-row"
          style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}
        >
          {items.slice(row.index * cols, row.index * cols + cols).map(({ job, index }) => (
            <ResultTile key={`${job.id}:${index}`} job={job} index={index} onStatus={onStatus} />
          ))}
        </div>
      ))}
    </div>
  );
}
