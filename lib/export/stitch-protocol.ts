import { z } from 'zod';

/**
 * Messages between the panel and the story stitcher (stitch.worker.ts), zod on both sides. Clips travel as
 * Blobs (handles, not copies); the file comes back as one Blob. Problems come back as words the page
 * translates (a dedicated worker has no browser.i18n).
 */
export const STITCH_PROBLEMS = ['request', 'sound-missing', 'no-video', 'cannot-encode', 'failed'] as const;
export type StitchProblem = (typeof STITCH_PROBLEMS)[number];

export const stitchRequestSchema = z.object({
  clips: z.array(z.instanceof(Blob)).min(1).max(40),
  metadata: z.object({ title: z.string().max(500).optional(), comment: z.string().max(60_000).optional(), date: z.date().optional(), software: z.string().max(100).optional() }).optional(),
  /** Appended after the index: the XMP box (lib/export/mp4-metadata.ts `xmpBox`). */
  trailer: z.instanceof(Uint8Array).optional(),
});
export type StitchRequest = z.infer<typeof stitchRequestSchema>;

export const stitchReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), stage: z.enum(['joining', 'reencoding']), fraction: z.number().min(0).max(1) }),
  z.object({ type: z.literal('done'), blob: z.instanceof(Blob), durationS: z.number(), hasAudio: z.boolean(), reencoded: z.boolean() }),
  z.object({ type: z.literal('error'), problem: z.enum(STITCH_PROBLEMS), detail: z.string().max(500).optional() }),
]);
export type StitchReply = z.infer<typeof stitchReplySchema>;
