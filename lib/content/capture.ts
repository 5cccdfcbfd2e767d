import { CaptureError, prepareImage, RAW_IMAGE_MAX_BYTES, type Drawable, type ImageLimits } from '../media/prepare-image';
import { formatMegabytes, t } from '../i18n';

/**
 * Reading a page image's bytes from inside the page. A content script's fetch runs as the page: the
 * page's cookies go with it (images behind a login), the Referer is the page (hotlink checks), and
 * data:/blob: URLs created by the page resolve. What it cannot do is read a cross-origin response
 * without CORS; that is reported as `CorsBlocked` and the background retries with its host access.
 */
export class CorsBlocked extends Error {
  override name = 'CorsBlocked';
}

export interface CapturedBytes {
  blob: Blob;
  width?: number;
  height?: number;
}

export async function fetchInPage(srcUrl: string, maxBytes: number): Promise<Blob> {
  const url = new URL(srcUrl, location.href);
  if (url.protocol === 'file:' && location.protocol !== 'file:') throw new CaptureError(t('capture.localFromWeb'));
  let response: Response;
  try {
    response = await fetch(url.href, { credentials: 'include', cache: 'force-cache' });
  } catch {
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin) throw new CorsBlocked(url.href);
    if (url.protocol === 'file:') throw new CaptureError(t('capture.localFileAccess'));
    throw new CaptureError(t('capture.networkError'));
  }
  if (!response.ok) throw new CaptureError(t('capture.httpError', { status: String(response.status) }));
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new CaptureError(t('capture.fileTooLarge', { size: formatMegabytes(declared), max: formatMegabytes(maxBytes) }));
  const blob = await response.blob();
  if (blob.size > maxBytes) throw new CaptureError(t('capture.fileTooLarge', { size: formatMegabytes(blob.size), max: formatMegabytes(maxBytes) }));
  return blob;
}


export async function captureImageBytes(srcUrl: string, limits: ImageLimits): Promise<CapturedBytes> {
  const raw = await fetchInPage(srcUrl, RAW_IMAGE_MAX_BYTES);
  const prepared = await prepareImage(raw, limits, (blob, maxEdge) => rasterizeSvg(blob, srcUrl, maxEdge));
  return { blob: prepared.blob, width: prepared.width, height: prepared.height };
}

/**
 * SVG has no decoder outside an <img>: load it (from a blob: URL, else from its own address, which the
 * page's CSP necessarily allows) and draw it at a useful size — vectors scale up for free.
 */
async function rasterizeSvg(blob: Blob, srcUrl: string, maxEdge: number): Promise<Drawable> {
  const objectUrl = URL.createObjectURL(new Blob([blob], { type: 'image/svg+xml' }));
  try {
    const img = (await loadImage(objectUrl).catch(() => loadImage(srcUrl))) as HTMLImageElement;
    let width = img.naturalWidth || 1024;
    let height = img.naturalHeight || 1024;
    const scale = Math.min(maxEdge, Math.max(1024, width, height)) / Math.max(width, height);
    width = Math.round(width * scale);
    height = Math.round(height * scale);
    return { source: img, width, height };
  } finally {
    URL.revokeObjectURL(objectUrl);
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => resolve(img);
    img.onerror = () => reject(new CaptureError(t('capture.svgRender')));
    img.src = src;
  });
}

export async function captureVideoBytes(srcUrl: string, maxBytes: number): Promise<Blob> {
  const blob = await fetchInPage(srcUrl, maxBytes);
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  const isMp4 = String.fromCharCode(...head.subarray(4, 8)) === 'ftyp';
  if (!isMp4) throw new CaptureError(t('capture.onlyMp4'));
  return new Blob([blob], { type: 'video/mp4' });
}
