import { describe, expect, it } from 'vitest';
import { phaseRetry, resendDelay } from '../../lib/jobs/retry-policy';
import { activeStep, INFLIGHT_BACKSTOP_MS, queuedToSend, WakeAt } from '../../lib/jobs/tick-plan';
import { cancelled, requeuedForRetry, resumedAfterAccess } from '../../lib/jobs/transitions';
import { makeJob } from './helpers/job-fixture';

const NOW = 1_000_000;

describe('tick planner (pure): what each job needs now, and when to wake', () => {
  it('polls a due running job, waits for a later one, and times out one past its deadline', () => {
    expect(activeStep(makeJob('a', { status: 'running', nextPollAt: NOW }), NOW, false)).toEqual({ step: 'poll', wake: NOW + INFLIGHT_BACKSTOP_MS });
    expect(activeStep(makeJob('b', { status: 'running', nextPollAt: NOW + 500 }), NOW, false)).toEqual({ wake: NOW + 500 });
    expect(activeStep(makeJob('c', { status: 'running', nextPollAt: NOW, deadlineAt: NOW }), NOW, false)).toEqual({ step: 'timeout' });
  });

  it('leaves a job in flight alone but keeps a backstop, and a download blocked on access waits for the user', () => {
    expect(activeStep(makeJob('a', { status: 'running', nextPollAt: NOW }), NOW, true)).toEqual({ wake: NOW + INFLIGHT_BACKSTOP_MS });
    expect(activeStep(makeJob('b', { status: 'downloading', blockedOrigin: 'https://cdn.test' }), NOW, false)).toEqual({});
    expect(activeStep(makeJob('c', { status: 'downloading', notBefore: NOW + 9 }), NOW, false)).toEqual({ wake: NOW + 9 });
  });

  it('sends queued jobs oldest first within the concurrency, skipping one that waits out its own backoff', () => {
    const jobs = [
      makeJob('running', { status: 'running' }),
      makeJob('later', { status: 'queued', notBefore: NOW + 100 }),
      makeJob('q1', { status: 'queued' }),
      makeJob('q2', { status: 'queued' }),
    ];
    const wake = new WakeAt();
    const input = { jobs, now: NOW, concurrency: 2, isInflight: () => false, online: true, queuePausedUntil: 0, offlineRecheckMs: 10_000 };
    expect(queuedToSend(input, wake).map((j) => j.id)).toEqual(['q1']);
    expect(wake.at).toBe(NOW + 100);
  });

  it('sends nothing while paused (429) or offline, and says when to look again', () => {
    const jobs = [makeJob('q', { status: 'queued' })];
    const base = { jobs, now: NOW, concurrency: 2, isInflight: () => false, offlineRecheckMs: 10_000 };
    const paused = new WakeAt();
    expect(queuedToSend({ ...base, online: true, queuePausedUntil: NOW + 5 }, paused)).toEqual([]);
    expect(paused.at).toBe(NOW + 5);
    const offline = new WakeAt();
    expect(queuedToSend({ ...base, online: false, queuePausedUntil: 0 }, offline)).toEqual([]);
    expect(offline.at).toBe(NOW + 10_000);
  });
});

describe('retry policy (pure)', () => {
  const never = () => 0;
  it('resends only what the provider did not process (429), a bounded number of times', () => {
    expect(resendDelay({ attempts: 0 }, { kind: 'rate_limited', message: 'm', retryAfterMs: 3_000 }, never)).toBe(3_000);
    expect(resendDelay({ attempts: 7 }, { kind: 'rate_limited', message: 'm' }, never)).toBeUndefined();
    expect(resendDelay({ attempts: 0 }, { kind: 'network', message: 'm' }, never)).toBeUndefined();
  });

  it('a rate-limited poll waits at least 2 s and is not counted; a final failure is not retried', () => {
    expect(phaseRetry({ attempts: 0 }, { kind: 'rate_limited', message: 'm', retryAfterMs: 100 }, 'poll', () => NOW, never)).toEqual({ type: 'rate-limited-poll', at: NOW + 2_000 });
    expect(phaseRetry({ attempts: 0 }, { kind: 'invalid_key', message: 'm' }, 'download', () => NOW, never)).toEqual({ type: 'fail' });
    expect(phaseRetry({ attempts: 8 }, { kind: 'network', message: 'm' }, 'download', () => NOW, never)).toEqual({ type: 'fail' });
  });
});

describe('user-driven transitions (pure)', () => {
  it('retry requeues a failed job with a fresh run and one more send; an active one is left alone', () => {
    const failed = makeJob('f', { status: 'failed', sends: 1, attempts: 3, error: { kind: 'network', message: 'm' }, remoteId: 'r' });
    const next = requeuedForRetry(failed);
    expect(next).toMatchObject({ status: 'queued', sends: 2, attempts: 0 });
    expect(next?.error).toBeUndefined();
    expect(next?.remoteId).toBeUndefined();
    expect(requeuedForRetry(makeJob('r', { status: 'running' }))).toBeUndefined();
  });

  it('a batch cancel (only queued) leaves a sent job alone; access granted resumes only a blocked download', () => {
    expect(cancelled(makeJob('s', { status: 'running' }), NOW, true)).toBeUndefined();
    expect(cancelled(makeJob('q', { status: 'queued' }), NOW, true)).toMatchObject({ status: 'cancelled', finishedAt: NOW });
    const resumed = resumedAfterAccess(makeJob('d', { status: 'downloading', blockedOrigin: 'https://cdn.test', attempts: 2 }));
    expect(resumed).toMatchObject({ status: 'downloading', attempts: 0 });
    expect(resumed && 'blockedOrigin' in resumed).toBe(false);
    expect(resumedAfterAccess(makeJob('d', { status: 'downloading' }))).toBeUndefined();
  });
});
