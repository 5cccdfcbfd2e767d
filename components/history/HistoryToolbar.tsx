import { useState } from 'react';
import { dayBound, type HistoryFilter, type KindFilter, type StatusFilter } from '../../lib/history/summary';

interface Props {
  filter: HistoryFilter;
  onFilter(patch: Partial<HistoryFilter>): void;
}

/** Search and filters. Text search is applied as you type (filtering is in memory, no debounce needed). */
export function HistoryToolbar({ filter, onFilter }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <div role="search" className="row-flex">
      <input type="search" aria-label="Search prompts" placeholder="Search prompts" value={filter.text} onChange={(e) => onFilter({ text: e.target.value })} />
      <select aria-label="Kind" value={filter.kind} onChange={(e) => onFilter({ kind: e.target.value as KindFilter })}>
        <option value="all">All kinds</option>
        <option value="image">Images</option>
        <option value="video">Videos</option>
      </select>
      <select aria-label="Status" value={filter.status} onChange={(e) => onFilter({ status: e.target.value as StatusFilter })}>
        <option value="all">Any status</option>
        <option value="done">Done</option>
        <option value="failed">Failed</option>
        <option value="cancelled">Cancelled</option>
        <option value="active">In progress</option>
      </select>
      <label className="small" style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 400, margin: 0 }}>
        From
        <input
          type="date"
          aria-label="From date"
          value={from}
          max={to || undefined}
          onChange={(e) => {
            setFrom(e.target.value);
            onFilter({ from: dayBound(e.target.value, 'start') });
          }}
        />
      </label>
      <label className="small" style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 400, margin: 0 }}>
        To
        <input
          type="date"
          aria-label="To date"
          value={to}
          min={from || undefined}
          onChange={(e) => {
            setTo(e.target.value);
            onFilter({ to: dayBound(e.target.value, 'end') });
          }}
        />
      </label>
    </div>
  );
}
