import type { BrushStroke } from '../media/area/area';
import { keyStep } from './area-editing';

/**
 * The brush by keyboard, as pure rules (unit-tested; the picker only wires them): a brush cursor moved with
 * the arrows (about 1 % of the picture a step, like the rectangle), Space or Enter paints a dab where it is,
 * Shift+arrows paint a line as the cursor moves (the keyboard's drag), `[` and `]` change the brush size.
 * Coordinates are the picture's own pixels; the cursor never leaves the picture.
 */
export type Point = [number, number];

export interface BrushKeyState {
  cursor: Point | undefined;
  size: number;
  erase: boolean;
  width: number;
  height: number;
  /** The brush size slider's maximum. */
  maxSize: number;
}

export type BrushKeyAction =
  /** The cursor moved; a stroke when Shift painted along the way. */
  | { kind: 'move'; cursor: Point; stroke?: BrushStroke }
  | { kind: 'dab'; cursor: Point; stroke: BrushStroke }
  | { kind: 'size'; size: number };

const ARROWS: Record<string, Point> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Where the brush cursor starts: the picture's middle. */
export const brushHome = (width: number, height: number): Point => [Math.round(width / 2), Math.round(height / 2)];

/** The action a key means for the brush or eraser, or undefined when the key is not the brush's. */
export function brushByKey(state: BrushKeyState, key: string, shift: boolean): BrushKeyAction | undefined {
  const { width, height, size, erase } = state;
  if (width <= 0 || height <= 0) return undefined;
  const at = state.cursor ?? brushHome(width, height);
  const delta = ARROWS[key];
  if (delta) {
    const step = keyStep(width, height);
    const cursor: Point = [clamp(at[0] + delta[0] * step, 0, width), clamp(at[1] + delta[1] * step, 0, height)];
    return shift ? { kind: 'move', cursor, stroke: { size, erase, points: [at, cursor] } } : { kind: 'move', cursor };
  }
  if (key === ' ' || key === 'Enter') return { kind: 'dab', cursor: at, stroke: { size, erase, points: [at] } };
  if (key === '[' || key === ']') {
    // A tenth of the size a press (at least a pixel), so a 6000 px photo's brush and an icon's both move usefully.
    const change = Math.max(1, Math.round(size / 10));
    return { kind: 'size', size: clamp(size + (key === ']' ? change : -change), 1, Math.max(1, state.maxSize)) };
  }
  return undefined;
}

/** The picker's tool keys (no modifier): R rectangle, B brush, E eraser. */
export function toolByKey(key: string): 'rect' | 'brush' | 'eraser' | undefined {
  return ({ r: 'rect', b: 'brush', e: 'eraser' } as const)[key.toLowerCase() as 'r' | 'b' | 'e'];
}

/** Undo is Ctrl/⌘+Z; redo is Ctrl/⌘+Shift+Z or Ctrl/⌘+Y. */
export function historyByKey(key: string, ctrl: boolean, shift: boolean): 'undo' | 'redo' | undefined {
  if (!ctrl) return undefined;
  const k = key.toLowerCase();
  if (k === 'z') return shift ? 'redo' : 'undo';
  if (k === 'y') return 'redo';
  return undefined;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
