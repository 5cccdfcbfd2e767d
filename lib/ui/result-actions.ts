import { browser } from 'wxt/browser';
import type { Job } from '../model/job';
import { getMedia } from '../storage/media';
import { downloadableJobResult } from '../export/file-name';
import { provenanceFor } from '../versions/provenance';
import { send } from '../messaging/client';
import { t } from '../i18n';

/**
 * Actions on a finished result that a page can do itself (the media is in this origin's IndexedDB).
 * Download runs here rather than in the service worker: a page can hand `downloads.download` an object
 * URL, so even a large video is never base64-inflated into a data: URL.
 */
export async function downloadResult(job: Job, index: number): Promise<string> {
  const result = job.results[index];
  if (!result) throw new Error(t('results.gone'));
  const media = await getMedia(result.mediaId);
  if (!media) throw new Error(t('results.missingFile'));
  const { template, sourcePage } = await downloadSettings();
  const file = await downloadableJobResult(job, media.blob, index, template, await provenanceFor(job, { sourcePage }));
  if (!file.ok) throw new Error(file.message);
  return downloadFile(file.blob, file.filename);
}

/** Hands a blob to the browser's downloads (Downloads list, file name as given); resolves with that name. */
export async function downloadFile(blob: Blob, filename: string): Promise<string> {
  const url = URL.createObjectURL(blob);
  try {
    await browser.downloads.download({ url, filename, saveAs: false });
  } finally {
    // The download has its own copy once started; keep the URL a moment for slow starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return filename;
}

/** The file name pattern and whether downloads carry the source page (Options); defaults when unreadable. */
export async function downloadSettings(): Promise<{ template?: string; sourcePage: boolean }> {
  const reply = await send({ type: 'settings.get' });
  return reply.ok ? { template: reply.settings.exports.fileNameTemplate, sourcePage: reply.settings.privacy.sourcePageInDownloads } : { sourcePage: false };
}

/** The user's file name pattern (Options); the default when settings can't be read. */
export async function fileNameTemplate(): Promise<string | undefined> {
  const reply = await send({ type: 'settings.get' });
  return reply.ok ? reply.settings.exports.fileNameTemplate : undefined;
}

/** The clipboard only takes PNG images: other formats are re-encoded first. */
export async function copyResultImage(job: Job, index: number): Promise<void> {
  const result = job.results[index];
  if (!result || result.kind !== 'image') throw new Error(t('results.onlyImagesCopy'));
  const media = await getMedia(result.mediaId);
  if (!media) throw new Error(t('results.missingFile'));
  const png = media.blob.type === 'image/png' ? media.blob : await toPng(media.blob);
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}

async function toPng(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('results.copyFailed')))), 'image/png'));
}

/** Full size in a tab of its own (the same page, in viewer mode), so it survives the panel closing. */
export async function openFullSize(job: Job, index: number): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?view=${encodeURIComponent(job.id)}&index=${index}`) });
}

/** "Replace on page" only makes sense while the page the source came from is still open. */
export async function originTabOpen(job: Job): Promise<boolean> {
  const tabId = job.origin?.tabId;
  // Without the element marker the page script cannot find the image again (the background refuses).
  if (tabId === undefined || !job.origin?.targetId) return false;
  try {
    await browser.tabs.get(tabId);
    return true;
  } catch {
    return false;
  }
}
