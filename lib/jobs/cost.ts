import type { JobRequest } from '../model/request';
import { TICKS_PER_USD } from '../model/imagine-models';
import { estimateRequest } from '../pricing/estimate';
import { formatNumber, formatUsd, t } from '../i18n';

/**
 * The cost helpers the rest of the app uses. Prices and how an estimate is worked out live in
 * lib/pricing (one table, sources cited); this file keeps the callers' vocabulary.
 */

/** Upper estimate in USD (what the daily cap reserves), or undefined when the model's price is unknown. */
export function estimateCostUsd(request: JobRequest): number | undefined {
  return estimateRequest(request)?.usd;
}

export { ticksToUsd } from '../model/imagine-models';
export const usdToTicks = (usd: number) => Math.round(usd * TICKS_PER_USD);

export { formatUsd };

/**
 * What a job cost, in the unit the provider billed: "$0.02", "150 credits", or an estimate ("~$0.04")
 * when the provider reported nothing. Undefined when there is nothing honest to say.
 */
export function formatJobCost(job: { costTicks?: number; costCredits?: number; estimatedCostTicks?: number }): string | undefined {
  if (job.costCredits !== undefined) return t('cost.credits', job.costCredits, { count: formatNumber(job.costCredits) });
  if (job.costTicks !== undefined) return formatUsd(ticksToUsdValue(job.costTicks));
  if (job.estimatedCostTicks !== undefined) return t('cost.approximate', { amount: formatUsd(ticksToUsdValue(job.estimatedCostTicks)) });
  return undefined;
}

const ticksToUsdValue = (ticks: number) => ticks / TICKS_PER_USD;

/** The actual cost beside the estimate it was sent with: "$0.05 (estimated $0.06)". */
export function formatCostVsEstimate(job: { costTicks?: number; costCredits?: number; estimatedCostTicks?: number }): string | undefined {
  const actual = formatJobCost(job);
  if (job.costTicks === undefined || job.estimatedCostTicks === undefined) return actual;
  // Said once when the bill matched the estimate: "$0.02", not "$0.02 (estimated $0.02)".
  if (formatUsd(ticksToUsdValue(job.estimatedCostTicks)) === actual) return actual;
  return t('cost.actualVsEstimate', { actual: actual ?? '', estimate: formatUsd(ticksToUsdValue(job.estimatedCostTicks)) });
}

/** "served by grok-imagine-image-2.0" when the provider says another model served the job (a retired slug). */
export function servedByLabel(job: { servedModel?: string; request: { model: string } }): string | undefined {
  return job.servedModel && job.servedModel !== job.request.model.trim() ? t('cost.servedBy', { model: job.servedModel }) : undefined;
}
