import type { ToContent } from '../messaging/protocol';
import { showError, type Target } from './target';
import { rememberVersion } from './versions-nav';
import { t } from '../i18n';

/** A job update from the worker, shown on its element's overlay: the running clock, progress, then the outcome. */

type Update = Extract<ToContent, { type: 'overlay.update' }>;

const failedOnPage = () => t('overlay.failedOnPage');

const LABELS: Record<string, () => string> = {
  queued: () => t('overlay.status.queued'),
  submitting: () => t('overlay.status.submitting'),
  running: () => t('overlay.status.running'),
  downloading: () => t('overlay.status.downloading'),
};

export function showUpdate(target: Target, msg: Update): void {
  const { job } = msg;
  if (target.jobId !== job.id) {
    target.jobId = job.id;
    target.result = undefined;
  }
  const previous = target.status;
  target.status = job.status;
  if (LABELS[job.status]) {
    if (previous !== job.status) target.ui.startClock(job.startedAt, () => t(job.isVideo ? 'overlay.status.animating' : 'overlay.status.editing', { status: LABELS[job.status]?.() ?? '' }));
    target.ui.setProgress(job.isVideo ? (job.progress ?? 0) : undefined);
    target.ui.show(['cancel']);
    return;
  }
  target.ui.stopClock();
  target.ui.setProgress(undefined);
  if (job.status === 'done') {
    if (previous === 'done') return;
    // The result is fetched only when the user asks for it (Replace, Compare): until then it is not in
    // the page's process at all, so the page cannot read it as pixels before the user chose Replace.
    target.ui.setStatus(t('overlay.done'));
    rememberVersion(target, job.id, target.resultIndex ?? 0);
    target.ui.show(['replace', 'compare', 'download', 'open-panel', 'dismiss']);
    target.ui.focus('replace');
  } else if (job.status === 'cancelled') {
    target.ui.setStatus(t('overlay.cancelled'));
    target.ui.show(['dismiss']);
  } else {
    // Provider error text stays in the panel: the page can see what is drawn over it.
    showError(target, failedOnPage());
    target.ui.show(['open-panel', 'dismiss']);
  }
}
