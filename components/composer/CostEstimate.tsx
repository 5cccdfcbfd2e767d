import { formatUsd, ticksToUsd } from '../../lib/jobs/cost';
import { spentTicks } from '../../lib/jobs/spend';
import type { CostEstimate as Estimate } from '../../lib/pricing/estimate';
import { startOfToday } from '../../lib/ui/hooks';
import { useJobs } from '../../lib/ui/jobs-store';
import { formatUsdPrecise, t } from '../../lib/i18n';
import { slot, withNodes } from '../../lib/i18n/nodes';

type Result = { estimate?: Estimate; model: string } | undefined;

/** Today's spend and whether this request would pass the daily cap. */
function useCapState(estimate: Estimate | undefined, capUsd: number | null) {
  const jobs = useJobs((s) => s.jobs);
  const spentUsd = ticksToUsd(spentTicks(jobs, startOfToday()));
  const overCap = capUsd !== null && estimate !== undefined && spentUsd + estimate.usd > capUsd + 1e-9;
  return { spentUsd, overCap };
}

/**
 * The estimate beside Generate: the total (to as many decimals as its breakdown needs, so "$0.022" and not
 * "$0.02" over lines adding up to $0.022), and today's spend against the daily cap (a warning when this
 * job would pass it), always in view.
 * `usd` is what the cap reserves (the top of the range when the server picks).
 */
export function EstimateTotal({ result, capUsd }: { result: Result; capUsd: number | null }) {
  const estimate = result?.estimate;
  const { spentUsd, overCap } = useCapState(estimate, capUsd);
  return (
    <>
      {estimate ? (
        <span className={`estimate-total${overCap ? ' error' : ''}`}>
          {withNodes(t('composer.costEstimate.estimatedCost', { cost: slot('cost') }), { cost: <strong data-testid="cost-estimate">{formatUsdPrecise(estimate.usd)}</strong> })}
        </span>
      ) : (
        <span className="hint estimate-total">{result === undefined ? t('ux.estimate.pending') : t('ux.estimate.unknown')}</span>
      )}
      {capUsd !== null && (
        <span className={`cap-line ${overCap ? 'error' : 'hint'}`}>
          {t(overCap ? 'composer.costEstimate.todayOverCap' : 'composer.costEstimate.todayOfCap', { spent: formatUsd(spentUsd), cap: formatUsd(capUsd) })}
        </span>
      )}
    </>
  );
}

/** Inside the settings: each line of the estimate (quantity × unit price); today's spend is in the bar. */
export function CostEstimate({ result }: { result: Result }) {
  const estimate = result?.estimate;
  return (
    <div className="cost" aria-label={t('composer.costEstimate.cost')}>
      {result === undefined ? (
        <p className="hint">{t('composer.costEstimate.estimatedCostAppearsWhen')}</p>
      ) : estimate === undefined ? (
        <p className="hint">{t('composer.costEstimate.noPrice', { model: result.model })}</p>
      ) : (
        <>
          {estimate.range && (
            <p className="hint">{t('composer.costEstimate.range', { min: formatUsdPrecise(estimate.range.min), max: formatUsdPrecise(estimate.range.max) })}</p>
          )}
          <ul className="plain hint cost-lines" aria-label={t('composer.costEstimate.costBreakdown')}>
            {estimate.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
