import { dataUrlToBlob } from './encode';

/**
 * "Use a screenshot instead": tabs.captureVisibleTab returns the visible viewport in device pixels; the
 * page script measures the image's box in CSS pixels. This maps one onto the other and clips it to what
 * is on screen (a box half outside the viewport gives its visible half; a box fully outside gives none).
 */
export interface CssBox {
  /** Relative to the viewport (getBoundingClientRect), CSS pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PixelRect {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/**
 * @param box the element's content box in CSS px
 * @param devicePixelRatio the page's devicePixelRatio (screen density × zoom)
 * @param shot the screenshot's size in pixels (bounds the result)
 */
export function cropRect(box: CssBox, devicePixelRatio: number, shot: { width: number; height: number }): PixelRect | undefined {
  const scale = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  // Outward rounding: a 0.5 px edge stays inside the crop rather than being cut off.
  const left = clamp(Math.floor(box.x * scale), 0, shot.width);
  const top = clamp(Math.floor(box.y * scale), 0, shot.height);
  const right = clamp(Math.ceil((box.x + box.width) * scale), 0, shot.width);
  const bottom = clamp(Math.ceil((box.y + box.height) * scale), 0, shot.height);
  if (right - left < 1 || bottom - top < 1) return undefined;
  return { sx: left, sy: top, sw: right - left, sh: bottom - top };
}

/** Crop a captureVisibleTab PNG (data: URL) to a CSS box; undefined when the box is off screen. Needs createImageBitmap + OffscreenCanvas (worker or page). */
export async function cropScreenshot(shotDataUrl: string, box: CssBox, devicePixelRatio: number): Promise<Blob | undefined> {
  const bitmap = await createImageBitmap(dataUrlToBlob(shotDataUrl));
  try {
    const rect = cropRect(box, devicePixelRatio, bitmap);
    if (!rect) return undefined;
    const canvas = new OffscreenCanvas(rect.sw, rect.sh);
    canvas.getContext('2d')?.drawImage(bitmap, rect.sx, rect.sy, rect.sw, rect.sh, 0, 0, rect.sw, rect.sh);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
