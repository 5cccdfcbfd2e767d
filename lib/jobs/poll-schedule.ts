/**
 * When to ask a video job for its status next.
 *
 * A fixed 5 s poller (what the official TS SDK and the Vercel AI SDK do) notices completion 2.5 s late on
 * average and spends a request every 5 s. We use the `progress` the API reports to estimate when the job
 * will finish: far from the end we poll rarely, and we aim the last poll just past the predicted finish.
 * Without progress (empty 202 bodies) we fall back to a gentle backoff capped at the fixed poller's 5 s.
 */
export const POLL = {
  first: 2_000,
  min: 500,
  max: 15_000,
  fallbackMax: 5_000,
  /** Aim this far past the predicted finish, to absorb jitter without an extra request. */
  overshoot: 250,
  /** Switch from "approach" to "land just after the finish" when the ETA is this close. */
  landing: 4_000,
} as const;

export interface PollState {
  now: number;
  submittedAt: number;
  /** Latest reported progress 0–100, if the server sent any. */
  progress?: number;
  /** When that progress was observed (an empty 202 since then tells us nothing new). Default: now. */
  progressAt?: number;
  /** Polls so far (for the no-progress fallback). */
  polls: number;
  /** Consecutive polls whose progress did not move. */
  stalledPolls?: number;
}

export function estimateFinishAt(state: PollState): number | undefined {
  const { progress, submittedAt } = state;
  if (progress === undefined || progress <= 0 || progress >= 100) return undefined;
  const elapsed = (state.progressAt ?? state.now) - submittedAt;
  if (elapsed <= 0) return undefined;
  // Servers report whole percents, truncated: the true value is in [p, p+1). Aiming at the earliest
  // possible finish (p+1) means we are never late by a whole percent of a long job; if we are early,
  // the overdue backoff below costs one or two cheap extra polls.
  return submittedAt + (elapsed * 100) / Math.min(100, progress + 1);
}

export function nextPollDelay(state: PollState): number {
  const finishAt = estimateFinishAt(state);
  if (finishAt === undefined) {
    // No usable progress: 1 s, 1.5 s, 2.3 s … capped at the fixed poller's 5 s.
    return clamp(1_000 * 1.5 ** state.polls, POLL.min, POLL.fallbackMax);
  }
  const eta = finishAt - state.now;
  // Overdue (we aimed early, or the job is parked at 99%): back off geometrically while progress
  // does not move — 0.5 s, 0.8 s, 1.3 s … up to the fixed poller's 5 s.
  if (eta <= 0) return clamp(POLL.min * 1.6 ** (state.stalledPolls ?? 0), POLL.min, POLL.fallbackMax);
  if (eta <= POLL.landing) return clamp(eta + POLL.overshoot, POLL.min, POLL.max);
  // Approach: cover most of the remaining time in one step; the next sample refines the estimate.
  return clamp(eta * 0.85, POLL.min, POLL.max);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
