import { browser, type Browser } from 'wxt/browser';
import { NO_KEY_CODE } from '../../errors/taxonomy';
import { ticksToUsd } from '../../model/imagine-models';
import { checkBatchCap, estimateBatch } from '../../batch/batch-cost';
import { parseScanReply, type BatchCandidate, type BatchPicker } from '../../batch/batch-schema';
import { createBatch, readBatch, updateBatch } from '../../batch/batch-store';
import { IMAGE_LIMITS } from '../../media/prepare-image';
import type { JobEngine } from '../../jobs/engine';
import { spentToday } from '../../jobs/spend';
import { SESSION_NAMES } from '../../storage/keys';
import type { Failure, PageCommand, PageHandlersFor, PageReply, ToContent } from '../../messaging/protocol';
import { PROVIDERS } from '../../providers/registry';
import { keyFor } from '../../settings/schema';
import { announce } from '../../storage/changes';
import { getJob } from '../../storage/jobs';
import { withBatchLock } from '../capture/batch-submit';
import { CONTENT_SCRIPT_FILE, writePendingPanelRequest } from '../capture/pending';
import { startCapture } from '../capture/start';
import { injectInto, messageOptions } from '../capture/identity';
import { fillThumbnails } from './candidate-thumbs';
import { idbJobStore } from '../state/job-store';
import { loadSecrets, loadSettings } from '../state/settings-store';
import { t } from '../../i18n';

/**
 * "Reimagine images on this page…" (menu id `reimagine-batch`). The click scans the page (the page script
 * measures and tags its pictures, lib/content/batch-scan.ts) and hands the picker to the panel; the scan's
 * tab, frame and addresses stay here in session storage, so the panel's "Run on N images" names images by
 * id and can never point the worker at another tab or address. A run checks the whole batch against the
 * daily cap, writes the batch record (IndexedDB), then captures every image the way a right-click does;
 * each capture becomes a job of the normal queue (capture/batch-submit.ts) or fails on its own.
 */
export interface StoredScan {
  tabId: number;
  frameId: number;
  /** The scanned document (capture/identity.ts): the run captures in it, or not at all. */
  documentId?: string;
  pageUrl?: string;
  candidates: BatchCandidate[];
}

export const SCAN_PREFIX = SESSION_NAMES.batchScanPrefix;
const fail = (message: string, kind: 'invalid_request' | 'not_found' | 'spending_cap' = 'invalid_request'): Failure => ({ ok: false, error: { kind, message } });

async function handPicker(picker: BatchPicker): Promise<void> {
  await writePendingPanelRequest({ id: crypto.randomUUID(), mode: 'edit-image', sources: [], batch: picker });
}

/** The menu click (after openSidePanel, which must run in the click's own turn). `story`: "Make a story from this page…" picks with the same picker. */
export async function scanForBatch(tab: Browser.tabs.Tab | undefined, info: Browser.contextMenus.OnClickData, purpose: 'batch' | 'story' = 'batch'): Promise<void> {
  const tabId = tab?.id;
  const frameId = info.frameId ?? 0;
  const pageUrl = info.frameUrl ?? info.pageUrl ?? tab?.url;
  const nothing = (message: string) => handPicker({ scanId: '', purpose, candidates: [], total: 0, message, ...(pageUrl ? { pageUrl } : {}) });
  if (tabId === undefined || tabId < 0) return nothing(t('worker.reimagineCanOnlyReadImages'));
  let reply: unknown;
  let documentId: string | undefined;
  try {
    documentId = await injectInto({ tabId, frameId }, CONTENT_SCRIPT_FILE);
    const scan: ToContent = { type: 'batch.scan', maxEdge: IMAGE_LIMITS.maxEdge };
    reply = await browser.tabs.sendMessage(tabId, scan, messageOptions({ frameId, documentId }));
  } catch (error) {
    return nothing(t('worker.cannotReadPage', { reason: error instanceof Error ? error.message : String(error) }));
  }
  const scanned = parseScanReply(reply);
  const total = scanned.total;
  const candidates = await fillThumbnails(scanned.candidates, pageUrl);
  const scanId = crypto.randomUUID();
  const stored: StoredScan = { tabId, frameId, candidates, ...(documentId ? { documentId } : {}), ...(pageUrl ? { pageUrl } : {}) };
  await browser.storage.session.set({ [SCAN_PREFIX + scanId]: stored });
  await handPicker({ scanId, purpose, candidates, total, ...(pageUrl ? { pageUrl } : {}), ...(candidates.length === 0 ? { message: t('worker.noPicturesOf128Px') } : {}) });
}

export async function startBatch(engine: JobEngine, command: Extract<PageCommand, { type: 'batch.start' }>): Promise<PageReply<'batch.start'>> {
  const key = SCAN_PREFIX + command.scanId;
  const scan = (await browser.storage.session.get(key))[key] as StoredScan | undefined;
  if (!scan) return fail(t('worker.thisListOfImagesIs'), 'not_found');
  const wanted = new Set(command.targetIds);
  const chosen = scan.candidates.filter((c) => wanted.has(c.id));
  if (chosen.length === 0) return fail(t('worker.chooseAtLeastOneImage'));
  const [settings, secrets] = await Promise.all([loadSettings(), loadSecrets()]);
  const provider = PROVIDERS[settings.provider];
  if (!provider.capabilities.modes[command.mode]) return fail(provider.capabilities.unavailableReason[command.mode] ?? t('worker.theSelectedProviderCannotDo'));
  if (!keyFor(secrets, settings.provider)) return { ok: false, error: { kind: 'invalid_key', code: NO_KEY_CODE, message: t('jobs.noApiKeySetAdd') } };
  const estimate = estimateBatch(command.mode, command.prompt, settings, chosen.length);
  const spent = ticksToUsd(await spentToday(idbJobStore));
  const verdict = checkBatchCap(estimate, chosen.length, spent, settings.dailySpendCapUsd);
  if (!verdict.ok) return fail(verdict.message, 'spending_cap');

  const batchId = crypto.randomUUID();
  await createBatch({
    id: batchId,
    createdAt: Date.now(),
    tabId: scan.tabId,
    frameId: scan.frameId,
    ...(scan.documentId ? { documentId: scan.documentId } : {}),
    ...(scan.pageUrl ? { pageUrl: scan.pageUrl } : {}),
    mode: command.mode,
    prompt: command.prompt,
    cancelled: false,
    items: chosen.map((c) => ({ targetId: c.id, srcUrl: c.url, kind: c.kind, state: 'capturing' as const, ...(c.thumb ? { thumb: c.thumb } : {}) })),
  });
  await browser.storage.session.remove(key); // one run per scan: a second click cannot double the batch
  announce({ type: 'batch', id: batchId });
  const purpose = { kind: 'batch' as const, batchId };
  // The page script is injected once (the scan put it there; a reload since would have removed it), then
  // every capture starts at once: the page reads them in parallel, the queue sends them at its own pace.
  const injected = await injectInto(scan, CONTENT_SCRIPT_FILE)
    .then(() => true)
    .catch(() => false);
  await Promise.all(
    chosen.map((item) =>
      startCapture(engine, purpose, { tabId: scan.tabId, frameId: scan.frameId, documentId: scan.documentId, pageUrl: scan.pageUrl, srcUrl: item.url, mediaType: 'image' }, item.id, { injected }),
    ),
  );
  return { ok: true, batchId };
}

/** Cancels what has not started: images still being read, and jobs still queued. Sent jobs follow the usual cancel rules (left alone). */
export function cancelBatch(engine: JobEngine, batchId: string): Promise<PageReply<'batch.cancel'>> {
  return withBatchLock(batchId, async (): Promise<PageReply<'batch.cancel'>> => {
    const record = await updateBatch(batchId, (r) => ({ ...r, cancelled: true, items: r.items.map((i) => (i.state === 'capturing' ? { ...i, state: 'cancelled' as const } : i)) }));
    if (!record) return fail(t('worker.thatBatchNoLongerExists'), 'not_found');
    let cancelled = record.items.filter((i) => i.state === 'cancelled').length;
    for (const item of record.items) {
      if (!item.jobId) continue;
      if (await engine.cancel(item.jobId, { onlyQueued: true })) cancelled++;
    }
    announce({ type: 'batch', id: batchId });
    return { ok: true, cancelled };
  });
}

/** The panel's "Replace all" / "Revert all": the page script swaps (or restores) every finished image. */
export async function applyBatch(batchId: string, action: 'replace' | 'revert'): Promise<PageReply<'batch.apply'>> {
  const record = await readBatch(batchId);
  if (!record) return fail(t('worker.thatBatchNoLongerExists'), 'not_found');
  const items: Array<{ targetId: string; jobId: string }> = [];
  for (const item of record.items) {
    const job = item.jobId ? await getJob(item.jobId) : undefined;
    if (job?.status === 'done' && job.results.length > 0) items.push({ targetId: item.targetId, jobId: job.id });
  }
  if (items.length === 0) return fail(t('worker.noImageOfThisBatch'));
  const message: ToContent = { type: 'batch.apply', batchId, action, items };
  try {
    await browser.tabs.sendMessage(record.tabId, message, messageOptions(record));
    return { ok: true };
  } catch {
    return fail(t('worker.thePageTheseImagesCame'));
  }
}

/** The panel's batch commands, typed by the reply each promises (protocol.ts `PageReplies`). */
export function batchHandlers(engine: JobEngine): PageHandlersFor<'batch'> {
  return {
    'batch.start': (command) => startBatch(engine, command),
    'batch.cancel': (command) => cancelBatch(engine, command.batchId),
    'batch.apply': (command) => applyBatch(command.batchId, command.action),
  };
}
