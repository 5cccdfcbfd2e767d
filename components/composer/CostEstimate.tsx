import { formatUsd, ticksToUsd } from '../../lib/jobs/cost';
import { spentTicks } from '../../lib/jobs/spend';
import type { CostEstimate as Estimate } from '../../lib/pricing/estimate';
import { startOfToday } from '../../lib/ui/hooks';
import { useJobs } from '../../lib/ui/jobs-store';

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
    <div className="cost" aria-label="Cost">
      {result === undefined ? (
        <p className="hint">Estimated cost appears when the form is complete.</p>
      ) : estimate === undefined ? (
        <p className="hint">No price known for {result.model}.</p>
      ) : (
        <>
          <p>
            Estimated cost: <strong data-testid="cost-estimate">{formatUsd(estimate.usd)}</strong>
            {estimate.range && (
              <span className="hint">
                {' '}
                (between {formatUsd(estimate.range.min)} and {formatUsd(estimate.range.max)}, depending on the quality the server picks)
              </span>
            )}
          </p>
          <ul className="plain hint cost-lines" aria-label="Cost breakdown">
            {estimate.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {capUsd !== null && (
        <p className={overCap ? 'error' : 'hint'}>
          Today: {formatUsd(spentUsd)} of your {formatUsd(capUsd)} daily cap{overCap ? ' — this job would pass the cap and will be refused.' : '.'}
        </p>
      )}
    </div>
  );
}
