import type { Job } from '../lib/jobs/job';
import { useMediaUrl } from '../lib/ui/media-url';

export function ResultTile({ job, index }: { job: Job; index: number }) {
  const result = job.results[index];
  const url = useMediaUrl(result?.mediaId);
  if (!result) return null;
  return result.kind === 'video' ? (
    <video src={url} muted loop controls playsInline aria-label={job.request.prompt} style={{ width: '100%' }} />
  ) : (
    <img src={url} alt={job.request.prompt} style={{ width: '100%' }} />
  );
}
