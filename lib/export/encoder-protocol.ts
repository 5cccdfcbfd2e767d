import { z } from 'zod';
import { ANIMATION_FORMATS } from './animation';

/** Messages between the page and the encoder worker (zod on both sides, like every other boundary). */
export const encodeRequestSchema = z.object({
  format: z.enum(ANIMATION_FORMATS),
  fps: z.number().positive().max(60),
  width: z.number().int().positive().max(4096),
  height: z.number().int().positive().max(4096),
  frames: z.array(z.instanceof(Uint8ClampedArray)).min(1).max(300),
}).refine((r) => r.frames.every((f) => f.length === r.width * r.height * 4), 'Every frame must be width × height RGBA pixels.');
export type EncodeRequest = z.infer<typeof encodeRequestSchema>;

export const encodeReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number().int().nonnegative(), total: z.number().int().positive() }),
  z.object({ type: z.literal('done'), bytes: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('error'), message: z.string().max(500) }),
]);
export type EncodeReply = z.infer<typeof encodeReplySchema>;
