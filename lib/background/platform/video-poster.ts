import { dataUrlToBlob } from '../../media/encode';
import type { Thumbnail } from '../../media/thumbnail';
import { getMedia } from '../../storage/media';
import { posterFrameOf, type FrameChoice, type PosterReply } from '../../media/poster-frame';

/**
 * A poster frame for a stored video (undefined on any failure — a missing thumbnail never fails a job).
 * Where the background is a document (Firefox's event page) the frame is made right here; where it is a
 * service worker (Chrome) an offscreen document makes it — created on demand and closed once idle, so it
 * costs nothing between videos. Decided by what exists, not by browser name; the Chrome path is also left
 * out of the Firefox bundle, which has no offscreen API at all.
 */
const OFFSCREEN_URL = 'offscreen.html';
const IDLE_CLOSE_MS = 30_000;
let creating: Promise<void> | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

const backgroundHasDom = (): boolean => typeof document !== 'undefined' && typeof document.createElement === 'function';

export async function videoPoster(mediaId: string, which: FrameChoice = 'poster'): Promise<Thumbnail | undefined> {
  try {
    const reply = backgroundHasDom() ? await posterFrameOf(mediaId, getMedia, which) : await posterFromOffscreen(mediaId, which);
    if (!reply?.ok) return undefined;
    return { blob: dataUrlToBlob(reply.dataUrl), width: reply.width, height: reply.height };
  } catch (error) {
    console.warn('Reimagine: no poster frame for a video', error);
    return undefined;
  }
}

/** A story shot that starts from the previous shot's last frame: that frame, full size (a JPEG). */
export const videoLastFrame = (mediaId: string): Promise<Thumbnail | undefined> => videoPoster(mediaId, 'last');

async function posterFromOffscreen(mediaId: string, which: FrameChoice): Promise<PosterReply | undefined> {
  if (import.meta.env.FIREFOX) return undefined;
  if (typeof chrome === 'undefined' || !chrome.offscreen || !chrome.runtime.getContexts) return undefined;
  try {
    await ensureDocument();
    return (await chrome.runtime.sendMessage({ target: 'offscreen', type: 'video-poster', mediaId, which })) as PosterReply | undefined;
  } finally {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void chrome.offscreen.closeDocument().catch(() => undefined), IDLE_CLOSE_MS);
  }
}

async function ensureDocument(): Promise<void> {
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({ url: OFFSCREEN_URL, reasons: ['BLOBS' as chrome.offscreen.Reason], justification: 'Grab a poster frame from a generated video for its thumbnail.' })
    .finally(() => (creating = undefined));
  await creating;
}
