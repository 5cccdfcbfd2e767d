import { z } from 'zod';

/**
 * Saving a video result as a looping GIF or animated WebP: the options the panel offers, and which
 * frames of the clip are taken. Frames are sampled at `fps` from t = 0: floor(duration × fps) frames
 * (at least one), at most MAX_FRAMES, each scaled so its long edge is at most `maxEdge`.
 */
export const ANIMATION_FORMATS = ['gif', 'webp'] as const;
export const ANIMATION_SIZES = [240, 360, 480] as const;
export const ANIMATION_FPS = [5, 10, 15] as const;
export const MAX_FRAMES = 300;

export const animationOptionsSchema = z.object({
  format: z.enum(ANIMATION_FORMATS),
  maxEdge: z.union(ANIMATION_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<240>, z.ZodLiteral<360>, z.ZodLiteral<480>]),
  fps: z.union(ANIMATION_FPS.map((n) => z.literal(n)) as [z.ZodLiteral<5>, z.ZodLiteral<10>, z.ZodLiteral<15>]),
});
export type AnimationOptions = z.infer<typeof animationOptionsSchema>;
export const DEFAULT_ANIMATION: Omit<AnimationOptions, 'format'> = { maxEdge: 360, fps: 10 };

export function frameTimes(durationSeconds: number, fps: number): number[] {
  const duration = Number.isFinite(durationSeconds) && durationSeconds > 0 ? durationSeconds : 0;
  const count = Math.min(MAX_FRAMES, Math.max(1, Math.floor(duration * fps + 1e-6)));
  return Array.from({ length: count }, (_, i) => i / fps);
}

export function scaledSize(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  // Even sizes: WebP stores a frame's offset in units of 2, and encoders prefer them.
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}

/** One decoded frame: RGBA pixels (GIF) or a still WebP file (animated WebP). */
export interface RgbaFrame {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}
