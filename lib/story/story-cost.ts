import type { ErrorInfo } from '../errors/taxonomy';
import { spendingCapError } from '../jobs/spend';
import { estimateRequest } from '../pricing/estimate';
import type { SourceRef } from '../model/request';
import { planStory, shotRequest, type JobLookup } from './planner';
import type { Story } from './story-schema';

/**
 * What a story costs before it runs: each shot's request priced by the one table (lib/pricing), and what
 * is still to pay — shots already done are never paid twice. Checked against the daily cap with the same
 * rule as every job (lib/jobs/spend.ts).
 */
const PLACEHOLDER: SourceRef = { mediaId: 'estimate', mimeType: 'image/jpeg' };
const PLACEHOLDER_VIDEO: SourceRef = { mediaId: 'estimate', mimeType: 'video/mp4' };

export interface StoryEstimate {
  /** Every shot, as if run from scratch. */
  totalUsd: number;
  /** The shots not yet sent or to be sent again (what Run story may still spend). */
  remainingUsd: number;
  /** Some shot's price is unknown (a model without a price): the totals leave it out. */
  unknown: boolean;
}

const round4 = (usd: number) => Math.round(usd * 10_000) / 10_000;

export function estimateStory(story: Story, jobOf: JobLookup = () => undefined): StoryEstimate {
  const plans = planStory(story, jobOf);
  let total = 0;
  let remaining = 0;
  let unknown = false;
  story.shots.forEach((shot, index) => {
    // A page picture still being read costs what it will cost once read.
    const start = shot.start.kind === 'image' && !shot.start.source ? { ...shot.start, source: PLACEHOLDER } : shot.start;
    const priced = shotRequest(story, { ...shot, start, frame: shot.frame ?? PLACEHOLDER }, { previousVideo: PLACEHOLDER_VIDEO });
    const estimate = priced ? estimateRequest(priced) : undefined;
    if (!estimate) {
      unknown = true;
      return;
    }
    total += estimate.usd;
    const state = plans[index]?.state;
    if (state !== 'done' && state !== 'active') remaining += estimate.usd;
  });
  return { totalUsd: round4(total), remainingUsd: round4(remaining), unknown };
}

/** The cap's verdict for running what is left: undefined = go. `spentTicks` from spentToday(). */
export const storyCapError = (estimate: StoryEstimate, capUsd: number | null, spentTicks: number): ErrorInfo | undefined =>
  spendingCapError(capUsd, spentTicks, estimate.remainingUsd);
