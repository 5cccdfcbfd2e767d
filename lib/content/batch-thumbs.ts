/**
 * The batch picker's thumbnails, from the pixels the page already shows: the page script draws each loaded
 * <img> onto a small canvas. The side panel then shows bytes, and never loads a page-chosen address from
 * the extension's origin (which would be a credentialed GET the page aimed). A cross-origin image taints
 * the canvas (toDataURL throws): that one gets no thumbnail here, and the worker tries without cookies.
 */
export const THUMB_EDGE = 96;

export function thumbOf(el: Element): string | undefined {
  if (!(el instanceof HTMLImageElement) || !el.complete || el.naturalWidth === 0) return undefined;
  try {
    const scale = Math.min(1, THUMB_EDGE / Math.max(el.naturalWidth, el.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(el.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(el.naturalHeight * scale));
    canvas.getContext('2d')?.drawImage(el, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', 0.7);
    return url.startsWith('data:image/jpeg') && url.length <= 60_000 ? url : undefined;
  } catch {
    return undefined; // tainted (cross-origin without CORS)
  }
}
