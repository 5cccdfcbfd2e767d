import type { Area, PixelBox } from './area';
import { paddedCrop, sendSize } from './geometry';
import { blendRgba, featherMask, maskBox, rasterizeArea, subMask } from './mask';

/**
 * The pixel work of a region edit, with OffscreenCanvas + createImageBitmap only (no DOM): it runs in the
 * background service worker (Chrome), the Firefox event page and any Web Worker, never on a panel's main
 * thread. Decoding skips colour conversion so an untouched pixel comes back byte for byte.
 */

const DECODE: ImageBitmapOptions = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' };
/**
 * A JPEG has no alpha, so premultiplying changes nothing; leaving the default lets the full-size source be
 * drawn without the un-premultiplied copy Chrome otherwise converts on the way in (≈ 45 ms at 24 MP).
 */
const decodeOptions = (type: string): ImageBitmapOptions => (type === 'image/jpeg' ? { colorSpaceConversion: 'none' } : DECODE);
/** JPEG sources give a JPEG at this quality: visually lossless, a quarter of a PNG's size for photos. */
export const JPEG_QUALITY = 0.95;

export interface AreaCrop {
  blob: Blob;
  crop: PixelBox;
  width: number;
  height: number;
}

/** The type the whole picture is saved as: lossless where the source was (PNG, WebP → PNG), JPEG stays JPEG. */
export function outputTypeFor(sourceType: string): 'image/png' | 'image/jpeg' {
  return sourceType === 'image/jpeg' ? 'image/jpeg' : 'image/png';
}

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  // eslint-disable-next-line reimagine/no-ui-literal -- developer-only: every supported browser has 2d OffscreenCanvas
  if (!ctx) throw new Error('No 2d OffscreenCanvas context');
  return ctx;
}

/** The padded crop, scaled to the model's input size; JPEG sources stay JPEG, others go as PNG. */
export async function cropForEdit(source: Blob, area: Area): Promise<AreaCrop> {
  const crop = paddedCrop(area);
  const size = sendSize(crop);
  const bitmap = await createImageBitmap(source, DECODE);
  try {
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = context2d(canvas);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, crop.x, crop.y, crop.w, crop.h, 0, 0, size.width, size.height);
    const type = outputTypeFor(source.type);
    const blob = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: JPEG_QUALITY } : { type });
    return { blob, crop, ...size };
  } finally {
    bitmap.close();
  }
}

export interface BlendTimings {
  decodeMs: number;
  blendMs: number;
  encodeMs: number;
}

/**
 * The answer scaled back over the crop and blended into the original through the feathered mask, at the
 * original's resolution. Outside the feathered mask every pixel is the source's (the same decoded bytes).
 */
export async function blendAnswer(source: Blob, answer: Blob, area: Area, crop: PixelBox, timings?: BlendTimings): Promise<Blob> {
  const t0 = performance.now();
  // Decoding runs on the browser's decoder threads while the mask is computed here.
  const decoding = Promise.all([createImageBitmap(source, decodeOptions(source.type)), createImageBitmap(answer, DECODE)]);
  // The mask varies only around the area (drawn un-inverted); an inverted edit takes the answer everywhere else.
  const drawn = area.invert ? { ...area, invert: false } : area;
  const box = area.invert ? paddedCrop(drawn) : crop;
  const mask = featherMask(rasterizeArea(drawn, box), box.w, box.h, area.feather);
  const [original, edited] = await decoding;
  try {
    const canvas = new OffscreenCanvas(original.width, original.height);
    const ctx = context2d(canvas);
    ctx.drawImage(original, 0, 0);
    const t1 = performance.now();
    ctx.imageSmoothingQuality = 'high';
    if (area.invert) {
      // Everything but the area becomes the answer; inside the (feathered) area the source comes back.
      const kept = ctx.getImageData(box.x, box.y, box.w, box.h);
      ctx.drawImage(edited, crop.x, crop.y, crop.w, crop.h);
      const out = ctx.getImageData(box.x, box.y, box.w, box.h);
      blendRgba(out.data, kept.data, mask);
      ctx.putImageData(out, box.x, box.y);
    } else {
      // Only the mask's non-zero box is read, scaled and blended: the answer covers the crop, so the matching
      // part of it is scaled straight onto that box; the crop's context margin is never touched.
      const inner = maskBox(mask, box.w, box.h);
      if (inner) {
        const fx = edited.width / crop.w, fy = edited.height / crop.h;
        const scaled = new OffscreenCanvas(inner.w, inner.h);
        const sctx = context2d(scaled);
        sctx.imageSmoothingQuality = 'high';
        sctx.drawImage(edited, inner.x * fx, inner.y * fy, inner.w * fx, inner.h * fy, 0, 0, inner.w, inner.h);
        const under = ctx.getImageData(crop.x + inner.x, crop.y + inner.y, inner.w, inner.h);
        blendRgba(under.data, sctx.getImageData(0, 0, inner.w, inner.h).data, subMask(mask, box.w, inner));
        ctx.putImageData(under, crop.x + inner.x, crop.y + inner.y);
      }
    }
    const t2 = performance.now();
    const type = outputTypeFor(source.type);
    const blob = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: JPEG_QUALITY } : { type });
    if (timings) Object.assign(timings, { decodeMs: t1 - t0, blendMs: t2 - t1, encodeMs: performance.now() - t2 });
    return blob;
  } finally {
    original.close();
    edited.close();
  }
}
