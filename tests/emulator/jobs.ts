import { randomUUID } from 'node:crypto';
import type { ProgressShape } from './types';

/**
 * Asynchronous jobs (videos, deferred images). A job's fate is decided when it is submitted (faults attach
 * an outcome and a render time); time alone then moves it from pending to its outcome. Nothing runs in the
 * background: state is computed from the clock whenever someone looks, so an idle emulator costs nothing.
 */

export type JobOutcome =
  | { type: 'success' }
  | { type: 'failed'; code: string; message: string }
  | { type: 'expired' }
  /** Finished, but blocked by content policy (respect_moderation:false). */
  | { type: 'moderated' }
  /** Finished, blocked, and reported the early-server way: HTTP 400 on the poll. */
  | { type: 'moderated_http' };

export type JobFamily = 'video' | 'image';

export interface Job<Payload> {
  requestId: string;
  family: JobFamily;
  /** e.g. 'text-to-video', 'image-to-video', 'video-edit', 'image-generation'. */
  kind: string;
  createdAt: number;
  doneAt: number;
  outcome: JobOutcome;
  /** Pending answers given so far (drives the rotation between pending readings). */
  pendingPolls: number;
  /** Set once the finished result was published; the job reads as expired after this. */
  resultExpiresAt?: number;
  payload: Payload;
}

export type JobStatus = 'pending' | 'done' | 'failed' | 'expired';

export class JobStore<Payload> {
  private jobs = new Map<string, Job<Payload>>();

  create(init: { family: JobFamily; kind: string; renderMs: number; outcome: JobOutcome; payload: Payload }): Job<Payload> {
    const now = Date.now();
    const job: Job<Payload> = {
      requestId: randomUUID(),
      family: init.family,
      kind: init.kind,
      createdAt: now,
      doneAt: now + init.renderMs,
      outcome: init.outcome,
      pendingPolls: 0,
      payload: init.payload,
    };
    this.jobs.set(job.requestId, job);
    return job;
  }

  get(requestId: string, family: JobFamily): Job<Payload> | undefined {
    const job = this.jobs.get(requestId);
    return job?.family === family ? job : undefined;
  }

  all(): Job<Payload>[] {
    return [...this.jobs.values()];
  }

  /** Every pending job finishes now. */
  finishAll(): void {
    const now = Date.now();
    for (const job of this.jobs.values()) if (job.doneAt > now) job.doneAt = now;
  }

  clear(): void {
    this.jobs.clear();
  }
}

export function isFinished(job: Job<unknown>, now = Date.now()): boolean {
  return now >= job.doneAt;
}

/**
 * 0..99 while running, 100 once finished. 'linear' (and 'none', for the admin view) rises with elapsed /
 * render time; 'jump' is 0 until 80 % of the render, then 99; 'stall99' reaches 99 at 60 % and stays.
 */
export function progressOf(job: Job<unknown>, now = Date.now(), shape: ProgressShape = 'linear'): number {
  if (isFinished(job, now)) return 100;
  const fraction = (now - job.createdAt) / Math.max(1, job.doneAt - job.createdAt);
  const percent = (value: number) => Math.min(99, Math.max(0, Math.floor(value)));
  switch (shape) {
    case 'jump':
      return fraction < 0.8 ? 0 : 99;
    case 'stall99':
      return percent((100 * fraction) / 0.6);
    default:
      return percent(100 * fraction);
  }
}

export function statusOf(job: Job<unknown>, now = Date.now()): JobStatus {
  if (!isFinished(job, now)) return 'pending';
  switch (job.outcome.type) {
    case 'failed':
      return 'failed';
    case 'expired':
      return 'expired';
    default:
      return job.resultExpiresAt !== undefined && now >= job.resultExpiresAt ? 'expired' : 'done';
  }
}
