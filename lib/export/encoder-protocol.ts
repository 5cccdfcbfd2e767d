import { z } from 'zod';
import { ANIMATION_FORMATS } from './animation';

/**
 * What can go wrong in the encoder worker, as a word the page translates (a dedicated worker has no
 * browser.i18n): the request did not parse, the browser has no WebP encoder, or the encoder threw.
 */
export const ENCODE_PROBLEMS = ['request', 'webp', 'failed'] as const;
export type EncodeProblem = (typeof ENCODE_PROBLEMS)[number];

/** Messages between the page and the encoder worker (zod on both sides, like every other boundary). */
export const encodeRequestSchema = z.object({
  format: z.enum(ANIMATION_FORMATS),
  fps: z.number().positive().max(60),
  width: z.number().int().positive().max(4096),
  height: z.number().int().positive().max(4096),
  frames: z.array(z.instanceof(Uint8ClampedArray)).min(1).max(300),
  // eslint-disable-next-line reimagine/no-ui-literal -- developer-only: parsed in the worker (no browser.i18n); the user reads problem 'request'
}).refine((r) => r.frames.every((f) => f.length === r.width * r.height * 4), 'Every frame must be width × height RGBA pixels.');
export type EncodeRequest = z.infer<typeof encodeRequestSchema>;

export const encodeReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number().int().nonnegative(), total: z.number().int().positive() }),
  z.object({ type: z.literal('done'), bytes: z.instanceof(Uint8Array) }),
  /** `detail`: the encoder's own English diagnostic when it threw ('failed'), shown in parentheses. */
  z.object({ type: z.literal('error'), problem: z.enum(ENCODE_PROBLEMS), detail: z.string().max(500).optional() }),
]);
export type EncodeReply = z.infer<typeof encodeReplySchema>;
