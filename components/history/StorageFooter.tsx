import { useEffect, useState } from 'react';
import { formatBytes, formatNumber, t } from '../../lib/i18n';

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
              {t('history.storageFooter.usage', { used: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) })}
            </span>
            <meter aria-label={t('history.storageFooter.storageUsed')} min={0} max={estimate.quota || 1} value={estimate.usage} />
          </>
        ) : (
          t('history.storageFooter.measuring')
        )}
      </span>
      <select aria-label={t('history.storageFooter.howManyToPurge')} value={count} onChange={(e) => setCount(Number(e.target.value))}>
        {PURGE_CHOICES.map((n) => (
          <option key={n} value={n}>
            {t('history.storageFooter.oldestCount', { count: formatNumber(n) })}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy} onClick={() => onPurge(count)}>
        {t('history.storageFooter.purgeOldest')}
      </button>
    </div>
  );
}
