import { swapBackground, swapImage, swapToVideo, type Swap } from './replace';
import { loadResult, reattach, showError, type Result, type Target } from './target';
import { t } from '../i18n';

/**
 * What the overlay does with a finished result: Replace (swap it into the page), Revert, and Compare (a
 * before/after slider over the element). The result's bytes reach the page only when one of these is asked.
 */
export function revert(target: Target): void {
  stopCompare(target);
  target.swap?.revert();
  target.swap = undefined;
  target.ui.show(['replace', 'compare', 'download', 'open-panel', 'dismiss']);
  target.ui.showThumb(true);
  target.ui.setStatus(t('overlay.restored'));
}

export async function replace(target: Target, focus = true): Promise<void> {
  if (!(await loadResult(target)) || !target.result) return;
  stopCompare(target);
  const el = reattach(target);
  if (!el) return showError(target, t('overlay.imageGone'));
  target.swap?.revert();
  if (!target.swap && el instanceof HTMLImageElement) target.originalSnapshot = snapshot(el, el);
  target.swap = swapFor(el, target.result);
  const isVideo = target.swap.shown instanceof HTMLVideoElement;
  target.ui.show(['revert', ...(isVideo ? (['sound'] as const) : []), 'compare', 'download', 'open-panel', 'dismiss']);
  target.ui.showThumb(false);
  if (isVideo) target.ui.setPressed('sound', false);
  target.ui.setStatus(t('overlay.replaced'));
  if (focus) target.ui.focus('revert');
}

export function swapFor(el: HTMLElement, result: Result): Swap {
  if (result.kind === 'video' || el instanceof HTMLVideoElement) return swapToVideo(el, result.url);
  return el instanceof HTMLImageElement ? swapImage(el, result.url) : swapBackground(el, result.url);
}

/** The Sound toggle of a video swapped into the page: it starts muted (autoplay rules, and no surprise noise). */
export function toggleSound(target: Target): void {
  const video = target.swap?.shown;
  if (!(video instanceof HTMLVideoElement)) return;
  video.muted = !video.muted;
  target.ui.setPressed('sound', !video.muted);
}

/** Before/after slider: the side not currently on the page is drawn over it, clipped by the slider. */
export async function compare(target: Target): Promise<void> {
  if (!(await loadResult(target)) || !target.result) return;
  let layer: HTMLCanvasElement | HTMLVideoElement;
  let labels: [string, string] = [t('overlay.before'), t('overlay.after')];
  if (target.result.kind === 'video' && target.swap && target.originalSnapshot) {
    // The video is on the page (it keeps playing on hover): the original still is the layer, as for images.
    layer = target.originalSnapshot;
    labels = [t('overlay.after'), t('overlay.before')];
  } else if (target.result.kind === 'video') {
    layer = document.createElement('video');
    Object.assign(layer, { muted: true, loop: true, autoplay: true, playsInline: true, src: target.result.url });
    void layer.play().catch(() => undefined);
    if (target.swap) {
      // A video that replaced a video: compare the two clips over the original element.
      target.swap.revert();
      target.swap = undefined;
      target.ui.show(['replace', 'compare', 'download', 'open-panel', 'dismiss']);
    }
  } else {
    if (target.swap) labels = [t('overlay.after'), t('overlay.before')];
    const box = target.el ?? reattach(target);
    if (target.swap && target.originalSnapshot) {
      layer = target.originalSnapshot;
    } else {
      const source = target.swap ? await originalBitmap(target) : await createImageBitmap(target.result.blob);
      layer = source && box ? snapshot(source, box) : document.createElement('canvas');
    }
  }
  target.comparing = true;
  target.ui.setPressed('compare', true);
  target.ui.showCompare(layer, labels);
}

/**
 * `source` drawn at the size `box` is displayed at (× devicePixelRatio, never above the source's own size):
 * the compare layer only ever covers the element, and a full-size 6000×4000 canvas costs ~100 MB and seconds.
 */
function snapshot(source: CanvasImageSource & { width: number; height: number }, box: Element): HTMLCanvasElement {
  const rect = box.getBoundingClientRect();
  const natural = source instanceof HTMLImageElement ? { w: source.naturalWidth, h: source.naturalHeight } : { w: source.width, h: source.height };
  const scale = Math.min(1, (Math.max(rect.width, 1) * devicePixelRatio) / Math.max(natural.w, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(natural.w * scale));
  canvas.height = Math.max(1, Math.round(natural.h * scale));
  canvas.getContext('2d')?.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

async function originalBitmap(target: Target): Promise<ImageBitmap | HTMLImageElement | undefined> {
  if (!target.srcUrl) return undefined;
  const img = new Image();
  img.src = target.srcUrl;
  await img.decode().catch(() => undefined);
  return img;
}

export function stopCompare(target: Target): void {
  if (!target.comparing) return;
  target.comparing = false;
  target.ui.setPressed('compare', false);
  target.ui.showCompare(undefined);
}
