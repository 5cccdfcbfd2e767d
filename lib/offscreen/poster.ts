import { z } from 'zod';
import { getMedia } from '../storage/media';
import { posterFrameOf, type PosterReply } from '../media/poster-frame';

/**
 * Runs in Chrome's offscreen document: answers the background's poster requests with `posterFrameOf`;
 * the background stores the returned thumbnail.
 */
export const posterRequestSchema = z.object({ target: z.literal('offscreen'), type: z.literal('video-poster'), mediaId: z.string(), which: z.enum(['poster', 'last']).default('poster') });
export type { PosterReply };

export function listenForPosterRequests(): void {
  chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: PosterReply) => void) => {
    const parsed = posterRequestSchema.safeParse(message);
    if (!parsed.success) return false;
    void posterFrameOf(parsed.data.mediaId, getMedia, parsed.data.which).then(sendResponse, (error: unknown) => sendResponse({ ok: false, message: String(error) }));
    return true; // async reply
  });
}
