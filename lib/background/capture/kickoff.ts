import { browser, type Browser } from 'wxt/browser';
import { IMAGE_LIMITS } from '../../media/prepare-image';
import { QUICK_PREFIX } from '../menu-gesture';
import { injectInto, messageOptions } from './identity';
import { CONTENT_SCRIPT_FILE, saveCapture } from './in-flight';
import type { CaptureTarget, PendingCapture } from './pending-capture';
import { captureStartMessage } from './start-message';

/**
 * A quick action clicked while the worker sleeps: the click's first steps — inject the page script, tell it
 * to read the picture — run from the start script (main.ts), and the worker loads its services while the page
 * reads the bytes, instead of before it starts to. Nothing here decides anything: startCapture (start.ts)
 * awaits `sent` in place of doing these steps itself and keeps every failure path (no access to the page,
 * the worker's own re-read). Light on purpose: it is on every wake's start path.
 */
export interface CaptureKickoff {
  capture: PendingCapture;
  /** Settles once `capture.start` reached the page (or failed to: startCapture's catch handles it). */
  sent: Promise<void>;
}

/** What a context-menu click points at. */
export function menuCaptureTarget(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, mediaType: CaptureTarget['mediaType']): CaptureTarget {
  return { tabId: tab?.id, frameId: info.frameId ?? 0, pageUrl: info.frameUrl ?? info.pageUrl ?? tab?.url, srcUrl: info.srcUrl, mediaType };
}

export function kickOffQuickCapture(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): CaptureKickoff | undefined {
  const id = String(info.menuItemId);
  const target = menuCaptureTarget(info, tab, 'image');
  const tabId = target.tabId;
  if (!id.startsWith(QUICK_PREFIX) || tabId === undefined || tabId < 0) return undefined; // startCapture says why
  const capture: PendingCapture = { ...target, tabId, captureId: crypto.randomUUID(), purpose: { kind: 'quick', actionId: id.slice(QUICK_PREFIX.length) }, createdAt: Date.now() };
  const sent = (async () => {
    // Stored and injected at the same time; stored even when the injection fails (startCapture takes over).
    const [stored, injected] = await Promise.allSettled([saveCapture(capture), injectInto(capture, CONTENT_SCRIPT_FILE)]);
    if (injected.status === 'rejected') throw injected.reason;
    if (stored.status === 'rejected') throw stored.reason;
    capture.documentId = injected.value;
    await saveCapture(capture);
    await browser.tabs.sendMessage(tabId, captureStartMessage(capture, IMAGE_LIMITS), messageOptions(capture));
  })();
  sent.catch(() => undefined); // handled by startCapture, which may only look at it after the services load
  return { capture, sent };
}
