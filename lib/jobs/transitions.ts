import { JOB_SCHEMA_VERSION, isActive, type Job } from '../model/job';
import type { ProviderId } from '../model/provider-ids';
import type { JobOrigin, JobRequest } from '../model/request';
import { t } from '../i18n';

/**
 * The engine's user-driven state changes as pure functions of a stored job: each returns the next job, or
 * undefined when the job is no longer in a state the change applies to (the engine then writes nothing).
 * Automatic changes (send, poll, download) live in phases.ts.
 */

/** Per-run bookkeeping, reset when a job is created and when the user retries it. */
export const FRESH_RUN = { attempts: 0, polls: 0, stalledPolls: 0, pendingOutputs: [], results: [], moderatedCount: 0 } as const satisfies Partial<Job>;

export const isRetriable = (status: Job['status']) => status === 'failed' || status === 'cancelled';

export function newJob(input: { request: JobRequest; provider: ProviderId; baseUrl: string; origin?: JobOrigin; estimatedCostTicks?: number; now: number }): Job {
  return {
    schemaVersion: JOB_SCHEMA_VERSION,
    id: crypto.randomUUID(),
    createdAt: input.now,
    updatedAt: input.now,
    request: input.request,
    provider: input.provider,
    baseUrl: input.baseUrl,
    ...(input.origin ? { origin: input.origin } : {}),
    status: 'queued',
    sends: 1,
    ...FRESH_RUN,
    ...(input.estimatedCostTicks !== undefined ? { estimatedCostTicks: input.estimatedCostTicks } : {}),
  };
}

/** Worker start: a job caught mid-submission is surfaced, never resent on our own (the provider may have it). */
export const interruptedOnStart = (j: Job, now: number): Job | undefined =>
  j.status === 'submitting' ? { ...j, status: 'failed', error: { kind: 'interrupted', message: t('jobs.reimagineWasStoppedWhileSending') }, finishedAt: now } : undefined;

/** The user's retry: the same request, queued again with a fresh run. */
export const requeuedForRetry = (j: Job): Job | undefined =>
  isRetriable(j.status)
    ? {
        ...omit(j, ['error', 'note', 'remoteId', 'submittedAt', 'nextPollAt', 'notBefore', 'progress', 'progressAt', 'deadlineAt', 'finishedAt', 'costTicks', 'costCredits', 'blockedOrigin', 'servedModel']),
        status: 'queued',
        sends: j.sends + 1,
        ...FRESH_RUN,
      }
    : undefined;

/** `onlyQueued`: cancel only a job that has not started (a batch's cancel); a sent one is left alone. */
/** `providerWillBeAsked`: the provider can stop a running job (Vydra's DELETE), and the engine asks it to. */
export function cancelled(j: Job, now: number, onlyQueued = false, providerWillBeAsked = false): Job | undefined {
  if (!isActive(j.status) || (onlyQueued && j.status !== 'queued')) return undefined;
  const note =
    j.status === 'running'
      ? t(providerWillBeAsked ? 'jobs.askedProviderToCancel' : 'jobs.stoppedWatchingThisJobThe')
      : j.status === 'submitting'
        ? t('jobs.cancelledWhileSendingTheProvider')
        : undefined;
  return { ...j, status: 'cancelled', finishedAt: now, ...(note ? { note } : {}), error: { kind: 'cancelled', message: t('jobs.cancelledByYou') } };
}

/** Access to the host was granted: the download that waited for it starts over (nothing is sent again). */
export function resumedAfterAccess(j: Job): Job | undefined {
  if (j.status !== 'downloading' || j.blockedOrigin === undefined) return undefined;
  const resumed = { ...j, attempts: 0 };
  delete resumed.blockedOrigin;
  delete resumed.error;
  delete resumed.notBefore;
  return resumed;
}

function omit<T extends object, K extends keyof T>(value: T, keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}
