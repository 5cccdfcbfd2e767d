import { z } from 'zod';
import { ImagineError } from '../errors/taxonomy';
import {
  EDIT_MAX_SOURCE_IMAGES,
  IMAGE_ASPECT_RATIOS,
  IMAGE_N_MAX,
  IMAGE_N_MIN,
  IMAGE_QUALITIES,
  IMAGE_RESOLUTIONS,
  IMAGE_RESPONSE_FORMATS,
  INPUT_IMAGE_MAX_BYTES,
  INPUT_IMAGE_MIME_TYPES,
  VIDEO_ASPECT_RATIOS,
  VIDEO_DURATION,
  VIDEO_EXTENSION_DURATION,
  VIDEO_MAX_REFERENCE_IMAGES,
  VIDEO_MAX_REFERENCE_AUDIOS,
  VIDEO_RESOLUTIONS,
  VOICE_MODEL,
  REFERENCE_VIDEO_MAX_SECONDS,
  DEFAULT_IMAGE_MODEL,
  imageModelInfo,
  videoModelInfo,
} from '../model/imagine-models';
import { t } from '../i18n';

/**
 * Request schemas: one per endpoint, checked before anything is sent so a mistake costs no network round
 * trip and no credits. Objects are strict: a misspelt field is an error here rather than silently ignored
 * by the server. Response schemas live in responses.ts.
 */

export * from '../model/imagine-models';

const prompt = z.string().refine((s) => s.trim().length > 0, { error: 'prompt must not be empty' });
const model = z.string().trim().min(1, { error: 'model must not be empty' });

/** Bytes a base64 data URI decodes to (close enough for a size limit). */
function dataUriBytes(uri: string): number {
  const comma = uri.indexOf(',');
  return Math.floor(((uri.length - comma - 1) * 3) / 4);
}

/**
 * xAI fetches URLs itself (5 s timeout), so only public http(s) URLs or inline data URIs can work;
 * `blob:`/`chrome-extension:`/`file:` URLs would fail server-side after a slow round trip.
 */
const imageUrl = z.string().superRefine((url, ctx) => {
  if (/^https?:\/\//i.test(url)) return;
  const data = /^data:([^;,]+)?(;[^,]*)?,/i.exec(url);
  if (!data) {
    ctx.addIssue({ code: 'custom', message: 'image url must be an http(s) URL or a data: URI' });
    return;
  }
  const mime = (data[1] ?? '').toLowerCase().replace('image/jpg', 'image/jpeg');
  if (!(INPUT_IMAGE_MIME_TYPES as readonly string[]).includes(mime)) {
    ctx.addIssue({ code: 'custom', message: `image must be JPEG, PNG or WebP (got ${mime || 'no type'})` });
  }
  if (dataUriBytes(url) > INPUT_IMAGE_MAX_BYTES) {
    ctx.addIssue({ code: 'custom', message: 'image must be at most 10 MiB' });
  }
});

const videoUrl = z.string().superRefine((url, ctx) => {
  if (/^https?:\/\//i.test(url) || /^data:video\/[^,]*,/i.test(url)) return;
  ctx.addIssue({ code: 'custom', message: 'video url must be an http(s) URL or a data:video/… URI' });
});

/** `{url}` or `{file_id}`; the server tolerates an extra `type: "image_url"` so we do too. */
// One object with a refinement rather than a z.union: a union's error is a bare "Invalid input", and the
// user needs to hear *why* their image was refused.
export const imageRefSchema = z
  .strictObject({
    url: imageUrl.optional(),
    file_id: z.string().min(1).optional(),
    type: z.literal('image_url').optional(),
  })
  .refine((ref) => (ref.url === undefined) !== (ref.file_id === undefined), {
    error: 'an image is either {url} or {file_id}, exactly one of them',
  });
export type ImageRef = z.infer<typeof imageRefSchema>;

export const videoRefSchema = z.strictObject({ url: videoUrl });
export type VideoRef = z.infer<typeof videoRefSchema>;

const n = z.int().min(IMAGE_N_MIN).max(IMAGE_N_MAX);

export const imageGenerateRequestSchema = z.strictObject({
  prompt,
  model: model.optional(),
  n: n.optional(),
  response_format: z.enum(IMAGE_RESPONSE_FORMATS).optional(),
  aspect_ratio: z.enum(IMAGE_ASPECT_RATIOS).optional(),
  resolution: z.enum(IMAGE_RESOLUTIONS).optional(),
  user: z.string().optional(),
  /** grok-imagine-image-2.0: billed at the quality served; send it so that estimate and bill agree. */
  quality: z.enum(IMAGE_QUALITIES).optional(),
  /** true → the server answers `{request_id}`; use ImagineClient.submitDeferredImages for that. */
  deferred: z.boolean().optional(),
}).superRefine((req, ctx) => checkKnownImageModel(req, ctx));
export type ImageGenerateRequest = z.infer<typeof imageGenerateRequestSchema>;

export const imageEditRequestSchema = z
  .strictObject({
    prompt,
    model: model.optional(),
    image: imageRefSchema.optional(),
    images: z.array(imageRefSchema).min(1).max(EDIT_MAX_SOURCE_IMAGES).optional(),
    /** Only meaningful for multi-image edits: a single edit keeps the input's ratio. */
    aspect_ratio: z.enum(IMAGE_ASPECT_RATIOS).optional(),
    n: n.optional(),
    response_format: z.enum(IMAGE_RESPONSE_FORMATS).optional(),
    resolution: z.enum(IMAGE_RESOLUTIONS).optional(),
    user: z.string().optional(),
    quality: z.enum(IMAGE_QUALITIES).optional(),
  })
  .superRefine((req, ctx) => {
    checkKnownImageModel(req, ctx);
    if (req.image !== undefined && req.images !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['images'], message: 'send either image or images, not both' });
    } else if (req.image === undefined && req.images === undefined) {
      ctx.addIssue({ code: 'custom', path: ['image'], message: 'a source image is required (image or images)' });
    }
    if (req.aspect_ratio !== undefined && req.images === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['aspect_ratio'],
        message: 'aspect_ratio only applies to multi-image edits (use images)',
      });
    }
  });
export type ImageEditRequest = z.infer<typeof imageEditRequestSchema>;

/** Only known models are checked (a typed model may do more): sources, ratios and the quality field. */
function checkKnownImageModel(
  req: { model?: string | undefined; images?: unknown[] | undefined; aspect_ratio?: string | undefined; quality?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  // No model means the server's default model, whose limits apply.
  const model = req.model ?? DEFAULT_IMAGE_MODEL;
  const known = imageModelInfo(model);
  if (!known) return;
  if (req.images && req.images.length > known.maxEditSources) {
    ctx.addIssue({ code: 'custom', path: ['images'], message: `${model} edits at most ${known.maxEditSources} images` });
  }
  if (req.aspect_ratio !== undefined && !(known.aspectRatios as readonly string[]).includes(req.aspect_ratio)) {
    ctx.addIssue({ code: 'custom', path: ['aspect_ratio'], message: `${model} does not take ${req.aspect_ratio}` });
  }
  if (req.quality !== undefined && !known.qualities) {
    ctx.addIssue({ code: 'custom', path: ['quality'], message: `${model} has no quality field` });
  }
}

export const videoGenerateRequestSchema = z
  .strictObject({
    /** Optional only for image-to-video (the image carries the content). */
    prompt: prompt.optional(),
    model: model.optional(),
    duration: z.int().min(VIDEO_DURATION.min).max(VIDEO_DURATION.max).optional(),
    aspect_ratio: z.enum(VIDEO_ASPECT_RATIOS).optional(),
    resolution: z.enum(VIDEO_RESOLUTIONS).optional(),
    /** Image-to-video: the first frame. */
    image: imageRefSchema.optional(),
    /** Reference-to-video: the prompt refers to them as <IMAGE_0>, <IMAGE_1>… */
    reference_images: z.array(imageRefSchema).min(1).max(VIDEO_MAX_REFERENCE_IMAGES).optional(),
    /** Omitted = true: videos come with sound (xai-sdk-python 1.19.0). Reimagine sends only `false`. */
    generate_audio: z.literal(false).optional(),
    /** grok-imagine-video-1.5 reference-to-video only: up to 3 preset voices, referred to as <AUDIO_0>… */
    reference_audios: z.array(z.strictObject({ voice_id: z.string().min(1).max(64) })).min(1).max(VIDEO_MAX_REFERENCE_AUDIOS).optional(),
  })
  .superRefine((req, ctx) => {
    // docs.x.ai, reference-to-video: at most 10 s, and at most 720p (the last line before the wire).
    if (req.reference_images !== undefined && (req.duration ?? 8) > REFERENCE_VIDEO_MAX_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: `reference-to-video takes at most ${REFERENCE_VIDEO_MAX_SECONDS} s` });
    }
    if (req.reference_images !== undefined && req.resolution === '1080p') {
      ctx.addIssue({ code: 'custom', path: ['resolution'], message: 'reference-to-video takes at most 720p' });
    }
    if (req.reference_audios !== undefined && (req.reference_images === undefined || req.model !== VOICE_MODEL)) {
      ctx.addIssue({ code: 'custom', path: ['reference_audios'], message: `voices need ${VOICE_MODEL} with reference_images` });
    }
    if (req.image !== undefined && req.reference_images !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reference_images'],
        message: 'send either image or reference_images, not both',
      });
    }
    if (req.prompt === undefined && req.image === undefined) {
      ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'prompt is required unless animating an image' });
    }
    // Only known models are checked: a user-typed model may well support 1080p.
    const known = req.model === undefined ? undefined : videoModelInfo(req.model);
    if (known && req.resolution !== undefined && !known.resolutions.includes(req.resolution)) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolution'],
        message: `${req.model} supports ${known.resolutions.join('/')}, not ${req.resolution}`,
      });
    }
  });
export type VideoGenerateRequest = z.infer<typeof videoGenerateRequestSchema>;

/** No duration/ratio/resolution: the output keeps the input's length and ratio (≤ 720p). */
export const videoEditRequestSchema = z.strictObject({
  prompt,
  model: model.optional(),
  video: videoRefSchema,
  generate_audio: z.literal(false).optional(),
});
export type VideoEditRequest = z.infer<typeof videoEditRequestSchema>;

export const videoExtensionRequestSchema = z.strictObject({
  prompt,
  model: model.optional(),
  video: videoRefSchema,
  /** Length of the added part, not of the result (result = original + extension). */
  duration: z.int().min(VIDEO_EXTENSION_DURATION.min).max(VIDEO_EXTENSION_DURATION.max).optional(),
  generate_audio: z.literal(false).optional(),
});
export type VideoExtensionRequest = z.infer<typeof videoExtensionRequestSchema>;

/**
 * Validates a request before it is sent; returns the parsed value (what goes on the wire). A guard, not the
 * user's validation: jobRequestSchema (lib/model/request.ts) already refused what a user can get wrong, in
 * words. So the problems here are developer diagnostics in the wire's own terms (field names, English) and
 * travel only in parentheses after a translated sentence, like a server's detail.
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new ImagineError({ kind: 'invalid_request', message: t('api.wireRequestInvalid', { detail: `${what}: ${problems.join('; ')}` }) });
}
