import { z } from 'zod';
import {
  EDIT_MAX_SOURCE_IMAGES,
  IMAGE_ASPECT_RATIOS,
  IMAGE_QUALITIES,
  IMAGE_RESOLUTIONS,
  INPUT_IMAGE_MAX_BYTES,
  INPUT_IMAGE_MIME_TYPES,
  VIDEO_ASPECT_RATIOS,
  VIDEO_RESOLUTIONS,
  VIDEO_MAX_REFERENCE_AUDIOS,
} from './imagine-models';
import { MODE_INFO, MODES, type JobMode } from './modes';
import { PROVIDER_IDS } from './provider-ids';
import { modelNameSchema } from '../security/model-name';
import { formatNumber, t } from '../i18n';
import { areaSchema, pixelBoxSchema } from '../media/area/area';
import { sourceFromSchema } from './lineage';
import { checkArea, checkImageModel, checkVideoLimits, checkVoices } from './request-checks';

/**
 * What a user asks for, validated before anything is sent. The same schema runs in the composer (inline
 * errors) and in the background (the authority), so the two can never disagree.
 */

/** A source image/video held locally (IndexedDB media store) — bytes, never a page URL we'd leak. */
export const sourceRefSchema = z.object({
  mediaId: z.string().min(1),
  mimeType: z.string().min(1),
  bytes: z.number().int().nonnegative().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** Where it came from: the page image's URL. Only sent to the provider when the user allows URLs. */
  srcUrl: z.string().optional(),
  /** Set when the user allows sending public URLs and the capture judged the URL publicly fetchable. */
  sendAsUrl: z.boolean().optional(),
  /** A crop of the visible tab ("Use a screenshot instead"), not the image file: the tray says so. */
  screenshot: z.boolean().optional(),
  /** Lineage: the page image, earlier result or file this source is (lib/model/lineage.ts). */
  from: sourceFromSchema.optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;


const prompt = z.string().max(5000, { error: () => t('validation.promptTooLong', { max: formatNumber(5000, { useGrouping: false }) }) });
const model = modelNameSchema;
const countError = { error: () => t('validation.countRange', { min: formatNumber(1), max: formatNumber(10) }) };
const count = z.number().int().min(1, countError).max(10, countError);
const durationError = { error: () => t('validation.durationRange', { min: formatNumber(1), max: formatNumber(15) }) };
const videoDuration = z.number().int().min(1, durationError).max(15, durationError);
const imageSources = (min: number, max: number) =>
  z
    .array(sourceRefSchema)
    .min(min, { error: () => (min === 1 ? t('validation.addSourceImage') : t('validation.addSourceImages', { min: formatNumber(min) })) })
    .max(max, { error: () => t('validation.atMostSourceImages', { max: formatNumber(max) }) });

/** Preset voice ids (lib/model/imagine-models.ts SUGGESTED_VOICES, or typed): `reference_audios: [{voice_id}]`. */
const voices = z
  .array(z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => t('validation.voiceId') }))
  .max(VIDEO_MAX_REFERENCE_AUDIOS, { error: () => t('validation.atMostVoices', { max: formatNumber(VIDEO_MAX_REFERENCE_AUDIOS) }) })
  .optional();

/** Absent = with sound (the service's default); only `false` goes out, as `generate_audio: false`. */
const sound = z.boolean().optional();

const imageOutput = {
  n: count,
  resolution: z.enum(IMAGE_RESOLUTIONS),
  outputFormat: z.enum(['jpeg', 'png', 'webp']).optional(),
  /** grok-imagine-image-2.0 only; Reimagine always sends it there so that estimate and bill agree. */
  quality: z.enum(IMAGE_QUALITIES).optional(),
};

export const jobRequestSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('create-image'), prompt, model, aspectRatio: z.enum(IMAGE_ASPECT_RATIOS), ...imageOutput }),
    z.object({
      mode: z.literal('edit-image'),
      prompt,
      model,
      sources: imageSources(1, EDIT_MAX_SOURCE_IMAGES),
      /** Only multi-image edits take a ratio; single edits follow the input. */
      aspectRatio: z.enum(IMAGE_ASPECT_RATIOS).optional(),
      /** A region edit: only this part of the one source changes (docs/ARCHITECTURE.md "Editing part of a picture"). */
      area: areaSchema.optional(),
      /**
       * Set by the background when it prepares a region edit: the full-size original (the blend's base) and the
       * box of it that `sources[0]`, the padded and scaled crop actually sent, was cut from.
       */
      areaSource: z.object({ original: sourceRefSchema, crop: pixelBoxSchema }).optional(),
      ...imageOutput,
    }),
    z.object({
      mode: z.literal('create-video'),
      prompt,
      model,
      duration: videoDuration,
      aspectRatio: z.enum(VIDEO_ASPECT_RATIOS),
      resolution: z.enum(VIDEO_RESOLUTIONS),
      sound,
    }),
    z.object({
      mode: z.literal('animate-image'),
      prompt,
      model,
      sources: imageSources(1, 1),
      duration: videoDuration,
      resolution: z.enum(VIDEO_RESOLUTIONS),
      sound,
    }),
    z.object({
      mode: z.literal('reference-video'),
      prompt,
      model,
      sources: imageSources(1, 7),
      duration: videoDuration,
      aspectRatio: z.enum(VIDEO_ASPECT_RATIOS),
      resolution: z.enum(VIDEO_RESOLUTIONS),
      sound,
      voices,
    }),
    z.object({ mode: z.literal('edit-video'), prompt, model, sources: z.array(sourceRefSchema).length(1, { error: () => t('validation.addVideoToEdit') }), sound }),
    z.object({
      mode: z.literal('extend-video'),
      prompt,
      model,
      sources: z.array(sourceRefSchema).length(1, { error: () => t('validation.addVideoToExtend') }),
      duration: z.number().int().min(2, { error: () => t('validation.extensionRange', { min: formatNumber(2), max: formatNumber(10) }) }).max(10, { error: () => t('validation.extensionRange', { min: formatNumber(2), max: formatNumber(10) }) }),
      sound,
    }),
    /**
     * A vision call (lib/vision): `purpose` describe = "Describe image"; suggest = "Suggest a prompt" for
     * `forMode`, with `prompt` = what the user had typed (their intent). Sources are images (a video's
     * frame for the video modes). `model` is the vision model.
     */
    z.object({
      mode: z.literal('describe-image'),
      purpose: z.enum(['describe', 'suggest']),
      forMode: z.enum(MODES).optional(),
      prompt,
      model,
      sources: imageSources(1, 7),
    }),
  ])
  .superRefine((req, ctx) => {
    if (MODE_INFO[req.mode].promptRequired && req.prompt.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: t('validation.writePrompt') });
    }
    if (MODE_INFO[req.mode].output === 'image') checkImageModel(req, ctx);
    if (req.mode === 'create-video' || req.mode === 'animate-image' || req.mode === 'reference-video') checkVideoLimits(req, ctx);
    if (req.mode === 'reference-video') checkVoices(req, ctx);
    if (req.mode === 'edit-image' && req.area) checkArea(req, ctx);
    if ('sources' in req && MODE_INFO[req.mode].sources.kind === 'image') {
      req.sources.forEach((s, i) => {
        if (!(INPUT_IMAGE_MIME_TYPES as readonly string[]).includes(s.mimeType)) {
          ctx.addIssue({ code: 'custom', path: ['sources', i], message: t('validation.sourceType', { n: formatNumber(i + 1), type: s.mimeType }) });
        }
        // A region edit sends a crop of at most 2048 px, never the (possibly huge) original itself.
        if (s.bytes !== undefined && s.bytes > INPUT_IMAGE_MAX_BYTES && !('area' in req && req.area)) {
          ctx.addIssue({ code: 'custom', path: ['sources', i], message: t('validation.sourceTooLarge', { n: formatNumber(i + 1) }) });
        }
      });
    }
  });
export type JobRequest = z.infer<typeof jobRequestSchema>;

/** Where a job came from, so the page overlay and "Replace on page" can find their way back. */
export const jobOriginSchema = z.object({
  tabId: z.number().int().optional(),
  frameId: z.number().int().optional(),
  /** The document the image was captured in (Chrome's documentId): overlay traffic and result reads stay with it. */
  documentId: z.string().max(200).optional(),
  pageUrl: z.string().optional(),
  /** Marker the content script put on the element (data attribute), to find it again after re-renders. */
  targetId: z.string().optional(),
  /** The batch this job is one image of ("Reimagine images on this page…"; lib/batch). */
  batchId: z.string().max(100).optional(),
  /** The story and shot this job renders (lib/story): a shot's job is found again by these after a worker kill. */
  storyId: z.string().max(100).optional(),
  shotId: z.string().max(100).optional(),
  via: z.enum(['panel', 'context-menu', 'quick-action', 'rerun']).default('panel'),
});
export type JobOrigin = z.infer<typeof jobOriginSchema>;

export const submitInputSchema = z.object({
  request: jobRequestSchema,
  provider: z.enum(PROVIDER_IDS).optional(),
  origin: jobOriginSchema.optional(),
});

/** The first validation message per field, for inline display. */
export function validationMessages(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : 'form';
    out[key] ??= issue.message;
  }
  return out;
}

export const modeOf = (req: JobRequest): JobMode => req.mode;
