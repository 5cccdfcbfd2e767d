import type { ErrorInfo } from '../errors/taxonomy';
import type { Job } from '../model/job';
import type { BatchItem } from './batch-schema';
import { formatList, formatNumber, t } from '../i18n';

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

const jobLabel = (status: Job['status']): string =>
  ({
    queued: t('batch.progress.queued'),
    submitting: t('batch.progress.submitting'),
    running: t('batch.progress.running'),
    downloading: t('batch.progress.downloading'),
    done: t('batch.progress.done'),
    failed: t('batch.progress.failed'),
    cancelled: t('batch.progress.cancelled'),
  })[status];

export function itemView(item: BatchItem, job: Pick<Job, 'status' | 'error'> | undefined): ItemView {
  if (item.state === 'capturing') return { label: t('batch.progress.reading'), tone: 'active', waiting: true };
  if (item.state === 'cancelled') return { label: t('batch.progress.cancelled'), tone: 'cancelled', waiting: false };
  if (item.state === 'failed') return { label: t('batch.progress.failed'), tone: 'failed', waiting: false, error: { kind: 'invalid_request', message: item.message ?? t('batch.progress.unreadable') } };
  if (!job) return { label: t('batch.progress.sent'), tone: 'active', waiting: false };
  const tone = job.status === 'done' ? 'done' : job.status === 'failed' ? 'failed' : job.status === 'cancelled' ? 'cancelled' : 'active';
  return { label: jobLabel(job.status), tone, waiting: job.status === 'queued', ...(job.status === 'failed' && job.error ? { error: job.error } : {}) };
}

export function batchSummary(views: ItemView[]): { text: string; done: number; waiting: number } {
  const count = (tone: ItemView['tone']) => views.filter((v) => v.tone === tone).length;
  const done = count('done');
  const waiting = views.filter((v) => v.waiting).length;
  const parts = [t('batch.progress.doneOf', { done: formatNumber(done), total: formatNumber(views.length) })];
  if (count('failed')) parts.push(t('batch.progress.failedCount', { count: formatNumber(count('failed')) }));
  if (count('cancelled')) parts.push(t('batch.progress.cancelledCount', { count: formatNumber(count('cancelled')) }));
  if (count('active')) parts.push(t('panel.queueList.inProgress', { count: formatNumber(count('active')) }));
  return { text: t('batch.progress.summary', { parts: formatList(parts, 'unit') }), done, waiting };
}
