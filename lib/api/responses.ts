import { z } from 'zod';

/**
 * Response schemas. Loose objects everywhere (servers add fields), optional wherever the sources disagree
 * (see docs/imagine-api.md): these describe what we can rely on, and the normalizers in results.ts turn
 * them into the client's own types.
 */

const usageSchema = z.looseObject({ cost_in_usd_ticks: z.number().nonnegative().optional() });

/**
 * One generated image. Either `url` or `b64_json` (bare or `data:`-prefixed on legacy servers);
 * `respect_moderation:false` marks a placeholder, which may come with an empty url.
 */
export const imageItemSchema = z.looseObject({
  url: z.string().nullish(),
  b64_json: z.string().nullish(),
  mime_type: z.string().nullish(),
  respect_moderation: z.boolean().nullish(),
  revised_prompt: z.string().nullish(),
});
export type ImageItem = z.infer<typeof imageItemSchema>;

/** Note: no `created` field, unlike OpenAI. */
export const imagesResponseSchema = z.looseObject({
  data: z.array(imageItemSchema),
  usage: usageSchema.nullish(),
});
export type ImagesResponse = z.infer<typeof imagesResponseSchema>;

/** Video submissions (and deferred image submissions) answer 200 `{request_id}`. */
export const submissionResponseSchema = z.looseObject({ request_id: z.string().min(1) });
export type SubmissionResponse = z.infer<typeof submissionResponseSchema>;

/** A job's error: `{code,message}` per the spec; a bare string is tolerated. */
export const jobErrorSchema = z.union([
  z.looseObject({ code: z.union([z.string(), z.number()]).nullish(), message: z.string().nullish() }),
  z.string(),
]);
export type JobError = z.infer<typeof jobErrorSchema>;

/**
 * Video poll body. `status` is a plain string, not an enum: unknown values mean "keep polling", and early
 * servers omitted it when done. A 202 may have no body at all (handled before parsing).
 */
export const videoPollResponseSchema = z.looseObject({
  status: z.string().nullish(),
  progress: z.number().nullish(),
  video: z
    .looseObject({
      url: z.string().nullish(),
      duration: z.number().nullish(),
      respect_moderation: z.boolean().nullish(),
    })
    .nullish(),
  model: z.string().nullish(),
  usage: usageSchema.nullish(),
  error: jobErrorSchema.nullish(),
});
export type VideoPollResponse = z.infer<typeof videoPollResponseSchema>;

/** Deferred image poll: like the video poll, with `data` (an images response) when done. */
export const deferredImagesPollResponseSchema = z.looseObject({
  status: z.string().nullish(),
  data: z.array(imageItemSchema).nullish(),
  usage: usageSchema.nullish(),
  error: jobErrorSchema.nullish(),
});
export type DeferredImagesPollResponse = z.infer<typeof deferredImagesPollResponseSchema>;

/** Error bodies, all three shapes: `{code,error}`, `{error:{message,type,code}}`, `{error:"…"}`. */
export const errorBodySchema = z.looseObject({
  code: z.union([z.string(), z.number()]).nullish(),
  error: z
    .union([
      z.string(),
      z.looseObject({
        message: z.string().nullish(),
        type: z.string().nullish(),
        code: z.union([z.string(), z.number()]).nullish(),
      }),
    ])
    .nullish(),
  message: z.string().nullish(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
