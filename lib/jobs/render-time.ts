import type { Job } from '../model/job';

/**
 * How long a video render is likely to take, learned from the user's own finished jobs.
 *
 * A pending poll is often an empty 202 (no progress at all), and where progress is reported it jumps and
 * stalls, so the only reliable predictor of a job's finish is how long similar jobs took before. The
 * estimate is a log-normal guess (median and spread) for one combination of provider, model, duration and
 * resolution:
 *  - exact matches in the history, newest first, decide it when there are any;
 *  - otherwise jobs of the same model with other durations/resolutions, rescaled by the prior's ratios
 *    and trusted less;
 *  - otherwise the bundled prior.
 * Medians and median absolute deviations (not means) keep one absurd record (a job that sat in a queue
 * for an hour, a clock jump to 0 s) from moving the estimate.
 */

export interface RenderParams {
  provider: string;
  model: string;
  duration?: number;
  resolution?: string;
}

export interface RenderSample extends RenderParams {
  /** Submission → the server finished (midpoint of the last pending poll and the first done poll). */
  ms: number;
  /** When the job finished (newest samples win). */
  at: number;
}

export interface RenderEstimate {
  medianMs: number;
  /** Standard deviation of ln(render time): 0.1 ≈ ±10 %, 0.7 ≈ a factor of two either way. */
  spread: number;
  source: 'history' | 'similar' | 'prior';
  samples: number;
}

export const RENDER_PRIOR = {
  /**
   * The API document only says "typical completion: tens of seconds to a few minutes" (imagine-api.md).
   * The prior reads that as a fixed start-up plus a cost per second of video, scaled by resolution
   * (pixels rendered): an 8 s 480p clip ≈ 26 s, an 8 s 720p clip ≈ 39 s, a 15 s 1080p clip ≈ 90 s.
   */
  baseMs: 10_000,
  perVideoSecondMs: 2_000,
  defaultDurationS: 8,
  resolutionFactor: { '480p': 1, '720p': 1.5, '1080p': 2.25 } as Record<string, number>,
  /** A factor of two either way: the prior is a guess. */
  spread: 0.7,
} as const;

/** Samples outside this range are records of something else (clock changes, a job parked for hours). */
const SANE_MS = { min: 1_000, max: 20 * 60_000 } as const;
/** Only the newest samples count: the provider's speed changes over time. */
const MAX_SAMPLES = 25;
/** Never believe the history is more precise than this (±10 %): renders vary, and few samples lie. */
const MIN_SPREAD = 0.1;
/** One or two samples: a median, but no spread worth measuring. */
const FEW_SAMPLES_SPREAD = 0.25;
/** Extra doubt when the samples had other durations or resolutions. */
const SIMILAR_EXTRA_SPREAD = 0.15;

export function priorRenderMs(params: Pick<RenderParams, 'duration' | 'resolution'>): number {
  const seconds = params.duration ?? RENDER_PRIOR.defaultDurationS;
  const factor = (params.resolution && RENDER_PRIOR.resolutionFactor[params.resolution]) || 1;
  return (RENDER_PRIOR.baseMs + RENDER_PRIOR.perVideoSecondMs * seconds) * factor;
}

/** The parameters a video job's render time depends on; undefined for image jobs. */
export function renderParamsOf(job: Pick<Job, 'provider' | 'request'>): RenderParams | undefined {
  const request = job.request as { mode: string; model: string; duration?: number; resolution?: string };
  if (!['create-video', 'animate-image', 'reference-video', 'edit-video', 'extend-video'].includes(request.mode)) return undefined;
  return {
    provider: job.provider,
    model: request.model,
    ...(request.duration !== undefined ? { duration: request.duration } : {}),
    ...(request.resolution !== undefined ? { resolution: request.resolution } : {}),
  };
}

/** What a finished job says about render time, or undefined when it can't say (no poll observed the finish). */
export function renderSampleOf(job: Job): RenderSample | undefined {
  const params = renderParamsOf(job);
  if (!params || job.submittedAt === undefined || job.renderSeenAt === undefined) return undefined;
  const after = Math.max(job.submittedAt, job.lastPendingAt ?? job.submittedAt);
  const ms = (after + job.renderSeenAt) / 2 - job.submittedAt;
  return { ...params, ms, at: job.renderSeenAt };
}

export function estimateRenderTime(params: RenderParams, history: readonly RenderSample[]): RenderEstimate {
  const usable = history
    .filter((s) => s.provider === params.provider && s.model === params.model && Number.isFinite(s.ms) && s.ms >= SANE_MS.min && s.ms <= SANE_MS.max)
    .sort((a, b) => b.at - a.at);
  const exact = usable.filter((s) => s.duration === params.duration && s.resolution === params.resolution).slice(0, MAX_SAMPLES);
  if (exact.length > 0) return fromLogs(exact.map((s) => Math.log(s.ms)), 'history', 0);
  const similar = usable.slice(0, MAX_SAMPLES);
  if (similar.length > 0) {
    const target = priorRenderMs(params);
    return fromLogs(similar.map((s) => Math.log((s.ms * target) / priorRenderMs(s))), 'similar', SIMILAR_EXTRA_SPREAD);
  }
  return { medianMs: priorRenderMs(params), spread: RENDER_PRIOR.spread, source: 'prior', samples: 0 };
}

function fromLogs(logs: number[], source: RenderEstimate['source'], extraSpread: number): RenderEstimate {
  const center = median(logs);
  const spread = logs.length < 3 ? FEW_SAMPLES_SPREAD : Math.max(MIN_SPREAD, 1.4826 * median(logs.map((l) => Math.abs(l - center))));
  return { medianMs: Math.exp(center), spread: Math.min(RENDER_PRIOR.spread, spread + extraSpread), source, samples: logs.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
