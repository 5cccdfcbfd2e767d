import { blobToDataUrl } from './encode';
import { THUMB_EDGE } from './thumbnail';
import { videoEvent, videoOf } from './video-event';

/**
 * A JPEG poster frame of a stored video. Needs a DOM with a video decoder: Chrome's offscreen document
 * (a service worker has none) or Firefox's event page (which is a document). The video is read from
 * IndexedDB (same extension origin) so no large payload crosses messaging; the caller passes the reader, so this
 * foundation file does not depend on storage (layer rule, docs/ARCHITECTURE.md).
 */
export type PosterReply = { ok: true; dataUrl: string; width: number; height: number } | { ok: false; message: string };

export type StoredMediaReader = (mediaId: string) => Promise<{ blob: Blob } | undefined>;

/**
 * `poster`: a thumbnail-sized frame a little in; `last`: the clip's last frame at full size (a story's next
 * shot starts from it, so it must not be scaled down or blurred by a low JPEG quality).
 */
export type FrameChoice = 'poster' | 'last';

/** Seeking exactly to `duration` may land past the last decodable frame; a few ms before it does not. */
const LAST_FRAME_MARGIN_S = 0.01;

export async function posterFrameOf(mediaId: string, readMedia: StoredMediaReader, which: FrameChoice = 'poster'): Promise<PosterReply> {
  const media = await readMedia(mediaId);
  if (!media) return { ok: false, message: 'no such media' };
  const { video, release } = videoOf(media.blob);
  try {
    await videoEvent(video, 'loadeddata', 10_000);
    // A frame a little in: the very first frame of a generated clip is often a fade from black.
    video.currentTime = which === 'last' ? Math.max(0, (video.duration || 0) - LAST_FRAME_MARGIN_S) : Math.min(0.5, (video.duration || 1) / 2);
    await videoEvent(video, 'seeked', 10_000);
    const scale = which === 'last' ? 1 : Math.min(1, THUMB_EDGE / Math.max(video.videoWidth, video.videoHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', which === 'last' ? 0.95 : 0.8));
    if (!blob) return { ok: false, message: 'could not encode the frame' };
    return { ok: true, dataUrl: await blobToDataUrl(blob), width: video.videoWidth, height: video.videoHeight };
  } finally {
    release();
  }
}
