import { describe, expect, it } from 'vitest';
import { areaSchema, type AreaInput } from '../../lib/media/area/area';
import { areaBounds, paddedCrop, SEND_MAX_EDGE, sendSize } from '../../lib/media/area/geometry';
import { cropFrom } from '../../lib/background/io/area-edit';
import { blendRgba, featherMask, maskBox, maskIsEmpty, rasterizeArea, subMask } from '../../lib/media/area/mask';

const area = (input: Partial<AreaInput> & Pick<AreaInput, 'shape'>) => areaSchema.parse({ width: 640, height: 480, ...input });
const rect = (x: number, y: number, w: number, h: number) => ({ kind: 'rect' as const, rect: { x, y, w, h } });

describe('area geometry', () => {
  it('pads the bounding box with 35 % context on each side', () => {
    const a = area({ shape: rect(200, 200, 100, 100) });
    expect(areaBounds(a)).toEqual({ x: 200, y: 200, w: 100, h: 100 });
    expect(paddedCrop(a)).toEqual({ x: 165, y: 165, w: 170, h: 170 });
  });

  it('clamps the crop to the image when the area touches an edge', () => {
    const a = area({ shape: rect(0, 400, 100, 80) });
    const crop = paddedCrop(a);
    expect(crop.x).toBe(0);
    expect(crop.y + crop.h).toBe(480);
    expect(crop.w).toBe(135);
  });

  it('pads at least the feather plus a margin, so a tiny area still has context', () => {
    const a = area({ width: 64, height: 64, shape: rect(30, 30, 4, 4), feather: 8 });
    expect(paddedCrop(a)).toEqual({ x: 6, y: 6, w: 52, h: 52 });
  });

  it('bounds a brush by its strokes (size included) and ignores eraser strokes', () => {
    const a = area({ shape: { kind: 'brush', strokes: [{ size: 20, points: [[100, 100], [200, 120]] }, { size: 300, erase: true, points: [[10, 10]] }] } });
    expect(areaBounds(a)).toEqual({ x: 90, y: 90, w: 120, h: 40 });
  });

  it('an inverted area crops the whole picture', () => {
    expect(paddedCrop(area({ shape: rect(10, 10, 5, 5), invert: true }))).toEqual({ x: 0, y: 0, w: 640, h: 480 });
  });

  it('sends about a megapixel: large crops are shrunk, icons enlarged, no edge over the upload limit', () => {
    const big = sendSize({ w: 4000, h: 3000 });
    expect(big.width * big.height).toBeGreaterThan(1_000_000);
    expect(big.width * big.height).toBeLessThan(1_100_000);
    expect(big.width / big.height).toBeCloseTo(4 / 3, 2);
    const icon = sendSize({ w: 52, h: 52 });
    expect(icon).toEqual({ width: 1024, height: 1024 });
    const strip = sendSize({ w: 6000, h: 100 });
    expect(strip.width).toBe(SEND_MAX_EDGE);
  });

  it('refuses an area that is not a shape', () => {
    expect(areaSchema.safeParse({ width: 10, height: 10, shape: { kind: 'lasso' } }).success).toBe(false);
    expect(areaSchema.safeParse({ width: 10, height: 10, shape: rect(0, 0, -1, 4) }).success).toBe(false);
  });
});

describe('area mask and blend', () => {
  it('a rectangle covers exactly its pixels; invert flips it', () => {
    const crop = { x: 0, y: 0, w: 10, h: 10 };
    const mask = rasterizeArea(area({ width: 10, height: 10, shape: rect(2, 3, 4, 2) }), crop);
    expect([...mask].filter((v) => v === 255).length).toBe(8);
    expect(mask[3 * 10 + 2]).toBe(255);
    expect(mask[3 * 10 + 6]).toBe(0);
    const inverted = rasterizeArea(area({ width: 10, height: 10, shape: rect(2, 3, 4, 2), invert: true }), crop);
    expect([...inverted].filter((v) => v === 255).length).toBe(92);
  });

  it('the eraser removes what the brush painted', () => {
    const crop = { x: 0, y: 0, w: 40, h: 40 };
    const painted = area({ width: 40, height: 40, shape: { kind: 'brush', strokes: [{ size: 10, points: [[20, 20]] }] } });
    expect(maskIsEmpty(rasterizeArea(painted, crop))).toBe(false);
    const erased = area({ width: 40, height: 40, shape: { kind: 'brush', strokes: [{ size: 10, points: [[20, 20]] }, { size: 14, erase: true, points: [[20, 20]] }] } });
    expect(maskIsEmpty(rasterizeArea(erased, crop))).toBe(true);
  });

  it('feathering stays within feather + 1 px and keeps the inside fully edited', () => {
    const w = 60, h = 60, feather = 8;
    const mask = featherMask(rasterizeArea(area({ width: w, height: h, shape: rect(20, 20, 20, 20) }), { x: 0, y: 0, w, h }), w, h, feather);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const outside = x < 20 - feather - 1 || x >= 40 + feather + 1 || y < 20 - feather - 1 || y >= 40 + feather + 1;
        if (outside) expect(mask[y * w + x]).toBe(0);
      }
    }
    expect(mask[30 * w + 30]).toBe(255);
    expect(mask[30 * w + 20]).toBeGreaterThan(0);
    expect(mask[30 * w + 20]).toBeLessThan(255);
  });

  it('an area on the image edge stays fully edited up to the edge', () => {
    const w = 30, h = 30;
    const mask = featherMask(rasterizeArea(area({ width: w, height: h, shape: rect(0, 0, 15, 30) }), { x: 0, y: 0, w, h }), w, h, 6);
    expect(mask[15 * w]).toBe(255);
  });

  it('the blend box holds every non-zero mask pixel and nothing of the context margin beyond the feather', () => {
    const a = area({ shape: rect(200, 200, 100, 60), feather: 8 });
    const crop = paddedCrop(a);
    const mask = featherMask(rasterizeArea(a, crop), crop.w, crop.h, a.feather);
    const box = maskBox(mask, crop.w, crop.h)!;
    // Reach of the two box blurs: at most feather + 1 px around the area.
    expect(box.x + crop.x).toBeGreaterThanOrEqual(200 - 9);
    expect(box.x + crop.x + box.w).toBeLessThanOrEqual(300 + 9);
    expect(box.y + crop.y).toBeGreaterThanOrEqual(200 - 9);
    expect(box.h).toBeLessThan(crop.h);
    let outside = 0;
    for (let y = 0; y < crop.h; y++)
      for (let x = 0; x < crop.w; x++) {
        const inBox = x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h;
        if (!inBox && mask[y * crop.w + x] !== 0) outside++;
      }
    expect(outside).toBe(0);
    const sub = subMask(mask, crop.w, box);
    expect(sub.length).toBe(box.w * box.h);
    expect(sub[0]).toBe(mask[box.y * crop.w + box.x]);
    expect(sub[sub.length - 1]).toBe(mask[(box.y + box.h - 1) * crop.w + box.x + box.w - 1]);
    expect(maskBox(new Uint8Array(12), 4, 3)).toBeUndefined();
  });

  it('blends: mask 0 keeps the source byte for byte, 255 takes the answer, between mixes', () => {
    const dst = new Uint8ClampedArray([10, 20, 30, 255, 10, 20, 30, 255, 0, 0, 0, 255]);
    const answer = new Uint8ClampedArray([200, 200, 200, 255, 200, 200, 200, 255, 255, 255, 255, 255]);
    blendRgba(dst, answer, new Uint8Array([0, 255, 128]));
    expect([...dst]).toEqual([10, 20, 30, 255, 200, 200, 200, 255, 128, 128, 128, 255]);
  });
});

describe('area edit lineage', () => {
  const rect = (invert: boolean) => areaSchema.parse({ width: 400, height: 200, invert, shape: { kind: 'rect', rect: { x: 100, y: 50, w: 200, h: 100 } } });
  it('the crop sent keeps the original\'s parent and records the part changed, as fractions', () => {
    const from = { kind: 'result' as const, jobId: 'job-1', output: 0 };
    expect(cropFrom(from, rect(false))).toEqual({ kind: 'result', jobId: 'job-1', output: 0, area: { x: 0.25, y: 0.25, width: 0.5, height: 0.5 } });
    // Inverted: everything but the area changed, so no area; a source without lineage stays without.
    expect(cropFrom({ ...from, area: { x: 0, y: 0, width: 1, height: 1 } }, rect(true))).toEqual(from);
    expect(cropFrom(undefined, rect(false))).toBeUndefined();
  });
});
