import { isActive, type Job } from '../model/job';
import { estimateRenderTime, renderParamsOf, renderSampleOf } from '../jobs/render-time';

/** What a queue card needs to know about the jobs around it (lib/jobs/progress-wording.ts ProgressFacts). */
export interface QueueFacts {
  /** Queued jobs that were created before this one. */
  ahead: number;
  /** The video's expected render time, from the user's own finished renders (or the bundled prior). */
  expected?: { medianMs: number; spread: number };
}

/** Per active job: its place in the queue and, for a video, how long its kind usually takes here. */
export function queueFacts(jobs: readonly Job[]): Map<string, QueueFacts> {
  const samples = jobs.map(renderSampleOf).filter((s) => s !== undefined);
  const queued = jobs.filter((j) => j.status === 'queued').sort((a, b) => a.createdAt - b.createdAt);
  const out = new Map<string, QueueFacts>();
  for (const job of jobs) {
    if (!isActive(job.status)) continue;
    const params = renderParamsOf(job);
    const ahead = job.status === 'queued' ? queued.findIndex((q) => q.id === job.id) : 0;
    out.set(job.id, { ahead: Math.max(0, ahead), ...(params ? { expected: estimateRenderTime(params, samples) } : {}) });
  }
  return out;
}
