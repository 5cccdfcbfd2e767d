import type { ContentCommand } from '../messaging/protocol';
import { dataUrlToBlob } from '../media/encode';
import { byTag, findMedia, tag } from './find-target';
import type { OverlayUi } from './overlay-ui';
import type { Swap } from './replace';
import { t } from '../i18n';

/**
 * One page element Reimagine is working on (a capture, then its job and result), and what every part of
 * the page script does with it: talk to the worker, find the element again, show an error, go away.
 * The state lives here, in `targets`; main.ts routes the worker's messages to it.
 */
export type Outcome = { ok: true; next?: 'panel' | 'job' | 'reference'; count?: number } | { ok: false; error: { message: string } };

export interface Result {
  url: string;
  kind: 'image' | 'video';
  blob: Blob;
}

export interface Target {
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
  /** The finished results this overlay has shown, oldest first, and which one is chosen (versions-nav.ts). */
  versions?: { jobId: string; index: number }[];
  versionAt?: number;
}

export const targets = new Map<string, Target>();

export async function send(command: ContentCommand): Promise<Outcome> {
  try {
    return ((await chrome.runtime.sendMessage(command)) as Outcome | undefined) ?? { ok: false, error: { message: t('overlay.noAnswer') } };
  } catch (error) {
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The element to draw the overlay on: the playing video result if there is one, else the image. */
export function currentElement(target: Target): Element | undefined {
  if (target.swap?.shown.isConnected && target.swap.shown !== target.el) return target.swap.shown;
  return target.el;
}

export function showError(target: Target, message: string): void {
  target.ui.setProgress(undefined);
  target.ui.setStatus(message, 'error');
  target.ui.show(target.swap ? ['revert', 'dismiss'] : ['dismiss']);
  target.ui.focus('dismiss');
}

export async function loadResult(target: Target): Promise<boolean> {
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

export function dismiss(target: Target): void {
  target.ui.destroy();
  targets.delete(target.id);
  // A replaced image stays replaced; the page is back to normal on the next reload.
}

/** The element may have been re-rendered by the page: find it again by its tag, then by its address. */
export function reattach(target: Target): HTMLElement | undefined {
  if (target.el?.isConnected) return target.el;
  const el = byTag(target.id) ?? findMedia(target.srcUrl, target.kind);
  if (el) tag(el, target.id);
  target.el = el;
  return el;
}
