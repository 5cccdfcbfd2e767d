import { useEffect, useRef } from 'react';
import { formatCostVsEstimate, servedByLabel } from '../../lib/jobs/cost';
import type { Job } from '../../lib/model/job';
import { MODE_INFO } from '../../lib/model/modes';
import { useMediaUrl, useThumbUrl } from '../../lib/ui/media-url';
import { editFrameArea } from '../../lib/ui/frame-area';
import { useCapabilities } from '../../lib/ui/settings-view-store';
import { plainModelName } from '../../lib/ui/short-model-name';
import { AnimationExport } from '../AnimationExport';
import { resultTitle } from '../ResultTile';
import { Icon } from './Icon';
import { useResultActions } from './useResultActions';
import { formatDateTime, formatNumber, t } from '../../lib/i18n';

export interface GalleryItem {
  job: Job;
  index: number;
}

/**
 * The result viewer: a modal dialog over the panel with the picture or video at full size, ← / → (and the
 * buttons) to browse the gallery, the details (prompt, mode, model, date, size, cost said once) and every
 * action. Escape closes it and focus returns to the tile that opened it (the native <dialog> does both).
 */
export function ResultViewer({ items, at, onMove, onClose, onStatus }: { items: GalleryItem[]; at: number; onMove(at: number): void; onClose(): void; onStatus(message: string): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const item = items[at];
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    if (!item) onClose();
  }, [item, onClose]);
  if (!item) return null;
  const move = (step: number) => {
    const next = at + step;
    if (next >= 0 && next < items.length) onMove(next);
  };
  return (
    <dialog
      ref={ref}
      className="viewer-dialog"
      aria-label={resultTitle(item.job)}
      onClose={onClose}
      // A click on the dimmed backdrop (the dialog element itself, outside its content) closes it.
      onClick={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (target.closest('select, input, textarea, video')) return; // their own arrow keys
        if (e.key === 'ArrowRight' || e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') move(-1);
        else return;
        e.preventDefault();
      }}
    >
      <header className="viewer-head">
        <span className="hint" aria-live="polite">
          {t('ux.viewer.position', { at: formatNumber(at + 1), total: formatNumber(items.length) })}
        </span>
        <button type="button" className="icon-button" aria-label={t('ux.viewer.close')} title={t('ux.viewer.close')} onClick={() => ref.current?.close()}>
          <Icon name="close" />
        </button>
      </header>
      <ViewerBody key={`${item.job.id}:${item.index}`} item={item} onStatus={onStatus} onDone={() => ref.current?.close()} />
      <button type="button" className="viewer-nav prev" aria-label={t('ux.viewer.previous')} title={t('ux.viewer.previous')} disabled={at === 0} onClick={() => move(-1)}>
        <Icon name="prev" />
      </button>
      <button type="button" className="viewer-nav next" aria-label={t('ux.viewer.next')} title={t('ux.viewer.next')} disabled={at >= items.length - 1} onClick={() => move(1)}>
        <Icon name="next" />
      </button>
    </dialog>
  );
}

function ViewerBody({ item: { job, index }, onStatus, onDone }: { item: GalleryItem; onStatus(message: string): void; onDone(): void }) {
  const result = job.results[index]!;
  const isVideo = result.kind === 'video';
  const url = useMediaUrl(result.mediaId);
  const thumb = useThumbUrl(result.thumb ? result.mediaId : undefined);
  const { actions, message, report } = useResultActions(job, index, onStatus);
  const caps = useCapabilities();
  const player = useRef<HTMLVideoElement>(null);
  // The frame on screen becomes an Edit image source with the area picker open on it (lib/ui/frame-area.ts).
  const editFrame = () => {
    if (!player.current) return;
    editFrameArea(player.current, job, index, caps, onDone).catch((error: unknown) => report('error', error instanceof Error ? error.message : String(error)));
  };
  const title = resultTitle(job);
  const cost = index === 0 ? formatCostVsEstimate(job) : undefined;
  const served = servedByLabel(job);
  return (
    <div className="viewer-body" data-job-id={job.id} data-index={index}>
      <div className="viewer-media">
        {isVideo ? (
          <video ref={player} src={url} poster={thumb} controls autoPlay muted loop playsInline aria-label={title} />
        ) : (
          (url ?? thumb) && <img src={url ?? thumb} alt={title} />
        )}
      </div>
      <div className="viewer-details">
        {job.request.prompt.trim() && <p className="viewer-prompt">{job.request.prompt}</p>}
        <dl className="viewer-facts">
          <dt>{t('ux.viewer.mode')}</dt>
          <dd>{MODE_INFO[job.request.mode].label}</dd>
          <dt>{t('ux.viewer.model')}</dt>
          <dd title={job.request.model}>
            {plainModelName(job.request.model)}
            {served ? ` (${served})` : ''}
          </dd>
          <dt>{t('ux.viewer.created')}</dt>
          <dd>{formatDateTime(job.finishedAt ?? job.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          {result.width && result.height ? (
            <>
              <dt>{t('ux.viewer.size')}</dt>
              <dd>{t('ux.viewer.dimensions', { width: formatNumber(result.width, { useGrouping: false }), height: formatNumber(result.height, { useGrouping: false }) })}</dd>
            </>
          ) : null}
          {cost && (
            <>
              <dt>{t('ux.viewer.cost')}</dt>
              <dd>{cost}</dd>
            </>
          )}
        </dl>
        <div className="viewer-actions" role="group" aria-label={t('panel.resultTile.resultActions')}>
          {actions.map((a) => (
            <button key={a.id} type="button" className={a.id === 'download' ? 'primary' : a.danger ? 'danger' : undefined} disabled={a.disabled} onClick={a.run}>
              <Icon name={a.icon} />
              {a.label}
            </button>
          ))}
          {isVideo && (
            <button type="button" disabled={!caps.modes['edit-image']} onClick={editFrame}>
              <Icon name="edit" />
              {t('area.editFrame')}
            </button>
          )}
        </div>
        {message && (
          <p className={`hint ${message.tone === 'error' ? 'error' : ''}`} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {isVideo && <AnimationExport job={job} index={index} onStatus={report} />}
      </div>
    </div>
  );
}
