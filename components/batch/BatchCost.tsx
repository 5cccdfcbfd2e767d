import { useEffect, useState, type ReactNode } from 'react';
import { checkBatchCap, describeBatchCost, estimateBatch } from '../../lib/batch/batch-cost';
import { useBatch } from '../../lib/ui/batch-panel-store';
import { send } from '../../lib/messaging/client';
import { formatPrice } from '../../lib/pricing/estimate';
import { useJobs } from '../../lib/ui/jobs-store';
import { useSettings } from '../../lib/ui/settings-view-store';
import { t } from '../../lib/i18n';

/**
 * The whole batch's estimate against today's cap, before anything is sent (the background checks again
 * when the batch starts). Over the cap, the run is blocked and the sentence says how many would fit.
 * `children(blocked)` renders the Run button so it can be disabled.
 */
export function BatchCost({ count, children }: { count: number; children(blocked: boolean): ReactNode }) {
  const { prompt, mode } = useBatch();
  const settings = useSettings((s) => s.settings);
  const jobs = useJobs((s) => s.jobs);
  const [spend, setSpend] = useState<{ spentUsd: number; capUsd: number | null } | undefined>();
  useEffect(() => {
    let live = true;
    void send({ type: 'spend.today' }).then((reply) => {
      if (live && reply.ok) setSpend({ spentUsd: reply.spentUsd, capUsd: reply.capUsd });
    });
    return () => {
      live = false;
    };
  }, [jobs, settings.dailySpendCapUsd]);
  const estimate = estimateBatch(mode, prompt, settings, count);
  const verdict = spend ? checkBatchCap(estimate, count, spend.spentUsd, spend.capUsd) : { ok: true as const };
  const capLine = !spend
    ? t('batch.batchCost.readingSpend')
    : spend.capUsd === null
      ? t('batch.batchCost.spentNoCap', { spent: formatPrice(spend.spentUsd) })
      : t('batch.batchCost.spentOfCap', { spent: formatPrice(spend.spentUsd), cap: formatPrice(spend.capUsd) });
  return (
    <>
      <div className="cost" data-testid="batch-cost">
        <p>{describeBatchCost(estimate, count)}</p>
        {estimate && <p className="hint">{t('batch.batchCost.each', { lines: estimate.lines.join('; ') })}</p>}
        <p className="hint">{capLine}</p>
      </div>
      {!verdict.ok && (
        <p className="alert" role="alert">
          {verdict.message}
        </p>
      )}
      {children(!verdict.ok || !spend)}
    </>
  );
}
