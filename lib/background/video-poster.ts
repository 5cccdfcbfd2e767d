import { dataUrlToBlob } from '../media/encode';
import type { Thumbnail } from '../media/thumbnail';
import type { PosterReply } from '../offscreen/poster';

/**
 * A poster frame for a stored video, made by the offscreen document (Chrome only; elsewhere, and on any
 * failure, undefined — a missing thumbnail never fails a job). The document is created on demand and
 * closed once idle, so it costs nothing between videos.
 */
const OFFSCREEN_URL = 'offscreen.html';
const IDLE_CLOSE_MS = 30_000;
let creating: Promise<void> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

async function ensureDocument(): Promise<void> {
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({ url: OFFSCREEN_URL, reasons: ['BLOBS' as chrome.offscreen.Reason], justification: 'Grab a poster frame from a generated video for its thumbnail.' })
    .finally(() => (creating = undefined));
  await creating;
}

export async function videoPoster(mediaId: string): Promise<Thumbnail | undefined> {
  if (typeof chrome === 'undefined' || !chrome.offscreen || !chrome.runtime.getContexts) return undefined;
  try {
    await ensureDocument();
    const reply = (await chrome.runtime.sendMessage({ target: 'offscreen', type: 'video-poster', mediaId })) as PosterReply | undefined;
    if (!reply?.ok) return undefined;
    return { blob: dataUrlToBlob(reply.dataUrl), width: reply.width, height: reply.height };
  } catch (error) {
    console.warn('Reimagine: no poster frame for a video', error);
    return undefined;
  } finally {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void chrome.offscreen.closeDocument().catch(() => undefined), IDLE_CLOSE_MS);
  }
}
