import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { AreaRect, BrushStroke } from '../../lib/media/area/area';
import { rectByKey, rectFromDrag, type Shape } from '../../lib/ui/area-editing';
import { brushByKey, type Point } from '../../lib/ui/area-brush-keys';
import { formatNumber, t } from '../../lib/i18n';

export type Tool = 'rect' | 'brush' | 'eraser';

interface Props {
  url: string | undefined;
  width: number;
  height: number;
  shape: Shape | undefined;
  invert: boolean;
  tool: Tool;
  brushSize: number;
  /** The brush slider's maximum (the keyboard's `]` stops there). */
  maxBrushSize: number;
  onNatural(width: number, height: number): void;
  onCommit(shape: Shape | undefined, stroke?: BrushStroke): void;
  onBrushSize(size: number): void;
  /** A sentence for screen readers (the picker's live region). */
  onAnnounce(text: string): void;
}

/**
 * The picture with the area drawn over it. Pointer positions are mapped through the image's on-screen box,
 * so the area is in the picture's own pixels at any zoom; the overlay canvas is sized to the screen, never to
 * a 6000 px original. Role img, named "Select an area", focusable: arrows move the rectangle, Shift+arrows
 * resize it; with the brush or eraser, arrows move a brush cursor (drawn as a ring), Space/Enter paints a dab,
 * Shift+arrows paint a line and [ ] change the size (lib/ui/area-brush-keys.ts).
 */
export function AreaSurface({ url, width, height, shape, invert, tool, brushSize, maxBrushSize, onNatural, onCommit, onBrushSize, onAnnounce }: Props) {
  const imgRef = useRef<HTMLImageElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ start: [number, number] } | undefined>(undefined);
  const [liveRect, setLiveRect] = useState<AreaRect | undefined>();
  const [liveStroke, setLiveStroke] = useState<BrushStroke | undefined>();
  const [box, setBox] = useState({ w: 0, h: 0 });
  /** The keyboard's brush cursor, once a key has moved or used it. */
  const [cursor, setCursor] = useState<Point | undefined>();

  useEffect(() => {
    const img = imgRef.current;
    if (!img) return;
    const observer = new ResizeObserver(() => setBox({ w: img.clientWidth, h: img.clientHeight }));
    observer.observe(img);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || box.w === 0 || width === 0) return;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.round(box.w * dpr);
    canvas.height = Math.round(box.h * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform((box.w * dpr) / width, 0, 0, (box.h * dpr) / height, 0, 0);
    drawArea(ctx, width, height, shownShape(shape, liveRect, liveStroke), invert);
    if (cursor && tool !== 'rect') drawCursor(ctx, cursor, brushSize, width);
  }, [box, width, height, shape, liveRect, liveStroke, invert, cursor, tool, brushSize]);

  const toPicture = (event: PointerEvent): [number, number] => {
    const r = imgRef.current!.getBoundingClientRect();
    const x = ((event.clientX - r.left) / r.width) * width;
    const y = ((event.clientY - r.top) / r.height) * height;
    return [Math.min(Math.max(x, 0), width), Math.min(Math.max(y, 0), height)];
  };

  const down = (event: PointerEvent<HTMLDivElement>) => {
    if (width === 0 || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = toPicture(event);
    drag.current = { start: p };
    if (tool === 'rect') setLiveRect(undefined);
    else setLiveStroke({ size: brushSize, erase: tool === 'eraser', points: [p] });
  };
  const move = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const p = toPicture(event);
    if (tool === 'rect') setLiveRect(rectFromDrag(drag.current.start, p, width, height));
    else
      setLiveStroke((s) => {
        if (!s || s.points.length >= 4000) return s;
        const last = s.points[s.points.length - 1]!;
        // Points closer than an eighth of the brush add nothing visible.
        return Math.hypot(p[0] - last[0], p[1] - last[1]) < s.size / 8 ? s : { ...s, points: [...s.points, p] };
      });
  };
  const up = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const p = toPicture(event);
    const start = drag.current.start;
    drag.current = undefined;
    if (tool === 'rect') {
      const rect = rectFromDrag(start, p, width, height);
      setLiveRect(undefined);
      if (rect) onCommit({ kind: 'rect', rect });
    } else if (liveStroke) {
      setLiveStroke(undefined);
      onCommit(undefined, liveStroke);
    }
  };
  const key = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (tool !== 'rect') return brushKey(event);
    const rect = shape?.kind === 'rect' ? shape.rect : undefined;
    const next = rectByKey(rect, event.key, event.shiftKey, width, height);
    if (!next) return;
    event.preventDefault();
    onCommit({ kind: 'rect', rect: next });
    onAnnounce(t('area.announceRect', { x: formatNumber(next.x), y: formatNumber(next.y), w: formatNumber(next.w), h: formatNumber(next.h) }));
  };
  const brushKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const erase = tool === 'eraser';
    const action = brushByKey({ cursor, size: brushSize, erase, width, height, maxSize: maxBrushSize }, event.key, event.shiftKey);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'size') {
      onBrushSize(action.size);
      onAnnounce(t('area.announceSize', { px: formatNumber(action.size) }));
      return;
    }
    setCursor(action.cursor);
    if (action.stroke) onCommit(undefined, action.stroke);
    const [x, y] = action.cursor.map((v) => formatNumber(Math.round(v)));
    const at = { x: x ?? '', y: y ?? '' };
    if (!action.stroke) onAnnounce(t('area.announceCursor', { tool: t(erase ? 'area.eraser' : 'area.brush'), ...at }));
    else onAnnounce(erase ? t('area.announceErased', at) : t('area.announcePainted', at));
  };

  return (
    <div className="area-stage">
      <div
        className={`area-surface tool-${tool}${width > 0 && Math.max(width, height) <= 256 ? ' small' : ''}`}
        role="img"
        aria-label={t('area.surface')}
        aria-describedby={tool === 'rect' ? 'area-hint' : 'area-hint area-keys'}
        tabIndex={0}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={() => {
          drag.current = undefined;
          setLiveRect(undefined);
          setLiveStroke(undefined);
        }}
        onKeyDown={key}
      >
        <img
          ref={imgRef}
          src={url}
          alt=""
          draggable={false}
          onLoad={(e) => onNatural(e.currentTarget.naturalWidth, e.currentTarget.naturalHeight)}
        />
        <canvas ref={canvasRef} aria-hidden="true" />
      </div>
    </div>
  );
}

/** The keyboard's brush: a ring of the brush's size, dark and light so it shows on any picture. */
function drawCursor(ctx: CanvasRenderingContext2D, [x, y]: Point, size: number, width: number): void {
  const px = width / Math.max(1, ctx.canvas.width);
  ctx.lineWidth = 2 * px * (globalThis.devicePixelRatio || 1);
  for (const [color, grow] of [['#000000', 1], ['#ffffff', 0]] as const) {
    ctx.strokeStyle = color;
    ctx.beginPath();
    ctx.arc(x, y, Math.max(size / 2, 3 * px) + grow * ctx.lineWidth, 0, Math.PI * 2);
    ctx.stroke();
  }
}

function shownShape(shape: Shape | undefined, liveRect: AreaRect | undefined, liveStroke: BrushStroke | undefined): Shape | undefined {
  if (liveRect) return { kind: 'rect', rect: liveRect };
  if (liveStroke) return { kind: 'brush', strokes: [...(shape?.kind === 'brush' ? shape.strokes : []), liveStroke] };
  return shape;
}

/** Dim what will not change; outline a rectangle. Drawn in picture coordinates (the transform scales). */
function drawArea(ctx: CanvasRenderingContext2D, width: number, height: number, shape: Shape | undefined, invert: boolean): void {
  ctx.clearRect(0, 0, width, height);
  if (!shape) return;
  const dim = 'rgba(0, 0, 0, 0.5)';
  ctx.fillStyle = dim;
  ctx.strokeStyle = dim;
  if (!invert) ctx.fillRect(0, 0, width, height);
  const cut = invert ? 'source-over' : 'destination-out';
  const paint = invert ? 'destination-out' : 'source-over';
  if (shape.kind === 'rect') {
    ctx.globalCompositeOperation = cut;
    ctx.fillRect(shape.rect.x, shape.rect.y, shape.rect.w, shape.rect.h);
  } else {
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const stroke of shape.strokes) {
      ctx.globalCompositeOperation = stroke.erase ? paint : cut;
      ctx.lineWidth = stroke.size;
      ctx.beginPath();
      const [first, ...rest] = stroke.points;
      ctx.moveTo(first![0], first![1]);
      for (const p of rest.length ? rest : [first!]) ctx.lineTo(p[0], p[1]);
      ctx.stroke();
    }
  }
  ctx.globalCompositeOperation = 'source-over';
  if (shape.kind === 'rect') {
    const px = width / Math.max(1, ctx.canvas.width);
    ctx.lineWidth = 2 * px * (globalThis.devicePixelRatio || 1);
    ctx.setLineDash([6 * px, 4 * px]);
    ctx.strokeStyle = '#ffffff';
    ctx.strokeRect(shape.rect.x, shape.rect.y, shape.rect.w, shape.rect.h);
    ctx.setLineDash([]);
  }
}
