import { browser, type Browser } from 'wxt/browser';
import { toErrorInfo } from '../../errors/taxonomy';
import { prepareImage, IMAGE_LIMITS, VIDEO_MAX_BYTES, CaptureError } from '../../media/prepare-image';
import type { JobEngine } from '../../jobs/engine';
import { blobToDataUrl } from '../../media/encode';
import { AREA_SOURCE_LIMITS } from '../../media/area/area';
import type { ContentCommand, Reply } from '../../messaging/protocol';
import { withBatchCaptureTurn } from './batch-submit';
import { parseHttpUrl } from '../../net/hosts';
import { t } from '../../i18n';
import { announceCapture, canScreenshotFor, failCapture } from './announce';
import { finishCapture } from './finish';
import { notifyError } from './notify';
import { fetchPageImage, PageImageError, type PageImageFailure } from './page-image-fetch';
import { currentUrlOf, fromDocument, injectInto, messageOptions } from './identity';
import { recordQuickAction } from './last-quick-record';
import type { CaptureKickoff } from './kickoff';
import { captureStartMessage } from './start-message';
import { CONTENT_SCRIPT_FILE, forArea, loadCapture, saveCapture, type CapturePurpose, type CaptureTarget, type PendingCapture } from './pending';

/**
 * Right-click → bytes. The background injects the page script into the clicked frame, asks it to read
 * the element's bytes where they live (cookies, Referer, data:/blob:), and hands `capture.done` to
 * finish.ts. When the page script cannot read them (CORS), the worker reads the image itself under the
 * page-image rules (page-image-fetch.ts).
 */
/** `captureId`: a batch passes the id the page script tagged the element with (it is also the overlay's target id). */
export async function startCapture(
  engine: JobEngine,
  purpose: CapturePurpose,
  target: CaptureTarget,
  captureId: string = crypto.randomUUID(),
  options: { injected?: boolean; kickoff?: CaptureKickoff } = {},
): Promise<void> {
  const { tabId } = target;
  if (tabId === undefined || tabId < 0) return notifyError(t('worker.onlyNormalTabs'));
  // A quick action on a sleeping worker: the start script already stored the capture and is telling the page.
  const { kickoff } = options;
  const capture: PendingCapture = kickoff?.capture ?? { ...target, tabId, captureId, purpose, createdAt: Date.now() };
  if (!kickoff) {
    // A replay acts only in the document it was recorded in; anywhere else it refuses before injecting anything.
    if (capture.replay && !(await stillTheDocument(capture))) return notifyError(t('worker.pageChangedSinceQuickAction'));
    await saveCapture(capture);
    // A batch wrote its items as "capturing" already; the panel and the menus follow the others from here.
    if (purpose.kind !== 'quick' && purpose.kind !== 'batch' && purpose.kind !== 'story') await announceCapture(capture, { state: 'pending' });
  }
  const limits = forArea(capture) ? AREA_SOURCE_LIMITS : { maxEdge: IMAGE_LIMITS.maxEdge, maxBytes: target.mediaType === 'video' ? VIDEO_MAX_BYTES : IMAGE_LIMITS.maxBytes };
  try {
    if (kickoff) await kickoff.sent;
    else {
      if (!options.injected) {
        capture.documentId = await injectInto(capture, CONTENT_SCRIPT_FILE);
        await saveCapture(capture);
      }
      await browser.tabs.sendMessage(tabId, captureStartMessage(capture, limits), messageOptions(capture));
    }
  } catch (error) {
    // A capture bound to a document (a replay, a batch's scan) whose document is gone: never read it elsewhere.
    if (capture.replay || target.documentId) {
      const gone = capture.replay ? t('worker.pageChangedSinceQuickAction') : t('worker.thePageTheseImagesCame');
      await failCapture(capture, gone, { canScreenshot: false, quietForQuick: true });
      return capture.replay ? notifyError(gone) : undefined;
    }
    // No access to the page (chrome:// pages, the Web Store, file:// without permission): without an
    // overlay we can still read a web image ourselves; otherwise say why in a notification.
    if (target.mediaType === 'image' && target.srcUrl && /^https?:/.test(target.srcUrl)) {
      const reply = await captureInBackground(engine, capture);
      if (!reply.ok) await notifyError(reply.error.message);
      return;
    }
    const page = target.pageUrl ?? '';
    const message = page.startsWith('file:')
      ? t('capture.localFileAccess')
      : t('worker.cannotWorkOnPage', { reason: error instanceof Error ? error.message : String(error) });
    await failCapture(capture, message, { canScreenshot: false });
    return notifyError(message);
  }
}

/**
 * Is the tab's frame still the recorded document? With a documentId the injection itself answers (it only
 * reaches that document); without one (Firefox) the frame's URL must be the recorded one.
 */
async function stillTheDocument(capture: PendingCapture): Promise<boolean> {
  if (capture.documentId) return true; // injectInto targets documentIds: a gone document fails there
  if (!capture.documentUrl) return false;
  return (await currentUrlOf(capture))?.split('#')[0] === capture.documentUrl.split('#')[0];
}

/** capture.done / capture.failed from the page script. Only the document the capture was started in may answer. */
export async function handleCaptureCommand(
  engine: JobEngine,
  command: Extract<ContentCommand, { type: 'capture.done' | 'capture.failed' }>,
  sender: Browser.runtime.MessageSender,
): Promise<Reply> {
  const capture = await loadCapture(command.captureId);
  if (!capture || capture.failed || !fromDocument(capture, sender)) return { ok: false, error: { kind: 'invalid_request', message: t('worker.thisCaptureIsNoLonger') } };
  if (command.type === 'capture.done') {
    await recordQuickAction(capture, sender, command.srcUrl);
    return inTurn(capture, () => finishCapture(engine, capture, command));
  }
  if (!command.corsBlocked) {
    // The page shows its own message; the panel gets the same one, and the screenshot way out.
    await failCapture(capture, command.message, { canScreenshot: canScreenshotFor(capture), quietForQuick: true });
    return { ok: true };
  }
  // A replay reads exactly the stored address: a srcset candidate the page proposes now is ignored.
  // Any other copy must be on the pointed-at image's origin: "Allow access to <host>" names that host.
  if (command.srcUrl && !capture.replay && sameOrigin(command.srcUrl, capture.srcUrl)) {
    capture.chosenSrc = command.srcUrl;
    await saveCapture(capture);
  }
  await recordQuickAction(capture, sender, capture.chosenSrc);
  return inTurn(capture, () => captureInBackground(engine, capture));
}

const sameOrigin = (a: string, b: string | undefined): boolean => {
  const x = parseHttpUrl(a);
  const y = parseHttpUrl(b);
  return !!x && !!y && x.origin === y.origin;
};

/** A batch's images are stored one at a time (batch-submit.ts); every other capture goes at once. */
const inTurn = <T>(capture: PendingCapture, work: () => Promise<T>): Promise<T> =>
  capture.purpose.kind === 'batch' ? withBatchCaptureTurn(capture.purpose.batchId, work) : work();

/**
 * The worker reads the image itself (fetchPageImage: its host access, no private targets, same-site
 * cookies, byte cap, origin-only Referer). Failure → the panel offers a grant or a screenshot; the reply's
 * message is what the page shows, and it points to the panel's button.
 */
export async function captureInBackground(engine: JobEngine, capture: PendingCapture): Promise<Reply> {
  let dataUrl: string;
  try {
    dataUrl = await readInBackground(capture.chosenSrc ?? capture.srcUrl, capture.pageUrl, forArea(capture));
  } catch (error) {
    const failure: PageImageFailure = error instanceof PageImageError ? error.failure : { reason: 'failed', message: toErrorInfo(error).message };
    const canScreenshot = canScreenshotFor(capture);
    if (failure.reason === 'no-access') {
      await failCapture(capture, t('worker.noAccessToImageHost', { host: failure.host }), { accessOrigin: failure.origin, canScreenshot });
      return fail(t(canScreenshot ? 'worker.needsAccessOrScreenshot' : 'worker.needsAccess', { host: failure.host }));
    }
    await failCapture(capture, failure.message, { canScreenshot, quietForQuick: true });
    return fail(failure.message);
  }
  return finishCapture(engine, capture, undefined, dataUrl);
}

const fail = (message: string): Reply => ({ ok: false, error: { kind: 'invalid_request', message } });

async function readInBackground(src: string | undefined, pageUrl: string | undefined, area: boolean): Promise<string> {
  if (!src) throw new PageImageError({ reason: 'refused', message: t('worker.thePageDoesNotAllow') });
  const blob = await fetchPageImage(src, pageUrl);
  try {
    const prepared = await prepareImage(blob, area ? AREA_SOURCE_LIMITS : IMAGE_LIMITS);
    return await blobToDataUrl(prepared.blob);
  } catch (error) {
    throw new PageImageError({ reason: 'failed', message: error instanceof CaptureError ? error.message : t('worker.theImageCouldNotBe') });
  }
}
