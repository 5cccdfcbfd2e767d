import { z } from 'zod';
import {
  EDIT_MAX_SOURCE_IMAGES,
  EDIT_MAX_SOURCE_IMAGES_DEFAULT,
  IMAGE_ASPECT_RATIOS,
  IMAGE_QUALITIES,
  IMAGE_RESOLUTIONS,
  imageModelInfo,
  INPUT_IMAGE_MAX_BYTES,
  INPUT_IMAGE_MIME_TYPES,
  VIDEO_ASPECT_RATIOS,
  VIDEO_RESOLUTIONS,
  VIDEO_MAX_REFERENCE_AUDIOS,
  VOICE_MODEL,
  videoModelInfo,
} from '../api/models';
import { MODE_INFO, MODES, type JobMode } from './modes';
import { videoLimits } from './video-limits';
import { PROVIDER_IDS } from './provider-ids';
import { modelNameSchema } from '../security/model-name';
import { formatNumber, t } from '../i18n';
import { areaSchema, pixelBoxSchema } from '../media/area/area';
import { sourceFromSchema } from './lineage';

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

/** Preset voice ids (lib/api/models.ts SUGGESTED_VOICES, or typed): `reference_audios: [{voice_id}]`. */
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

/**
 * Duration and resolution as the mode and model accept them (video-limits.ts): reference-to-video at most
 * 10 s and 720p, 1080p only where the model advertises it. The service answers anything else with a 400.
 */
function checkVideoLimits(req: { mode: 'create-video' | 'animate-image' | 'reference-video'; model: string; duration: number; resolution: string }, ctx: z.RefinementCtx) {
  const limits = videoLimits(req.mode, req.model);
  if (!(limits.resolutions as readonly string[]).includes(req.resolution)) {
    const message =
      req.mode === 'reference-video' && videoModelInfo(req.model)?.resolutions.includes(req.resolution as never)
        ? t('validation.referenceResolutionMax', { resolutions: limits.resolutions.join(', ') })
        : t('validation.resolutionNeeds', { model: req.model, resolutions: limits.resolutions.join(', ') });
    ctx.addIssue({ code: 'custom', path: ['resolution'], message });
  }
  const range = limits.duration;
  if (range && (req.duration < range.min || req.duration > range.max)) {
    const message =
      req.mode === 'reference-video' && req.duration > range.max
        ? t('validation.referenceDurationMax', { max: formatNumber(range.max) })
        : t('validation.durationRange', { min: formatNumber(range.min), max: formatNumber(range.max) });
    ctx.addIssue({ code: 'custom', path: ['duration'], message });
  }
}

/** Voices only on grok-imagine-video-1.5 reference-to-video; every <AUDIO_n> in the prompt names one of them. */
function checkVoices(req: { model: string; prompt: string; voices?: string[] | undefined }, ctx: z.RefinementCtx) {
  const count = req.voices?.length ?? 0;
  if (count > 0 && req.model.trim() !== VOICE_MODEL) {
    ctx.addIssue({ code: 'custom', path: ['voices'], message: t('validation.voicesNeedModel', { model: VOICE_MODEL }) });
  }
  const past = [...req.prompt.matchAll(/<AUDIO_(\d+)>/g)].find((match) => Number(match[1]) >= count);
  if (past) ctx.addIssue({ code: 'custom', path: ['prompt'], message: t('validation.audioTagUnknown', { tag: past[0], count: formatNumber(count) }) });
}

/** A region edit is drawn on exactly one picture, at that picture's size. */
function checkArea(req: { sources: SourceRef[]; area?: { width: number; height: number }; areaSource?: { original: SourceRef } }, ctx: z.RefinementCtx) {
  if (req.sources.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['area'], message: t('validation.areaOneSource') });
    return;
  }
  const picture = req.areaSource?.original ?? req.sources[0];
  if (picture?.width !== undefined && picture.height !== undefined && req.area && (picture.width !== req.area.width || picture.height !== req.area.height)) {
    ctx.addIssue({ code: 'custom', path: ['area'], message: t('validation.areaSizeMismatch') });
  }
}

/** A known image model's own limits: edit sources (5 for 2.0, 3 otherwise), ratios, quality. */
function checkImageModel(req: { model: string; sources?: unknown[]; aspectRatio?: string | undefined; quality?: string | undefined }, ctx: z.RefinementCtx) {
  const known = imageModelInfo(req.model);
  if (!known) return;
  const maxSources = known.maxEditSources ?? EDIT_MAX_SOURCE_IMAGES_DEFAULT;
  if (req.sources && req.sources.length > maxSources) {
    ctx.addIssue({ code: 'custom', path: ['sources'], message: t('validation.atMostSourcesForModel', { max: formatNumber(maxSources), model: req.model }) });
  }
  if (req.aspectRatio !== undefined && !(known.aspectRatios as readonly string[]).includes(req.aspectRatio)) {
    ctx.addIssue({ code: 'custom', path: ['aspectRatio'], message: t('validation.aspectRatioNeeds', { model: req.model, ratio: req.aspectRatio }) });
  }
  if (req.quality !== undefined && !known.qualities) {
    ctx.addIssue({ code: 'custom', path: ['quality'], message: t('validation.noQuality', { model: req.model }) });
  }
}

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
