import { formatUsd, ticksToUsd } from '../../lib/jobs/cost';
import { spentTicks } from '../../lib/jobs/spend';
import type { CostEstimate as Estimate } from '../../lib/pricing/estimate';
import { startOfToday } from '../../lib/ui/hooks';
import { useJobs } from '../../lib/ui/jobs-store';
import { t } from '../../lib/i18n';
import { slot, withNodes } from '../../lib/i18n/nodes';

/**
 * The estimate before sending, with its breakdown (each line: quantity × unit price), and today's spend
 * against the daily cap. `usd` is what the cap reserves (the top of the range when the server picks).
 */
export function CostEstimate({ result, capUsd }: { result: { estimate?: Estimate; model: string } | undefined; capUsd: number | null }) {
  const jobs = useJobs((s) => s.jobs);
  const today = startOfToday();
  const spentUsd = ticksToUsd(spentTicks(jobs, today));
  const estimate = result?.estimate;
  const overCap = capUsd !== null && estimate !== undefined && spentUsd + estimate.usd > capUsd + 1e-9;
  return (
    <div className="cost" aria-label={t('composer.costEstimate.cost')}>
      {result === undefined ? (
        <p className="hint">{t('composer.costEstimate.estimatedCostAppearsWhen')}</p>
      ) : estimate === undefined ? (
        <p className="hint">{t('composer.costEstimate.noPrice', { model: result.model })}</p>
      ) : (
        <>
          <p>
            {withNodes(t('composer.costEstimate.estimatedCost', { cost: slot('cost') }), { cost: <strong data-testid="cost-estimate">{formatUsd(estimate.usd)}</strong> })}
            {estimate.range && (
              <span className="hint">
                {' '}
                {t('composer.costEstimate.range', { min: formatUsd(estimate.range.min), max: formatUsd(estimate.range.max) })}
              </span>
            )}
          </p>
          <ul className="plain hint cost-lines" aria-label={t('composer.costEstimate.costBreakdown')}>
            {estimate.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {capUsd !== null && (
        <p className={overCap ? 'error' : 'hint'}>
          {t(overCap ? 'composer.costEstimate.todayOverCap' : 'composer.costEstimate.todayOfCap', { spent: formatUsd(spentUsd), cap: formatUsd(capUsd) })}
        </p>
      )}
    </div>
  );
}
