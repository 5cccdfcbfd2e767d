import { browser, type Browser } from 'wxt/browser';
import { toErrorInfo, userMessage } from '../errors/taxonomy';
import { prepareImage, IMAGE_LIMITS, VIDEO_MAX_BYTES, CaptureError } from '../content/prepare-image';
import type { JobEngine } from '../jobs/engine';
import type { Job } from '../model/job';
import type { Mode } from '../model/modes';
import type { JobOrigin, JobRequest, SourceRef } from '../model/request';
import { blobToDataUrl } from '../media/encode';
import type { ContentCommand, Reply, ToContent } from '../messaging/protocol';
import { AREA_SOURCE_LIMITS } from '../media/area/area';
import { PENDING_PANEL_REQUEST_KEY, type CaptureState, type DescribeState, type PendingPanelRequest } from '../messaging/panel-request';
import { visionReply } from './vision';
import { parseHttpUrl } from '../net/hosts';
import { fetchPageImage, PageImageError, type PageImageFailure } from './page-image-fetch';
import type { QuickAction, Settings } from '../settings/schema';
import { MAX_REFERENCES, setReferenceCount } from './menus';
import { loadSettings } from './settings-store';
import { importSource } from './sources';
import { markBatchCapture, submitBatchItem, withBatchCaptureTurn } from './batch-submit';
import { requestFromDefaults } from '../batch/default-request';
import { formatNumber, t } from '../i18n';

/**
 * Right-click → bytes → what the user asked for. The background injects the page script into the
 * clicked frame, asks it to read the element's bytes where they live (cookies, Referer, data:/blob:),
 * and acts on `capture.done`: a quick action becomes a job at once; edit/animate/video menus and
 * references become a pending request for the side panel. Captures in flight are kept in session
 * storage, so a worker restart between click and bytes loses nothing.
 *
 * The panel follows each capture through the pending request's `capture` state (pending → ready |
 * failed): it switches mode at once, shows "Reading image…" and offers no Generate until the bytes are
 * there. A failed capture stays in session storage so the panel can run it again after a host grant, or
 * crop a screenshot instead (capture-fallbacks.ts).
 */
export type CapturePurpose =
  /** `area`: "Edit an area…" — the picture is kept at its own size and the panel opens the area picker. */
  | { kind: 'panel'; mode: 'edit-image' | 'animate-image' | 'edit-video' | 'extend-video'; area?: boolean }
  | { kind: 'reference' }
  | { kind: 'quick'; actionId: string }
  | { kind: 'describe' }
  /** One image of "Reimagine images on this page…" (lib/background/batch.ts): becomes a job of that batch. */
  | { kind: 'batch'; batchId: string };

export interface CaptureTarget {
  tabId: number | undefined;
  frameId: number;
  pageUrl: string | undefined;
  srcUrl: string | undefined;
  mediaType: 'image' | 'video';
}

export interface PendingCapture extends CaptureTarget {
  captureId: string;
  tabId: number;
  purpose: CapturePurpose;
  createdAt: number;
  /** The copy the page script chose (a larger srcset candidate), for the worker's re-read. */
  chosenSrc?: string;
  /** A quick action that failed becomes a panel request with its prompt (nothing is sent unasked). */
  prompt?: string;
  failed?: boolean;
}

export const CONTENT_SCRIPT_FILE = '/page.js';
const CAPTURE_PREFIX = 'capture:';
const REFERENCES_KEY = 'referenceSources';
const session = () => browser.storage.session;

export async function writePendingPanelRequest(request: PendingPanelRequest): Promise<void> {
  await session().set({ [PENDING_PANEL_REQUEST_KEY]: request });
}

export async function loadCapture(captureId: string): Promise<PendingCapture | undefined> {
  const key = CAPTURE_PREFIX + captureId;
  return (await session().get(key))[key] as PendingCapture | undefined;
}

export async function saveCapture(capture: PendingCapture): Promise<void> {
  await session().set({ [CAPTURE_PREFIX + capture.captureId]: capture });
}

const forgetCapture = (capture: PendingCapture) => session().remove(CAPTURE_PREFIX + capture.captureId);

const hostOf = (url: string | undefined) => parseHttpUrl(url)?.host;

/** The mode the panel shows for this capture (references: edit with up to 3 images, then reference video). */
async function panelModeOf(capture: PendingCapture, settings?: Settings): Promise<{ mode: Mode; sources: SourceRef[]; prompt?: string }> {
  const { purpose } = capture;
  if (purpose.kind === 'panel') return { mode: purpose.mode, sources: [], ...(capture.prompt !== undefined ? { prompt: capture.prompt } : {}) };
  if (purpose.kind === 'describe' || purpose.kind === 'batch') return { mode: 'create-image', sources: [] };
  if (purpose.kind === 'reference') {
    const refs = await loadReferences();
    return { mode: refs.length + 1 <= 3 ? 'edit-image' : 'reference-video', sources: refs };
  }
  const action = (settings ?? (await loadSettings())).quickActions.find((a) => a.id === purpose.actionId);
  return { mode: action?.mode ?? 'edit-image', sources: [], ...(action ? { prompt: action.prompt } : {}) };
}

/** Tell the panel where a capture stands (panel and reference captures; quick actions only on failure). */
export async function announceCapture(capture: PendingCapture, state: Omit<CaptureState, 'id'>): Promise<void> {
  // A batch's images are followed in the batch's own record, never in the composer.
  if (capture.purpose.kind === 'batch') return markBatchCapture(capture.purpose.batchId, capture.captureId, state);
  if (capture.purpose.kind === 'describe') {
    const describe = state.state === 'failed' ? { state: 'failed' as const, message: state.message ?? t('panel.captureStatus.theImageCouldNot') } : { state: 'reading' as const };
    return writePendingPanelRequest({ id: crypto.randomUUID(), mode: 'create-image', sources: [], describe });
  }
  const target = await panelModeOf(capture);
  const host = hostOf(capture.chosenSrc ?? capture.srcUrl);
  await writePendingPanelRequest({
    id: crypto.randomUUID(),
    ...target,
    capture: { id: capture.captureId, ...(host ? { host } : {}), ...state },
  });
}

/** `captureId`: a batch passes the id the page script tagged the element with (it is also the overlay's target id). */
export async function startCapture(
  engine: JobEngine,
  purpose: CapturePurpose,
  target: CaptureTarget,
  captureId: string = crypto.randomUUID(),
  options: { injected?: boolean } = {},
): Promise<void> {
  const { tabId } = target;
  if (tabId === undefined || tabId < 0) return notifyError(t('worker.onlyNormalTabs'));
  const capture: PendingCapture = { ...target, tabId, captureId, purpose, createdAt: Date.now() };
  await saveCapture(capture);
  // A batch wrote its items as "capturing" already; the panel and the menus follow the others from here.
  if (purpose.kind !== 'quick' && purpose.kind !== 'batch') await announceCapture(capture, { state: 'pending' });
  const start: ToContent = {
    type: 'capture.start',
    captureId: capture.captureId,
    ...(target.srcUrl ? { srcUrl: target.srcUrl } : {}),
    mediaType: target.mediaType,
    ...(purpose.kind === 'panel' && purpose.area ? AREA_SOURCE_LIMITS : { maxEdge: IMAGE_LIMITS.maxEdge, maxBytes: target.mediaType === 'video' ? VIDEO_MAX_BYTES : IMAGE_LIMITS.maxBytes }),
  };
  try {
    if (!options.injected) await browser.scripting.executeScript({ target: { tabId, frameIds: [target.frameId] }, files: [CONTENT_SCRIPT_FILE] });
    await browser.tabs.sendMessage(tabId, start, { frameId: target.frameId });
  } catch (error) {
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

/** capture.done / capture.failed from the page script. Only the tab the capture was started in may answer. */
export async function handleCaptureCommand(
  engine: JobEngine,
  command: Extract<ContentCommand, { type: 'capture.done' | 'capture.failed' }>,
  sender: Browser.runtime.MessageSender,
): Promise<Reply> {
  const capture = await loadCapture(command.captureId);
  if (!capture || capture.failed || sender.tab?.id !== capture.tabId) return { ok: false, error: { kind: 'invalid_request', message: t('worker.thisCaptureIsNoLonger') } };
  if (command.type === 'capture.done') return inTurn(capture, () => finishCapture(engine, capture, command));
  if (!command.corsBlocked) {
    // The page shows its own message; the panel gets the same one, and the screenshot way out.
    await failCapture(capture, command.message, { canScreenshot: canScreenshotFor(capture), quietForQuick: true });
    return { ok: true };
  }
  if (command.srcUrl) {
    capture.chosenSrc = command.srcUrl;
    await saveCapture(capture);
  }
  return inTurn(capture, () => captureInBackground(engine, capture));
}

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
    dataUrl = await readInBackground(capture.chosenSrc ?? capture.srcUrl, capture.pageUrl);
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

/** A screenshot needs the image on screen and the panel's own card: not for a batch's many images. */
const canScreenshotFor = (capture: PendingCapture) => capture.mediaType === 'image' && capture.frameId === 0 && capture.purpose.kind !== 'batch';

async function readInBackground(src: string | undefined, pageUrl: string | undefined): Promise<string> {
  if (!src) throw new PageImageError({ reason: 'refused', message: t('worker.thePageDoesNotAllow') });
  const blob = await fetchPageImage(src, pageUrl);
  try {
    const prepared = await prepareImage(blob, IMAGE_LIMITS);
    return await blobToDataUrl(prepared.blob);
  } catch (error) {
    throw new PageImageError({ reason: 'failed', message: error instanceof CaptureError ? error.message : t('worker.theImageCouldNotBe') });
  }
}

/** Keep the failed capture (for a retry or a screenshot) and tell the panel what went wrong and what it can do. */
async function failCapture(capture: PendingCapture, message: string, options: { accessOrigin?: string; canScreenshot: boolean; quietForQuick?: boolean }): Promise<void> {
  capture.failed = true;
  await saveCapture(capture);
  if (capture.purpose.kind === 'quick' && options.quietForQuick) return; // the overlay says it; nothing in the panel to do
  await announceCapture(capture, {
    state: 'failed',
    message: message.slice(0, 1000),
    ...(options.accessOrigin ? { accessOrigin: options.accessOrigin } : {}),
    canScreenshot: options.canScreenshot,
  });
}

export async function finishCapture(
  engine: JobEngine,
  capture: PendingCapture,
  done: Extract<ContentCommand, { type: 'capture.done' }> | undefined,
  readDataUrl?: string,
  extra: Partial<SourceRef> = {},
): Promise<Reply> {
  const settings = await loadSettings();
  const dataUrl = done?.dataUrl ?? readDataUrl;
  if (!dataUrl) return fail(t('panel.captureStatus.theImageCouldNot'));
  const sendAsUrl = settings.privacy.sendImagesAs === 'url' && done?.publicUrl === true && capture.mediaType === 'image';
  const keepSrc = sendAsUrl || settings.privacy.rememberSourcePages;
  const srcUrl = done?.srcUrl ?? capture.chosenSrc ?? capture.srcUrl; // the page script may have found a larger srcset candidate
  let source: SourceRef;
  try {
    const forArea = capture.purpose.kind === 'panel' && capture.purpose.area === true;
    source = await importSource(
      dataUrl,
      {
        ...extra,
        ...(keepSrc && srcUrl && /^https?:/.test(srcUrl) && !extra.screenshot ? { srcUrl } : {}),
        ...(sendAsUrl && !forArea ? { sendAsUrl: true } : {}),
      },
      forArea ? { maxBytes: AREA_SOURCE_LIMITS.maxBytes } : undefined,
    );
  } catch (error) {
    const message = toErrorInfo(error).message;
    await failCapture(capture, message, { canScreenshot: false, quietForQuick: true });
    return fail(message);
  }
  await forgetCapture(capture);
  const origin: JobOrigin = {
    tabId: capture.tabId,
    frameId: capture.frameId,
    ...(settings.privacy.rememberSourcePages && capture.pageUrl ? { pageUrl: capture.pageUrl } : {}),
    targetId: capture.captureId,
    via: capture.purpose.kind === 'quick' ? 'quick-action' : 'context-menu',
  };
  const ready = { id: capture.captureId, state: 'ready' as const };
  const { purpose } = capture;
  switch (purpose.kind) {
    case 'panel':
      await writePendingPanelRequest({
        id: crypto.randomUUID(), mode: purpose.mode, sources: [source], origin, capture: ready,
        ...(capture.prompt !== undefined ? { prompt: capture.prompt } : {}),
        ...(purpose.area ? { pickArea: true } : {}),
      });
      return { ok: true, next: 'panel' };
    case 'reference': {
      const refs = await loadReferences();
      if (refs.length >= MAX_REFERENCES) {
        await writePendingPanelRequest({ id: crypto.randomUUID(), mode: 'reference-video', sources: refs, capture: ready });
        return fail(t('worker.referencesFull', { max: formatNumber(MAX_REFERENCES) }));
      }
      refs.push(source);
      await session().set({ [REFERENCES_KEY]: refs });
      await setReferenceCount(refs.length);
      await writePendingPanelRequest({ id: crypto.randomUUID(), mode: refs.length <= 3 ? 'edit-image' : 'reference-video', sources: refs, origin, capture: ready });
      return { ok: true, next: 'reference', count: refs.length };
    }
    case 'describe':
      // The page's overlay is done once the bytes are here; the panel follows the description itself.
      void describeCapture(source, origin).catch((error: unknown) => console.error('Reimagine: describe failed', error));
      return { ok: true, next: 'panel' };
    case 'batch':
      return submitBatchItem(engine, purpose.batchId, capture.captureId, source, origin, settings);
    case 'quick': {
      const action = settings.quickActions.find((a) => a.id === purpose.actionId);
      if (!action) return fail(t('worker.thatQuickActionNoLonger'));
      const result = await engine.submit({ request: quickActionRequest(action, source, settings), origin });
      return result.ok ? { ok: true, next: 'job', jobId: result.job.id } : { ok: false, error: { ...result.error, message: userMessage(result.error) } };
    }
  }
}

export function quickActionRequest(action: QuickAction, source: SourceRef, settings: Settings): JobRequest {
  return requestFromDefaults(action.mode, action.prompt, source, settings);
}

async function loadReferences(): Promise<SourceRef[]> {
  return ((await session().get(REFERENCES_KEY))[REFERENCES_KEY] as SourceRef[] | undefined) ?? [];
}

export async function countReferences(): Promise<number> {
  return (await loadReferences()).length;
}

export async function clearReferences(): Promise<void> {
  await session().remove(REFERENCES_KEY);
}

/** Once a job uses the collected references, the collection starts over (and the menu title with it). */
export async function forgetUsedReferences(jobs: Job[]): Promise<void> {
  const refs = await loadReferences();
  if (!refs.length) return;
  const ids = new Set(refs.map((r) => r.mediaId));
  const used = jobs.some((j) => j.status === 'queued' && 'sources' in j.request && j.request.sources.some((s) => ids.has(s.mediaId)));
  if (!used) return;
  await clearReferences();
  await setReferenceCount(0);
}

export async function notifyError(message: string): Promise<void> {
  await browser.notifications
    .create(`reimagine-error:${crypto.randomUUID()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('extension.name'),
      message,
    })
    .catch(() => undefined);
}

/** "Describe image": the panel shows "Describing…", then the text (or the reason), kept as a job in history. */
async function describeCapture(source: SourceRef, origin: JobOrigin): Promise<void> {
  const panel = (describe: DescribeState) => writePendingPanelRequest({ id: crypto.randomUUID(), mode: 'create-image', sources: [], describe });
  await panel({ state: 'running' });
  const reply = await visionReply({ purpose: 'describe', intent: '', sources: [source], origin });
  if (!reply.ok) {
    await panel({ state: 'failed', message: userMessage(reply.error).slice(0, 1000) });
    return;
  }
  await panel({
    state: 'done',
    text: reply.text,
    jobId: reply.jobId,
    model: reply.model,
    ...(reply.cost ? { cost: reply.cost } : {}),
    ...(reply.tokens !== undefined ? { tokens: reply.tokens } : {}),
  });
}
