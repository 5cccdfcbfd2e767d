import type { Job } from '../model/job';

/**
 * The pure half of a tick: what each active job needs now and when the engine must wake next. The engine
 * executes the steps (and owns the timers); nothing here reads a clock, a store or the network.
 */

/** Wake-up kept while a poll or download is in flight, in case the worker is stopped mid-request. */
export const INFLIGHT_BACKSTOP_MS = 15_000;
/** How often a queue paused by being offline checks the connection again. */
export const OFFLINE_RECHECK_MS = 10_000;

/** The earliest of the wake-ups offered to it. */
export class WakeAt {
  at: number | undefined;
  offer(at: number | undefined): void {
    if (at !== undefined) this.at = this.at === undefined ? at : Math.min(this.at, at);
  }
}

export type ActiveStep = 'timeout' | 'poll' | 'download';

/**
 * A running or downloading job: `timeout` (its deadline passed), `poll`, `download`, or nothing yet (then
 * `wake` says when). A phase in flight has no wake of its own (the alarm that started it is used up): if the
 * worker is stopped mid-request, the backstop brings it back.
 */
export function activeStep(job: Job, now: number, inflight: boolean): { step?: ActiveStep; wake?: number } {
  const backstop = now + INFLIGHT_BACKSTOP_MS;
  if (inflight) return { wake: backstop };
  if (job.status === 'running') {
    if (job.deadlineAt !== undefined && now >= job.deadlineAt) return { step: 'timeout' };
    if ((job.nextPollAt ?? 0) <= now) return { step: 'poll', wake: backstop };
    return job.nextPollAt !== undefined ? { wake: job.nextPollAt } : {};
  }
  if (job.status === 'downloading') {
    if (job.blockedOrigin !== undefined) return {}; // waits for the user's "Allow access" (accessGranted)
    if ((job.notBefore ?? 0) <= now) return { step: 'download', wake: backstop };
    return job.notBefore !== undefined ? { wake: job.notBefore } : {};
  }
  return {};
}

export interface QueueInput {
  jobs: readonly Job[];
  now: number;
  concurrency: number;
  isInflight(id: string): boolean;
  online: boolean;
  queuePausedUntil: number;
  offlineRecheckMs: number;
}

/** Which queued jobs to send now: oldest first; a job waiting out its own backoff does not hold up the ones behind it. */
export function queuedToSend(input: QueueInput, wake: WakeAt): Job[] {
  const { jobs, now } = input;
  if (!input.online) {
    // Offline: the 'online' event calls tick(), but workers don't always get it, so look again soon.
    if (jobs.some((j) => j.status === 'queued')) wake.offer(now + input.offlineRecheckMs);
    return [];
  }
  if (now < input.queuePausedUntil) {
    wake.offer(input.queuePausedUntil);
    return [];
  }
  // A job being sent counts even when this snapshot still reads "queued" (read before send() persisted
  // "submitting"): with real, slow answers that window is wide, and the limit was overrun without this.
  let busy = jobs.filter((j) => j.status !== 'queued' || input.isInflight(j.id)).length;
  const send: Job[] = [];
  for (const job of jobs) {
    if (busy >= input.concurrency) break;
    if (job.status !== 'queued' || input.isInflight(job.id)) continue;
    if ((job.notBefore ?? 0) > now) {
      wake.offer(job.notBefore);
      continue;
    }
    busy += 1;
    send.push(job);
  }
  return send;
}
