import type { ContentCommand, ToContent } from '../messaging/protocol';
import { blobToDataUrl, dataUrlToBlob } from '../media/encode';
import { captureImageBytes, captureVideoBytes, CorsBlocked } from './capture';
import { bestSource, byTag, findMedia, tag } from './find-target';
import { OverlayUi, type OverlayAction } from './overlay-ui';
import { swapBackground, swapImage, swapToVideo, type Swap } from './replace';
import { BatchControls } from './batch-controls';
import { scanPage } from './batch-scan';
import { CaptureError } from './prepare-image';
import { measureForScreenshot, restoreOverlays } from './screenshot-box';
import { isPublicUrl } from '../security/public-url';
import { formatNumber, t } from '../i18n';

/**
 * The on-demand page script: injected by the background (scripting.executeScript) only into a tab where
 * the user just used Reimagine, once per frame (a second injection finds the flag and does nothing).
 * It never sees settings or keys: it gets capture/overlay instructions and may only send
 * `ContentCommand`s back. No React, no zod, no polyfill: plain DOM (about 22 kB built, see npm run bench).
 */
type Start = Extract<ToContent, { type: 'capture.start' }>;
type Update = Extract<ToContent, { type: 'overlay.update' }>;
type Outcome = { ok: true; next?: 'panel' | 'job' | 'reference'; count?: number } | { ok: false; error: { message: string } };

interface Result {
  url: string;
  kind: 'image' | 'video';
  blob: Blob;
}

interface Target {
  id: string;
  srcUrl: string | undefined;
  kind: 'image' | 'video';
  /** An <img>/<video>, or (batch) an element whose CSS background is the picture. */
  el: HTMLElement | undefined;
  ui: OverlayUi;
  /** One image of a batch: its page bar's Replace all / Revert all act on it. */
  batchId?: string;
  jobId?: string;
  /** Which of the job's results to show (the panel may pick any of a multi-image job). */
  resultIndex?: number;
  status?: string;
  result?: Result;
  swap?: Swap;
  comparing?: boolean;
  /** The original as displayed, drawn at Replace time: Compare must not re-decode a 6000×4000 source. */
  originalSnapshot?: HTMLCanvasElement;
  downloading?: boolean;
}

const targets = new Map<string, Target>();
// Replace all / Revert all act on the batch's finished targets, one by one, through the same replace/revert.
const batches = new BatchControls<Target>(
  (batchId) => [...targets.values()].filter((t) => t.batchId === batchId),
  (target) => replace(target, false),
  (target) => revert(target),
);
const refreshBatchBar = (batchId: string) => batches.refresh(batchId);

async function send(command: ContentCommand): Promise<Outcome> {
  try {
    return ((await chrome.runtime.sendMessage(command)) as Outcome | undefined) ?? { ok: false, error: { message: t('overlay.noAnswer') } };
  } catch (error) {
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
}

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

/** The element to draw the overlay on: the playing video result if there is one, else the image. */
function currentElement(target: Target): Element | undefined {
  if (target.swap?.shown.isConnected && target.swap.shown !== target.el) return target.swap.shown;
  return target.el;
}

async function startCapture(msg: Start): Promise<void> {
  const target = targetFor(msg.captureId, msg.srcUrl, msg.mediaType);
  target.ui.setStatus(msg.mediaType === 'video' ? t('overlay.readingVideo') : t('overlay.readingImage'));
  target.ui.show(['dismiss']);
  let outcome: Outcome;
  let src: string | undefined;
  try {
    if (!msg.srcUrl) throw new CaptureError(t('capture.noAddress'));
    src = bestSource(target.el, msg.srcUrl, msg.maxEdge);
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

function showError(target: Target, message: string): void {
  target.ui.stopClock();
  target.ui.setProgress(undefined);
  target.ui.setStatus(message, 'error');
  target.ui.show(target.swap ? ['revert', 'dismiss'] : ['dismiss']);
  target.ui.focus('dismiss');
}

export const failedOnPage = () => t('overlay.failedOnPage');

const LABELS: Record<string, () => string> = {
  queued: () => t('overlay.status.queued'),
  submitting: () => t('overlay.status.submitting'),
  running: () => t('overlay.status.running'),
  downloading: () => t('overlay.status.downloading'),
};

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

function showUpdate(target: Target, msg: Update): void {
  const { job } = msg;
  if (target.jobId !== job.id) {
    target.jobId = job.id;
    target.result = undefined;
  }
  const previous = target.status;
  target.status = job.status;
  if (LABELS[job.status]) {
    if (previous !== job.status) target.ui.startClock(job.startedAt, () => t(job.isVideo ? 'overlay.status.animating' : 'overlay.status.editing', { status: LABELS[job.status]?.() ?? '' }));
    target.ui.setProgress(job.isVideo ? (job.progress ?? 0) : undefined);
    target.ui.show(['cancel']);
    return;
  }
  target.ui.stopClock();
  target.ui.setProgress(undefined);
  if (job.status === 'done') {
    if (previous === 'done') return;
    // The result is fetched only when the user asks for it (Replace, Compare): until then it is not in
    // the page's process at all, so the page cannot read it as pixels before the user chose Replace.
    target.ui.setStatus(t('overlay.done'));
    target.ui.show(['replace', 'compare', 'download', 'open-panel', 'dismiss']);
    target.ui.focus('replace');
  } else if (job.status === 'cancelled') {
    target.ui.setStatus(t('overlay.cancelled'));
    target.ui.show(['dismiss']);
  } else {
    // Provider error text stays in the panel: the page can see what is drawn over it.
    showError(target, failedOnPage());
    target.ui.show(['open-panel', 'dismiss']);
  }
}

/** A job for an element this script instance never captured (e.g. tagged before a reload): re-attach. */
function adopt(targetId: string): Target | undefined {
  const el = byTag(targetId);
  if (!el) return undefined;
  return targetFor(targetId, (el as HTMLImageElement).currentSrc || undefined, el instanceof HTMLVideoElement ? 'video' : 'image');
}

async function loadResult(target: Target): Promise<boolean> {
  if (target.result) return true;
  if (!target.jobId) return false;
  const reply = (await send({ type: 'overlay.get-result', jobId: target.jobId, index: target.resultIndex ?? 0 })) as Outcome & { dataUrl?: string; kind?: 'image' | 'video' };
  if (!reply.ok || !reply.dataUrl) {
    showError(target, reply.ok ? t('overlay.resultUnavailable') : reply.error.message);
    return false;
  }
  const blob = dataUrlToBlob(reply.dataUrl);
  target.result = { blob, url: URL.createObjectURL(blob), kind: reply.kind ?? (blob.type.startsWith('video/') ? 'video' : 'image') };
  return true;
}

async function act(target: Target, action: OverlayAction): Promise<void> {
  switch (action) {
    case 'cancel':
      if (target.jobId) await send({ type: 'overlay.cancel', jobId: target.jobId });
      return;
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
  }
}

function revert(target: Target): void {
  stopCompare(target);
  target.swap?.revert();
  target.swap = undefined;
  target.ui.show(['replace', 'compare', 'download', 'open-panel', 'dismiss']);
  target.ui.setStatus(t('overlay.restored'));
}

async function replace(target: Target, focus = true): Promise<void> {
  if (!(await loadResult(target)) || !target.result) return;
  stopCompare(target);
  const el = reattach(target);
  if (!el) return showError(target, t('overlay.imageGone'));
  target.swap?.revert();
  if (!target.swap && el instanceof HTMLImageElement) target.originalSnapshot = snapshot(el, el);
  target.swap = swapFor(el, target.result);
  target.ui.show(['revert', 'compare', 'download', 'open-panel', 'dismiss']);
  target.ui.setStatus(t('overlay.replaced'));
  if (focus) target.ui.focus('revert');
}

function swapFor(el: HTMLElement, result: Result): Swap {
  if (result.kind === 'video' || el instanceof HTMLVideoElement) return swapToVideo(el, result.url);
  return el instanceof HTMLImageElement ? swapImage(el, result.url) : swapBackground(el, result.url);
}

/** Before/after slider: the side not currently on the page is drawn over it, clipped by the slider. */
async function compare(target: Target): Promise<void> {
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

function stopCompare(target: Target): void {
  if (!target.comparing) return;
  target.comparing = false;
  target.ui.setPressed('compare', false);
  target.ui.showCompare(undefined);
}

function dismiss(target: Target): void {
  target.ui.destroy();
  targets.delete(target.id);
  // A replaced image stays replaced; the page is back to normal on the next reload.
}

/** The element may have been re-rendered by the page: find it again by its tag, then by its address. */
function reattach(target: Target): HTMLElement | undefined {
  if (target.el?.isConnected) return target.el;
  const el = byTag(target.id) ?? findMedia(target.srcUrl, target.kind);
  if (el) tag(el, target.id);
  target.el = el;
  return el;
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
