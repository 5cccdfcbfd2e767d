import type { Area, BrushStroke, PixelBox } from './area';

/**
 * The area as an alpha mask over the crop (one byte per pixel of the original, 255 = take the answer),
 * feathered, and the blend itself. Pure typed-array code: unit-tested, and run unchanged inside a worker.
 */

/** The hard mask (no feather) of `area` over the crop box `crop`. */
export function rasterizeArea(area: Area, crop: PixelBox): Uint8Array {
  const mask = new Uint8Array(crop.w * crop.h);
  if (area.shape.kind === 'rect') {
    const r = area.shape.rect;
    // A pixel is in when its centre is: a rectangle drawn on pixel edges covers exactly those pixels.
    const x0 = Math.max(0, Math.round(r.x) - crop.x);
    const y0 = Math.max(0, Math.round(r.y) - crop.y);
    const x1 = Math.min(crop.w, Math.round(r.x + r.w) - crop.x);
    const y1 = Math.min(crop.h, Math.round(r.y + r.h) - crop.y);
    for (let y = y0; y < y1; y++) mask.fill(255, y * crop.w + x0, y * crop.w + Math.max(x0, x1));
  } else {
    for (const stroke of area.shape.strokes) paintStroke(mask, crop, stroke);
  }
  if (area.invert) for (let i = 0; i < mask.length; i++) mask[i] = 255 - (mask[i] ?? 0);
  return mask;
}

/** Stamp a stroke: every pixel centre within size/2 of the polyline (a round brush dragged along it). */
function paintStroke(mask: Uint8Array, crop: PixelBox, stroke: BrushStroke): void {
  const r = stroke.size / 2;
  const value = stroke.erase ? 0 : 255;
  const pts = stroke.points;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[Math.min(i + 1, pts.length - 1)]!;
    const ax = a[0] - crop.x, ay = a[1] - crop.y, bx = b[0] - crop.x, by = b[1] - crop.y;
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - r));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by) - r));
    const x1 = Math.min(crop.w - 1, Math.ceil(Math.max(ax, bx) + r));
    const y1 = Math.min(crop.h - 1, Math.ceil(Math.max(ay, by) + r));
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5 - ax, py = y + 0.5 - ay;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - t * dx, ey = py - t * dy;
        if (ex * ex + ey * ey <= r * r) mask[y * crop.w + x] = value;
      }
    }
  }
}

/**
 * Soften the mask's edge: two box blurs (≈ a tent) whose reach adds up to at most `feather` + 1 px on each
 * side. Integer sums, so a pixel farther than that from the area stays exactly 0 (its source pixel is kept
 * byte for byte). Edges replicate: an area touching the image's edge stays fully edited up to it.
 */
export function featherMask(mask: Uint8Array, w: number, h: number, feather: number): Uint8Array {
  if (feather <= 0) return mask;
  const r = Math.ceil(feather / 2);
  const tmp = new Uint8Array(mask.length);
  boxBlur(mask, tmp, w, h, r, 1, w); // rows
  boxBlur(tmp, mask, h, w, r, w, 1); // columns
  boxBlur(mask, tmp, w, h, r, 1, w);
  boxBlur(tmp, mask, h, w, r, w, 1);
  return mask;
}

/** One pass along `lines` lines of `len` pixels; `step` between pixels of a line, `stride` between lines. */
function boxBlur(src: Uint8Array, dst: Uint8Array, len: number, lines: number, r: number, step: number, stride: number): void {
  const size = 2 * r + 1;
  for (let line = 0; line < lines; line++) {
    const base = line * stride;
    const at = (i: number) => src[base + Math.min(len - 1, Math.max(0, i)) * step] ?? 0;
    let sum = 0;
    for (let i = -r; i <= r; i++) sum += at(i);
    for (let i = 0; i < len; i++) {
      dst[base + i * step] = Math.round(sum / size);
      sum += at(i + r + 1) - at(i - r);
    }
  }
}

/**
 * dst (RGBA of the original under the crop) ← dst + (answer − dst) × mask. mask 0 leaves dst untouched,
 * 255 takes the answer exactly.
 */
export function blendRgba(dst: Uint8ClampedArray, answer: Uint8ClampedArray, mask: Uint8Array): void {
  for (let p = 0; p < mask.length; p++) {
    const m = mask[p] ?? 0;
    if (m === 0) continue;
    const i = p * 4;
    if (m === 255) {
      dst[i] = answer[i]!;
      dst[i + 1] = answer[i + 1]!;
      dst[i + 2] = answer[i + 2]!;
      dst[i + 3] = answer[i + 3]!;
      continue;
    }
    for (let c = 0; c < 4; c++) dst[i + c] = dst[i + c]! + ((answer[i + c]! - dst[i + c]!) * m) / 255;
  }
}

/** Does the crop contain any pixel the blend would change? (An eraser may have removed everything.) */
export function maskIsEmpty(mask: Uint8Array): boolean {
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) return false;
  return true;
}

/**
 * The smallest box (in the mask's own coordinates) holding every non-zero mask pixel, or undefined when there
 * is none. The crop carries 35 % context on each side that the blend never changes: reading, scaling and
 * blending only this box does a third of the work for a rectangle.
 */
export function maskBox(mask: Uint8Array, w: number, h: number): { x: number; y: number; w: number; h: number } | undefined {
  let x0 = w, y0 = -1, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let first = -1;
    for (let x = 0; x < w; x++) if (mask[row + x] !== 0) { first = x; break; }
    if (first < 0) continue;
    if (y0 < 0) y0 = y;
    y1 = y;
    x0 = Math.min(x0, first);
    for (let x = w - 1; x > x1; x--) if (mask[row + x] !== 0) { x1 = x; break; }
  }
  return y0 < 0 ? undefined : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** The rows and columns of `box` out of a `w`-wide mask (the blend's view of it). */
export function subMask(mask: Uint8Array, w: number, box: { x: number; y: number; w: number; h: number }): Uint8Array {
  if (box.x === 0 && box.y === 0 && box.w === w && box.w * box.h === mask.length) return mask;
  const out = new Uint8Array(box.w * box.h);
  for (let y = 0; y < box.h; y++) out.set(mask.subarray((box.y + y) * w + box.x, (box.y + y) * w + box.x + box.w), y * box.w);
  return out;
}
