import { browser, type Browser } from 'wxt/browser';
import type { JobEngine } from '../../jobs/engine';
import type { Job } from '../../model/job';
import { isVideoMode } from '../../model/modes';
import { blobToDataUrl } from '../../media/encode';
import type { ContentCommand, Reply, ToContent } from '../../messaging/protocol';
import { getJob } from '../../storage/jobs';
import { getMedia, getThumb } from '../../storage/media';
import { handleCaptureCommand } from '../capture/start';
import { fromDocument, messageOptions } from '../capture/identity';
import { openSidePanel } from '../platform/side-panel';
import { downloadableJobResult } from '../../export/file-name';
import { handlePickCommand } from './pick';
import { provenanceFor } from '../../versions/provenance';
import { loadSettings } from '../state/settings-store';
import { pageReason } from '../../jobs/page-reason';
import { t } from '../../i18n';

/**
 * The background half of the in-page overlay: job changes for jobs that came from a page element are
 * pushed to the page script of the document they were captured in, and the overlay's buttons come back
 * here. A page script may only act on jobs captured in its own document.
 */
export function pushOverlayUpdates(jobs: Job[]): void {
  for (const job of jobs) {
    const origin = job.origin;
    if (origin?.tabId === undefined || !origin.targetId) continue;
    const message: ToContent = {
      type: 'overlay.update',
      captureId: origin.targetId,
      job: {
        id: job.id,
        status: job.status,
        ...(job.progress !== undefined ? { progress: job.progress } : {}),
        startedAt: job.createdAt,
        // No provider text: a failed job's reason is the translated sentence of its kind (page-reason.ts).
        ...(job.status === 'failed' && job.error ? { reason: pageReason(job.error) } : {}),
        isVideo: isVideoMode(job.request.mode),
        ...(origin.batchId ? { batchId: origin.batchId } : {}),
      },
    };
    // The tab may have navigated or closed since: then there is nobody to tell.
    // Only to the document it came from (capture/identity.ts): a new document in that tab hears nothing.
    void browser.tabs.sendMessage(origin.tabId, message, messageOptions(origin)).catch(() => undefined);
  }
}

const fail = (message: string, kind: 'invalid_request' | 'not_found' = 'invalid_request'): Reply => ({ ok: false, error: { kind, message } });

/** A page script may act only on jobs captured in its own document (not merely its tab: a tab id survives navigation). */
async function ownJob(jobId: string, sender: Browser.runtime.MessageSender): Promise<Job | undefined> {
  const job = await getJob(jobId);
  return job?.origin && fromDocument(job.origin, sender) ? job : undefined;
}

export async function handleOverlayCommand(
  engine: JobEngine,
  command: Extract<ContentCommand, { type: 'overlay.cancel' | 'overlay.retry' | 'overlay.open-panel' | 'overlay.download' | 'overlay.get-result' }>,
  sender: Browser.runtime.MessageSender,
): Promise<Reply> {
  // Synchronous first: a click in the overlay may carry a user gesture the side panel needs.
  if (command.type === 'overlay.open-panel') openSidePanel(sender.tab);
  const job = await ownJob(command.jobId, sender);
  if (!job) return fail(t('worker.thatJobIsNotFrom'), 'not_found');
  switch (command.type) {
    case 'overlay.cancel':
      await engine.cancel(job.id);
      return { ok: true };
    case 'overlay.retry': {
      // Only ever the user's click on the overlay's Retry (the page script never sends it by itself).
      const result = await engine.retry(job.id);
      return result.ok ? { ok: true } : fail(pageReason(result.error));
    }
    case 'overlay.open-panel': {
      // If the panel could not open (no gesture), show the job in a Reimagine tab instead.
      const panels = await (chrome.runtime.getContexts?.({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] }) ?? Promise.resolve([]));
      if (panels.length === 0) await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?job=${encodeURIComponent(job.id)}`) });
      return { ok: true };
    }
    case 'overlay.download':
      return downloadResult(job, 0);
    case 'overlay.get-result': {
      const result = job.results[command.index];
      if (command.preview) {
        // Only the small thumbnail saved with the result: the full result waits until the user asks for it.
        const thumb = result ? await getThumb(result.mediaId) : undefined;
        return thumb ? { ok: true, dataUrl: await blobToDataUrl(thumb, thumb.type || 'image/jpeg') } : fail(t('worker.thisJobHasNoResult'), 'not_found');
      }
      const media = result ? await getMedia(result.mediaId) : undefined;
      if (!result || !media) return fail(t('worker.thisJobHasNoResult'), 'not_found');
      return { ok: true, dataUrl: await blobToDataUrl(media.blob, result.mimeType), kind: result.kind, mimeType: result.mimeType };
    }
  }
}

export async function downloadResult(job: Job, index: number): Promise<Reply> {
  const result = job.results[index];
  const media = result ? await getMedia(result.mediaId) : undefined;
  if (!result || !media) return fail(t('worker.thisResultIsNoLonger'), 'not_found');
  const settings = await loadSettings();
  const provenance = await provenanceFor(job, { sourcePage: settings.privacy.sourcePageInDownloads });
  const file = await downloadableJobResult(job, media.blob, index, settings.exports.fileNameTemplate, provenance);
  if (!file.ok) return fail(file.message);
  // Chrome's service worker has no URL.createObjectURL, so its download takes a data: URL; Firefox refuses
  // data: URLs in downloads.download ("Access denied") but its event page is a document with object URLs.
  if (typeof URL.createObjectURL !== 'function') {
    const downloadId = await browser.downloads.download({ url: await blobToDataUrl(file.blob, file.mimeType), filename: file.filename, saveAs: false });
    return { ok: true, downloadId };
  }
  const url = URL.createObjectURL(file.blob);
  try {
    return { ok: true, downloadId: await browser.downloads.download({ url, filename: file.filename, saveAs: false }) };
  } finally {
    // The download has its own copy once started; keep the URL a moment for slow starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** The side panel's "Replace on page": the page script swaps the image it captured for this job. */
export async function replaceOnPage(jobId: string, index: number): Promise<Reply> {
  const job = await getJob(jobId);
  const origin = job?.origin;
  if (!job || origin?.tabId === undefined || !origin.targetId) return fail(t('worker.thisResultDidNotCome'));
  if (job.status !== 'done') return fail(t('worker.theJobHasNotFinished'));
  if (!job.results[index]) return fail(t('worker.thatResultIsNoLonger'), 'not_found');
  const message: ToContent = { type: 'overlay.replace', targetId: origin.targetId, jobId, index };
  try {
    await browser.tabs.sendMessage(origin.tabId, message, messageOptions(origin));
    return { ok: true };
  } catch {
    return fail(t('worker.thePageThisImageCame'));
  }
}

/** Everything a page script may send, routed (the router has already validated it against the schema). */
export async function handleContentCommand(engine: JobEngine, command: ContentCommand, sender: Browser.runtime.MessageSender): Promise<Reply> {
  if (command.type === 'capture.done' || command.type === 'capture.failed') return handleCaptureCommand(engine, command, sender);
  if (command.type === 'pick.chosen' || command.type === 'pick.area') return handlePickCommand(engine, command, sender);
  return handleOverlayCommand(engine, command, sender);
}
