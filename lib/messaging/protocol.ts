import { z } from 'zod';
import type { CatalogModels } from '../catalog/catalog';
import { errorInfoSchema } from '../errors/taxonomy';
import { MODES } from '../model/modes';
import { sourceRefSchema, submitInputSchema, type SourceRef } from '../model/request';
import { PROVIDER_IDS, type ProviderId } from '../model/provider-ids';
import { baseUrlRule, isAllowedBaseUrl } from '../security/base-url';
import { secretsSchema, settingsSchema, type Settings } from '../settings/schema';
import { BATCH_MAX_IMAGES, BATCH_MODES, batchTargetId } from '../batch/batch-schema';
import { storyDraftSchema } from '../story/story-schema';
import { formatNumber, t } from '../i18n';

/**
 * Every message to the background, validated on arrival. Two audiences:
 * - extension pages (side panel, popup, options) may send any `PageCommand`;
 * - content scripts may only send `ContentCommand`s: hand over captured bytes and act on their own
 *   overlay. They can never read settings, keys, history or submit arbitrary jobs.
 * Web pages cannot message us at all (no `externally_connectable`).
 * Messages a user can meet ("Write a prompt for the batch.") are `{ error: () => t(…) }`: the schemas are
 * built at module load, the sentence is read at parse time, in the UI language.
 */
/** Chrome's runtime messages stop at 64 MiB; no legitimate payload comes near (sources ≤ 50 MB are base64). */
const MAX_DATA_URL_CHARS = 64 * 1024 * 1024;
const dataUrl = z
  .string()
  .max(MAX_DATA_URL_CHARS, { error: () => t('validation.fileTooLarge') })
  .regex(/^data:[\w.+-]+\/[\w.+-]+;base64,/, { error: () => t('validation.notDataUrl') });
/** Job, capture and target ids are UUIDs or short tags we made. */
const id = z.string().min(1).max(100);
/** A result index: jobs have at most 10 results. */
const index = z.number().int().nonnegative().max(99).default(0);
const pixels = z.number().int().positive().max(100_000);
const pageAddress = z.string().max(8192, { error: () => t('validation.addressTooLong') });
const cssLength = z.number().finite().min(-100_000).max(100_000);
const cssBox = z.object({ x: cssLength, y: cssLength, width: cssLength.nonnegative(), height: cssLength.nonnegative() });

/** A job submission from a page: the request schema, plus caps on the free-form strings it carries. */
const pageSubmitInput = submitInputSchema.superRefine((input, ctx) => {
  const strings: [string, string | undefined, number][] = [
    ['origin', input.origin?.pageUrl, 8192],
    ['origin', input.origin?.targetId, 100],
    ...('sources' in input.request
      ? input.request.sources.flatMap((s): [string, string | undefined, number][] => [
          ['sources', s.srcUrl, 8192],
          ['sources', s.mediaId, 100],
          ['sources', s.mimeType, 100],
        ])
      : []),
  ];
  for (const [field, value, max] of strings) {
    if (value !== undefined && value.length > max) ctx.addIssue({ code: 'custom', path: [field], message: t('validation.fieldTooLong', { field }) });
  }
});

export const contentCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('capture.done'),
    captureId: id,
    dataUrl,
    width: pixels.optional(),
    height: pixels.optional(),
    /** The URL the page image came from (only used as a URL when the user allows it). */
    srcUrl: pageAddress.optional(),
    publicUrl: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('capture.failed'),
    captureId: id,
    message: z.string().max(500),
    /** The page may not read this cross-origin image (no CORS): the background fetches it with its host access. */
    corsBlocked: z.boolean().optional(),
    /** The copy the page script chose (largest srcset candidate), for the background's re-read. */
    srcUrl: z.string().max(8192).optional(),
  }),
  /**
   * "Pick a picture here…" (lib/content/picker/): the picture the user clicked. Its address when it has
   * one (read like a right-clicked image), else its pixels read in the page (canvas, SVG, video frame),
   * else `unreadable` (the panel offers a screenshot of its box).
   */
  z.object({
    type: z.literal('pick.chosen'),
    pickId: id,
    targetId: id,
    srcUrl: pageAddress.optional(),
    dataUrl: dataUrl.optional(),
    unreadable: z.literal(true).optional(),
  }),
  /** The picker's dragged rectangle, in CSS pixels of the viewport: the worker crops a screenshot to it. */
  z.object({ type: z.literal('pick.area'), pickId: id, box: cssBox, devicePixelRatio: z.number().positive().max(16) }),
  z.object({ type: z.literal('overlay.cancel'), jobId: id }),
  /** The overlay's Retry on a failed job: the user's click, like the panel's Retry (never sent by itself). */
  z.object({ type: z.literal('overlay.retry'), jobId: id }),
  z.object({ type: z.literal('overlay.open-panel'), jobId: id }),
  z.object({ type: z.literal('overlay.download'), jobId: id }),
  /**
   * The result's bytes, for Replace/Compare; with `preview`, only its stored thumbnail (≤320 px JPEG), which
   * the overlay draws when the job finishes, before the user has asked for the result itself.
   */
  z.object({ type: z.literal('overlay.get-result'), jobId: id, index, preview: z.literal(true).optional() }),
]);
export type ContentCommand = z.infer<typeof contentCommandSchema>;

export const pageCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job.submit'), input: pageSubmitInput }),
  z.object({ type: z.literal('job.cancel'), jobId: id }),
  z.object({ type: z.literal('job.retry'), jobId: id }),
  z.object({ type: z.literal('jobs.delete'), jobIds: z.array(id).min(1).max(1_000_000) }),
  z.object({ type: z.literal('media.import'), dataUrl, name: z.string().max(1000).optional() }),
  z.object({ type: z.literal('result.download'), jobId: id, index }),
  z.object({ type: z.literal('result.replace-on-page'), jobId: id, index }),
  z.object({ type: z.literal('settings.get') }),
  z.object({ type: z.literal('settings.save'), settings: settingsSchema.optional(), secrets: secretsSchema.partial().optional() }),
  z.object({ type: z.literal('secrets.reveal'), provider: z.enum(PROVIDER_IDS) }),
  z.object({
    type: z.literal('connection.test'),
    provider: z.enum(PROVIDER_IDS),
    apiKey: secretsSchema.shape.xai,
    /** Checked here with the settings rule: the Options page's own check is not the authority. */
    baseUrl: z.string().trim().refine((url) => url === '' || isAllowedBaseUrl(url), { error: baseUrlRule }).optional(),
  }),
  z.object({ type: z.literal('engine.wake') }),
  /** After an "Allow access to <host>" grant: resume downloads that waited for host access. */
  z.object({ type: z.literal('access.recheck') }),
  /** The panel's answers to a failed page-image capture: read it again (after a host grant) or crop a screenshot. */
  z.object({ type: z.literal('capture.retry'), captureId: z.string() }),
  z.object({ type: z.literal('capture.screenshot'), captureId: z.string() }),
  /** "Suggest a prompt" (a prompt for `forMode` from the sources and what the user typed) or "Describe". */
  z.object({
    type: z.literal('vision.run'),
    purpose: z.enum(['describe', 'suggest']),
    forMode: z.enum(MODES).optional(),
    intent: z.string().max(5000),
    sources: z.array(sourceRefSchema.extend({ mediaId: id, mimeType: z.string().max(100), srcUrl: pageAddress.optional() })).min(1).max(7),
  }),
  /** Options: the key's language models that take images (GET /v1/language-models). */
  z.object({ type: z.literal('vision.models') }),
  /** History: remove the `count` oldest finished jobs ("free space"). Imports travel separately: lib/history/transfer.ts. */
  z.object({ type: z.literal('history.purge-oldest'), count: z.number().int().min(1).max(1_000_000) }),
  z.object({ type: z.literal('spend.today') }),
  /** The batch picker's "Run on N images": the images are ids from the scan the background kept (never URLs from the panel). */
  z.object({
    type: z.literal('batch.start'),
    scanId: z.string().max(100),
    targetIds: z.array(batchTargetId).min(1, { error: () => t('validation.chooseAnImage') }).max(BATCH_MAX_IMAGES),
    prompt: z
      .string()
      .trim()
      .min(1, { error: () => t('validation.writeBatchPrompt') })
      .max(5000, { error: () => t('validation.promptTooLong', { max: formatNumber(5000, { useGrouping: false }) }) }),
    mode: z.enum(BATCH_MODES),
  }),
  z.object({ type: z.literal('batch.cancel'), batchId: id }),
  /** The panel's "Replace all" / "Revert all": the page script swaps every finished image of the batch. */
  z.object({ type: z.literal('batch.apply'), batchId: id, action: z.enum(['replace', 'revert']) }),
  /** The story editor: save the draft (shots already sent stay as recorded), run what is left, retry one failed shot. */
  z.object({ type: z.literal('story.save'), story: storyDraftSchema }),
  z.object({ type: z.literal('story.run'), storyId: id }),
  z.object({ type: z.literal('story.retry-shot'), storyId: id, shotId: id }),
  /** "Make a story from this page…": the picker's chosen pictures (by scan id, like batch.start) become a new story. */
  z.object({ type: z.literal('story.from-page'), scanId: id, targetIds: z.array(z.string().max(100)).min(1).max(50) }),
]);
export type PageCommand = z.infer<typeof pageCommandSchema>;

export const replySchema = z.union([
  z.object({ ok: z.literal(true) }).loose(),
  z.object({ ok: z.literal(false), error: errorInfoSchema, fields: z.record(z.string(), z.string()).optional() }),
]);
export type Failure = { ok: false; error: z.infer<typeof errorInfoSchema>; fields?: Record<string, string> };
export type Reply<T extends object = Record<string, unknown>> = ({ ok: true } & T) | Failure;

/**
 * What each page command answers with: the router's handler table is typed by it (a wrong shape does not
 * compile) and so is `send()` on the page's side.
 */
export interface PageReplies {
  'job.submit': { jobId: string };
  'job.cancel': object;
  'job.retry': { jobId: string };
  'jobs.delete': object;
  'media.import': { source: SourceRef };
  'result.download': object;
  'result.replace-on-page': object;
  'settings.get': { settings: Settings; maskedKeys: Record<ProviderId, string | undefined>; catalog?: CatalogModels };
  'settings.save': object;
  'secrets.reveal': { key: string };
  'connection.test': { message: string };
  'engine.wake': object;
  'access.recheck': object;
  'capture.retry': object;
  'capture.screenshot': object;
  'history.purge-oldest': { deleted: number };
  /** What counts against today's cap (local day), and the saved cap (null: none). */
  'spend.today': { spentUsd: number; capUsd: number | null };
  'vision.run': { jobId: string; text: string; model: string; cost?: string; tokens?: number; note?: string };
  'vision.models': { models: string[] };
  'batch.start': { batchId: string };
  'batch.cancel': { cancelled: number };
  'batch.apply': object;
  'story.save': { storyId: string };
  'story.run': object;
  'story.retry-shot': object;
  'story.from-page': { storyId: string };
}

export type PageReply<T extends PageCommand['type']> = ({ ok: true } & PageReplies[T]) | Failure;
/** The background's answer to each page command, typed by command: a handler answering the wrong shape does not compile. */
export type PageHandlers = { [K in PageCommand['type']]: (command: Extract<PageCommand, { type: K }>) => Promise<PageReply<K>> };
/** One feature's part of that table: every command named `<prefix>.…` (a new one is a compile error until handled). */
export type PageHandlersFor<Prefix extends string> = Pick<PageHandlers, Extract<PageCommand['type'], `${Prefix}.${string}`>>;

/** Background → content script (overlay updates and capture requests). */
export const toContentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('capture.start'),
    captureId: z.string(),
    srcUrl: z.string().optional(),
    /** A replay: read exactly srcUrl, never a srcset candidate. */
    exactSrc: z.boolean().optional(),
    mediaType: z.enum(['image', 'video']),
    maxEdge: z.number().int().positive(),
    maxBytes: z.number().int().positive(),
  }),
  z.object({
    type: z.literal('overlay.update'),
    captureId: z.string(),
    job: z.object({
      id: z.string(),
      status: z.string(),
      progress: z.number().optional(),
      startedAt: z.number(),
      message: z.string().optional(),
      /** A failed job: the translated sentence of its error kind (lib/jobs/page-reason.ts), never provider text. */
      reason: z.string().max(500).optional(),
      isVideo: z.boolean(),
      /** One image of a batch: the page shows the batch's "Replace all" / "Revert all" bar. */
      batchId: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('overlay.error'), captureId: z.string(), message: z.string() }),
  /** Screenshot fallback: scroll the target into view, hide the overlay, answer with its box. */
  z.object({ type: z.literal('capture.measure'), captureId: z.string() }),
  /** The panel finished a capture the page saw fail (retry or screenshot): show the overlay again, say so. */
  z.object({ type: z.literal('capture.resolved'), captureId: z.string(), ok: z.boolean(), message: z.string() }),
  z.object({ type: z.literal('overlay.replace'), targetId: z.string(), jobId: z.string(), index: z.number().int().nonnegative().default(0) }),
  /** "Pick a picture here…": enter the picker (top frame). */
  z.object({ type: z.literal('pick.start'), pickId: z.string() }),
  /** "Use this frame": the current frame of the video at `srcUrl`, through the picker's reading. */
  z.object({ type: z.literal('pick.frame'), pickId: z.string(), srcUrl: z.string().optional() }),
  /** Measure the page's pictures for the batch picker; answered with lib/content/batch-scan.ts `ScanResult`. */
  z.object({ type: z.literal('batch.scan'), maxEdge: z.number().int().positive() }),
  /** Replace / revert every finished image of a batch (the panel's buttons; the page bar acts by itself). */
  z.object({
    type: z.literal('batch.apply'),
    batchId: z.string(),
    action: z.enum(['replace', 'revert']),
    items: z.array(z.object({ targetId: z.string(), jobId: z.string() })),
  }),
]);
export type ToContent = z.infer<typeof toContentSchema>;
