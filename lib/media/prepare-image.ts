import { sniffImageType } from './encode';
import { t } from '../i18n';

/**
 * Turn whatever bytes a page image is made of into what the API accepts: JPEG, PNG or WebP, at most
 * `maxBytes`, longest edge at most `maxEdge` (outputs are ~1–2k px, so more pixels only cost upload time).
 * Runs where the pixels are: in the page (content script) and, for the cross-origin fallback, in the
 * service worker (createImageBitmap + OffscreenCanvas exist in both). No zod, no DOM-only APIs except
 * the optional SVG rasterizer the content script passes in.
 */
export interface ImageLimits {
  maxEdge: number;
  maxBytes: number;
}

export const IMAGE_LIMITS: ImageLimits = { maxEdge: 2048, maxBytes: 4 * 1024 * 1024 };
/** The largest file read before decoding, in the page or the worker (a huge PNG is still worth downscaling). */
export const RAW_IMAGE_MAX_BYTES = 80 * 1024 * 1024;
export const VIDEO_MAX_BYTES = 45 * 1024 * 1024; // base64 of it must stay under Chrome's 64 MiB message limit

export interface PreparedImage {
  blob: Blob;
  width: number;
  height: number;
  /** True when the original bytes are sent unchanged. */
  original: boolean;
}

/** A decoded picture we can draw: ImageBitmap, or (content script only) a loaded <img> for SVG. */
export type Drawable = { source: CanvasImageSource; width: number; height: number; close?: () => void };

export class CaptureError extends Error {
  override name = 'CaptureError';
}

const API_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** What the bytes really are (magic bytes first; a server's Content-Type is only a hint). */
export async function detectType(blob: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await blob.slice(0, 512).arrayBuffer());
  const sniffed = sniffImageType(head);
  if (sniffed) return sniffed;
  const text = new TextDecoder().decode(head).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg')) || blob.type === 'image/svg+xml') return 'image/svg+xml';
  if (head[0] === 0x42 && head[1] === 0x4d) return 'image/bmp';
  if (head[0] === 0 && head[1] === 0 && head[2] === 1 && head[3] === 0) return 'image/x-icon';
  if (String.fromCharCode(...head.subarray(4, 12)).startsWith('ftypavi')) return 'image/avif';
  if (text.startsWith('<!doctype') || text.startsWith('<html') || text.startsWith('{')) return 'text/html';
  return blob.type || undefined;
}

/** The target size: same picture, longest edge ≤ maxEdge. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Can the original bytes go as they are? */
export function canSendAsIs(type: string | undefined, bytes: number, width: number, height: number, limits: ImageLimits): boolean {
  return type !== undefined && API_TYPES.includes(type) && bytes <= limits.maxBytes && Math.max(width, height) <= limits.maxEdge;
}

export async function prepareImage(
  blob: Blob,
  limits: ImageLimits,
  rasterizeSvg?: (blob: Blob, maxEdge: number) => Promise<Drawable>,
): Promise<PreparedImage> {
  if (blob.size === 0) throw new CaptureError(t('capture.empty'));
  const type = await detectType(blob);
  if (type === 'text/html' || type?.startsWith('text/')) throw new CaptureError(t('capture.webPage'));
  let drawable: Drawable;
  if (type === 'image/svg+xml') {
    if (!rasterizeSvg) throw new CaptureError(t('capture.svgCrossSite'));
    drawable = await rasterizeSvg(blob, limits.maxEdge);
  } else {
    const bitmap = await createImageBitmap(blob).catch(() => {
      throw new CaptureError(type?.startsWith('image/') ? t('capture.undecodable', { format: type.slice(6).toUpperCase() }) : t('capture.notAnImage'));
    });
    drawable = { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  try {
    if (canSendAsIs(type, blob.size, drawable.width, drawable.height, limits)) {
      return { blob: new Blob([blob], { type: type ?? 'image/jpeg' }), width: drawable.width, height: drawable.height, original: true };
    }
    return await reencode(drawable, type, limits);
  } finally {
    drawable.close?.();
  }
}

/** Downscale and re-encode: JPEG for photos, PNG (then WebP if too big) when there is transparency. */
async function reencode(drawable: Drawable, type: string | undefined, limits: ImageLimits): Promise<PreparedImage> {
  let { width, height } = fitWithin(drawable.width, drawable.height, limits.maxEdge);
  for (let attempt = 0; attempt < 6; attempt++) {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new CaptureError(t('capture.noCanvas'));
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(drawable.source, 0, 0, width, height);
    const alpha = type !== 'image/jpeg' && hasTransparency(ctx, width, height);
    const candidates: Array<[string, number | undefined]> = alpha
      ? [['image/png', undefined], ['image/webp', 0.9]]
      : [['image/jpeg', 0.9], ['image/jpeg', 0.8]];
    for (const [mime, quality] of candidates) {
      const out = await canvas.convertToBlob(quality === undefined ? { type: mime } : { type: mime, quality });
      if (out.size <= limits.maxBytes) return { blob: out, width, height, original: false };
    }
    width = Math.max(1, Math.round(width * 0.75));
    height = Math.max(1, Math.round(height * 0.75));
  }
  throw new CaptureError(t('capture.tooLargeAfterDownscale'));
}

/** Any pixel not fully opaque? Reads a sparse grid: cheap even at 2048². */
function hasTransparency(ctx: OffscreenCanvasRenderingContext2D, width: number, height: number): boolean {
  try {
    const data = ctx.getImageData(0, 0, width, height).data;
    const step = Math.max(1, Math.floor((width * height) / 200_000)) * 4;
    for (let i = 3; i < data.length; i += step) if ((data[i] ?? 255) < 250) return true;
    return false;
  } catch {
    throw new CaptureError(t('capture.taintedPixels'));
  }
}
