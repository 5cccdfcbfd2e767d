import { toErrorInfo, userMessage } from '../../errors/taxonomy';
import { requestFromDefaults } from '../../batch/default-request';
import type { JobEngine } from '../../jobs/engine';
import type { JobOrigin, JobRequest, SourceRef } from '../../model/request';
import type { DescribeState } from '../../messaging/panel-request';
import type { ContentCommand, Reply } from '../../messaging/protocol';
import type { QuickAction, Settings } from '../../settings/schema';
import { submitBatchItem } from './batch-submit';
import { loadSettings } from '../state/settings-store';
import { importSource } from '../io/sources';
import { attachStoryPicture } from './story-capture';
import { AREA_SOURCE_LIMITS } from '../../media/area/area';
import { visionReply } from '../io/vision';
import { formatNumber, t } from '../../i18n';
import { failCapture } from './announce';
import { readableAnonymously } from './public-check';
import { forArea, forgetCapture, writePendingPanelRequest, type PendingCapture } from './pending';
import { loadReferences, MAX_REFERENCES, saveReferences } from './references';

/**
 * The bytes are here: a quick action becomes a job at once; a batch image a job of its batch;
 * edit/animate/video menus and references become a pending request for the side panel; "Describe"
 * asks the vision model and shows the text in the panel.
 */
const fail = (message: string): Reply => ({ ok: false, error: { kind: 'invalid_request', message } });

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
  // The page script may have found a larger srcset candidate; a replay keeps exactly the stored address.
  const srcUrl = capture.replay ? capture.srcUrl : (done?.srcUrl ?? capture.chosenSrc ?? capture.srcUrl);
  const pageSaysPublic = done?.publicUrl === true && (!capture.replay || done.srcUrl === capture.srcUrl);
  const sendAsUrl = settings.privacy.sendImagesAs === 'url' && pageSaysPublic && capture.mediaType === 'image' && !!srcUrl && (await readableAnonymously(srcUrl));
  const keepSrc = sendAsUrl || settings.privacy.rememberSourcePages;
  let source: SourceRef;
  try {
    const imageUrl = keepSrc && srcUrl && /^https?:/.test(srcUrl) && !extra.screenshot ? srcUrl : undefined;
    const area = forArea(capture);
    source = await importSource(
      dataUrl,
      {
        ...extra,
        ...(imageUrl ? { srcUrl: imageUrl } : {}),
        // A region edit sends only its crop, never the page's address of the whole picture.
        ...(sendAsUrl && !area ? { sendAsUrl: true } : {}),
        // Lineage: a page image. Its addresses only when the user lets Reimagine remember source pages.
        from: {
          kind: 'page',
          capturedAt: Date.now(),
          ...(settings.privacy.rememberSourcePages && capture.pageUrl ? { pageUrl: capture.pageUrl } : {}),
          ...(imageUrl ? { imageUrl } : {}),
          ...(extra.screenshot ? { screenshot: true } : {}),
        },
      },
      area ? { maxBytes: AREA_SOURCE_LIMITS.maxBytes } : undefined,
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
    ...(capture.documentId ? { documentId: capture.documentId } : {}),
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
      await saveReferences(refs);
      await writePendingPanelRequest({ id: crypto.randomUUID(), mode: refs.length <= 3 ? 'edit-image' : 'reference-video', sources: refs, origin, capture: ready });
      return { ok: true, next: 'reference', count: refs.length };
    }
    case 'describe':
      // The page's overlay is done once the bytes are here; the panel follows the description itself.
      void describeCapture(source, origin).catch((error: unknown) => console.error('Reimagine: describe failed', error));
      return { ok: true, next: 'panel' };
    case 'batch':
      return submitBatchItem(engine, purpose.batchId, capture.captureId, source, origin, settings);
    case 'story':
      return attachStoryPicture(purpose, source);
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
