import { useEffect, useState } from 'react';
import { formatBytes } from '../../lib/history/summary';

interface Props {
  /** Changes whenever history changes, so the estimate is refreshed. */
  version: number;
  busy: boolean;
  onPurge(count: number): void;
}

const PURGE_CHOICES = [10, 50, 100, 500];

/** Storage used against what the browser says is available, and a one-click purge of the oldest entries. */
export function StorageFooter({ version, busy, onPurge }: Props) {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number }>();
  const [count, setCount] = useState(PURGE_CHOICES[2]!);
  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }));
  }, [version]);
  return (
    <div className="row-flex small">
      <span style={{ flex: '1 1 180px' }}>
        {estimate ? (
          <>
            <span>
              {formatBytes(estimate.usage)} used of {formatBytes(estimate.quota)} available
            </span>
            <meter aria-label="Storage used" min={0} max={estimate.quota || 1} value={estimate.usage} />
          </>
        ) : (
          'Measuring storage…'
        )}
      </span>
      <select aria-label="How many to purge" value={count} onChange={(e) => setCount(Number(e.target.value))}>
        {PURGE_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n} oldest
          </option>
        ))}
      </select>
      <button type="button" disabled={busy} onClick={() => onPurge(count)}>
        Purge oldest
      </button>
    </div>
  );
}
