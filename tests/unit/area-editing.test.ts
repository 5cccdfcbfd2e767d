import { describe, expect, it } from 'vitest';
import { commit, emptyHistory, rectByKey, rectFromDrag, redo, undo, withStroke } from '../../lib/ui/area-editing';

describe('area picker editing', () => {
  it('undo and redo walk the shapes; a new shape drops the redo branch', () => {
    const a = { kind: 'rect' as const, rect: { x: 0, y: 0, w: 5, h: 5 } };
    const b = { kind: 'rect' as const, rect: { x: 1, y: 1, w: 5, h: 5 } };
    let h = commit(commit(emptyHistory(), a), b);
    h = undo(h);
    expect(h.present).toEqual(a);
    expect(redo(h).present).toEqual(b);
    expect(undo(undo(h)).present).toBeUndefined();
    expect(commit(h, b).future).toEqual([]);
  });

  it('a drag makes a clamped rectangle in either direction; a click makes none', () => {
    expect(rectFromDrag([50, 40], [10, 10], 64, 64)).toEqual({ x: 10, y: 10, w: 40, h: 30 });
    expect(rectFromDrag([-20, 10], [100, 20], 64, 64)).toEqual({ x: 0, y: 10, w: 64, h: 10 });
    expect(rectFromDrag([5, 5], [5.2, 5.2], 64, 64)).toBeUndefined();
  });

  it('arrows move by about 1 % of the picture, Shift+arrows resize, never outside it', () => {
    const first = rectByKey(undefined, 'ArrowRight', false, 6000, 4000)!;
    expect(first).toEqual({ x: 2000, y: 1334, w: 2000, h: 1333 });
    expect(rectByKey(first, 'ArrowRight', false, 6000, 4000)).toMatchObject({ x: 2060 });
    expect(rectByKey(first, 'ArrowDown', true, 6000, 4000)).toMatchObject({ h: 1393 });
    expect(rectByKey({ x: 63, y: 0, w: 1, h: 1 }, 'ArrowRight', false, 64, 64)).toMatchObject({ x: 63 });
    expect(rectByKey({ x: 0, y: 0, w: 1, h: 1 }, 'ArrowLeft', true, 64, 64)).toMatchObject({ w: 1 });
    expect(rectByKey(first, 'Enter', false, 6000, 4000)).toBeUndefined();
  });

  it('an eraser on nothing changes nothing; strokes add up', () => {
    expect(withStroke(undefined, { size: 4, erase: true, points: [[1, 1]] })).toBeUndefined();
    const one = withStroke(undefined, { size: 4, erase: false, points: [[1, 1]] });
    expect(withStroke(one, { size: 4, erase: true, points: [[1, 1]] })).toMatchObject({ kind: 'brush', strokes: [{}, { erase: true }] });
  });
});
