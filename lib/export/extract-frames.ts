import { frameTimes, scaledSize, type RgbaFrame } from './animation';

/**
 * Frames of a stored video, decoded by the browser: a muted <video> seeks to each sample time and a canvas
 * copies the picture. Needs a DOM (the side panel, an extension tab, or Chrome's offscreen document), so
 * it stays behind this one function; the encoding itself runs in a worker (encoder.worker.ts).
 */
export async function extractFrames(video: Blob, fps: number, maxEdge: number, onFrame: (done: number, total: number) => void): Promise<RgbaFrame[]> {
  const url = URL.createObjectURL(video);
  const element = document.createElement('video');
  element.muted = true;
  element.preload = 'auto';
  element.src = url;
  try {
    await once(element, 'loadedmetadata');
    const times = frameTimes(element.duration, fps);
    const { width, height } = scaledSize(element.videoWidth, element.videoHeight, maxEdge);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('This browser cannot draw video frames.');
    const frames: RgbaFrame[] = [];
    for (const [i, time] of times.entries()) {
      // Seeking to the very end shows nothing in some builds: stay just inside the clip.
      element.currentTime = Math.min(time, Math.max(0, element.duration - 0.001));
      await once(element, 'seeked');
      context.drawImage(element, 0, 0, width, height);
      frames.push({ width, height, rgba: context.getImageData(0, 0, width, height).data });
      onFrame(i + 1, times.length);
    }
    return frames;
  } finally {
    element.removeAttribute('src');
    element.load();
    URL.revokeObjectURL(url);
  }
}

function once(target: HTMLVideoElement, event: 'loadedmetadata' | 'seeked'): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The video could not be read.')), 15_000);
    const done = () => {
      clearTimeout(timer);
      target.removeEventListener('error', failed);
      resolve();
    };
    const failed = () => {
      clearTimeout(timer);
      reject(new Error('The video could not be decoded.'));
    };
    target.addEventListener(event, done, { once: true });
    target.addEventListener('error', failed, { once: true });
  });
}
