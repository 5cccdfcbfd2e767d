import type { ToContent } from '../messaging/protocol';
import { showError, type Target } from './target';
import { describeProgress } from '../jobs/progress-wording';
import type { JobStatus } from '../model/job';
import { rememberVersion } from './versions-nav';
import { showPreview } from './result-preview';
import { t } from '../i18n';

/** A job update from the worker, shown on its element's overlay: the running clock, progress, then the outcome. */

type Update = Extract<ToContent, { type: 'overlay.update' }>;

const failedOnPage = () => t('overlay.failedOnPage');
const ACTIVE = new Set(['queued', 'submitting', 'running', 'downloading']);

/** The overlay's words while a job works: the same honest wording as the panel's cards (lib/jobs/progress-wording.ts). */
export function activeWords(job: Update['job'], now: number): { text: string; bar: number | 'indeterminate' | undefined } {
  const words = describeProgress({ status: job.status as JobStatus, output: job.isVideo ? 'video' : 'image', now, progress: job.progress });
  const bar = words.bar.kind === 'determinate' ? words.bar.percent : words.bar.kind === 'indeterminate' ? 'indeterminate' : undefined;
  return { text: words.detail ? `${words.headline} ${words.detail}` : words.headline, bar };
}

export function showUpdate(target: Target, msg: Update): void {
  const { job } = msg;
  if (target.jobId !== job.id) {
    target.jobId = job.id;
    target.result = undefined;
  }
  const previous = target.status;
  target.status = job.status;
  if (ACTIVE.has(job.status)) {
    // No clock: "Generating…" says the request left; a ticking "Sending… 0:12" said less than it seemed to.
    const { text, bar } = activeWords(job, Date.now());
    target.ui.setStatus(text);
    target.ui.setProgress(bar);
    target.ui.show(['cancel']);
    return;
  }
  target.ui.setProgress(undefined);
  if (job.status === 'done') {
    if (previous === 'done') return;
    // The result is fetched only when the user asks for it (Replace, Compare): until then only its small
    // preview is in the page's process, drawn inside the closed root (result-preview.ts).
    target.ui.setStatus(t('overlay.done'));
    rememberVersion(target, job.id, target.resultIndex ?? 0);
    target.ui.show(['replace', 'compare', 'download', 'open-panel', 'dismiss']);
    target.ui.focus('replace');
    void showPreview(target);
  } else if (job.status === 'cancelled') {
    target.ui.setStatus(t('overlay.cancelled'));
    target.ui.show(['dismiss']);
  } else {
    // The reason is the translated sentence of the error's kind (never provider text, which stays in the
    // panel); Retry sends it again only when the user clicks it.
    showError(target, job.reason ?? failedOnPage());
    target.ui.show(['retry', 'open-panel', 'dismiss']);
    target.ui.focus('retry');
  }
}
