import { useEffect, useState } from 'react';
import { formatCostVsEstimate, servedByLabel } from '../lib/jobs/cost';
import type { Job } from '../lib/jobs/job';
import { hasSound } from '../lib/jobs/sound';
import { MODE_INFO, type Mode } from '../lib/jobs/modes';
import { send } from '../lib/messaging/client';
import { userMessage } from '../lib/api/errors';
import { applyResultAs } from '../lib/ui/composer-store';
import { useMediaUrl, useThumbUrl } from '../lib/ui/media-url';
import { copyResultImage, downloadResult, openFullSize, originTabOpen } from '../lib/ui/result-actions';
import { useCapabilities } from '../lib/ui/settings-store';
import { AnimationExport } from './AnimationExport';
import { formatDateTime, formatNumber, t } from '../lib/i18n';

/**
 * One finished result with its actions. `compact` leaves the actions out (small previews elsewhere);
 * `onStatus` receives one-line outcomes ("Copied.") for the page's polite live region.
 */
export function ResultTile({ job, index, compact, onStatus }: { job: Job; index: number; compact?: boolean; onStatus?(message: string): void }) {
  const result = job.results[index];
  const isVideo = result?.kind === 'video';
  const thumb = useThumbUrl(result?.thumb ? result.mediaId : undefined);
  // Images show their thumbnail (small, fast); the full file is only read for videos and thumb-less images.
  const media = useMediaUrl(result && (isVideo || !result.thumb) ? result.mediaId : undefined);
  if (!result) return null;
  const title = job.request.prompt.trim() || MODE_INFO[job.request.mode].label;
  const label = t(isVideo ? 'panel.resultTile.videoLabel' : 'panel.resultTile.imageLabel', { title });
  return (
    <article className="result-tile" aria-label={label} data-job-id={job.id} data-index={index} data-kind={result.kind}>
      {/* Known dimensions reserve the space up front (no layout jump); a video without them sizes itself. */}
      <div
        className="result-media"
        style={result.width && result.height ? { aspectRatio: `${result.width} / ${result.height}` } : isVideo ? { aspectRatio: 'auto' } : undefined}
      >
        {isVideo ? (
          <video src={media} poster={thumb} muted controls playsInline preload="metadata" aria-label={title} />
        ) : media || thumb ? (
          <img src={thumb ?? media} alt={title} loading="lazy" decoding="async" />
        ) : (
          <span className="placeholder" aria-hidden="true" />
        )}
      </div>
      {!compact && (
        <>
          <p className="result-caption" title={job.request.prompt}>
            {title}
          </p>
          <p className="hint result-meta">
            {MODE_INFO[job.request.mode].label} · {formatDateTime(job.finishedAt ?? job.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
            {index === 0 && (job.costTicks !== undefined || job.costCredits !== undefined) ? ` · ${t('panel.resultTile.cost', { cost: formatCostVsEstimate(job) ?? '' })}` : ''}
            {index === 0 && servedByLabel(job) ? ` · ${servedByLabel(job)}` : ''}
            {isVideo ? ` · ${t(hasSound(job) ? 'panel.resultTile.withSound' : 'panel.resultTile.noSound')}` : ''}
          </p>
          <ResultActions job={job} index={index} onStatus={onStatus ?? (() => undefined)} />
        </>
      )}
    </article>
  );
}

function ResultActions({ job, index, onStatus }: { job: Job; index: number; onStatus(message: string): void }) {
  const caps = useCapabilities();
  const result = job.results[index]!;
  const isVideo = result.kind === 'video';
  const [canReplace, setCanReplace] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string }>();

  useEffect(() => {
    let live = true;
    if (job.origin?.tabId !== undefined) void originTabOpen(job).then((open) => live && setCanReplace(open));
    return () => {
      live = false;
    };
  }, [job]);

  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 5_000);
    return () => clearTimeout(timer);
  }, [confirming]);

  const report = (tone: 'ok' | 'error', text: string) => {
    setMessage({ tone, text });
    onStatus(text);
  };
  /** `done`: the sentence once `run` succeeds, given what it returned (e.g. the file name being saved). */
  const attempt = (run: () => Promise<string | void>, done: string | ((extra: string) => string)) => async () => {
    try {
      const extra = await run();
      report('ok', typeof done === 'function' ? done(extra ?? '') : typeof extra === 'string' ? `${done} ${extra}` : done);
    } catch (error) {
      report('error', error instanceof Error ? error.message : String(error));
    }
  };
  const use = (mode: Mode) => () => {
    applyResultAs(job, index, mode, caps);
    onStatus(t('panel.resultTile.addedToComposer', { mode: MODE_INFO[mode].label }));
  };

  const replace = canReplace && (
    <button
      type="button"
      onClick={attempt(async () => {
        const reply = await send({ type: 'result.replace-on-page', jobId: job.id, index });
        if (!reply.ok) throw new Error(userMessage(reply.error));
      }, t('panel.resultTile.replacedOnPage'))}
    >
      {t('panel.resultTile.replaceOnPage')}
    </button>
  );
  const remove = confirming ? (
    <button
      type="button"
      className="danger"
      autoFocus
      onClick={() => {
        setConfirming(false);
        void send({ type: 'jobs.delete', jobIds: [job.id] }).then((reply) => (reply.ok ? onStatus(t('panel.resultTile.deleted')) : report('error', userMessage(reply.error))));
      }}
    >
      {job.results.length > 1 ? t('panel.resultTile.confirmDeleteAll', { count: formatNumber(job.results.length) }) : t('panel.resultTile.confirmDelete')}
    </button>
  ) : (
    <button type="button" onClick={() => setConfirming(true)}>
      {t('panel.resultTile.delete')}
    </button>
  );

  // The likely next steps stay visible; the rest sits one click away so two tiles fit side by side at 320 px.
  return (
    <div className="result-actions">
      <div className="button-row" role="group" aria-label={t('panel.resultTile.resultActions')}>
        <button type="button" onClick={attempt(() => downloadResult(job, index), (file) => t('panel.animationExport.downloading', { file }))}>
          {t('panel.resultTile.download')}
        </button>
        {replace}
        {isVideo ? (
          <button type="button" disabled={!caps.modes['extend-video']} onClick={use('extend-video')}>
            {t('panel.resultTile.extendThis')}
          </button>
        ) : (
          <>
            <button type="button" disabled={!caps.modes['edit-image']} onClick={use('edit-image')}>
              {t('panel.resultTile.editThis')}
            </button>
            <button type="button" disabled={!caps.modes['animate-image']} onClick={use('animate-image')}>
              {t('panel.resultTile.animateThis')}
            </button>
          </>
        )}
      </div>
      <details className="more-actions">
        <summary>{t('panel.resultTile.moreActions')}</summary>
        <div className="button-row" role="group" aria-label={t('panel.resultTile.moreActions')}>
          {!isVideo && (
            <button type="button" onClick={attempt(() => copyResultImage(job, index), t('panel.resultTile.copiedImage'))}>
              {t('panel.resultTile.copyImage')}
            </button>
          )}
          <button type="button" onClick={attempt(() => openFullSize(job, index), t('panel.resultTile.openedInTab'))}>
            {t('panel.resultTile.openFullSize')}
          </button>
          {isVideo ? (
            <button type="button" disabled={!caps.modes['edit-video']} onClick={use('edit-video')}>
              {t('panel.resultTile.editThis')}
            </button>
          ) : (
            <button type="button" disabled={!caps.modes['reference-video']} onClick={use('reference-video')}>
              {t('panel.resultTile.useAsReference')}
            </button>
          )}
          {remove}
        </div>
        {isVideo && <AnimationExport job={job} index={index} onStatus={report} />}
      </details>
      {message && <p className={`hint ${message.tone === 'error' ? 'error' : ''}`}>{message.text}</p>}
    </div>
  );
}
