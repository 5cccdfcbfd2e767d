import { videoEvent, videoOf } from '../media/video-event';
import { frameTimes, scaledSize, type RgbaFrame } from './animation';
import { t } from '../i18n';

/**
 * Frames of a stored video, decoded by the browser: a muted <video> seeks to each sample time and a canvas
 * copies the picture. Needs a DOM (the side panel, an extension tab, or Chrome's offscreen document), so
 * it stays behind this one function; the encoding itself runs in a worker (encoder.worker.ts).
 */
export async function extractFrames(blob: Blob, fps: number, maxEdge: number, onFrame: (done: number, total: number) => void): Promise<RgbaFrame[]> {
  const { video, release } = videoOf(blob);
  try {
    await videoEvent(video, 'loadedmetadata');
    const times = frameTimes(video.duration, fps);
    const { width, height } = scaledSize(video.videoWidth, video.videoHeight, maxEdge);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error(t('export.cannotDrawFrames'));
    const frames: RgbaFrame[] = [];
    for (const [i, time] of times.entries()) {
      // Seeking to the very end shows nothing in some builds: stay just inside the clip.
      video.currentTime = Math.min(time, Math.max(0, video.duration - 0.001));
      await videoEvent(video, 'seeked');
      context.drawImage(video, 0, 0, width, height);
      frames.push({ width, height, rgba: context.getImageData(0, 0, width, height).data });
      onFrame(i + 1, times.length);
    }
    return frames;
  } finally {
    release();
  }
}
