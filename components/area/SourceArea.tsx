import type { SourceRef } from '../../lib/model/request';
import { areaBounds } from '../../lib/media/area/geometry';
import { useAreaPicker } from '../../lib/ui/area-picker-store';
import { areaOf } from '../../lib/ui/composer-draft';
import { useComposer } from '../../lib/ui/composer-store';
import { formatNumber, t } from '../../lib/i18n';
import { AreaPicker } from './AreaPicker';

/**
 * What the area feature adds to the composer's source list (components/SourceTray.tsx hooks these in, so the
 * composer's own layout stays its own): a "Select area" button under each image source of Edit image, the
 * chosen area outlined on its thumbnail, a sentence saying what will change, and the picker itself.
 */
export function SelectAreaButton({ source }: { source: SourceRef }) {
  const open = useAreaPicker((s) => s.open);
  if (source.mimeType.startsWith('video/')) return null;
  return (
    <button type="button" className="source-area" onClick={() => open(source)}>
      {t('area.select')}
    </button>
  );
}

/** The area's box over a thumbnail (object-fit: cover, hence "slice"). */
export function AreaOutline({ source }: { source: SourceRef }) {
  const area = useComposer((s) => areaOf(s.draft));
  const drawnOn = useComposer((s) => s.draft.area?.mediaId);
  if (!area || drawnOn !== source.mediaId) return null;
  const box = area.invert && area.shape.kind === 'rect' ? { x: area.shape.rect.x, y: area.shape.rect.y, w: area.shape.rect.w, h: area.shape.rect.h } : areaBounds(area);
  const line = Math.max(area.width, area.height) / 48;
  return (
    <svg className="source-area-outline" viewBox={`0 0 ${area.width} ${area.height}`} preserveAspectRatio="xMidYMid slice" aria-hidden="true">
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="none" stroke="#000" strokeWidth={line * 2} opacity={0.5} />
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="none" stroke="#fff" strokeWidth={line} strokeDasharray={`${line * 3} ${line * 2}`} />
    </svg>
  );
}

/** The sentence under the sources, and the picker while it is open. */
export function AreaPickerHost() {
  const picking = useAreaPicker((s) => s.picking);
  const choose = useAreaPicker((s) => s.choose);
  const close = useAreaPicker((s) => s.close);
  const draft = useComposer((s) => s.draft);
  const area = areaOf(draft);
  const box = area ? areaBounds({ ...area, invert: false }) : undefined;
  return (
    <>
      {area && box && (
        <p className="hint area-summary" role="status">
          {area.invert ? t('area.summaryInverted') : t('area.summary', { w: formatNumber(box.w), h: formatNumber(box.h) })}
        </p>
      )}
      {picking && (
        <AreaPicker
          key={picking.mediaId}
          source={picking}
          initial={draft.area?.mediaId === picking.mediaId ? draft.area.area : undefined}
          onUse={(a) => choose(picking.mediaId, a)}
          onClear={() => choose(picking.mediaId, undefined)}
          onCancel={close}
        />
      )}
    </>
  );
}
