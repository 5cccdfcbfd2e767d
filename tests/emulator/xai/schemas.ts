import { z } from 'zod';

/**
 * Request bodies as the server's types see them. Only types and enum values live here (failures → 422);
 * ranges and combinations are checked in the handlers (failures → 400). Unknown fields are ignored, and
 * null counts as absent, as with serde's Option.
 */

export const IMAGE_ASPECT_RATIOS = [
  '1:1', '3:4', '4:3', '9:16', '16:9', '2:3', '3:2', '9:19.5', '19.5:9', '9:20', '20:9', '1:2', '2:1', '21:9', '5:2',
] as const;
export type ImageAspectRatio = (typeof IMAGE_ASPECT_RATIOS)[number];

export const VIDEO_ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3'] as const;
export type VideoAspectRatio = (typeof VIDEO_ASPECT_RATIOS)[number];

const count = z.number().int().nonnegative();
const optionalString = z.string().nullish();

/** `{url}` (https URL or data URI) or `{file_id}`; `type: "image_url"` is tolerated. */
export const imageReferenceSchema = z.object({
  url: optionalString,
  file_id: optionalString,
  type: z.literal('image_url').nullish(),
});
export type ImageReference = z.infer<typeof imageReferenceSchema>;

const imageCommon = {
  prompt: z.string(),
  model: optionalString,
  n: count.nullish(),
  response_format: z.enum(['url', 'b64_json']).nullish(),
  resolution: z.enum(['1k', '1.5k', '2k']).nullish(),
  user: optionalString,
  deferred: z.boolean().nullish(),
  /** grok-imagine-image-2.0: low | medium | auto (omitted = auto). */
  quality: z.enum(['low', 'medium', 'auto']).nullish(),
};

export const imageGenerationSchema = z.object({
  ...imageCommon,
  aspect_ratio: z.enum([...IMAGE_ASPECT_RATIOS, 'auto']).nullish(),
});
export type ImageGenerationBody = z.infer<typeof imageGenerationSchema>;

export const imageEditSchema = z.object({
  ...imageCommon,
  aspect_ratio: z.enum([...IMAGE_ASPECT_RATIOS, 'auto']).nullish(),
  image: imageReferenceSchema.nullish(),
  images: z.array(imageReferenceSchema).nullish(),
});
export type ImageEditBody = z.infer<typeof imageEditSchema>;

export const videoGenerationSchema = z.object({
  prompt: optionalString,
  model: optionalString,
  duration: count.nullish(),
  aspect_ratio: z.enum(VIDEO_ASPECT_RATIOS).nullish(),
  resolution: z.enum(['480p', '720p', '1080p']).nullish(),
  image: imageReferenceSchema.nullish(),
  reference_images: z.array(imageReferenceSchema).nullish(),
  /** Omitted = true: Grok videos come with sound unless the request says otherwise. */
  generate_audio: z.boolean().nullish(),
  user: optionalString,
});
export type VideoGenerationBody = z.infer<typeof videoGenerationSchema>;

const videoReferenceSchema = z.object({ url: z.string() });

export const videoEditSchema = z.object({
  prompt: z.string(),
  model: optionalString,
  video: videoReferenceSchema,
  user: optionalString,
});
export type VideoEditBody = z.infer<typeof videoEditSchema>;

export const videoExtensionSchema = z.object({
  prompt: z.string(),
  model: optionalString,
  video: videoReferenceSchema,
  duration: count.nullish(),
  generate_audio: z.boolean().nullish(),
  user: optionalString,
});
export type VideoExtensionBody = z.infer<typeof videoExtensionSchema>;
