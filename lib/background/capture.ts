import { browser, type Browser } from 'wxt/browser';
import { ImagineError, toErrorInfo, userMessage } from '../api/errors';
import { prepareImage, IMAGE_LIMITS, VIDEO_MAX_BYTES, CaptureError } from '../content/prepare-image';
import type { JobEngine } from '../jobs/engine';
import type { Job } from '../jobs/job';
import type { JobOrigin, JobRequest, SourceRef } from '../jobs/request';
import { blobToDataUrl } from '../media/encode';
import type { ContentCommand, Reply, ToContent } from '../messaging/protocol';
import { PENDING_PANEL_REQUEST_KEY, type PendingPanelRequest } from '../messaging/panel-request';
import type { QuickAction, Settings } from '../settings/schema';
import { MAX_REFERENCES, setReferenceCount } from './menus';
import { loadSettings } from './settings-store';
import { importSource } from './sources';

/**
 * Right-click → bytes → what the user asked for. The background injects the page script into the
 * clicked frame, asks it to read the element's bytes where they live (cookies, Referer, data:/blob:),
 * and acts on `capture.done`: a quick action becomes a job at once; edit/animate/video menus and
 * references become a pending request for the side panel. Captures in flight are kept in session
 * storage, so a worker restart between click and bytes loses nothing.
 */
export type CapturePurpose =
  | { kind: 'panel'; mode: 'edit-image' | 'animate-image' | 'edit-video' | 'extend-video' }
  | { kind: 'reference' }
  | { kind: 'quick'; actionId: string };

export interface CaptureTarget {
  tabId: number | undefined;
  frameId: number;
  pageUrl: string | undefined;
  srcUrl: string | undefined;
  mediaType: 'image' | 'video';
}

interface PendingCapture extends CaptureTarget {
  captureId: string;
  tabId: number;
  purpose: CapturePurpose;
  createdAt: number;
}

export const CONTENT_SCRIPT_FILE = '/page.js';
const CAPTURE_PREFIX = 'capture:';
const REFERENCES_KEY = 'referenceSources';
const session = () => browser.storage.session;

export async function writePendingPanelRequest(request: PendingPanelRequest): Promise<void> {
  await session().set({ [PENDING_PANEL_REQUEST_KEY]: request });
}

export async function startCapture(engine: JobEngine, purpose: CapturePurpose, target: CaptureTarget): Promise<void> {
  const { tabId } = target;
  if (tabId === undefined || tabId < 0) return notifyError('Reimagine can only read images in a normal browser tab.');
  const capture: PendingCapture = { ...target, tabId, captureId: crypto.randomUUID(), purpose, createdAt: Date.now() };
  await session().set({ [CAPTURE_PREFIX + capture.captureId]: capture });
  const start: ToContent = {
    type: 'capture.start',
    captureId: capture.captureId,
    ...(target.srcUrl ? { srcUrl: target.srcUrl } : {}),
    mediaType: target.mediaType,
    maxEdge: IMAGE_LIMITS.maxEdge,
    maxBytes: target.mediaType === 'video' ? VIDEO_MAX_BYTES : IMAGE_LIMITS.maxBytes,
  };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [target.frameId] }, files: [CONTENT_SCRIPT_FILE] });
    await browser.tabs.sendMessage(tabId, start, { frameId: target.frameId });
  } catch (error) {
    // No access to the page (chrome:// pages, the Web Store, file:// without permission): without an
    // overlay we can still read a web image ourselves; otherwise say why in a notification.
    if (target.mediaType === 'image' && target.srcUrl && /^https?:/.test(target.srcUrl)) {
      const reply = await finishCapture(engine, capture, undefined).catch((e: unknown) => ({ ok: false as const, error: toErrorInfo(e) }));
      if (reply.ok) return;
      return notifyError(userMessage(reply.error));
    }
    const page = target.pageUrl ?? '';
    await session().remove(CAPTURE_PREFIX + capture.captureId);
    return notifyError(
      page.startsWith('file:')
        ? 'Reimagine cannot read this local file: allow “Access to file URLs” for Reimagine in chrome://extensions.'
        : `Reimagine cannot work on this page (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/** capture.done / capture.failed from the page script. Only the tab the capture was started in may answer. */
export async function handleCaptureCommand(
  engine: JobEngine,
  command: Extract<ContentCommand, { type: 'capture.done' | 'capture.failed' }>,
  sender: Browser.runtime.MessageSender,
): Promise<Reply> {
  const key = CAPTURE_PREFIX + command.captureId;
  const capture = (await session().get(key))[key] as PendingCapture | undefined;
  if (!capture || sender.tab?.id !== capture.tabId) return { ok: false, error: { kind: 'invalid_request', message: 'This capture is no longer expected; right-click the image again.' } };
  await session().remove(key);
  if (command.type === 'capture.failed' && !command.corsBlocked) return { ok: true };
  return finishCapture(engine, capture, command.type === 'capture.done' ? command : undefined);
}

async function finishCapture(engine: JobEngine, capture: PendingCapture, done: Extract<ContentCommand, { type: 'capture.done' }> | undefined): Promise<Reply> {
  const settings = await loadSettings();
  const dataUrl = done?.dataUrl ?? (await fetchInBackground(capture));
  const sendAsUrl = settings.privacy.sendImagesAs === 'url' && done?.publicUrl === true && capture.mediaType === 'image';
  const keepSrc = sendAsUrl || settings.privacy.rememberSourcePages;
  const srcUrl = done?.srcUrl ?? capture.srcUrl; // the page script may have found a larger srcset candidate
  const source = await importSource(dataUrl, {
    ...(keepSrc && srcUrl && /^https?:/.test(srcUrl) ? { srcUrl } : {}),
    ...(sendAsUrl ? { sendAsUrl: true } : {}),
  });
  const origin: JobOrigin = {
    tabId: capture.tabId,
    frameId: capture.frameId,
    ...(settings.privacy.rememberSourcePages && capture.pageUrl ? { pageUrl: capture.pageUrl } : {}),
    targetId: capture.captureId,
    via: capture.purpose.kind === 'quick' ? 'quick-action' : 'context-menu',
  };
  const { purpose } = capture;
  switch (purpose.kind) {
    case 'panel':
      await writePendingPanelRequest({ id: capture.captureId, mode: purpose.mode, sources: [source], origin });
      return { ok: true, next: 'panel' };
    case 'reference': {
      const refs = await loadReferences();
      if (refs.length >= MAX_REFERENCES) return { ok: false, error: { kind: 'invalid_request', message: `You already collected ${MAX_REFERENCES} reference images; use them in the side panel first.` } };
      refs.push(source);
      await session().set({ [REFERENCES_KEY]: refs });
      await setReferenceCount(refs.length);
      await writePendingPanelRequest({ id: crypto.randomUUID(), mode: refs.length <= 3 ? 'edit-image' : 'reference-video', sources: refs, origin });
      return { ok: true, next: 'reference', count: refs.length };
    }
    case 'quick': {
      const action = settings.quickActions.find((a) => a.id === purpose.actionId);
      if (!action) return { ok: false, error: { kind: 'invalid_request', message: 'That quick action no longer exists.' } };
      const result = await engine.submit({ request: quickActionRequest(action, source, settings), origin });
      return result.ok ? { ok: true, next: 'job', jobId: result.job.id } : { ok: false, error: { ...result.error, message: userMessage(result.error) } };
    }
  }
}

export function quickActionRequest(action: QuickAction, source: SourceRef, settings: Settings): JobRequest {
  const { image, video } = settings.defaults;
  return action.mode === 'animate-image'
    ? { mode: 'animate-image', prompt: action.prompt, model: video.model, sources: [source], duration: video.duration, resolution: video.resolution }
    : { mode: 'edit-image', prompt: action.prompt, model: image.model, sources: [source], n: 1, resolution: image.resolution, outputFormat: image.outputFormat };
}

/**
 * Cross-origin image the page may not read (no CORS). The worker reads it with its host access
 * (127.0.0.1/localhost in tests, sites the user granted in real use), sending the page as Referer
 * through a one-request session rule — fetch() cannot set Referer, and hotlink-protected hosts check it.
 */
async function fetchInBackground(capture: PendingCapture): Promise<string> {
  const src = capture.srcUrl;
  if (!src || !/^https?:/.test(src)) throw new ImagineError({ kind: 'invalid_request', message: 'The page does not allow reading this image.' });
  const host = new URL(src).host;
  const ruleId = await addRefererRule(src, capture.pageUrl);
  let response: Response;
  try {
    response = await fetch(src, { credentials: 'include', cache: 'no-store' });
  } catch {
    throw new ImagineError({
      kind: 'invalid_request',
      message: `This image is on ${host}, which does not let other sites read it. Allow Reimagine access to ${host} (chrome://extensions → Reimagine → Site access) and try again.`,
    });
  } finally {
    if (ruleId !== undefined) await removeRule(ruleId);
  }
  if (!response.ok) throw new ImagineError({ kind: 'invalid_request', message: `The image could not be loaded (HTTP ${response.status}).` });
  const blob = await response.blob();
  try {
    const prepared = await prepareImage(blob, IMAGE_LIMITS);
    return await blobToDataUrl(prepared.blob);
  } catch (error) {
    throw new ImagineError({ kind: 'invalid_request', message: error instanceof CaptureError ? error.message : 'The image could not be decoded.' });
  }
}

type Dnr = typeof chrome.declarativeNetRequest;
const dnr = (): Dnr | undefined => (globalThis as { chrome?: { declarativeNetRequest?: Dnr } }).chrome?.declarativeNetRequest;

async function addRefererRule(src: string, pageUrl: string | undefined): Promise<number | undefined> {
  const api = dnr();
  if (!api?.updateSessionRules || !pageUrl || !/^https?:/.test(pageUrl) || /[*^|]/.test(src)) return undefined;
  const id = 1 + Math.floor(Math.random() * 1_000_000_000);
  try {
    await api.updateSessionRules({
      addRules: [
        {
          id,
          priority: 1,
          action: {
            type: 'modifyHeaders' as chrome.declarativeNetRequest.RuleActionType,
            requestHeaders: [{ header: 'referer', operation: 'set' as chrome.declarativeNetRequest.HeaderOperation, value: pageUrl }],
          },
          condition: { urlFilter: `|${src}|`, tabIds: [-1], resourceTypes: ['xmlhttprequest' as chrome.declarativeNetRequest.ResourceType] },
        },
      ],
    });
    return id;
  } catch {
    return undefined;
  }
}

async function removeRule(id: number): Promise<void> {
  await dnr()?.updateSessionRules({ removeRuleIds: [id] }).catch(() => undefined);
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
      title: 'Reimagine',
      message,
    })
    .catch(() => undefined);
}
