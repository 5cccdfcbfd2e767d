import { z } from 'zod';

/**
 * The batch's shapes at every boundary. A scan's candidates come from the page script, i.e. from the page:
 * every field is attacker input, so each one is validated and only http(s) addresses are kept (they are
 * shown as thumbnails in an extension page and read by the worker). The batch record lives in IndexedDB
 * (kv store) and is read back through the same schema.
 */
import { BATCH_MAX_IMAGES } from './limits';
import { t } from '../i18n';

export { BATCH_MAX_IMAGES, BATCH_MIN_EDGE } from './limits';
export const BATCH_MODES = ['edit-image', 'animate-image'] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

/** Ids the page script tags elements with (also the capture id and the job's origin targetId). */
export const batchTargetId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: () => t('validation.badImageId') });

export const httpUrl = z
  .string()
  .max(8192)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, { error: () => t('validation.onlyHttpAddresses') });

/** A small JPEG/PNG/WebP as a data: URL (about 96 px; generous cap). */
export const thumbDataUrl = z.string().max(60_000).regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/]+=*$/);

const edge = z.number().int().nonnegative().max(100_000);

export const batchCandidateSchema = z.object({
  id: batchTargetId,
  /** The copy to read: the best srcset candidate under the upload cap. */
  url: httpUrl,
  kind: z.enum(['img', 'background']),
  width: edge.optional(),
  height: edge.optional(),
  alt: z.string().max(200).optional(),
  /**
   * The picker's thumbnail, as bytes: drawn by the page script from the pixels the page already shows, or
   * read by the worker without cookies (lib/background/batch/candidate-thumbs.ts). Extension pages never load a page-chosen URL.
   */
  thumb: thumbDataUrl.optional(),
});
export type BatchCandidate = z.infer<typeof batchCandidateSchema>;

/** What the page script answers to `batch.scan`. Parsed leniently: one bad entry is dropped, never the list. */
export interface BatchScan {
  candidates: BatchCandidate[];
  /** How many distinct images the page had before the cap. */
  total: number;
}

export function parseScanReply(raw: unknown): BatchScan {
  const reply = (raw ?? {}) as { candidates?: unknown; total?: unknown };
  const list = Array.isArray(reply.candidates) ? reply.candidates.slice(0, BATCH_MAX_IMAGES) : [];
  const seen = new Set<string>();
  const candidates: BatchCandidate[] = [];
  for (const item of list) {
    const parsed = batchCandidateSchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    candidates.push(parsed.data);
  }
  const total = typeof reply.total === 'number' && Number.isInteger(reply.total) && reply.total >= candidates.length ? Math.min(reply.total, 100_000) : candidates.length;
  return { candidates, total };
}

/** The panel's picker, handed over like every other panel request (lib/messaging/panel-request.ts). */
export const batchPickerSchema = z.object({
  scanId: z.string().max(100),
  /** `story`: the pictures become a story's shots ("Make a story from this page…"), not a batch. */
  purpose: z.enum(['batch', 'story']).default('batch'),
  candidates: z.array(batchCandidateSchema).max(BATCH_MAX_IMAGES),
  total: z.number().int().nonnegative(),
  pageUrl: z.string().max(8192).optional(),
  /** Set when the page could not be scanned (chrome:// pages, the Web Store…). */
  message: z.string().max(1000).optional(),
});
export type BatchPicker = z.infer<typeof batchPickerSchema>;

export const BATCH_ITEM_STATES = ['capturing', 'submitted', 'failed', 'cancelled'] as const;

export const batchItemSchema = z.object({
  targetId: batchTargetId,
  srcUrl: httpUrl,
  kind: z.enum(['img', 'background']),
  /** capturing: the image is being read; submitted: `jobId` is a job (its status is the job's). */
  state: z.enum(BATCH_ITEM_STATES),
  jobId: z.string().max(100).optional(),
  message: z.string().max(1000).optional(),
  /** The read failed for lack of host access: the panel offers "Allow access to <host>" for this image. */
  accessOrigin: z.string().max(300).optional(),
  /** The picker's thumbnail of this picture (bytes, never an address). */
  thumb: thumbDataUrl.optional(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

export const batchRecordSchema = z.object({
  id: z.string().max(100),
  createdAt: z.number(),
  tabId: z.number().int(),
  frameId: z.number().int().nonnegative(),
  /** The scanned document (Chrome): Replace all / Revert all go to it only. */
  documentId: z.string().max(200).optional(),
  pageUrl: z.string().max(8192).optional(),
  mode: z.enum(BATCH_MODES),
  prompt: z.string().max(5000),
  cancelled: z.boolean().default(false),
  items: z.array(batchItemSchema).max(BATCH_MAX_IMAGES),
});
export type BatchRecord = z.infer<typeof batchRecordSchema>;
