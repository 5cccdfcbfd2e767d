import { z } from 'zod';
import { blobToDataUrl } from '../media/encode';
import { THUMB_EDGE } from '../media/thumbnail';
import { getMedia } from '../storage/media';
import { videoEvent, videoOf } from '../media/video-event';

/**
 * Runs in the offscreen document: decodes a stored video and returns a JPEG poster frame. It reads the
 * video from IndexedDB (same extension origin) so no large payload crosses messaging; the background
 * stores the returned thumbnail.
 */
export const posterRequestSchema = z.object({ target: z.literal('offscreen'), type: z.literal('video-poster'), mediaId: z.string() });
export type PosterReply = { ok: true; dataUrl: string; width: number; height: number } | { ok: false; message: string };

export function listenForPosterRequests(): void {
  chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: PosterReply) => void) => {
    const parsed = posterRequestSchema.safeParse(message);
    if (!parsed.success) return false;
    void posterOf(parsed.data.mediaId).then(sendResponse, (error: unknown) => sendResponse({ ok: false, message: String(error) }));
    return true; // async reply
  });
}

async function posterOf(mediaId: string): Promise<PosterReply> {
  const media = await getMedia(mediaId);
  if (!media) return { ok: false, message: 'no such media' };
  const { video, release } = videoOf(media.blob);
  try {
    await videoEvent(video, 'loadeddata', 10_000);
    // A frame a little in: the very first frame of a generated clip is often a fade from black.
    video.currentTime = Math.min(0.5, (video.duration || 1) / 2);
    await videoEvent(video, 'seeked', 10_000);
    const scale = Math.min(1, THUMB_EDGE / Math.max(video.videoWidth, video.videoHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    if (!blob) return { ok: false, message: 'could not encode the frame' };
    return { ok: true, dataUrl: await blobToDataUrl(blob), width: video.videoWidth, height: video.videoHeight };
  } finally {
    release();
  }
}

