import type { JobRequest } from './request';
import { imageModelInfo, TICKS_PER_USD, videoModelInfo } from '../api/models';

/** Longest input a video edit accepts; used as the estimate when the source length is unknown. */
const MAX_EDIT_INPUT_S = 8.7;

/**
 * Worst-case estimate in USD, or undefined when the model's price is unknown. Edits are billed for the
 * input images too, so they count.
 */
export function estimateCostUsd(request: JobRequest): number | undefined {
  switch (request.mode) {
    case 'create-image':
      return priced(imageModelInfo(request.model)?.usdPerImage, request.n);
    case 'edit-image':
      return priced(imageModelInfo(request.model)?.usdPerImage, request.n + request.sources.length);
    case 'create-video':
    case 'animate-image':
    case 'reference-video':
      return priced(videoModelInfo(request.model)?.usdPerSecond, request.duration);
    case 'edit-video':
      return priced(videoModelInfo(request.model)?.usdPerSecond, MAX_EDIT_INPUT_S);
    case 'extend-video':
      return priced(videoModelInfo(request.model)?.usdPerSecond, request.duration);
  }
}

const priced = (unit: number | undefined, quantity: number) => (unit === undefined ? undefined : round4(unit * quantity));
const round4 = (usd: number) => Math.round(usd * 10_000) / 10_000;

export { ticksToUsd } from '../api/models';
export const usdToTicks = (usd: number) => Math.round(usd * TICKS_PER_USD);

export function formatUsd(usd: number): string {
  return usd < 0.01 && usd > 0 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/**
 * What a job cost, in the unit the provider billed: "$0.02", "150 credits", or an estimate ("~$0.04")
 * when the provider reported nothing. Undefined when there is nothing honest to say.
 */
export function formatJobCost(job: { costTicks?: number; costCredits?: number; estimatedCostTicks?: number }): string | undefined {
  if (job.costCredits !== undefined) return `${job.costCredits} credit${job.costCredits === 1 ? '' : 's'}`;
  if (job.costTicks !== undefined) return formatUsd(ticksToUsdValue(job.costTicks));
  if (job.estimatedCostTicks !== undefined) return `~${formatUsd(ticksToUsdValue(job.estimatedCostTicks))}`;
  return undefined;
}

const ticksToUsdValue = (ticks: number) => ticks / TICKS_PER_USD;
