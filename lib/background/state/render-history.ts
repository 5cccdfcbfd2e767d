import { renderSampleOf, type RenderSample } from '../../jobs/render-time';
import { listJobs } from '../../storage/jobs';

/** How far back the poll schedule looks: enough for every model/duration/resolution a user mixes. */
const RECENT_JOBS = 300;

/**
 * Render times of the user's recent finished video jobs, for the poll schedule. Imported history is left
 * out: an archive is someone else's file, and must not decide when we poll.
 */
export async function loadRenderHistory(): Promise<RenderSample[]> {
  const jobs = await listJobs({ limit: RECENT_JOBS });
  return jobs.flatMap((job) => {
    const sample = job.imported ? undefined : renderSampleOf(job);
    return sample ? [sample] : [];
  });
}
