import { t } from '../i18n';

/**
 * Resolves on a media element's `event` (loadedmetadata, loadeddata, seeked), rejects on its error or after
 * `timeoutMs`: a video the browser cannot decode must end in a sentence, not a hung promise.
 */
export function videoEvent(target: HTMLMediaElement, event: 'loadedmetadata' | 'loadeddata' | 'seeked', timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      target.removeEventListener(event, done);
      target.removeEventListener('error', failed);
    };
    const done = () => (cleanup(), resolve());
    const failed = () => (cleanup(), reject(new Error(t('media.videoUndecodable'))));
    const timer = setTimeout(() => (cleanup(), reject(new Error(t('media.videoTimedOut', { event })))), timeoutMs);
    target.addEventListener(event, done, { once: true });
    target.addEventListener('error', failed, { once: true });
  });
}

/** A muted, preloading <video> for a stored file, and how to let it go. */
export function videoOf(blob: Blob): { video: HTMLVideoElement; release(): void } {
  const url = URL.createObjectURL(blob);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.src = url;
  return {
    video,
    release: () => {
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
    },
  };
}
