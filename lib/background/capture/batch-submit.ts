import { userMessage } from '../../errors/taxonomy';
import { requestFromDefaults } from '../../batch/default-request';
import { readBatch, updateItem } from '../../batch/batch-store';
import type { JobEngine } from '../../jobs/engine';
import type { JobOrigin, SourceRef } from '../../model/request';
import type { Reply } from '../../messaging/protocol';
import type { Settings } from '../../settings/schema';
import { announce } from '../../storage/changes';
import { t } from '../../i18n';

/**
 * One image of a batch whose bytes arrived: it becomes a job in the normal queue (the engine's concurrency,
 * cap check and cancel rules), unless the batch was cancelled meanwhile. Batch changes are serialized per
 * batch in this worker, so a cancel and a capture finishing at the same moment cannot leave a job queued
 * behind the cancel; the record itself is in IndexedDB (a restarted worker finds it as it was).
 */
function serialQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (tails.get(key) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return next;
  };
}

/** Record changes of one batch, one at a time (submit vs cancel). */
export const withBatchLock = serialQueue();

/**
 * A batch's captured images are stored (decode, thumbnail, IndexedDB) one at a time: twenty at once share
 * the worker's CPU and all finish late, so the first request would wait for the last picture; one by one,
 * each is queued as soon as it is stored. Separate from the record lock, which the submit takes inside.
 */
export const withBatchCaptureTurn = serialQueue();

export const BATCH_CANCELLED = t('worker.theBatchWasCancelledBefore');

export function submitBatchItem(engine: JobEngine, batchId: string, targetId: string, source: SourceRef, origin: JobOrigin, settings: Settings): Promise<Reply> {
  return withBatchLock(batchId, async (): Promise<Reply> => {
    const record = await readBatch(batchId);
    const item = record?.items.find((i) => i.targetId === targetId);
    if (!record || !item) return { ok: false, error: { kind: 'not_found', message: t('worker.thatBatchNoLongerExists') } };
    if (record.cancelled || item.state === 'cancelled') {
      await updateItem(batchId, targetId, (i) => (i.state === 'capturing' ? { ...i, state: 'cancelled' } : undefined));
      announce({ type: 'batch', id: batchId });
      return { ok: false, error: { kind: 'cancelled', message: BATCH_CANCELLED } };
    }
    if (item.jobId) return { ok: true, next: 'job', jobId: item.jobId }; // never a second job for one image
    const result = await engine.submit({ request: requestFromDefaults(record.mode, record.prompt, source, settings), origin: { ...origin, batchId } });
    await updateItem(batchId, targetId, (i) => {
      const { message: _message, accessOrigin: _access, ...rest } = i;
      return result.ok ? { ...rest, state: 'submitted', jobId: result.job.id } : { ...rest, state: 'failed', message: userMessage(result.error).slice(0, 1000) };
    });
    announce({ type: 'batch', id: batchId });
    return result.ok ? { ok: true, next: 'job', jobId: result.job.id } : { ok: false, error: { ...result.error, message: userMessage(result.error) } };
  });
}

/** A batch image's capture state, as the panel shows it (reading, or why it failed and what to do). */
export async function markBatchCapture(batchId: string, targetId: string, state: { state: 'pending' | 'failed' | 'ready'; message?: string; accessOrigin?: string }): Promise<void> {
  if (state.state === 'ready') return;
  await updateItem(batchId, targetId, (item, record) => {
    if (item.jobId || item.state === 'cancelled') return undefined;
    const { message: _message, accessOrigin: _access, ...rest } = item;
    if (state.state === 'pending') return record.cancelled ? undefined : { ...rest, state: 'capturing' };
    return { ...rest, state: 'failed', message: (state.message ?? 'The image could not be read.').slice(0, 1000), ...(state.accessOrigin ? { accessOrigin: state.accessOrigin } : {}) };
  });
  announce({ type: 'batch', id: batchId });
}
