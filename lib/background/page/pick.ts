import { browser, type Browser } from 'wxt/browser';
import { toErrorInfo } from '../../errors/taxonomy';
import { CaptureError, IMAGE_LIMITS, prepareImage } from '../../media/prepare-image';
import type { JobEngine } from '../../jobs/engine';
import { blobToDataUrl } from '../../media/encode';
import { cropScreenshot } from '../../media/screenshot-crop';
import type { ContentCommand, Reply, ToContent } from '../../messaging/protocol';
import { announceCapture, failCapture } from '../capture/announce';
import { finishCapture } from '../capture/finish';
import { notifyError } from '../capture/notify';
import { CONTENT_SCRIPT_FILE, saveCapture, type CapturePurpose, type CaptureTarget, type PendingCapture } from '../capture/pending';
import { startCapture } from '../capture/start';
import { t } from '../../i18n';

/**
 * "Pick a picture here…" (menu id `reimagine-pick`, every context) and "Use this frame" (`reimagine-use-frame`,
 * videos). The menu click injects the page script (as every capture does: nothing runs in a page before)
 * and, beside it, the picker script (picker.js), which starts the picker in the top frame
 * (lib/content/picker/) or reads the clicked video's frame. The
 * pick is kept in session storage: only that tab and frame may answer, once. What the user chose becomes
 * an ordinary capture for the panel's Edit image mode (capture/), so it is read, announced, retried and
 * screenshotted exactly like a right-clicked image:
 * - a picture with an address (covered `<img>`, CSS background, SVG `<image>`, a picture in a shadow root):
 *   `startCapture` with that address, read in the page with its credentials, else by the worker's re-read;
 * - pixels the page read (canvas, SVG rasterised, video frame): stored as they are;
 * - pixels nobody may read (a tainted canvas, a cross-origin video): a failed capture offering "Use a
 *   screenshot instead" (capture-fallbacks.ts), which crops the element's box;
 * - a dragged area: the visible tab (captureVisibleTab, allowed by the menu click's activeTab grant) cropped
 *   to it at device pixels, labelled as a screenshot.
 */
interface PendingPick {
  pickId: string;
  tabId: number;
  frameId: number;
  pageUrl?: string;
}

const PICK_PREFIX = 'pick:';
/** entrypoints/picker.ts: injected after page.js, only for a pick. */
const PICKER_SCRIPT_FILE = '/picker.js';
const PURPOSE: CapturePurpose = { kind: 'panel', mode: 'edit-image' };
const session = () => browser.storage.session;
const fail = (message: string): Reply => ({ ok: false, error: { kind: 'invalid_request', message } });

/** The menu click (after openSidePanel, which must run in the click's own turn). */
export async function startPick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, useFrame: boolean): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined || tabId < 0) return notifyError(t('worker.onlyNormalTabs'));
  // The picker runs in the top frame, where an area screenshot lines up with the page; a video's frame is
  // read in the frame the video is in.
  const frameId = useFrame ? (info.frameId ?? 0) : 0;
  const pageUrl = frameId === 0 ? (tab?.url ?? info.pageUrl) : (info.frameUrl ?? info.pageUrl);
  const pick: PendingPick = { pickId: crypto.randomUUID(), tabId, frameId, ...(pageUrl ? { pageUrl } : {}) };
  await session().set({ [PICK_PREFIX + pick.pickId]: pick });
  const message: ToContent = useFrame ? { type: 'pick.frame', pickId: pick.pickId, ...(info.srcUrl ? { srcUrl: info.srcUrl } : {}) } : { type: 'pick.start', pickId: pick.pickId };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTENT_SCRIPT_FILE, PICKER_SCRIPT_FILE] });
    await browser.tabs.sendMessage(tabId, message, { frameId });
  } catch (error) {
    await session().remove(PICK_PREFIX + pick.pickId);
    await notifyError(t('worker.cannotWorkOnPage', { reason: error instanceof Error ? error.message : String(error) }));
  }
}

/** `pick.chosen` / `pick.area` from the page script: only the pick's own tab and frame, and only once. */
export async function handlePickCommand(engine: JobEngine, command: Extract<ContentCommand, { type: 'pick.chosen' | 'pick.area' }>, sender: Browser.runtime.MessageSender): Promise<Reply> {
  const key = PICK_PREFIX + command.pickId;
  const pick = (await session().get(key))[key] as PendingPick | undefined;
  if (!pick || sender.tab?.id !== pick.tabId || (sender.frameId ?? 0) !== pick.frameId) return fail(t('worker.thisCaptureIsNoLonger'));
  await session().remove(key);
  if (command.type === 'pick.area') return captureArea(engine, pick, command);
  // The picked capture belongs to the document that answered (its page script is already there): without
  // this, capture.done from that document would not match the capture (fromDocument) and be refused.
  const documentId = (sender as { documentId?: string }).documentId;
  const target: CaptureTarget = { tabId: pick.tabId, frameId: pick.frameId, pageUrl: pick.pageUrl, srcUrl: command.srcUrl, mediaType: 'image', ...(documentId ? { documentId } : {}) };
  if (command.srcUrl) {
    // The page script tagged the element with targetId: the capture's overlay and the job's origin are it.
    void startCapture(engine, PURPOSE, target, command.targetId, { injected: true }).catch((error: unknown) => console.error('Reimagine: picked capture failed', error));
    return { ok: true, next: 'panel' };
  }
  const capture: PendingCapture = { ...target, tabId: pick.tabId, captureId: command.targetId, purpose: PURPOSE, createdAt: Date.now() };
  if (command.dataUrl) {
    await saveCapture(capture);
    return finishCapture(engine, capture, undefined, command.dataUrl);
  }
  // Tainted pixels: the screenshot of the element's box is one click away in the panel.
  capture.failed = true;
  await saveCapture(capture);
  await announceCapture(capture, { state: 'failed', message: t('worker.pickUnreadable'), canScreenshot: pick.frameId === 0 });
  return { ok: true, next: 'panel' };
}

async function captureArea(engine: JobEngine, pick: PendingPick, command: Extract<ContentCommand, { type: 'pick.area' }>): Promise<Reply> {
  const capture: PendingCapture = {
    tabId: pick.tabId,
    frameId: pick.frameId,
    pageUrl: pick.pageUrl,
    srcUrl: undefined,
    mediaType: 'image',
    captureId: pick.pickId,
    purpose: PURPOSE,
    createdAt: Date.now(),
  };
  await saveCapture(capture);
  await announceCapture(capture, { state: 'pending' });
  const failWith = async (message: string): Promise<Reply> => {
    await failCapture(capture, message, { canScreenshot: false });
    return fail(message);
  };
  if (pick.frameId !== 0) return failWith(t('worker.screenshotInFrame'));
  const tab = await browser.tabs.get(pick.tabId).catch(() => undefined);
  if (!tab?.active || tab.windowId === undefined) return failWith(t('worker.screenshotSwitchBack'));
  let shot: string;
  try {
    shot = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch (error) {
    return failWith(t('worker.pickScreenshotRefused', { reason: toErrorInfo(error).message }));
  }
  try {
    const cropped = await cropScreenshot(shot, command.box, command.devicePixelRatio);
    if (!cropped) return await failWith(t('worker.screenshotOffScreen'));
    const prepared = await prepareImage(cropped, IMAGE_LIMITS);
    return await finishCapture(engine, capture, undefined, await blobToDataUrl(prepared.blob), { screenshot: true });
  } catch (error) {
    return failWith(error instanceof CaptureError ? error.message : t('worker.screenshotCropFailed'));
  }
}
