/** Batch limits, zod-free so the page script can import them without the validation library. */
export const BATCH_MAX_IMAGES = 50;
/** Below this many CSS pixels (either edge, natural or rendered) an image is an icon, a button or a pixel. */
export const BATCH_MIN_EDGE = 128;
