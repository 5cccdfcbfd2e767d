import type { Job } from '../model/job';
import { MODE_INFO } from '../model/modes';

/**
 * How long a synchronous image call should take, from the user's own history: a queue card waiting on
 * one can say "0:31 so far, usually about 0:09 for you" instead of guessing — an image call at 2K takes
 * up to about 45 s (imagine-api.md, second pass) and nothing should look stuck, or instant.
 *
 * A sample is one finished image job's call (request sent → answer in: `sentAt` → `submittedAt`) with the
 * same provider, model and resolution; the newest 25, median, absurd values dropped. Without any, the
 * monitored service shape stands in (8 s at 1K, ~14 s at 1.5K, ~22 s at 2K), plus a little per extra image.
 */
export interface CallExpectation {
  ms: number;
  source: 'history' | 'typical';
  samples: number;
}

const PRIOR_MS: Record<string, number> = { '1k': 8_000, '1.5k': 14_000, '2k': 22_000 };
const PER_EXTRA_IMAGE_MS = 1_000;
const NEWEST = 25;
const MIN_MS = 200;
const MAX_MS = 10 * 60_000;

const resolutionOf = (job: Pick<Job, 'request'>) => ('resolution' in job.request ? String(job.request.resolution) : '1k');
const countOf = (job: Pick<Job, 'request'>) => ('n' in job.request ? job.request.n : 1);

/** The call time a finished job took, when it is an image job that recorded both ends. */
export function callSampleMs(job: Job): number | undefined {
  if (MODE_INFO[job.request.mode].output !== 'image' || job.status !== 'done' || job.sentAt === undefined || job.submittedAt === undefined) return undefined;
  const ms = job.submittedAt - job.sentAt;
  return ms >= MIN_MS && ms <= MAX_MS ? ms : undefined;
}

export function expectedCallMs(job: Pick<Job, 'request' | 'provider' | 'id'>, history: readonly Job[]): CallExpectation | undefined {
  if (MODE_INFO[job.request.mode].output !== 'image') return undefined;
  const resolution = resolutionOf(job);
  const samples = history
    .filter((other) => other.id !== job.id && other.provider === job.provider && other.request.model === job.request.model && resolutionOf(other) === resolution)
    .map((other) => ({ ms: callSampleMs(other), at: other.finishedAt ?? other.updatedAt }))
    .filter((sample): sample is { ms: number; at: number } => sample.ms !== undefined)
    .sort((a, b) => b.at - a.at)
    .slice(0, NEWEST)
    .map((sample) => sample.ms)
    .sort((a, b) => a - b);
  if (samples.length > 0) {
    const middle = samples.length / 2;
    const median = samples.length % 2 ? samples[Math.floor(middle)]! : (samples[middle - 1]! + samples[middle]!) / 2;
    return { ms: Math.round(median), source: 'history', samples: samples.length };
  }
  return { ms: (PRIOR_MS[resolution] ?? PRIOR_MS['1k']!) + PER_EXTRA_IMAGE_MS * (countOf(job) - 1), source: 'typical', samples: 0 };
}
