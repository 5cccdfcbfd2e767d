import { priorRenderMs, RENDER_PRIOR, type RenderEstimate } from './render-time';

/**
 * When to ask a video job for its status next.
 *
 * A fixed 5 s poller (what the official TS SDK and the Vercel AI SDK do) notices completion 2.5 s late on
 * average and spends a request every 5 s. We know more than it does:
 *  - how long similar renders took before (`render-time.ts`): a window around the expected finish, in
 *    which we poll densely, and before which we poll sparsely;
 *  - sometimes a `progress` that rises steadily: we extrapolate it and land just after the predicted
 *    finish, but never before the history window opens, because real servers report progress that sits
 *    at 0 while queued, jumps, and parks at 99 (a linear reading of those finishes far too early).
 * After the window closes (the estimate was wrong) we widen the steps up to the fixed poller's 5 s, so a
 * bad estimate costs no more than a fixed poller would.
 */
export const POLL = {
  /** First poll when nothing has been learned yet: cheap, and reports a job rejected at once quickly. */
  first: 2_000,
  min: 500,
  /** Longest step before the window opens. */
  max: 15_000,
  /** Longest step once the job could be done: the fixed poller's pace. */
  fallbackMax: 5_000,
  /** Aim this far past the predicted finish, to absorb jitter without an extra request. */
  overshoot: 250,
  /** Switch from "approach" to "land just after the finish" when the ETA is this close. */
  landing: 4_000,
  /** The window spans the estimate's median × e^(±1.5 spread): about 87 % of renders end inside it. */
  windowSpreads: 1.5,
  /** Polls spent crossing the window. */
  windowPolls: 2.5,
} as const;

export interface PollState {
  now: number;
  submittedAt: number;
  /** Latest reported progress 0–100, if the server sent any. */
  progress?: number;
  /** When that progress was observed (an empty 202 since then tells us nothing new). Default: now. */
  progressAt?: number;
  /** Polls so far. */
  polls: number;
  /** Consecutive polls whose progress did not move. */
  stalledPolls?: number;
  /** How long this render should take (history or prior). Default: the prior for an unknown video. */
  estimate?: Pick<RenderEstimate, 'medianMs' | 'spread' | 'source'>;
}

const DEFAULT_ESTIMATE = { medianMs: priorRenderMs({}), spread: RENDER_PRIOR.spread, source: 'prior' } as const;

/** Render times (ms after submission) between which the finish is expected, and the step used inside. */
export function pollWindow(estimate: PollState['estimate'] = DEFAULT_ESTIMATE): { from: number; to: number; step: number } {
  const from = estimate.medianMs * Math.exp(-POLL.windowSpreads * estimate.spread);
  const to = estimate.medianMs * Math.exp(POLL.windowSpreads * estimate.spread);
  return { from, to, step: clamp((to - from) / POLL.windowPolls, POLL.min, POLL.fallbackMax) };
}

/** Delay from submission to the first poll. */
export function firstPollDelay(estimate?: PollState['estimate']): number {
  // Learned: straight to the window (no wasted early request). Prior only: a cheap early look first.
  if (!estimate || estimate.source === 'prior') return POLL.first;
  return clamp(pollWindow(estimate).from, POLL.min, POLL.max);
}

/**
 * Linear extrapolation of the reported progress, or undefined when progress says nothing about time:
 * 0 (queued) and 99+ (where servers park a job that is finishing) are not points on a line.
 */
export function estimateFinishAt(state: PollState): number | undefined {
  const { progress, submittedAt } = state;
  if (progress === undefined || progress <= 0 || progress >= 99) return undefined;
  const elapsed = (state.progressAt ?? state.now) - submittedAt;
  if (elapsed <= 0) return undefined;
  // Servers report whole percents, truncated: the true value is in [p, p+1). Aiming at the earliest
  // possible finish (p+1) means we are never late by a whole percent of a long job; if we are early,
  // the overdue backoff below costs one or two cheap extra polls.
  return submittedAt + (elapsed * 100) / (progress + 1);
}

export function nextPollDelay(state: PollState): number {
  const window = pollWindow(state.estimate);
  const windowOpens = state.submittedAt + window.from;
  const linearFinish = estimateFinishAt(state);
  if (linearFinish !== undefined) {
    const eta = Math.max(linearFinish, windowOpens) - state.now;
    // Overdue (we aimed early): back off geometrically while progress does not move, within the window's pace.
    if (eta <= 0) return clamp(POLL.min * 1.6 ** (state.stalledPolls ?? 0), POLL.min, window.step);
    if (eta <= POLL.landing) return clamp(eta + POLL.overshoot, POLL.min, POLL.max);
    // Approach: cover most of the remaining time in one step; the next sample refines the estimate.
    return clamp(eta * 0.85, POLL.min, POLL.max);
  }
  const elapsed = state.now - state.submittedAt;
  if (elapsed < window.from) return clamp(window.from - elapsed, POLL.min, POLL.max);
  if (elapsed < window.to) return window.step;
  // Past the window: the estimate was wrong. Widen towards the fixed poller's pace, never beyond it.
  return clamp(window.step + (elapsed - window.to) / 2, window.step, POLL.fallbackMax);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
