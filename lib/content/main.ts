import type { ToContent } from '../messaging/protocol';
import { blobToDataUrl } from '../media/encode';
import { captureImageBytes, captureVideoBytes, CorsBlocked } from './capture';
import { bestSource, byTag, findMedia, tag } from './find-target';
import { OverlayUi, type OverlayAction } from './overlay-ui';
import { BatchControls } from './batch-controls';
import { scanPage } from './batch-scan';
import { CaptureError } from '../media/prepare-image';
import { measureForScreenshot, restoreOverlays } from './screenshot-box';
import { isPublicUrl } from '../security/public-url';
import { formatNumber, t } from '../i18n';
import { compare, replace, revert, stopCompare, swapFor, toggleSound } from './result-view';
import { showUpdate } from './job-status';
import { rememberVersion, stepVersion } from './versions-nav';
import { currentElement, dismiss, reattach, send, showError, targets, type Outcome, type Target } from './target';

/**
 * The on-demand page script: injected by the background (scripting.executeScript) only into a tab where
 * the user just used Reimagine, once per frame (a second injection finds the flag and does nothing).
 * It never sees settings or keys: it gets capture/overlay instructions and may only send
 * `ContentCommand`s back. No React, no zod, no polyfill: plain DOM (about 22 kB built, see npm run bench).
 * This file routes the worker's messages and the overlay's buttons; the state of each element is in
 * target.ts, job updates in job-status.ts, Replace/Revert/Compare in result-view.ts.
 */
type Start = Extract<ToContent, { type: 'capture.start' }>;
type Update = Extract<ToContent, { type: 'overlay.update' }>;

// Replace all / Revert all act on the batch's finished targets, one by one, through the same replace/revert.
const batches = new BatchControls<Target>(
  (batchId) => [...targets.values()].filter((t) => t.batchId === batchId),
  (target) => replace(target, false),
  (target) => revert(target),
);
const refreshBatchBar = (batchId: string) => batches.refresh(batchId);

function targetFor(id: string, srcUrl: string | undefined, kind: 'image' | 'video'): Target {
  const existing = targets.get(id);
  if (existing) return existing;
  // A batch tagged its elements when it scanned the page; a right-click finds the element by address.
  const el = byTag(id) ?? findMedia(srcUrl, kind);
  if (el) tag(el, id);
  const target: Target = { id, srcUrl, kind, el, ui: undefined as unknown as OverlayUi };
  target.ui = new OverlayUi(() => currentElement(target), (action) => void act(target, action), id);
  targets.set(id, target);
  return target;
}

async function startCapture(msg: Start): Promise<void> {
  const target = targetFor(msg.captureId, msg.srcUrl, msg.mediaType);
  target.ui.setStatus(msg.mediaType === 'video' ? t('overlay.readingVideo') : t('overlay.readingImage'));
  target.ui.show(['dismiss']);
  let outcome: Outcome;
  let src: string | undefined;
  try {
    if (!msg.srcUrl) throw new CaptureError(t('capture.noAddress'));
    src = msg.exactSrc ? msg.srcUrl : bestSource(target.el, msg.srcUrl, msg.maxEdge);
    if (msg.mediaType === 'video') {
      const blob = await captureVideoBytes(src, msg.maxBytes);
      outcome = await send({ type: 'capture.done', captureId: msg.captureId, dataUrl: await blobToDataUrl(blob), ...(isWebAddress(msg.srcUrl) ? { srcUrl: msg.srcUrl } : {}) });
    } else {
      const captured = await captureImageBytes(src, { maxEdge: msg.maxEdge, maxBytes: msg.maxBytes });
      outcome = await send({
        type: 'capture.done',
        captureId: msg.captureId,
        dataUrl: await blobToDataUrl(captured.blob),
        ...(captured.width ? { width: captured.width, height: captured.height } : {}),
        ...(isWebAddress(src) ? { srcUrl: src, publicUrl: isPublicUrl(src) } : {}),
      });
    }
  } catch (error) {
    if (error instanceof CorsBlocked) {
      // The background has host access the page lacks; it reads the bytes and answers as for capture.done.
      outcome = await send({ type: 'capture.failed', captureId: msg.captureId, message: 'cors', corsBlocked: true, ...(src ? { srcUrl: src } : {}) });
    } else {
      const message = error instanceof CaptureError ? error.message : t('capture.couldNotRead', { reason: error instanceof Error ? error.message : String(error) });
      void send({ type: 'capture.failed', captureId: msg.captureId, message: message.slice(0, 500) });
      outcome = { ok: false, error: { message } };
    }
  }
  afterCapture(target, outcome);
}

/** Only a web address is worth handing back (data:/blob: ones are the bytes themselves, or page-local). */
const isWebAddress = (src: string): boolean => /^https?:/.test(src) && src.length <= 8192;

function afterCapture(target: Target, outcome: Outcome): void {
  if (!outcome.ok) return showError(target, outcome.error.message);
  if (target.jobId) return; // a job update already arrived
  if (outcome.next === 'job') {
    target.ui.setStatus(t('overlay.starting'));
    return;
  }
  const text = outcome.next === 'reference' ? (outcome.count ? t('overlay.addedReferenceCount', { count: formatNumber(outcome.count) }) : t('overlay.addedReference')) : t('overlay.sentToPanel');
  target.ui.setStatus(text);
  setTimeout(() => {
    if (!target.jobId) dismiss(target);
  }, 2500);
}

function onUpdate(msg: Update): void {
  const target = targets.get(msg.captureId) ?? adopt(msg.captureId);
  if (!target) return;
  const { job } = msg;
  if (job.batchId) target.batchId = job.batchId;
  try {
    showUpdate(target, msg);
  } finally {
    if (target.batchId) refreshBatchBar(target.batchId);
  }
}

/** A job for an element this script instance never captured (e.g. tagged before a reload): re-attach. */
function adopt(targetId: string): Target | undefined {
  const el = byTag(targetId);
  if (!el) return undefined;
  return targetFor(targetId, (el as HTMLImageElement).currentSrc || undefined, el instanceof HTMLVideoElement ? 'video' : 'image');
}

async function act(target: Target, action: OverlayAction): Promise<void> {
  switch (action) {
    case 'cancel':
      if (target.jobId) await send({ type: 'overlay.cancel', jobId: target.jobId });
      return;
    case 'retry': {
      if (!target.jobId) return;
      // The user asked: send the same job again (the worker refuses with a reason, e.g. the daily cap).
      const reply = await send({ type: 'overlay.retry', jobId: target.jobId });
      if (!reply.ok) showError(target, reply.error.message);
      return;
    }
    case 'replace':
      await replace(target);
      if (target.batchId) refreshBatchBar(target.batchId);
      return;
    case 'revert':
      revert(target);
      target.ui.focus('replace');
      if (target.batchId) refreshBatchBar(target.batchId);
      return;
    case 'compare':
      return target.comparing ? stopCompare(target) : compare(target);
    case 'sound':
      return toggleSound(target);
    case 'download':
      // One download per click: a second click while the first is still starting does nothing.
      if (target.jobId && !target.downloading) {
        target.downloading = true;
        try {
          const reply = await send({ type: 'overlay.download', jobId: target.jobId });
          target.ui.setStatus(reply.ok ? t('overlay.downloadStarted') : reply.error.message, reply.ok ? 'info' : 'error');
        } finally {
          target.downloading = false;
        }
      }
      return;
    case 'open-panel':
      if (target.jobId) await send({ type: 'overlay.open-panel', jobId: target.jobId });
      return;
    case 'dismiss':
      return dismiss(target);
    case 'previous-version':
    case 'next-version':
      await stepVersion(target, action === 'previous-version' ? -1 : 1);
      if (target.batchId) refreshBatchBar(target.batchId);
      return;
  }
}

function watchReRenders(): void {
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled || targets.size === 0) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      for (const target of targets.values()) {
        if (target.el?.isConnected) continue;
        const hadSwap = target.swap !== undefined;
        if (hadSwap && target.swap?.shown.isConnected && target.swap.shown !== target.el) target.swap.revert();
        target.swap = undefined;
        const el = reattach(target);
        if (el && hadSwap && target.result) target.swap = swapFor(el, target.result);
      }
    });
  }).observe(document, { childList: true, subtree: true });
}

export function startContent(): void {
  const flag = globalThis as { __reimagineContent?: boolean };
  if (flag.__reimagineContent) return;
  flag.__reimagineContent = true;
  watchReRenders();
  chrome.runtime.onMessage.addListener((message: ToContent, _sender, sendResponse) => {
    switch (message?.type) {
      case 'capture.start':
        void startCapture(message);
        break;
      case 'overlay.update':
        onUpdate(message);
        break;
      case 'overlay.error': {
        const target = targets.get(message.captureId) ?? adopt(message.captureId);
        if (target) showError(target, message.message);
        break;
      }
      case 'capture.measure': {
        const target = targets.get(message.captureId) ?? adopt(message.captureId);
        void measureForScreenshot(target ? reattach(target) : undefined).then(sendResponse);
        return true; // answers after two frames
      }
      case 'capture.resolved': {
        restoreOverlays();
        const target = targets.get(message.captureId);
        if (target && !target.jobId) afterCapture(target, message.ok ? { ok: true, next: 'panel' } : { ok: false, error: { message: message.message } });
        break;
      }
      case 'batch.scan':
        sendResponse(scanPage(message.maxEdge));
        return false;
      case 'batch.apply':
        for (const item of message.items) {
          const target = targets.get(item.targetId) ?? adopt(item.targetId);
          if (!target) continue;
          target.batchId = message.batchId;
          if (target.jobId !== item.jobId) {
            target.jobId = item.jobId;
            target.result = undefined;
          }
          target.status = 'done';
        }
        void batches.act(message.batchId, message.action === 'replace' ? 'replace-all' : 'revert-all');
        break;
      case 'overlay.replace': {
        const target = targets.get(message.targetId) ?? adopt(message.targetId);
        if (target) {
          target.jobId = message.jobId;
          target.resultIndex = message.index;
          target.result = undefined;
          rememberVersion(target, message.jobId, message.index);
          void replace(target);
        }
        break;
      }
      default:
        return false;
    }
    sendResponse({ ok: true });
    return false;
  });
}
