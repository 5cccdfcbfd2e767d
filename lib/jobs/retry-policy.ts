import { isRetryable, type ErrorInfo } from '../errors/taxonomy';
import type { Job } from '../model/job';
import { PROVIDER_LABELS } from '../model/provider-ids';
import { originOf } from '../security/base-url';
import { safeOrigin } from '../security/key-origin';
import type { Settings } from '../settings/schema';
import { t } from '../i18n';
import { backoffDelay } from './backoff';

/**
 * When the engine tries again on its own, and when the user may. Pure: the engine supplies the clock and the
 * dice. A job is never resent unless the provider said it did not process it (429); polls and downloads
 * (which cost nothing more) retry transient failures.
 */

/** Automatic resends after 429 (safe: a 429 means the request was not processed). */
const MAX_RATE_LIMIT_ATTEMPTS = 8;
/** Poll/download retries for transient errors before giving up (a 429 on a poll is not one of them). */
const MAX_TRANSIENT_ATTEMPTS = 8;
/** A rate-limited poll waits at least this long, whatever Retry-After says… */
const POLL_RATE_LIMIT_MIN_MS = 2_000;
/** …and this long when the server sent no Retry-After. */
const POLL_RATE_LIMIT_DEFAULT_MS = 5_000;

/** A send that failed: the delay before sending again, or undefined when it must not be resent. */
export function resendDelay(job: Pick<Job, 'attempts'>, info: ErrorInfo, random: () => number): number | undefined {
  if (!isRetryable(info.kind, 'submit') || job.attempts + 1 >= MAX_RATE_LIMIT_ATTEMPTS) return undefined;
  return backoffDelay(job.attempts, { retryAfterMs: info.retryAfterMs, random });
}

/** A send that failed in a way that leaves it unknown whether the provider has the job. */
export const sendFailureNote = (info: ErrorInfo): string | undefined =>
  info.kind === 'network' || info.kind === 'timeout' || info.kind === 'server_error' ? t('jobs.theProviderMayOrMay') : undefined;

export type PhaseRetry = { type: 'fail' } | { type: 'retry'; at: number } | { type: 'rate-limited-poll'; at: number };

/** A poll or download that failed: give up, or try again at `at`. */
export function phaseRetry(job: Pick<Job, 'attempts'>, info: ErrorInfo, phase: 'poll' | 'download', now: () => number, random: () => number): PhaseRetry {
  if (phase === 'poll' && info.kind === 'rate_limited') {
    // A 429 on a poll says nothing about the job, which keeps rendering (and is billed): wait at least
    // Retry-After and at least 2 s (5 s, the fixed pollers' pace, when the server gives no hint), and never
    // count it as a failed attempt. Only the job's deadline ends the polling.
    const wait = Math.max(POLL_RATE_LIMIT_MIN_MS, info.retryAfterMs ?? POLL_RATE_LIMIT_DEFAULT_MS) + Math.round(random() * 500);
    return { type: 'rate-limited-poll', at: now() + wait };
  }
  if (!isRetryable(info.kind, phase) || job.attempts + 1 >= MAX_TRANSIENT_ATTEMPTS) return { type: 'fail' };
  return { type: 'retry', at: now() + backoffDelay(job.attempts, { retryAfterMs: info.retryAfterMs, maxMs: 30_000, random }) };
}

/**
 * A retry resends the job to the base URL frozen in it, so it is only allowed while that is still the
 * origin saved for its provider (the request-time key guard would refuse anyway; this says why up front).
 */
export function retryRefusal(job: Job, settings: Settings): ErrorInfo | undefined {
  const saved = originOf(settings.baseUrls[job.provider]);
  if (saved !== undefined && originOf(job.baseUrl) === saved) return undefined;
  return {
    kind: 'invalid_request',
    code: 'key_not_sent',
    message: t('jobs.baseUrlChanged', { origin: safeOrigin(job.baseUrl), provider: PROVIDER_LABELS[job.provider], saved: saved ?? t('jobs.different') }),
  };
}
