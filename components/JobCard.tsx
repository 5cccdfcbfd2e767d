import { userMessage } from '../lib/api/errors';
import type { Job } from '../lib/jobs/job';
import { MODE_INFO } from '../lib/jobs/modes';
import { send } from '../lib/messaging/client';

const STATUS_LABEL: Record<Job['status'], string> = {
  queued: 'Queued',
  submitting: 'Sending',
  running: 'Generating',
  downloading: 'Saving',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function JobCard({ job }: { job: Job }) {
  return (
    <article aria-label={`${MODE_INFO[job.request.mode].label}: ${job.request.prompt}`} data-status={job.status}>
      <strong>{STATUS_LABEL[job.status]}</strong> {job.request.prompt}
      {job.error && <p className="error">{userMessage(job.error)}</p>}
      {job.status === 'failed' && <button onClick={() => void send({ type: 'job.retry', jobId: job.id })}>Retry</button>}
    </article>
  );
}
