import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Job } from '../lib/model/job';
import { MODE_INFO } from '../lib/model/modes';
import { useMediaUrl, useThumbUrl } from '../lib/ui/media-url';
import { AnimationExport } from './AnimationExport';
import { Icon } from './gallery/Icon';
import { useResultActions, type ResultAction } from './gallery/useResultActions';
import { t } from '../lib/i18n';
import { hasSound } from '../lib/jobs/sound';
/** The name a result goes by: its prompt, else (a prompt-less animation, say) its mode. */
export const resultTitle = (job: Job) => job.request.prompt.trim() || MODE_INFO[job.request.mode].label;

/**
 * One finished result in the dense grid: the picture (click or Enter opens the viewer), and on hover or
 * focus a few icon actions plus a More actions menu with the rest. Outcomes ("Copied the image.") show as
 * a toast on the tile and go to the page's live region through `onStatus`.
 */
export function ResultTile({ job, index, onOpen, onStatus }: { job: Job; index: number; onOpen(): void; onStatus(message: string): void }) {
  const result = job.results[index];
  const isVideo = result?.kind === 'video';
  const thumb = useThumbUrl(result?.thumb ? result.mediaId : undefined);
  // Images show their thumbnail (small, fast); the full file is only read for videos and thumb-less images.
  const media = useMediaUrl(result && (isVideo || !result.thumb) ? result.mediaId : undefined);
  const { actions, message, report } = useResultActions(job, index, onStatus);
  const [menuOpen, setMenuOpen] = useState(false);
  if (!result) return null;
  const title = resultTitle(job);
  const label = t(isVideo ? 'panel.resultTile.videoLabel' : 'panel.resultTile.imageLabel', { title });
  return (
    <article className={`result-tile${menuOpen ? ' menu-open' : ''}`} aria-label={label} data-job-id={job.id} data-index={index} data-kind={result.kind}>
      <div className="result-media">
        {isVideo ? (
          <video
            src={media}
            poster={thumb}
            muted
            loop
            playsInline
            preload="metadata"
            aria-label={title}
            onMouseEnter={(e) => void e.currentTarget.play().catch(() => undefined)}
            onMouseLeave={(e) => e.currentTarget.pause()}
          />
        ) : media || thumb ? (
          <img src={thumb ?? media} alt={title} loading="lazy" decoding="async" />
        ) : (
          <span className="placeholder" aria-hidden="true" />
        )}
        {isVideo && (
          // Whether the video has sound (generate_audio): said in words for screen readers and tests, as an icon on screen.
          <span className="video-badge" title={t(hasSound(job) ? 'panel.resultTile.withSound' : 'panel.resultTile.noSound')}>
            <Icon name={hasSound(job) ? 'video' : 'muted'} />
            <span className="visually-hidden">{t(hasSound(job) ? 'panel.resultTile.withSound' : 'panel.resultTile.noSound')}</span>
          </span>
        )}
      </div>
      <button type="button" className="tile-open" aria-label={t('ux.gallery.open', { title })} onClick={onOpen} />
      <div className="tile-actions" role="group" aria-label={t('panel.resultTile.resultActions')}>
        {actions
          .filter((a) => a.primary)
          .map((a) => (
            <IconButton key={a.id} action={a} />
          ))}
        <button
          type="button"
          className="tile-icon"
          aria-label={t('panel.resultTile.moreActions')}
          title={t('panel.resultTile.moreActions')}
          aria-expanded={menuOpen}
          onClick={() => setMenuOpen((o) => !o)}
        >
          <Icon name="more" />
        </button>
      </div>
      {menuOpen && (
        <TileMenu onClose={() => setMenuOpen(false)}>
          {actions
            .filter((a) => !a.primary)
            .map((a) => (
              <button
                key={a.id}
                type="button"
                className={a.danger ? 'danger' : undefined}
                disabled={a.disabled}
                autoFocus={a.id === 'confirm-delete'}
                onClick={() => {
                  a.run();
                  if (!a.keepOpen) setMenuOpen(false);
                }}
              >
                <Icon name={a.icon} />
                {a.label}
              </button>
            ))}
          {isVideo && <AnimationExport job={job} index={index} onStatus={report} />}
        </TileMenu>
      )}
      {message && (
        <p className={`tile-toast${message.tone === 'error' ? ' error' : ''}`} role={message.tone === 'error' ? 'alert' : undefined}>
          {message.text}
        </p>
      )}
    </article>
  );
}

function IconButton({ action }: { action: ResultAction }) {
  return (
    <button type="button" className="tile-icon" aria-label={action.label} title={action.label} disabled={action.disabled} onClick={action.run}>
      <Icon name={action.icon} />
    </button>
  );
}

/** The tile's menu: opens toward the side with room, closes on Escape or a click outside. */
function TileMenu({ onClose, children }: { onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [side, setSide] = useState<'left' | 'right'>('left');
  const [up, setUp] = useState(false);
  useEffect(() => {
    const el = ref.current;
    const tile = el?.parentElement;
    if (tile) setSide(tile.getBoundingClientRect().left + tile.offsetWidth / 2 > window.innerWidth / 2 ? 'right' : 'left');
    // The Generate bar is pinned to the bottom of a narrow panel: a menu that would reach under it opens
    // upward instead, over the tile, so every action stays clickable.
    if (el) {
      const barTop = document.querySelector('.generate-bar')?.getBoundingClientRect().top ?? window.innerHeight;
      if (el.getBoundingClientRect().bottom > Math.min(barTop, window.innerHeight)) setUp(true);
    }
    const onPointer = (e: PointerEvent) => {
      if (tile && !tile.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [onClose]);
  return (
    <div
      ref={ref}
      className={`tile-menu align-${side}${up ? ' open-up' : ''}`}
      role="group"
      aria-label={t('panel.resultTile.moreActions')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
        ref.current?.parentElement?.querySelector<HTMLButtonElement>('[aria-expanded]')?.focus();
      }}
    >
      {children}
    </div>
  );
}
