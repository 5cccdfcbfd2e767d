import { describe, expect, it } from 'vitest';
import { estimateFinishAt, firstPollDelay, nextPollDelay, POLL, pollWindow, type PollState } from '../../lib/jobs/poll-schedule';
import { estimateRenderTime, type RenderEstimate, type RenderSample } from '../../lib/jobs/render-time';

type Shape = 'none' | 'linear' | 'jump' | 'stall99';

/** What a server in each shape reports at `fraction` of the render (the emulator's shapes, as documented in its README). */
function reported(shape: Shape, fraction: number): number | undefined {
  const percent = (value: number) => Math.min(99, Math.max(0, Math.floor(value)));
  if (shape === 'none') return undefined;
  if (shape === 'jump') return fraction < 0.8 ? 0 : 99;
  if (shape === 'stall99') return percent((100 * fraction) / 0.6);
  return percent(100 * fraction);
}

/** Polls one render of `renderMs` as the engine does; returns the request count and the detection delay. */
function simulate(renderMs: number, shape: Shape, estimate: RenderEstimate | undefined) {
  let now = firstPollDelay(estimate);
  let polls = 0;
  let progress: number | undefined = 0;
  let progressAt: number | undefined;
  let stalledPolls = 0;
  for (;;) {
    polls++;
    if (now >= renderMs) return { polls, delay: now - renderMs };
    const p = reported(shape, now / renderMs);
    if (p !== undefined) {
      stalledPolls = p === progress ? stalledPolls + 1 : 0;
      progress = p;
      progressAt = now;
    }
    const state: PollState = { now, submittedAt: 0, polls, stalledPolls, ...(progress !== undefined ? { progress } : {}), ...(progressAt !== undefined ? { progressAt } : {}) };
    now += nextPollDelay(estimate ? { ...state, estimate } : state);
  }
}

const fixed = (renderMs: number) => {
  const polls = Math.ceil(renderMs / 5_000);
  return { polls, delay: polls * 5_000 - renderMs };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sample = (ms: number, at = 0, extra: Partial<RenderSample> = {}): RenderSample => ({ provider: 'xai', model: 'grok-imagine-video', duration: 6, resolution: '480p', ms, at, ...extra });

/** Render times of 7–22 s around four settings' typical times, and a learned estimate for each. */
function world() {
  const cases: Array<{ renderMs: number; estimate: RenderEstimate }> = [];
  for (const typical of [8_000, 12_000, 16_000, 20_000]) {
    const history = [0.9, 0.97, 1, 1.04, 1.1].map((f, i) => sample(typical * f, i));
    const estimate = estimateRenderTime({ provider: 'xai', model: 'grok-imagine-video', duration: 6, resolution: '480p' }, history);
    for (const f of [0.89, 0.93, 0.97, 1.0, 1.02, 1.06, 1.09, 1.11]) cases.push({ renderMs: Math.round(typical * f), estimate });
  }
  return cases;
}

describe('poll schedule with a learned render time, in every progress shape', () => {
  for (const [shape, maxRatio] of [
    ['linear', 0.5],
    ['jump', 0.5],
    ['stall99', 0.5],
    ['none', 1],
  ] as const) {
    it(`${shape}: median delay ≤ ${maxRatio}× a fixed 5 s poller's, with no more polls`, () => {
      const cases = world();
      const ours = cases.map((c) => simulate(c.renderMs, shape, c.estimate));
      const theirs = cases.map((c) => fixed(c.renderMs));
      expect(median(ours.map((o) => o.delay))).toBeLessThanOrEqual(maxRatio * median(theirs.map((t) => t.delay)));
      const polls = (list: Array<{ polls: number }>) => list.reduce((sum, o) => sum + o.polls, 0);
      expect(polls(ours)).toBeLessThanOrEqual(polls(theirs));
    });
  }

  it('a wrong estimate costs at most the fixed poller’s pace: steps widen to 5 s past the window, never beyond', () => {
    const estimate = { medianMs: 10_000, spread: 0.1, source: 'history' as const };
    const late = [20_000, 60_000, 600_000].map((now) => nextPollDelay({ now, submittedAt: 0, polls: 5, estimate }));
    expect(late.every((d) => d <= POLL.fallbackMax)).toBe(true);
    expect(late.at(-1)).toBe(POLL.fallbackMax);
    expect(simulate(60_000, 'none', estimateRenderTime({ provider: 'xai', model: 'm' }, [sample(10_000, 0, { model: 'm', duration: undefined, resolution: undefined })])).delay).toBeLessThanOrEqual(5_000);
  });

  it('polls sparsely (≤ 15 s apart) before the window of a long render', () => {
    const estimate = { medianMs: 120_000, spread: 0.1, source: 'history' as const };
    expect(firstPollDelay(estimate)).toBe(POLL.max);
    expect(nextPollDelay({ now: 15_000, submittedAt: 0, polls: 1, estimate })).toBe(POLL.max);
    const { from } = pollWindow(estimate);
    expect(nextPollDelay({ now: from - 3_000, submittedAt: 0, polls: 6, estimate })).toBe(3_000);
  });

  it('without history, looks once early (a job rejected at once is reported quickly), then follows the prior', () => {
    expect(firstPollDelay(undefined)).toBe(POLL.first);
    expect(firstPollDelay(estimateRenderTime({ provider: 'xai', model: 'new' }, []))).toBe(POLL.first);
  });
});

describe('progress is a hint, not a clock', () => {
  it('extrapolates a steadily rising progress', () => {
    expect(estimateFinishAt({ now: 5_000, submittedAt: 0, progress: 24, polls: 1 })).toBe(20_000);
  });

  it('does not extrapolate 0 (queued) or 99 (parked)', () => {
    expect(estimateFinishAt({ now: 5_000, submittedAt: 0, progress: 0, polls: 1 })).toBeUndefined();
    expect(estimateFinishAt({ now: 5_000, submittedAt: 0, progress: 99, polls: 1 })).toBeUndefined();
  });

  it('never aims before the learned window opens, whatever a stalling progress predicts', () => {
    // stall99: 50 % at 3 s predicts a 6 s render; similar jobs took 10 s, so wait for the window.
    const estimate = { medianMs: 10_000, spread: 0.1, source: 'history' as const };
    const delay = nextPollDelay({ now: 3_000, submittedAt: 0, progress: 50, polls: 1, estimate });
    expect(3_000 + delay).toBeGreaterThanOrEqual(pollWindow(estimate).from * 0.85);
  });

  it('keeps estimating from the last progress sample across empty 202s, not from now', () => {
    const finish = estimateFinishAt({ now: 8_000, submittedAt: 0, progress: 25, progressAt: 5_000, polls: 2 });
    expect(finish).toBeCloseTo(19_231, -1);
  });

  it('backs off geometrically while overdue, within the window’s pace', () => {
    const estimate = { medianMs: 10_000, spread: 0.1, source: 'history' as const };
    const delays = [0, 1, 2, 3, 4, 5].map((stalledPolls) => nextPollDelay({ now: 10_500, submittedAt: 0, progress: 95, progressAt: 10_000, polls: 4, stalledPolls, estimate }));
    expect(delays[0]).toBe(POLL.min);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBeLessThanOrEqual(pollWindow(estimate).step);
  });
});
