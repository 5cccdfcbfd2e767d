import { useEffect, useRef, useState } from 'react';
import { areaSchema, FEATHER_DEFAULT_PX, FEATHER_MAX_PX, type Area } from '../../lib/media/area/area';
import type { SourceRef } from '../../lib/model/request';
import { commit, emptyHistory, redo, undo, withStroke, type ShapeHistory } from '../../lib/ui/area-editing';
import { historyByKey, toolByKey } from '../../lib/ui/area-brush-keys';
import { useMediaUrl } from '../../lib/ui/media-url';
import { formatNumber, t } from '../../lib/i18n';
import { AreaSurface, type Tool } from './AreaSurface';
import './area.css';

interface Props {
  source: SourceRef;
  /** The area chosen before on this picture, to edit further. */
  initial: Area | undefined;
  onUse(area: Area): void;
  onClear(): void;
  onCancel(): void;
}

/**
 * The area picker: the whole panel, over the composer, so the picture gets all the width there is. Draw a
 * rectangle or paint; Invert, Undo/Redo, a soft-edge setting; Use area / Clear area / Cancel (Esc).
 */
export function AreaPicker({ source, initial, onUse, onClear, onCancel }: Props) {
  const url = useMediaUrl(source.mediaId);
  const [size, setSize] = useState({ w: initial?.width ?? source.width ?? 0, h: initial?.height ?? source.height ?? 0 });
  const [history, setHistory] = useState<ShapeHistory>(() => emptyHistory(initial?.shape));
  const [tool, setTool] = useState<Tool>(initial?.shape.kind === 'brush' ? 'brush' : 'rect');
  const [invert, setInvert] = useState(initial?.invert ?? false);
  const [feather, setFeather] = useState(initial?.feather ?? FEATHER_DEFAULT_PX);
  const longest = Math.max(size.w, size.h, 8);
  const [brushSize, setBrushSize] = useState(() => Math.max(1, Math.round(longest / 12)));
  const dialog = useRef<HTMLDivElement>(null);
  /** What the keyboard just did, for screen readers (a polite live region). */
  const [announced, setAnnounced] = useState('');
  const maxBrushSize = Math.max(8, Math.round(longest / 3));

  useEffect(() => dialog.current?.querySelector<HTMLElement>('.area-surface')?.focus(), []);

  const area = history.present && size.w > 0 ? areaSchema.safeParse({ width: size.w, height: size.h, shape: history.present, invert, feather }) : undefined;
  const tools: [Tool, string][] = [
    ['rect', t('area.rectangle')],
    ['brush', t('area.brush')],
    ['eraser', t('area.eraser')],
  ];
  const toolName = (id: Tool) => tools.find(([tid]) => tid === id)?.[1] ?? id;
  const step = (which: 'undo' | 'redo') => {
    setHistory(which === 'undo' ? undo : redo);
    setAnnounced(t(which === 'undo' ? 'area.announceUndo' : 'area.announceRedo'));
  };

  return (
    <div
      className="area-picker"
      role="dialog"
      aria-modal="true"
      aria-labelledby="area-title"
      ref={dialog}
      onKeyDown={(e) => {
        if (e.key === 'Escape') return onCancel();
        const history = historyByKey(e.key, e.ctrlKey || e.metaKey, e.shiftKey);
        if (history) {
          e.preventDefault();
          return step(history);
        }
        const next = e.ctrlKey || e.metaKey || e.altKey ? undefined : toolByKey(e.key);
        if (next) {
          setTool(next);
          setAnnounced(t('area.announceTool', { tool: toolName(next) }));
        }
      }}
    >
      <h2 id="area-title">{t('area.title')}</h2>
      <p id="area-hint" className="hint">
        {t('area.hint')}
      </p>
      {tool !== 'rect' && (
        <p id="area-keys" className="hint area-keys">
          {t('area.keys')}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
      <div className="area-tools" role="toolbar" aria-label={t('area.title')}>
        {tools.map(([id, label]) => (
          <button key={id} type="button" aria-pressed={tool === id} onClick={() => setTool(id)}>
            {label}
          </button>
        ))}
        <button type="button" aria-pressed={invert} onClick={() => setInvert(!invert)}>
          {t('area.invert')}
        </button>
        <button type="button" onClick={() => step('undo')} disabled={history.past.length === 0}>
          {t('area.undo')}
        </button>
        <button type="button" onClick={() => step('redo')} disabled={history.future.length === 0}>
          {t('area.redo')}
        </button>
      </div>
      {tool !== 'rect' && (
        <label className="area-range">
          <span>{t('area.brushSize')}</span>
          <input type="range" min={1} max={maxBrushSize} value={brushSize} onChange={(e) => setBrushSize(Number(e.target.value))} />
          <output>{formatNumber(brushSize)}</output>
        </label>
      )}
      <AreaSurface
        url={url}
        width={size.w}
        height={size.h}
        shape={history.present}
        invert={invert}
        tool={tool}
        brushSize={brushSize}
        maxBrushSize={maxBrushSize}
        onBrushSize={setBrushSize}
        onAnnounce={setAnnounced}
        onNatural={(w, h) => {
          if (w !== size.w || h !== size.h) setSize({ w, h });
        }}
        onCommit={(shape, stroke) => setHistory((h) => commit(h, stroke ? withStroke(h.present, stroke) : shape))}
      />
      <label className="area-range">
        <span>{t('area.feather', { px: formatNumber(feather) })}</span>
        <input type="range" min={0} max={FEATHER_MAX_PX} value={feather} onChange={(e) => setFeather(Number(e.target.value))} />
      </label>
      {!area?.success && (
        <p className="hint" role="status">
          {t('area.empty')}
        </p>
      )}
      <div className="area-actions">
        <button type="button" className="primary" disabled={!area?.success} onClick={() => area?.success && onUse(area.data)}>
          {t('area.use')}
        </button>
        <button type="button" onClick={onClear}>
          {t('area.clear')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('area.cancel')}
        </button>
      </div>
    </div>
  );
}
