import { useEffect, useState } from 'react';
import { formatUsd } from '../../lib/jobs/cost';
import { send } from '../../lib/messaging/client';
import { onChange } from '../../lib/storage/changes';
import { t } from '../../lib/i18n';

/**
 * Today's spend against the saved daily cap, as the background counts it (every job that reached the
 * provider, at its actual cost or its estimate). Refreshed whenever a job or the settings change.
 */
export function TodaySpend() {
  const [state, setState] = useState<{ spentUsd: number; capUsd: number | null } | { error: string } | undefined>();
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void send({ type: 'spend.today' }).then((reply) => {
        if (live) setState(reply.ok ? { spentUsd: reply.spentUsd, capUsd: reply.capUsd } : { error: reply.error.message });
      });
    refresh();
    const stop = onChange(refresh);
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (!state) return null;
  if ('error' in state) return <p className="hint" data-testid="today-spend">{t('options.todaySpend.unreadable', { reason: state.error })}</p>;
  return (
    <p className="hint" data-testid="today-spend">
      {state.capUsd === null ? t('options.todaySpend.spentNoCap', { spent: formatUsd(state.spentUsd) }) : t('options.todaySpend.spentOfCap', { spent: formatUsd(state.spentUsd), cap: formatUsd(state.capUsd) })}
    </p>
  );
}
