import type { ErrorInfo, ErrorKind } from '../errors/taxonomy';
import { isActive, type Job } from '../model/job';
import { formatNumber, t } from '../i18n';

/** Whole cents, as the cap is set: "$0.02 of your $0.03 cap". */
const formatUsd2 = (usd: number) => formatNumber(usd, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * What counts against the daily cap: every job that reached the provider, at its actual cost once the
 * provider reported one, else at its estimate — moderated output and jobs cancelled after submission are
 * billed too. Jobs that never left (cancelled in the queue) or that the provider refused before doing any
 * work count nothing, and imported history never counts (it was paid for elsewhere, some other day).
 */
const NOT_PROCESSED: ReadonlySet<ErrorKind> = new Set(['invalid_key', 'invalid_request', 'credits_exhausted', 'permission_denied', 'rate_limited', 'spending_cap']);

export function chargedTicks(job: Pick<Job, 'status' | 'costTicks' | 'estimatedCostTicks' | 'sentAt' | 'error' | 'imported'>): number {
  if (job.imported) return 0;
  if (job.costTicks !== undefined) return job.costTicks;
  const estimate = job.estimatedCostTicks ?? 0;
  if (isActive(job.status)) return estimate; // reserved while it may still cost
  if (job.sentAt === undefined) return 0; // never left the queue
  if (job.status === 'failed' && job.error && NOT_PROCESSED.has(job.error.kind)) return 0;
  return estimate;
}

/** Midnight (local time) of the day `now` falls in: the daily cap resets there. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * "Spent today", in USD ticks: the one place that says which day counts. The engine, the vision runner, the
 * batch's cap check and Options' "today's spend" all ask this.
 */
export const spentToday = (store: { spentSince(since: number): Promise<number> }, now: number = Date.now()): Promise<number> =>
  store.spentSince(startOfDay(now));

export const spentTicks = (jobs: Iterable<Parameters<typeof chargedTicks>[0] & { createdAt: number }>, since: number): number => {
  let ticks = 0;
  for (const job of jobs) if (job.createdAt >= since) ticks += chargedTicks(job);
  return ticks;
};

/**
 * The cap's verdict before anything is sent (jobs and vision calls alike): undefined = go; else the
 * sentence to show. `estimateUsd` is what the request could cost at most.
 */
export function spendingCapError(capUsd: number | null, spent: number, estimateUsd: number | undefined): ErrorInfo | undefined {
  if (capUsd === null) return undefined;
  const needed = estimateUsd === undefined ? 0 : Math.round(estimateUsd * 1e10);
  if (spent + needed <= Math.round(capUsd * 1e10)) return undefined;
  return {
    kind: 'spending_cap',
    message:
      estimateUsd !== undefined
        ? t('spend.capWithEstimate', { spent: formatUsd2(spent / 1e10), cap: formatUsd2(capUsd), estimate: formatUsd2(estimateUsd) })
        : t('spend.cap', { spent: formatUsd2(spent / 1e10), cap: formatUsd2(capUsd) }),
  };
}
