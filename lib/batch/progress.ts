import type { ErrorInfo } from '../api/errors';
import type { Job } from '../jobs/job';
import type { BatchItem } from './schema';

/**
 * Where each picture of a batch stands, for the panel: the batch record says how far its capture got, the
 * job (once there is one) says the rest. Pure, so the wording is tested without a browser.
 */
export interface ItemView {
  label: string;
  tone: 'active' | 'done' | 'failed' | 'cancelled';
  /** Not started yet: Cancel batch still stops it. */
  waiting: boolean;
  error?: ErrorInfo;
}

const JOB_LABELS: Record<Job['status'], string> = {
  queued: 'Queued',
  submitting: 'Sending',
  running: 'Generating',
  downloading: 'Saving result',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function itemView(item: BatchItem, job: Pick<Job, 'status' | 'error'> | undefined): ItemView {
  if (item.state === 'capturing') return { label: 'Reading image', tone: 'active', waiting: true };
  if (item.state === 'cancelled') return { label: 'Cancelled', tone: 'cancelled', waiting: false };
  if (item.state === 'failed') return { label: 'Failed', tone: 'failed', waiting: false, error: { kind: 'invalid_request', message: item.message ?? 'The image could not be read.' } };
  if (!job) return { label: 'Sent', tone: 'active', waiting: false };
  const tone = job.status === 'done' ? 'done' : job.status === 'failed' ? 'failed' : job.status === 'cancelled' ? 'cancelled' : 'active';
  return { label: JOB_LABELS[job.status], tone, waiting: job.status === 'queued', ...(job.status === 'failed' && job.error ? { error: job.error } : {}) };
}

export function batchSummary(views: ItemView[]): { text: string; done: number; waiting: number } {
  const count = (tone: ItemView['tone']) => views.filter((v) => v.tone === tone).length;
  const done = count('done');
  const waiting = views.filter((v) => v.waiting).length;
  const parts = [`${done} of ${views.length} done`];
  if (count('failed')) parts.push(`${count('failed')} failed`);
  if (count('cancelled')) parts.push(`${count('cancelled')} cancelled`);
  if (count('active')) parts.push(`${count('active')} in progress`);
  return { text: `${parts.join(', ')}.`, done, waiting };
}
