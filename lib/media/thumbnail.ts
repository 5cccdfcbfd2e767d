export interface Thumbnail {
  blob: Blob;
  width: number;
  height: number;
}

export const THUMB_EDGE = 320;

/**
 * A small JPEG of an image, plus the original's dimensions. Runs in the service worker
 * (createImageBitmap + OffscreenCanvas); returns undefined where those don't exist (Node tests) or the
 * bytes don't decode — a missing thumbnail must never fail a job.
 */
export async function makeThumbnail(blob: Blob, maxEdge = THUMB_EDGE): Promise<Thumbnail | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas === 'undefined') return undefined;
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const thumb = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    const result = { blob: thumb, width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return result;
  } catch {
    return undefined;
  }
}
