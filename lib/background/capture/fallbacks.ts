import { browser } from 'wxt/browser';
import { toErrorInfo } from '../../errors/taxonomy';
import { CaptureError, IMAGE_LIMITS, prepareImage } from '../../media/prepare-image';
import type { JobEngine } from '../../jobs/engine';
import { blobToDataUrl } from '../../media/encode';
import { cropScreenshot, type CssBox } from '../../media/screenshot-crop';
import type { PageCommand, Reply, ToContent } from '../../messaging/protocol';
import { announceCapture, failCapture } from './announce';
import { finishCapture } from './finish';
import { loadCapture, saveCapture, type PendingCapture } from './pending';
import { captureInBackground } from './start';
import { loadSettings } from '../state/settings-store';
import { t } from '../../i18n';

/**
 * The side panel's ways out of a failed page-image capture, both started by a click in the panel:
 * - `capture.retry`: after the user granted the image's host (permissions.request in the panel), the
 *   worker reads it again — no new right-click;
 * - `capture.screenshot`: crop the visible tab to the image's box (tabs.captureVisibleTab, allowed by
 *   the right-click's activeTab grant) and use that, labelled as a screenshot.
 * A quick action that failed comes back as a panel request with its prompt: the user presses Generate.
 */
export async function handleCaptureFallback(engine: JobEngine, command: Extract<PageCommand, { type: 'capture.retry' | 'capture.screenshot' }>): Promise<Reply> {
  const capture = await loadCapture(command.captureId);
  if (!capture?.failed) return fail(t('worker.thisImageIsNoLonger'));
  await asPanelCapture(capture);
  capture.failed = false;
  await saveCapture(capture);
  await announceCapture(capture, { state: 'pending' });
  const reply = command.type === 'capture.retry' ? await captureInBackground(engine, capture) : await screenshot(engine, capture);
  // The page script hid its overlay for the screenshot and still shows the first failure: bring it up to date.
  void tellPage(capture, { type: 'capture.resolved', captureId: capture.captureId, ok: reply.ok, message: reply.ok ? '' : reply.error.message });
  return reply;
}

async function asPanelCapture(capture: PendingCapture): Promise<void> {
  const { purpose } = capture;
  if (purpose.kind !== 'quick') return;
  const action = (await loadSettings()).quickActions.find((a) => a.id === purpose.actionId);
  capture.purpose = { kind: 'panel', mode: action?.mode ?? 'edit-image' };
  if (action) capture.prompt = action.prompt;
}

const fail = (message: string): Reply => ({ ok: false, error: { kind: 'invalid_request', message } });

async function screenshot(engine: JobEngine, capture: PendingCapture): Promise<Reply> {
  const failWith = async (message: string) => {
    await failCapture(capture, message, { canScreenshot: true });
    return fail(message);
  };
  if (capture.frameId !== 0) return failWith(t('worker.screenshotInFrame'));
  const tab = await browser.tabs.get(capture.tabId).catch(() => undefined);
  if (!tab?.active || tab.windowId === undefined) return failWith(t('worker.screenshotSwitchBack'));
  const measured = await tellPage<{ ok: boolean; box?: CssBox; devicePixelRatio?: number }>(capture, { type: 'capture.measure', captureId: capture.captureId });
  if (!measured?.ok || !measured.box) return failWith(t('worker.screenshotImageGone'));
  let shot: string;
  try {
    shot = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch (error) {
    return failWith(t('worker.screenshotRefused', { reason: toErrorInfo(error).message }));
  }
  try {
    const cropped = await cropScreenshot(shot, measured.box, measured.devicePixelRatio ?? 1);
    if (!cropped) return await failWith(t('worker.screenshotOffScreen'));
    const prepared = await prepareImage(cropped, IMAGE_LIMITS);
    return await finishCapture(engine, capture, undefined, await blobToDataUrl(prepared.blob), { screenshot: true });
  } catch (error) {
    return failWith(error instanceof CaptureError ? error.message : t('worker.screenshotCropFailed'));
  }
}

async function tellPage<T = unknown>(capture: PendingCapture, message: ToContent): Promise<T | undefined> {
  return (await browser.tabs.sendMessage(capture.tabId, message, { frameId: capture.frameId }).catch(() => undefined)) as T | undefined;
}
