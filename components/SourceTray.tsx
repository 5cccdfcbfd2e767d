import type { ReactNode } from 'react';
import type { Mode } from '../lib/model/modes';
import { MODE_INFO } from '../lib/model/modes';
import type { SourceRef } from '../lib/model/request';
import { sourceTag } from '../lib/ui/composer-controls';
import { useComposer } from '../lib/ui/composer-store';
import { useMediaUrl, useThumbUrl } from '../lib/ui/media-url';
import { CaptureStatus } from './CaptureStatus';
import { formatNumber, t } from '../lib/i18n';
import { slot, withNodes } from '../lib/i18n/nodes';
import { AreaOutline, AreaPickerHost, SelectAreaButton } from './area/SourceArea';

interface Props {
  mode: Mode;
  sources: SourceRef[];
  max: number;
  error: string | undefined;
  onRemove(index: number): void;
  onMove(index: number, delta: -1 | 1): void;
  onInsertTag(tag: string): void;
  onPickFiles(): void;
  busy: boolean;
}

export function SourceTray({ mode, sources, max, error, onRemove, onMove, onInsertTag, onPickFiles, busy }: Props) {
  const info = MODE_INFO[mode].sources;
  const reading = useComposer((s) => s.capture?.state === 'pending');
  const empty = info.kind === 'video' ? t('panel.sourceTray.emptyVideo') : max === 1 ? t('panel.sourceTray.emptyImage') : t('panel.sourceTray.emptyImages', { max: formatNumber(max) });
  return (
    <div className="field sources" aria-describedby={error ? 'sources-error' : undefined}>
      <div className="sources-head">
        <span className="label" id="sources-label">
          {withNodes(t('panel.sourceTray.heading', { count: slot('count') }), {
            count: <span className="hint">{t('panel.sourceTray.countOfMax', { count: formatNumber(sources.length), max: formatNumber(max) })}</span>,
          })}
        </span>
        <button type="button" onClick={onPickFiles} disabled={busy}>
          {t('panel.sourceTray.addFiles')}
        </button>
      </div>
      <CaptureStatus />
      {sources.length === 0 ? (
        !reading && <p className="empty-sources hint">
          {empty}
        </p>
      ) : (
        <ol className="source-list" aria-labelledby="sources-label">
          {sources.map((source, i) => (
            <SourceThumb
              key={`${source.mediaId}-${i}`}
              source={source}
              index={i}
              count={sources.length}
              tag={sourceTag(mode, i, sources.length)}
              onRemove={onRemove}
              onMove={onMove}
              onInsertTag={onInsertTag}
              extra={mode === 'edit-image' ? <SelectAreaButton source={source} /> : undefined}
            />
          ))}
        </ol>
      )}
      <AreaPickerHost />
      {busy && (
        <p className="hint" role="status">
          {t('panel.sourceTray.adding')}
        </p>
      )}
      {error && (
        <p id="sources-error" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

function SourceThumb({
  source,
  index,
  count,
  tag,
  onRemove,
  onMove,
  onInsertTag,
  extra,
}: {
  extra?: ReactNode;
  source: SourceRef;
  index: number;
  count: number;
  tag: string | undefined;
  onRemove(i: number): void;
  onMove(i: number, d: -1 | 1): void;
  onInsertTag(tag: string): void;
}) {
  const isVideo = source.mimeType.startsWith('video/');
  const thumb = useThumbUrl(isVideo ? undefined : source.mediaId);
  const video = useMediaUrl(isVideo ? source.mediaId : undefined);
  const n = index + 1;
  return (
    <li className="source" aria-label={t(source.screenshot ? 'panel.sourceTray.sourceScreenshot' : 'panel.sourceTray.source', { n: formatNumber(n), tag: tag ? ` ${tag}` : '' })}>
      <div className="source-media">
        {source.screenshot && (
          <span className="source-badge" title={t('panel.sourceTray.aScreenshotOfThe')}>
            {t('panel.sourceTray.screenshot')}
          </span>
        )}
        {isVideo ? <video src={video} muted preload="metadata" aria-hidden="true" /> : thumb ? <img src={thumb} alt="" /> : <span className="placeholder" aria-hidden="true" />}
        {!isVideo && <AreaOutline source={source} />}
      </div>
      {tag && (
        <button type="button" className="tag" onClick={() => onInsertTag(tag)} title={t('panel.sourceTray.insertThisTagIn')} aria-label={t('panel.sourceTray.insertTag', { tag })}>
          {tag}
        </button>
      )}
      <div className="source-actions">
        {count > 1 && (
          <>
            <button type="button" className="icon" aria-label={t('panel.sourceTray.moveEarlier', { n: formatNumber(n) })} disabled={index === 0} onClick={() => onMove(index, -1)}>
              ←
            </button>
            <button type="button" className="icon" aria-label={t('panel.sourceTray.moveLater', { n: formatNumber(n) })} disabled={index === count - 1} onClick={() => onMove(index, 1)}>
              →
            </button>
          </>
        )}
        <button type="button" className="icon" aria-label={t('panel.sourceTray.remove', { n: formatNumber(n) })} onClick={() => onRemove(index)}>
          ×
        </button>
      </div>
      {extra}
    </li>
  );
}
