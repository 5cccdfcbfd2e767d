import { useState } from 'react';
import { dayBound, type HistoryFilter, type KindFilter, type StatusFilter } from '../../lib/history/summary';
import { t } from '../../lib/i18n';

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
      <input type="search" aria-label={t('history.historyToolbar.searchPrompts')} placeholder={t('history.historyToolbar.searchPrompts')} value={filter.text} onChange={(e) => onFilter({ text: e.target.value })} />
      <select aria-label={t('history.historyToolbar.kind')} value={filter.kind} onChange={(e) => onFilter({ kind: e.target.value as KindFilter })}>
        <option value="all">{t('history.historyToolbar.allKinds')}</option>
        <option value="image">{t('history.historyToolbar.images')}</option>
        <option value="video">{t('history.historyToolbar.videos')}</option>
        <option value="text">{t('history.historyToolbar.descriptions')}</option>
      </select>
      <select aria-label={t('history.historyToolbar.status')} value={filter.status} onChange={(e) => onFilter({ status: e.target.value as StatusFilter })}>
        <option value="all">{t('history.historyToolbar.anyStatus')}</option>
        <option value="done">{t('history.historyToolbar.done')}</option>
        <option value="failed">{t('history.historyToolbar.failed')}</option>
        <option value="cancelled">{t('history.historyToolbar.cancelled')}</option>
        <option value="active">{t('history.historyToolbar.inProgress')}</option>
      </select>
      <DateField
        label={t('history.historyToolbar.from')}
        value={from}
        bounds={{ max: to }}
        onChange={(value) => {
          setFrom(value);
          onFilter({ from: dayBound(value, 'start') });
        }}
      />
      <DateField
        label={t('history.historyToolbar.to')}
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
function DateField(props: { label: string; value: string; bounds: { min?: string; max?: string }; onChange(value: string): void }) {
  return (
    <label className="small" style={{ display: 'flex', gap: 4, alignItems: 'center', fontWeight: 400, margin: 0 }}>
      {props.label}
      <input
        type="date"
        aria-label={t('history.historyToolbar.dateOf', { label: props.label })}
        value={props.value}
        min={props.bounds.min || undefined}
        max={props.bounds.max || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
