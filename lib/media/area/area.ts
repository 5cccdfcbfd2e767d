import { z } from 'zod';

/**
 * The part of a picture a region edit changes, in the source's own pixels. xAI's API takes no mask
 * (region editing is not a documented field), so Reimagine crops, edits the crop and blends it back
 * (docs/ARCHITECTURE.md "Editing part of a picture"). Pure data: the same schema checks the picker's output,
 * the job request and an imported record.
 */

/** Longest side either way: a 6000×4000 photo is the everyday case, 20 000 px keeps absurd input out. */
const MAX_SIDE = 20_000;
const coord = z.number().finite().min(0).max(MAX_SIDE);
const side = z.number().int().positive().max(MAX_SIDE);

export const areaRectSchema = z.object({ x: coord, y: coord, w: z.number().finite().positive().max(MAX_SIDE), h: z.number().finite().positive().max(MAX_SIDE) });
export type AreaRect = z.infer<typeof areaRectSchema>;

export const brushStrokeSchema = z.object({
  /** Brush diameter in source pixels. */
  size: z.number().finite().positive().max(MAX_SIDE),
  /** An eraser stroke removes from the area. */
  erase: z.boolean().default(false),
  points: z.array(z.tuple([coord, coord])).min(1).max(4000),
});
export type BrushStroke = z.infer<typeof brushStrokeSchema>;

export const FEATHER_DEFAULT_PX = 8;
export const FEATHER_MAX_PX = 64;

/** Pixel box of the original that was cropped (whole pixels, inside the image). */
export const pixelBoxSchema = z.object({ x: z.number().int().min(0), y: z.number().int().min(0), w: side, h: side });
export type PixelBox = z.infer<typeof pixelBoxSchema>;

export const areaSchema = z.object({
  /** The size of the picture the area was drawn on (the source's exact dimensions). */
  width: side,
  height: side,
  shape: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('rect'), rect: areaRectSchema }),
    z.object({ kind: z.literal('brush'), strokes: z.array(brushStrokeSchema).min(1).max(200) }),
  ]),
  /** Edit everything but the area. */
  invert: z.boolean().default(false),
  /** Soft edge width in pixels of the original. */
  feather: z.number().int().min(0).max(FEATHER_MAX_PX).default(FEATHER_DEFAULT_PX),
});
export type Area = z.infer<typeof areaSchema>;
export type AreaInput = z.input<typeof areaSchema>;

/**
 * A picture captured for a region edit keeps its own size (the result is the whole picture at that size):
 * up to this edge and these bytes (base64 of it stays under Chrome's 64 MiB message limit). Larger ones are
 * scaled down like any capture. It is never sent as is: only the crop is.
 */
export const AREA_SOURCE_LIMITS = { maxEdge: 12_000, maxBytes: 40 * 1024 * 1024 } as const;
