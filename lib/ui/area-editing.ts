import type { Area, AreaRect, BrushStroke } from '../media/area/area';

/**
 * The area picker's editing rules, kept out of the component so they are testable: an undo/redo history of
 * shapes, rectangles from a drag, and the keyboard's move/resize. Coordinates are the picture's own pixels.
 */
export type Shape = Area['shape'];

export interface ShapeHistory {
  past: (Shape | undefined)[];
  present: Shape | undefined;
  future: (Shape | undefined)[];
}

export const emptyHistory = (present?: Shape): ShapeHistory => ({ past: [], present, future: [] });

export function commit(h: ShapeHistory, shape: Shape | undefined): ShapeHistory {
  return { past: [...h.past, h.present].slice(-100), present: shape, future: [] };
}

export function undo(h: ShapeHistory): ShapeHistory {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo(h: ShapeHistory): ShapeHistory {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}

/** The rectangle between two drag points, clamped to the picture; undefined when it has no area. */
export function rectFromDrag(a: [number, number], b: [number, number], width: number, height: number): AreaRect | undefined {
  const x0 = clamp(Math.round(Math.min(a[0], b[0])), 0, width);
  const y0 = clamp(Math.round(Math.min(a[1], b[1])), 0, height);
  const x1 = clamp(Math.round(Math.max(a[0], b[0])), 0, width);
  const y1 = clamp(Math.round(Math.max(a[1], b[1])), 0, height);
  return x1 - x0 >= 1 && y1 - y0 >= 1 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : undefined;
}

/** One key step: about 1 % of the picture, at least a pixel (a 64 px icon moves by 1, a 6000 px photo by 60). */
export const keyStep = (width: number, height: number) => Math.max(1, Math.round(Math.max(width, height) / 100));

/**
 * Arrow keys move the rectangle, Shift+arrows resize it (right/down grow). With no rectangle yet, the first
 * arrow puts one in the middle, a third of the picture each way.
 */
export function rectByKey(rect: AreaRect | undefined, key: string, shift: boolean, width: number, height: number): AreaRect | undefined {
  const delta = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[key];
  if (!delta) return undefined;
  if (!rect) {
    const w = Math.max(1, Math.round(width / 3));
    const h = Math.max(1, Math.round(height / 3));
    return { x: Math.round((width - w) / 2), y: Math.round((height - h) / 2), w, h };
  }
  const step = keyStep(width, height);
  if (shift) {
    const w = clamp(rect.w + delta[0] * step, 1, width - rect.x);
    const h = clamp(rect.h + delta[1] * step, 1, height - rect.y);
    return { ...rect, w, h };
  }
  return { ...rect, x: clamp(rect.x + delta[0] * step, 0, width - rect.w), y: clamp(rect.y + delta[1] * step, 0, height - rect.h) };
}

/** A finished brush or eraser stroke added to the shape (an eraser on no brush area changes nothing). */
export function withStroke(shape: Shape | undefined, stroke: BrushStroke): Shape | undefined {
  const strokes = shape?.kind === 'brush' ? shape.strokes : [];
  if (stroke.erase && strokes.length === 0) return shape;
  if (strokes.length >= 200) return shape;
  return { kind: 'brush', strokes: [...strokes, stroke] };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}
