import type { Area, PixelBox } from './area';

/**
 * Where to crop and at what size to send, as pure arithmetic (unit-tested).
 * Context: the box grows by CONTEXT_PAD of its size on each side (at least the feather plus MIN_PAD_PX), so the
 * model sees the light and surroundings it must match, and the feathered edge falls inside the crop.
 */
export const CONTEXT_PAD = 0.35;
const MIN_PAD_PX = 16;
/** 1k outputs are about 1024² px (imagine-api.md): a crop sent at that area is neither wasted nor upscaled twice. */
export const SEND_AREA_PX = 1024 * 1024;
/** The API's own upload edge for sources (lib/content/prepare-image.ts IMAGE_LIMITS). */
export const SEND_MAX_EDGE = 2048;

/** The area's bounding box in whole pixels, clamped to the image; the whole image when inverted. */
export function areaBounds(area: Area): PixelBox {
  if (area.invert) return { x: 0, y: 0, w: area.width, h: area.height };
  let x0: number, y0: number, x1: number, y1: number;
  if (area.shape.kind === 'rect') {
    const r = area.shape.rect;
    [x0, y0, x1, y1] = [r.x, r.y, r.x + r.w, r.y + r.h];
  } else {
    x0 = y0 = Infinity;
    x1 = y1 = -Infinity;
    for (const stroke of area.shape.strokes) {
      if (stroke.erase) continue; // erasing never grows the area
      const r = stroke.size / 2;
      for (const [px, py] of stroke.points) {
        x0 = Math.min(x0, px - r);
        y0 = Math.min(y0, py - r);
        x1 = Math.max(x1, px + r);
        y1 = Math.max(y1, py + r);
      }
    }
    if (!Number.isFinite(x0)) return { x: 0, y: 0, w: 1, h: 1 };
  }
  return clampBox(Math.floor(x0), Math.floor(y0), Math.ceil(x1), Math.ceil(y1), area.width, area.height);
}

function clampBox(x0: number, y0: number, x1: number, y1: number, width: number, height: number): PixelBox {
  const cx0 = Math.min(Math.max(0, x0), width - 1);
  const cy0 = Math.min(Math.max(0, y0), height - 1);
  const cx1 = Math.max(Math.min(width, x1), cx0 + 1);
  const cy1 = Math.max(Math.min(height, y1), cy0 + 1);
  return { x: cx0, y: cy0, w: cx1 - cx0, h: cy1 - cy0 };
}

/** The crop: the bounds padded with context on each side, clamped to the image (it may touch the edges). */
export function paddedCrop(area: Area, pad = CONTEXT_PAD): PixelBox {
  const b = areaBounds(area);
  const padX = Math.ceil(Math.max(b.w * pad, area.feather + MIN_PAD_PX));
  const padY = Math.ceil(Math.max(b.h * pad, area.feather + MIN_PAD_PX));
  return clampBox(b.x - padX, b.y - padY, b.x + b.w + padX, b.y + b.h + padY, area.width, area.height);
}

/** The size the crop is sent at: about SEND_AREA_PX pixels (small crops are upscaled), no edge over SEND_MAX_EDGE. */
export function sendSize(crop: { w: number; h: number }): { width: number; height: number } {
  let scale = Math.sqrt(SEND_AREA_PX / (crop.w * crop.h));
  scale = Math.min(scale, SEND_MAX_EDGE / Math.max(crop.w, crop.h));
  return { width: Math.max(1, Math.round(crop.w * scale)), height: Math.max(1, Math.round(crop.h * scale)) };
}
