import { browser } from 'wxt/browser';
import { userMessage } from '../errors/taxonomy';
import type { Job } from '../model/job';
import { send } from '../messaging/client';
import { getMedia, getThumb } from '../storage/media';
import { downloadableJobResult } from '../export/file-name';
import { downloadSettings } from './result-actions';
import { provenanceFor } from '../versions/provenance';
import { applyJobChanges } from './history-store';
import { PANEL_FOCUS_KEY } from '../messaging/panel-request';
import { SESSION_NAMES } from '../storage/keys';
import { formatNumber, t } from '../i18n';

/**
 * Per-item history actions, run from the popup. Every write is a command to the background; these
 * functions only read IndexedDB and talk to browser UI (side panel, downloads, clipboard).
 */
export type Outcome = { ok: true; message: string } | { ok: false; message: string };

export { PANEL_FOCUS_KEY };

/**
 * Must run synchronously inside the click handler: `sidePanel.open` needs the user gesture, so the
 * window id is looked up beforehand (see `currentWindowId`) and nothing is awaited before the call.
 */
export function openInSidePanel(jobId: string | undefined, windowId: number | undefined): Promise<Outcome> {
  // Without a job (the launcher's "Open side panel"), the panel just opens as it was.
  if (jobId !== undefined) void chrome.storage?.session?.set({ [PANEL_FOCUS_KEY]: jobId });
  // Firefox: no side-panel API; its sidebar (`sidebar_action`) opens through sidebarAction in the gesture.
  const sidebar = (browser as unknown as { sidebarAction?: { open?: () => Promise<void> } }).sidebarAction;
  if (typeof sidebar?.open === 'function') {
    return sidebar.open().then(
      () => ({ ok: true, message: t('historyData.openedInTheSidePanel') }),
      () => openPanelTab(jobId),
    );
  }
  if (!import.meta.env.FIREFOX && typeof chrome.sidePanel?.open === 'function' && windowId !== undefined) {
    return chrome.sidePanel.open({ windowId }).then(
      () => ({ ok: true, message: t('historyData.openedInTheSidePanel') }),
      () => openPanelTab(jobId),
    );
  }
  return openPanelTab(jobId);
}

/** A story's history entry: the side panel opens on that story's editor (`?story=<id>` in a tab). */
export function openStoryInSidePanel(storyId: string, windowId: number | undefined): Promise<Outcome> {
  void chrome.storage?.session?.set({ [SESSION_NAMES.panelFocusStory]: storyId });
  const tab = async (): Promise<Outcome> => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?story=${encodeURIComponent(storyId)}`) });
    return { ok: true, message: t('historyData.openedInATab') };
  };
  const sidebar = (browser as unknown as { sidebarAction?: { open?: () => Promise<void> } }).sidebarAction;
  if (typeof sidebar?.open === 'function') return sidebar.open().then(() => ({ ok: true, message: t('historyData.openedInTheSidePanel') }), tab);
  if (!import.meta.env.FIREFOX && typeof chrome.sidePanel?.open === 'function' && windowId !== undefined) {
    return chrome.sidePanel.open({ windowId }).then(() => ({ ok: true, message: t('historyData.openedInTheSidePanel') }), tab);
  }
  return tab();
}

async function openPanelTab(jobId: string | undefined): Promise<Outcome> {
  await browser.tabs.create({ url: browser.runtime.getURL(jobId === undefined ? '/sidepanel.html' : `/sidepanel.html?job=${encodeURIComponent(jobId)}`) });
  return { ok: true, message: t('historyData.openedInATab') };
}

/** The full-page History (filters, purge, export, import) in a tab of its own; `query` pre-fills its search. */
export async function openHistoryPage(query = ''): Promise<void> {
  const search = query.trim() ? `?q=${encodeURIComponent(query.trim())}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`/history-page.html${search}` as '/history-page.html') });
}

export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

/** Saves a blob through an <a download> click (works from the popup without a round trip to the worker). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; keep the URL a little while for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function downloadResults(job: Job): Promise<Outcome> {
  if (job.results.length === 0) return { ok: false, message: t('historyData.thisEntryHasNoResult') };
  let saved = 0;
  let refused: string | undefined;
  const { template, sourcePage } = await downloadSettings();
  const provenance = await provenanceFor(job, { sourcePage });
  for (const [i, result] of job.results.entries()) {
    const media = await getMedia(result.mediaId);
    if (!media) continue;
    const file = await downloadableJobResult(job, media.blob, i, template, provenance);
    if (!file.ok) {
      refused = file.message;
      continue;
    }
    saveBlob(file.blob, file.filename);
    saved += 1;
  }
  if (refused) return { ok: false, message: saved ? t('historyData.refusedOthersDownloading', saved, { refused, count: formatNumber(saved) }) : refused };
  return saved ? { ok: true, message: saved > 1 ? t('historyData.downloadingFiles', { count: formatNumber(saved) }) : t('historyData.downloading') } : { ok: false, message: t('historyData.theResultFileIsNo') };
}

export async function copyPrompt(job: Job): Promise<Outcome> {
  try {
    await navigator.clipboard.writeText(job.request.prompt);
    return { ok: true, message: t('historyData.promptCopied') };
  } catch {
    return { ok: false, message: t('historyData.couldNotCopyToThe') };
  }
}

/** Same request, new job. Sources are referenced by media id, so they must still be stored. */
export async function rerun(job: Job): Promise<Outcome> {
  const sources = 'sources' in job.request ? job.request.sources : [];
  for (const [i, source] of sources.entries()) {
    if (!(await getMedia(source.mediaId))) {
      const message = sources.length > 1 ? t('historyData.sourceNGone', { n: formatNumber(i + 1) }) : t('historyData.sourceGone');
      return { ok: false, message };
    }
  }
  const reply = await send({
    type: 'job.submit',
    input: { request: job.request, provider: job.provider, origin: { via: 'rerun', ...(job.origin?.pageUrl ? { pageUrl: job.origin.pageUrl } : {}) } },
  });
  return reply.ok ? { ok: true, message: t('historyData.startedAgain') } : { ok: false, message: userMessage(reply.error) };
}

export async function deleteEntries(ids: string[]): Promise<Outcome> {
  if (ids.length === 0) return { ok: false, message: t('historyData.nothingSelected') };
  const reply = await send({ type: 'jobs.delete', jobIds: ids });
  if (reply.ok) await applyJobChanges(ids); // don't wait for the broadcast to drop them from view
  return reply.ok ? { ok: true, message: ids.length > 1 ? t('historyData.deletedEntries', { count: formatNumber(ids.length) }) : t('panel.resultTile.deleted') } : { ok: false, message: userMessage(reply.error) };
}

export async function exportArchive(jobs: Job[]): Promise<Outcome> {
  if (jobs.length === 0) return { ok: false, message: t('historyData.nothingToExport') };
  // Loaded on demand: the zip code is not needed to show the list.
  const { archiveFileName, buildArchive } = await import('../history/archive');
  const { blob, jobs: count } = await buildArchive(jobs, { getMedia, getThumb });
  if (count === 0) return { ok: false, message: t('historyData.onlyFinishedEntriesCanBe') };
  saveBlob(blob, archiveFileName());
  return { ok: true, message: t('historyData.exported', count, { count: formatNumber(count) }) };
}
