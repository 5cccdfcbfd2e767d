import { describe, expect, it } from 'vitest';
import { brushByKey, brushHome, historyByKey, toolByKey, type BrushKeyState } from '../../lib/ui/area-brush-keys';
import { withStroke } from '../../lib/ui/area-editing';
import { areaSchema } from '../../lib/media/area/area';
import { areaBounds } from '../../lib/media/area/geometry';

const state = (over: Partial<BrushKeyState> = {}): BrushKeyState => ({ cursor: undefined, size: 50, erase: false, width: 6000, height: 4000, maxSize: 2000, ...over });

describe('the brush by keyboard', () => {
  it('the cursor starts in the middle and arrows move it by about 1 % of the picture, never outside', () => {
    expect(brushHome(6000, 4000)).toEqual([3000, 2000]);
    expect(brushByKey(state(), 'ArrowRight', false)).toEqual({ kind: 'move', cursor: [3060, 2000] });
    expect(brushByKey(state({ cursor: [10, 10] }), 'ArrowUp', false)).toEqual({ kind: 'move', cursor: [10, 0] });
    expect(brushByKey(state({ cursor: [64, 5], width: 64, height: 64 }), 'ArrowRight', false)).toEqual({ kind: 'move', cursor: [64, 5] });
  });

  it('Space and Enter paint a dab at the cursor; the eraser erases', () => {
    expect(brushByKey(state({ cursor: [100, 200] }), ' ', false)).toEqual({ kind: 'dab', cursor: [100, 200], stroke: { size: 50, erase: false, points: [[100, 200]] } });
    expect(brushByKey(state({ cursor: [100, 200], erase: true }), 'Enter', false)).toMatchObject({ stroke: { erase: true } });
  });

  it('Shift+arrows paint a line from where the cursor was to where it goes', () => {
    expect(brushByKey(state({ cursor: [100, 200] }), 'ArrowDown', true)).toEqual({ kind: 'move', cursor: [100, 260], stroke: { size: 50, erase: false, points: [[100, 200], [100, 260]] } });
  });

  it('[ and ] change the size by a tenth, within 1 and the slider maximum', () => {
    expect(brushByKey(state(), ']', false)).toEqual({ kind: 'size', size: 55 });
    expect(brushByKey(state(), '[', false)).toEqual({ kind: 'size', size: 45 });
    expect(brushByKey(state({ size: 1 }), '[', false)).toEqual({ kind: 'size', size: 1 });
    expect(brushByKey(state({ size: 2000 }), ']', false)).toEqual({ kind: 'size', size: 2000 });
    expect(brushByKey(state(), 'x', false)).toBeUndefined();
  });

  it('keyboard strokes make the same area as pointer strokes', () => {
    const dab = brushByKey(state({ cursor: [1000, 1000] }), ' ', false);
    const line = brushByKey(state({ cursor: [1000, 1000] }), 'ArrowRight', true);
    if (dab?.kind !== 'dab' || line?.kind !== 'move' || !line.stroke) throw new Error('expected a dab and a line');
    const shape = withStroke(withStroke(undefined, dab.stroke), line.stroke);
    const area = areaSchema.parse({ width: 6000, height: 4000, shape });
    expect(areaBounds(area)).toEqual({ x: 975, y: 975, w: 110, h: 50 });
  });

  it('tool and history keys', () => {
    expect([toolByKey('r'), toolByKey('B'), toolByKey('e'), toolByKey('x')]).toEqual(['rect', 'brush', 'eraser', undefined]);
    expect(historyByKey('z', true, false)).toBe('undo');
    expect(historyByKey('Z', true, true)).toBe('redo');
    expect(historyByKey('y', true, false)).toBe('redo');
    expect(historyByKey('z', false, false)).toBeUndefined();
  });
});
