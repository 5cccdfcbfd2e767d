import type { ImageLimits } from '../../media/prepare-image';
import type { ToContent } from '../../messaging/protocol';
import type { PendingCapture } from './pending-capture';

/**
 * What the page script is told to read (content/main.ts answers `capture.start` at once and sends the bytes in
 * `capture.done`). Kept apart from start.ts, which needs the heavy capture code, so that the start script's
 * quick-action kickoff (kickoff.ts) sends the same message.
 */
export function captureStartMessage(capture: PendingCapture, limits: ImageLimits): Extract<ToContent, { type: 'capture.start' }> {
  return {
    type: 'capture.start',
    captureId: capture.captureId,
    ...(capture.srcUrl ? { srcUrl: capture.srcUrl } : {}),
    ...(capture.replay ? { exactSrc: true } : {}),
    mediaType: capture.mediaType,
    maxEdge: limits.maxEdge,
    maxBytes: limits.maxBytes,
  };
}
