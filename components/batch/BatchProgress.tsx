import { userMessage } from '../../lib/errors/taxonomy';
import { batchSummary, itemView } from '../../lib/batch/progress';
import { useBatch } from '../../lib/ui/batch-panel-store';
import type { BatchRecord } from '../../lib/batch/batch-schema';
import { MODE_INFO } from '../../lib/model/modes';
import { send } from '../../lib/messaging/client';
import { hostOf } from '../../lib/net/host-of';
import { useJobs } from '../../lib/ui/jobs-store';
import { HostAccessButton } from '../HostAccessButton';
import { formatNumber, t } from '../../lib/i18n';

/**
 * A running (or finished) batch: one line per picture with where it stands, "Allow access to <host>" for a
 * picture the worker may not read (that picture only; the rest of the batch goes on), and the batch's
 * Replace all / Revert all (on the page) and Cancel batch (what has not started).
 */
export function BatchProgress({ record }: { record: BatchRecord }) {
  const { apply, cancel, closeBatch, error } = useBatch();
  const jobs = useJobs((s) => s.jobs);
  const views = record.items.map((item) => itemView(item, item.jobId ? jobs.find((j) => j.id === item.jobId) : undefined));
  const summary = batchSummary(views);
  return (
    <div className="batch-progress">
      <p>
        {MODE_INFO[record.mode].label}: “{record.prompt.slice(0, 120)}”
      </p>
      <p role="status" data-testid="batch-summary">
        {summary.text}
      </p>
      <ol className="batch-items" aria-label={t('batch.batchProgress.batchImages')}>
        {record.items.map((item, i) => {
          const view = views[i]!;
          return (
            <li key={item.targetId} aria-label={t('batch.image', { n: formatNumber(i + 1), host: hostOf(item.srcUrl) ?? t('batch.page') })}>
              {item.thumb ? <img className="batch-item-thumb" src={item.thumb} alt="" /> : <span className="placeholder batch-item-thumb" />} <span className={`badge badge-${view.tone}`}>{view.label}</span>
              {view.error && <p className="job-error">{userMessage(view.error)}</p>}
              {item.state === 'failed' && item.accessOrigin && !record.cancelled && (
                <HostAccessButton origin={item.accessOrigin} onGranted={() => void send({ type: 'capture.retry', captureId: item.targetId })} />
              )}
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="button" disabled={summary.done === 0} onClick={() => void apply('replace')}>
          {t('batch.batchProgress.replaceAll')}
        </button>
        <button type="button" disabled={summary.done === 0} onClick={() => void apply('revert')}>
          {t('batch.batchProgress.revertAll')}
        </button>
        <button type="button" disabled={summary.waiting === 0 || record.cancelled} onClick={() => void cancel()}>
          {t('batch.batchProgress.cancelBatch')}
        </button>
        <button type="button" className="link" onClick={closeBatch}>
          {t('batch.batchProgress.close')}
        </button>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
