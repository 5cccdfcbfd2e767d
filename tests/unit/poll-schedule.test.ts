import { describe, expect, it } from 'vitest';
import { estimateFinishAt, nextPollDelay, POLL } from '../../lib/jobs/poll-schedule';

/** Simulates polling a job whose progress rises linearly and reports done at `duration`. */
function simulate(duration: number, schedule: (state: { now: number; progress?: number; polls: number }) => number, first: number = POLL.first) {
  let now = first;
  let polls = 0;
  for (;;) {
    polls++;
    if (now >= duration) return { polls, delay: now - duration };
    const progress = Math.floor((now / duration) * 100);
    now += schedule({ now, progress, polls: polls - 1 });
  }
}

describe('adaptive poll schedule', () => {
  it('predicts the finish from linear progress', () => {
    expect(estimateFinishAt({ now: 5_000, submittedAt: 0, progress: 24, polls: 1 })).toBe(20_000);
  });

  it('lands within half a second of the finish and polls less than a fixed 5 s poller', () => {
    for (const duration of [20_000, 45_000, 90_000, 180_000]) {
      const ours = simulate(duration, (s) => nextPollDelay({ ...s, submittedAt: 0 }));
      const fixed = simulate(duration, () => 5_000, 5_000);
      expect(ours.delay).toBeLessThan(1_000);
      expect(ours.polls).toBeLessThanOrEqual(fixed.polls);
    }
  });

  it('falls back to a gentle backoff capped at 5 s without progress', () => {
    const delays = [0, 1, 2, 3, 4, 5, 10].map((polls) => nextPollDelay({ now: 10_000, submittedAt: 0, polls }));
    expect(delays[0]).toBe(1_000);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBe(5_000);
  });

  it('backs off geometrically, up to 5 s, while a job stays parked at 99%', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((stalledPolls) => nextPollDelay({ now: 200_000, submittedAt: 0, progress: 99, polls: 30, stalledPolls }));
    expect(delays[0]).toBe(500);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays.at(-1)).toBe(5_000);
  });

  it('backs off when progress was optimistic and the predicted finish has passed', () => {
    // 100% at 10 s predicted, but progress is reported as 99 at 10.1 s: eta tiny → floor applies.
    expect(nextPollDelay({ now: 10_100, submittedAt: 0, progress: 99, polls: 3 })).toBeGreaterThanOrEqual(POLL.min);
  });
});

describe('empty 202 bodies', () => {
  it('estimate from the last progress sample and when it was observed, not from now', () => {
    // 25% observed at 5 s → finish ≈ 19.2 s (aiming at 26%); asked at 8 s with no new progress.
    const finish = estimateFinishAt({ now: 8_000, submittedAt: 0, progress: 25, progressAt: 5_000, polls: 2 });
    expect(finish).toBeCloseTo(19_231, -1);
  });
});
