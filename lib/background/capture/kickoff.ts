import { browser, type Browser } from 'wxt/browser';
import { IMAGE_LIMITS } from '../../media/prepare-image';
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
  /** Settles once `capture.start` is on its way to the page (or the kickoff failed): the moment to load. */
  sending: Promise<void>;
  /** Settles once `capture.start` reached the page (or failed to: startCapture's catch handles it). */
  sent: Promise<void>;
}

/** What a context-menu click points at. */
export function menuCaptureTarget(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, mediaType: CaptureTarget['mediaType']): CaptureTarget {
  return { tabId: tab?.id, frameId: info.frameId ?? 0, pageUrl: info.frameUrl ?? info.pageUrl ?? tab?.url, srcUrl: info.srcUrl, mediaType };
}

/** `actionId`: the quick action the menu id names (menu-gesture.ts `quickActionOf`: ids belong to the menus). */
export function kickOffQuickCapture(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, actionId: string | undefined): CaptureKickoff | undefined {
  const target = menuCaptureTarget(info, tab, 'image');
  const tabId = target.tabId;
  if (actionId === undefined || tabId === undefined || tabId < 0) return undefined; // startCapture says why
  const capture: PendingCapture = { ...target, tabId, captureId: crypto.randomUUID(), purpose: { kind: 'quick', actionId }, createdAt: Date.now() };
  const issued = (async () => {
    // Stored and injected at the same time; stored even when the injection fails (startCapture takes over).
    const [stored, injected] = await Promise.allSettled([saveCapture(capture), injectInto(capture, CONTENT_SCRIPT_FILE)]);
    if (injected.status === 'rejected') throw injected.reason;
    if (stored.status === 'rejected') throw stored.reason;
    capture.documentId = injected.value;
    // The record with its document and the message leave together: the extension's storage calls are handled
    // in order, so the page's capture.done (handled by the services, loaded after this) finds the record.
    // Wrapped in an object so that this function settles when the calls are made, not when they are answered.
    const saved = saveCapture(capture);
    return { delivery: Promise.all([saved, browser.tabs.sendMessage(tabId, captureStartMessage(capture, IMAGE_LIMITS), messageOptions(capture))]) };
  })();
  const sending = issued.then(() => undefined);
  const sent = issued.then(({ delivery }) => delivery).then(() => undefined);
  // Both are handled by main.ts and startCapture, which may only look at them after the services load.
  sending.catch(() => undefined);
  sent.catch(() => undefined);
  return { capture, sending, sent };
}
