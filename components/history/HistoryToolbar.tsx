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
        <option value="text">Descriptions</option>
      </select>
      <select aria-label="Status" value={filter.status} onChange={(e) => onFilter({ status: e.target.value as StatusFilter })}>
        <option value="all">Any status</option>
        <option value="done">Done</option>
        <option value="failed">Failed</option>
        <option value="cancelled">Cancelled</option>
        <option value="active">In progress</option>
      </select>
      <DateField
        label="From"
        value={from}
        bounds={{ max: to }}
        onChange={(value) => {
          setFrom(value);
          onFilter({ from: dayBound(value, 'start') });
        }}
      />
      <DateField
        label="To"
        value={to}
        bounds={{ min: from }}
        onChange={(value) => {
          setTo(value);
          onFilter({ to: dayBound(value, 'end') });
        }}
      />
    </div>
  );
}

/** One end of the date range; the other end bounds it so the range can't be inverted. */
function DateField(props: { label: 'From' | 'To'; value: string; bounds: { min?: string; max?: string }; onChange(value: string): void }) {
  return (
    <label className="small" style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 400, margin: 0 }}>
      {props.label}
      <input
        type="date"
        aria-label={`${props.label} date`}
        value={props.value}
        min={props.bounds.min || undefined}
        max={props.bounds.max || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
