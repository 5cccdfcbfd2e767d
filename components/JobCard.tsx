import { useState } from 'react';
import { browser } from 'wxt/browser';
import { userMessage, type ErrorKind } from '../lib/errors/taxonomy';
import { formatCostVsEstimate, servedByLabel } from '../lib/jobs/cost';
import { isActive, type Job } from '../lib/model/job';
import { MODE_INFO } from '../lib/model/modes';
import { send } from '../lib/messaging/client';
import { draftPatchFromRequest } from '../lib/ui/composer-draft';
import { useComposer } from '../lib/ui/composer-store';
import { callWaitText, useCallExpectation } from '../lib/ui/call-wait';
import { formatDuration, useNow } from '../lib/ui/hooks';
import { describeProgress, elapsedWords } from '../lib/jobs/progress-wording';
import type { QueueFacts } from '../lib/ui/queue-facts';
import { PROVIDER_CONSOLE_URL } from '../lib/ui/key-setup';
import { useThumbUrl } from '../lib/ui/media-url';
import { dismissJob } from '../lib/ui/prefs';
import { hostOf } from '../lib/net/host-of';
import { HostAccessButton } from './HostAccessButton';
import { formatNumber, t } from '../lib/i18n';

/** The badge text per status, in the UI language. */
export const statusLabel = (status: Job['status']): string =>
  ({
    queued: t('panel.jobCard.status.queued'),
    submitting: t('panel.jobCard.status.submitting'),
    running: t('panel.jobCard.status.running'),
    downloading: t('panel.jobCard.status.downloading'),
    done: t('panel.jobCard.status.done'),
    failed: t('panel.jobCard.status.failed'),
    cancelled: t('panel.jobCard.status.cancelled'),
  })[status];

/** Errors whose fix lives in Options. */
const FIX_IN_OPTIONS: readonly ErrorKind[] = ['invalid_key', 'permission_denied', 'spending_cap'];
/** Errors the user fixes by changing the prompt or the sources. */
const FIX_IN_COMPOSER: readonly ErrorKind[] = ['content_policy', 'invalid_request'];

export function JobCard({ job, facts, onDismiss }: { job: Job; facts?: QueueFacts | undefined; onDismiss?(id: string): void }) {
  const active = isActive(job.status);
  const now = useNow(active);
  const info = MODE_INFO[job.request.mode];
  const sources = 'sources' in job.request ? job.request.sources : [];
  // A 429 puts the job back in the queue until the provider's Retry-After: say so, with the countdown.
  const rateLimitedFor = job.status === 'queued' && job.error?.kind === 'rate_limited' && job.notBefore ? job.notBefore - now : 0;
  const words = describeProgress({
    status: job.status,
    output: info.output,
    now,
    sentAt: job.submittedAt,
    progress: job.progress,
    ahead: facts?.ahead,
    rateLimitedUntil: rateLimitedFor > 0 ? job.notBefore : undefined,
    expected: facts?.expected,
  });
  // An image call in flight: how long it usually takes for this user (lib/jobs/call-time.ts), said in place
  // of the generic detail (describeProgress's expectation is for video renders).
  const expectedCall = useCallExpectation(job);
  const callWait = job.status === 'submitting' && expectedCall && job.sentAt !== undefined ? callWaitText(expectedCall, now - job.sentAt) : undefined;
  const detail = callWait ?? words.detail;
  const elapsed = elapsedWords(job.status, job.createdAt, active ? now : (job.finishedAt ?? job.updatedAt));
  const title = job.request.prompt.trim() || t('panel.jobCard.noPrompt');
  // A refused retry (imported job, base URL changed since) must say why, not just do nothing.
  const [retryRefused, setRetryRefused] = useState<string>();
  return (
    <article
      className={`job-card status-${job.status}`}
      aria-label={`${info.label}: ${title}`}
      data-status={job.status}
      data-job-id={job.id}
      // Focusable so Esc can cancel "the focused job" (lib/keyboard/panel-keys.ts).
      tabIndex={0}
      data-cancellable={active}
    >
      <div className="job-head">
        <span className="job-mode">{info.label}</span>
        <span className={`badge badge-${job.status}`}>{statusLabel(job.status)}</span>
      </div>
      <div className="job-body">
        {sources.length > 0 && (
          <div className="job-sources" aria-hidden="true">
            {sources.slice(0, 4).map((s, i) => (
              <SourceMini key={`${s.mediaId}-${i}`} mediaId={s.mediaId} video={s.mimeType.startsWith('video/')} />
            ))}
          </div>
        )}
        <p className="job-prompt" title={title}>
          {title}
        </p>
      </div>
      {words.bar.kind !== 'none' && (
        // No reported progress: an indeterminate bar (no value), never an empty "0 %" one.
        <progress
          max={100}
          {...(words.bar.kind === 'determinate' ? { value: words.bar.percent } : {})}
          aria-label={words.bar.kind === 'determinate' ? t('panel.jobCard.progressPercent', { percent: formatNumber(words.bar.percent / 100, { style: 'percent' }) }) : t('panel.jobCard.progress')}
        />
      )}
      <p className="job-meta hint">
        {[
          words.headline && <span key="headline" className="job-headline">{words.headline}</span>,
          elapsed && <span key="elapsed">{elapsed}</span>,
          detail && <span key="detail">{detail}</span>,
          (job.costTicks !== undefined || job.costCredits !== undefined) && (
            <span key="cost" data-testid="actual-cost">
              {t('panel.jobCard.cost', { cost: formatCostVsEstimate(job) ?? '' })}
            </span>
          ),
          servedByLabel(job) && (
            <span key="served" data-testid="served-by">
              {servedByLabel(job)}
            </span>
          ),
        ]
          .filter(Boolean)
          .flatMap((part, i) => (i === 0 ? [part] : [' · ', part]))}
      </p>
      {job.note && <p className="hint">{job.note}</p>}
      {rateLimitedFor > 0 && (
        <p className="hint job-wait">
          {t('panel.jobCard.rateLimited', { duration: formatDuration(rateLimitedFor) })}
        </p>
      )}
      {job.status === 'downloading' && job.blockedOrigin && (
        <p className="hint job-access" role="status">
          {t('panel.jobCard.noAccessToResult', { host: hostOf(job.blockedOrigin) ?? job.blockedOrigin })}{' '}<HostAccessButton origin={job.blockedOrigin} />
        </p>
      )}
      {job.error && job.status === 'failed' && (
        <p className="error job-error" data-error-kind={job.error.kind}>
          {userMessage(job.error)}
          {job.error.kind === 'credits_exhausted' && (
            <>
              {' '}
              <a href={PROVIDER_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
                {t('setup.addCredits')}
              </a>
            </>
          )}
        </p>
      )}
      {retryRefused && (
        <p className="error" role="alert">
          {retryRefused}
        </p>
      )}
      {job.status === 'submitting' && job.sentAt !== undefined && <p className="hint job-cancel-note">{t('panel.jobCard.cancelMayBill')}</p>}
      <div className="job-actions">
        {active && (
          <button type="button" onClick={() => void send({ type: 'job.cancel', jobId: job.id })}>
            {t('panel.jobCard.cancel')}
          </button>
        )}
        {(job.status === 'failed' || job.status === 'cancelled') && (
          <>
            {!job.imported && (
              <button
                type="button"
                onClick={() => void send({ type: 'job.retry', jobId: job.id }).then((reply) => setRetryRefused(reply.ok ? undefined : userMessage(reply.error)))}
              >
                {t('panel.jobCard.retry')}
              </button>
            )}
            {job.error && FIX_IN_OPTIONS.includes(job.error.kind) && (
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('panel.jobCard.openOptions')}
              </button>
            )}
            {job.error && FIX_IN_COMPOSER.includes(job.error.kind) && (
              <button
                type="button"
                onClick={() => {
                  useComposer.getState().patch(draftPatchFromRequest(job.request));
                  useComposer.setState({ focusPromptAt: Date.now() });
                }}
              >
                {t('panel.jobCard.editPrompt')}
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                dismissJob(job.id);
                onDismiss?.(job.id);
              }}
            >
              {t('panel.jobCard.dismiss')}
            </button>
          </>
        )}
      </div>
    </article>
  );
}

function SourceMini({ mediaId, video }: { mediaId: string; video: boolean }) {
  const url = useThumbUrl(video ? undefined : mediaId);
  return url ? <img src={url} alt="" /> : <span className="placeholder">{video ? '▶' : ''}</span>;
}
