import { blobToDataUrl } from '../../media/encode';
import type { ToContent } from '../../messaging/protocol';
import { randomId } from '../batch-scan';
import { findMedia, tag } from '../find-target';
import { CaptureError, IMAGE_LIMITS, prepareImage } from '../../media/prepare-image';
import { hideOverlays, painted, restoreOverlays } from '../screenshot-box';
import { send } from '../target';
import { formatNumber, t } from '../../i18n';
import { addressOf, pictureAt, picturesOnScreen, type Picture } from './find-picture';
import { PickerUi, type Rect } from './picker-ui';
import { readPixels } from './read-picture';

/**
 * "Pick a picture here…" in the page. Hovering outlines the picture under the pointer; a click chooses it;
 * a drag captures the dragged area of the tab; Esc (or Cancel) ends it. Without a pointer, Tab / Shift+Tab
 * outline the pictures on screen one by one (the live region says which) and Enter chooses. The page is hostile:
 * - only trusted events act (a page's synthetic clicks and keys do nothing);
 * - what is chosen is what is under the trusted click, found again at the press and at the release: the
 *   press must land on the picture the outline showed, and the release on that same picture. A page that
 *   slides another picture under the pointer between hover, press and release gets nothing chosen; the
 *   outline moves to what is there now, and the user clicks again, seeing it.
 * The choice goes to the worker (lib/background/page/pick.ts), which makes it a capture for the panel.
 */
const DRAG_THRESHOLD = 6;
/** Longer addresses (a big data: URL) are read as pixels instead: messages cap page addresses at 8 KiB. */
const MAX_ADDRESS = 8192;

let active: Picker | undefined;

/** picker.js (entrypoints/picker.ts): once per frame, beside page.js in the same isolated world. */
export function startPickerScript(): void {
  const flag = globalThis as { __reimaginePicker?: boolean };
  if (flag.__reimaginePicker) return;
  flag.__reimaginePicker = true;
  chrome.runtime.onMessage.addListener((message: ToContent, _sender, sendResponse) => {
    if (message?.type === 'pick.start') startPicker(message.pickId);
    else if (message?.type === 'pick.frame') void useVideoFrame(message.pickId, message.srcUrl);
    else return false; // page.js answers everything else
    sendResponse({ ok: true });
    return false;
  });
}

export function startPicker(pickId: string): void {
  active?.end();
  active = new Picker(pickId);
}

/** "Use this frame": the right-clicked video's current frame, as if it had been picked. */
export async function useVideoFrame(pickId: string, srcUrl: string | undefined): Promise<void> {
  const video = findMedia(srcUrl, 'video');
  await choose(pickId, video instanceof HTMLVideoElement ? { kind: 'video', el: video } : undefined);
}

class Picker {
  private readonly ui: PickerUi;
  private hovered: Picture | undefined;
  private press: { x: number; y: number; picture: Picture | undefined } | undefined;
  private dragging = false;
  private last: { x: number; y: number } | undefined;
  private readonly controller = new AbortController();

  constructor(private readonly pickId: string) {
    this.ui = new PickerUi(() => this.end());
    const { layer } = this.ui;
    const signal = this.controller.signal;
    layer.addEventListener('pointermove', (e) => this.onMove(e), { signal });
    layer.addEventListener('pointerdown', (e) => this.onDown(e), { signal });
    layer.addEventListener('pointerup', (e) => this.onUp(e), { signal });
    layer.addEventListener('click', (e) => e.stopPropagation(), { signal });
    layer.addEventListener('contextmenu', (e) => e.preventDefault(), { signal });
    window.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    window.addEventListener('scroll', () => this.last && !this.press && this.hover(this.last.x, this.last.y), { capture: true, passive: true, signal });
  }

  end(): void {
    this.controller.abort();
    this.ui.destroy();
    if (active === this) active = undefined;
  }

  private hover(x: number, y: number): Picture | undefined {
    this.last = { x, y };
    this.hovered = pictureAt(x, y);
    this.ui.showOutline(this.hovered?.el.getBoundingClientRect());
    return this.hovered;
  }

  private onMove(e: PointerEvent): void {
    if (!e.isTrusted) return;
    e.stopPropagation();
    if (!this.press) {
      this.hover(e.clientX, e.clientY);
      return;
    }
    if (!this.dragging && Math.hypot(e.clientX - this.press.x, e.clientY - this.press.y) < DRAG_THRESHOLD) return;
    this.dragging = true;
    this.ui.showOutline(undefined);
    this.ui.showArea(rectBetween(this.press, { x: e.clientX, y: e.clientY }));
  }

  private onDown(e: PointerEvent): void {
    if (!e.isTrusted || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    this.ui.layer.setPointerCapture?.(e.pointerId);
    const shown = this.hovered;
    const now = this.hover(e.clientX, e.clientY);
    // Armed only if the press is on the very picture the outline showed before it.
    this.press = { x: e.clientX, y: e.clientY, picture: now && shown && now.el === shown.el ? now : undefined };
    this.dragging = false;
  }

  private onUp(e: PointerEvent): void {
    if (!e.isTrusted || !this.press) return;
    e.stopPropagation();
    const press = this.press;
    this.press = undefined;
    if (this.dragging) {
      this.dragging = false;
      this.ui.showArea(undefined);
      const rect = rectBetween(press, { x: e.clientX, y: e.clientY });
      this.end();
      void captureArea(this.pickId, rect);
      return;
    }
    const now = this.hover(e.clientX, e.clientY);
    if (!now) return this.ui.setStatus(t('overlay.picker.nothing'));
    if (!press.picture || press.picture.el !== now.el) return this.ui.setStatus(t('overlay.picker.moved'));
    this.end();
    void choose(this.pickId, now);
  }

  /** Esc ends; Tab / Shift+Tab outline the next / previous picture on screen; Enter chooses the outlined one. */
  private onKey(e: KeyboardEvent): void {
    if (!e.isTrusted || !['Escape', 'Tab', 'Enter'].includes(e.key)) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') return this.end();
    if (e.key === 'Enter') {
      if (!this.hovered?.el.isConnected) return this.ui.setStatus(t('overlay.picker.nothing'));
      const chosen = this.hovered;
      this.end();
      void choose(this.pickId, chosen);
      return;
    }
    const list = picturesOnScreen();
    if (list.length === 0) return this.ui.setStatus(t('overlay.picker.nothing'));
    const at = list.findIndex((p) => p.el === this.hovered?.el);
    const next = at < 0 ? (e.shiftKey ? list.length - 1 : 0) : (at + (e.shiftKey ? list.length - 1 : 1)) % list.length;
    this.hovered = list[next];
    this.ui.showOutline(this.hovered?.el.getBoundingClientRect());
    this.ui.setStatus(t('overlay.picker.picture', { n: formatNumber(next + 1), count: formatNumber(list.length) }));
  }
}

const rectBetween = (a: { x: number; y: number }, b: { x: number; y: number }): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(a.x - b.x),
  height: Math.abs(a.y - b.y),
});

/** The picker's UI is gone (end()); hide the overlays too, let the page paint, then the worker shoots. */
async function captureArea(pickId: string, box: Rect): Promise<void> {
  hideOverlays();
  await painted();
  try {
    await send({ type: 'pick.area', pickId, box, devicePixelRatio });
  } finally {
    restoreOverlays();
  }
}

/** Hand the picture over: its address (read like a right-clicked image), else its pixels, else "unreadable". */
async function choose(pickId: string, picture: Picture | undefined): Promise<void> {
  const targetId = randomId();
  if (picture) tag(picture.el, targetId);
  const address = picture && addressOf(picture);
  if (address && address.length <= MAX_ADDRESS) {
    await send({ type: 'pick.chosen', pickId, targetId, srcUrl: address });
    return;
  }
  const blob = picture ? await readPixels(picture) : undefined;
  if (blob) {
    try {
      const prepared = await prepareImage(blob, IMAGE_LIMITS);
      await send({ type: 'pick.chosen', pickId, targetId, dataUrl: await blobToDataUrl(prepared.blob) });
      return;
    } catch (error) {
      if (!(error instanceof CaptureError)) throw error;
    }
  }
  await send({ type: 'pick.chosen', pickId, targetId, unreadable: true });
}
