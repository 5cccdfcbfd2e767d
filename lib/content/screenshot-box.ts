import { hideOverlaysForScreenshot } from './overlay-guard';

/**
 * The page half of "Use a screenshot instead": bring the image on screen, hide Reimagine's own overlays
 * (they would be in the picture), and report the image's content box in CSS pixels with the page's
 * devicePixelRatio. The worker takes the screenshot, then `restoreOverlays` shows them again.
 */
export interface Measured {
  ok: boolean;
  box?: { x: number; y: number; width: number; height: number };
  devicePixelRatio?: number;
}

export async function measureForScreenshot(el: Element | undefined): Promise<Measured> {
  if (!el?.isConnected) return { ok: false };
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  hideOverlaysForScreenshot(true);
  await painted();
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const px = (v: string) => parseFloat(v) || 0;
  const left = px(cs.borderLeftWidth) + px(cs.paddingLeft);
  const top = px(cs.borderTopWidth) + px(cs.paddingTop);
  const right = px(cs.borderRightWidth) + px(cs.paddingRight);
  const bottom = px(cs.borderBottomWidth) + px(cs.paddingBottom);
  return {
    ok: true,
    box: { x: r.left + left, y: r.top + top, width: Math.max(0, r.width - left - right), height: Math.max(0, r.height - top - bottom) },
    devicePixelRatio,
  };
}

/** Reimagine's own overlays must not be in a screenshot (also the picker's dragged area). */
export function hideOverlays(): void {
  hideOverlaysForScreenshot(true);
}

export function restoreOverlays(): void {
  hideOverlaysForScreenshot(false);
}

/** Two animation frames: the scroll and the hidden overlays have reached the screen. (A tab that does not paint cannot be captured anyway; the timeout keeps us from hanging on it.) */
export function painted(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 500);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
