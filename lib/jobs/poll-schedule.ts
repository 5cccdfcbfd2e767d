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
  /** Polls so far (for the no-progress fallback). */
  polls: number;
}

export function estimateFinishAt(state: PollState): number | undefined {
  const { progress, now, submittedAt } = state;
  if (progress === undefined || progress <= 0 || progress >= 100) return undefined;
  const elapsed = now - submittedAt;
  if (elapsed <= 0) return undefined;
  return submittedAt + (elapsed * 100) / progress;
}

export function nextPollDelay(state: PollState): number {
  // Never poll more often than ~2% of the time already spent: a job stuck at 99% for minutes
  // costs a request every few seconds, not every half second.
  const elapsed = Math.max(0, state.now - state.submittedAt);
  const floor = clamp(elapsed / 50, POLL.min, POLL.fallbackMax);
  const finishAt = estimateFinishAt(state);
  if (finishAt === undefined) {
    // No usable progress: 1 s, 1.5 s, 2.3 s … capped at the fixed poller's 5 s.
    return clamp(1_000 * 1.5 ** state.polls, floor, POLL.fallbackMax);
  }
  const eta = finishAt - state.now;
  // Overdue (progress was optimistic): back off in proportion to how late it is.
  if (eta <= 0) return clamp(-eta / 2, floor, POLL.fallbackMax);
  if (eta <= POLL.landing) return clamp(eta + POLL.overshoot, floor, POLL.max);
  // Approach: cover most of the remaining time in one step; the next sample refines the estimate.
  return clamp(eta * 0.85, floor, POLL.max);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
