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
  videoModelInfo,
} from '../api/models';
import { MODE_INFO, MODES, type JobMode } from './modes';
import { PROVIDER_IDS } from '../providers/ids';
import { modelNameSchema } from '../security/model-name';

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
});
export type SourceRef = z.infer<typeof sourceRefSchema>;


const prompt = z.string().max(5000, 'The prompt is longer than 5000 characters.');
const model = modelNameSchema;
const count = z.number().int().min(1, 'Count must be 1 to 10.').max(10, 'Count must be 1 to 10.');
const videoDuration = z.number().int().min(1, 'Duration must be 1 to 15 s.').max(15, 'Duration must be 1 to 15 s.');
const imageSources = (min: number, max: number) =>
  z
    .array(sourceRefSchema)
    .min(min, min === 1 ? 'Add a source image.' : `Add at least ${min} source images.`)
    .max(max, `At most ${max} source images.`);

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
      ...imageOutput,
    }),
    z.object({
      mode: z.literal('create-video'),
      prompt,
      model,
      duration: videoDuration,
      aspectRatio: z.enum(VIDEO_ASPECT_RATIOS),
      resolution: z.enum(VIDEO_RESOLUTIONS),
    }),
    z.object({
      mode: z.literal('animate-image'),
      prompt,
      model,
      sources: imageSources(1, 1),
      duration: videoDuration,
      resolution: z.enum(VIDEO_RESOLUTIONS),
    }),
    z.object({
      mode: z.literal('reference-video'),
      prompt,
      model,
      sources: imageSources(1, 7),
      duration: videoDuration,
      aspectRatio: z.enum(VIDEO_ASPECT_RATIOS),
      resolution: z.enum(VIDEO_RESOLUTIONS),
    }),
    z.object({ mode: z.literal('edit-video'), prompt, model, sources: z.array(sourceRefSchema).length(1, 'Add the video to edit.') }),
    z.object({
      mode: z.literal('extend-video'),
      prompt,
      model,
      sources: z.array(sourceRefSchema).length(1, 'Add the video to extend.'),
      duration: z.number().int().min(2, 'Extension must be 2 to 10 s.').max(10, 'Extension must be 2 to 10 s.'),
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
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'Write a prompt.' });
    }
    if (MODE_INFO[req.mode].output === 'image') checkImageModel(req, ctx);
    // Model strings are free-form: only a known model's resolution list is enforced.
    const known = 'resolution' in req && MODE_INFO[req.mode].output === 'video' ? videoModelInfo(req.model) : undefined;
    if (known && 'resolution' in req && !(known.resolutions as readonly string[]).includes(req.resolution)) {
      ctx.addIssue({ code: 'custom', path: ['resolution'], message: `${req.model} supports ${known.resolutions.join(', ')}; 1080p needs grok-imagine-video-1.5.` });
    }
    if ('sources' in req && MODE_INFO[req.mode].sources.kind === 'image') {
      req.sources.forEach((s, i) => {
        if (!(INPUT_IMAGE_MIME_TYPES as readonly string[]).includes(s.mimeType)) {
          ctx.addIssue({ code: 'custom', path: ['sources', i], message: `Source ${i + 1} is ${s.mimeType}; use JPEG, PNG or WebP.` });
        }
        if (s.bytes !== undefined && s.bytes > INPUT_IMAGE_MAX_BYTES) {
          ctx.addIssue({ code: 'custom', path: ['sources', i], message: `Source ${i + 1} is larger than 10 MB.` });
        }
      });
    }
  });
export type JobRequest = z.infer<typeof jobRequestSchema>;

/** A known image model's own limits: edit sources (5 for 2.0, 3 otherwise), ratios, quality. */
function checkImageModel(req: { model: string; sources?: unknown[]; aspectRatio?: string | undefined; quality?: string | undefined }, ctx: z.RefinementCtx) {
  const known = imageModelInfo(req.model);
  if (!known) return;
  const maxSources = known.maxEditSources ?? EDIT_MAX_SOURCE_IMAGES_DEFAULT;
  if (req.sources && req.sources.length > maxSources) {
    ctx.addIssue({ code: 'custom', path: ['sources'], message: `At most ${maxSources} source images for ${req.model}.` });
  }
  if (req.aspectRatio !== undefined && !(known.aspectRatios as readonly string[]).includes(req.aspectRatio)) {
    ctx.addIssue({ code: 'custom', path: ['aspectRatio'], message: `${req.model} does not take ${req.aspectRatio}; 21:9 and 5:2 need grok-imagine-image-2.0.` });
  }
  if (req.quality !== undefined && !known.qualities) {
    ctx.addIssue({ code: 'custom', path: ['quality'], message: `${req.model} has no quality setting.` });
  }
}

/** Where a job came from, so the page overlay and "Replace on page" can find their way back. */
export const jobOriginSchema = z.object({
  tabId: z.number().int().optional(),
  frameId: z.number().int().optional(),
  pageUrl: z.string().optional(),
  /** Marker the content script put on the element (data attribute), to find it again after re-renders. */
  targetId: z.string().optional(),
  /** The batch this job is one image of ("Reimagine images on this page…"; lib/batch). */
  batchId: z.string().max(100).optional(),
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
