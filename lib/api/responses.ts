import { z } from 'zod';

/**
 * Response schemas. Loose objects everywhere (servers add fields), optional wherever the sources disagree
 * (see docs/imagine-api.md): these describe what we can rely on, and the normalizers in results.ts turn
 * them into the client's own types.
 *
 * A paid result must never be thrown away because of a field we only use for display: every optional field
 * is parsed leniently (`.catch(undefined)`: a value of an unexpected type reads as "absent"), numbers may
 * arrive as strings (seed 001 sends `"duration":"8"`), and only the fields that carry the result itself
 * (`url`, `b64_json`, `request_id`) are required to make sense.
 */

/** A number, or a string holding one ("8", " 8.5 "); anything else reads as absent. */
export const lenientNumber = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(?:\.\d+)?$/).transform(Number)])
  .refine(Number.isFinite)
  .nullish()
  .catch(undefined);

/** A string; a number is turned into one; anything else reads as absent. */
const lenientString = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .catch(undefined);

/** true/false, or the strings "true"/"false"; anything else reads as absent (never as "moderated"). */
const lenientBoolean = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
  .nullish()
  .catch(undefined);

const usageSchema = z
  .looseObject({ cost_in_usd_ticks: lenientNumber.pipe(z.number().nonnegative().nullish()).catch(undefined) })
  .nullish()
  .catch(undefined);

/**
 * One generated image. Either `url` or `b64_json` (bare or `data:`-prefixed on legacy servers);
 * `respect_moderation:false` marks a placeholder, which may come with an empty url.
 */
export const imageItemSchema = z.looseObject({
  url: lenientString,
  b64_json: lenientString,
  /** Only something shaped like a MIME type: a wrong one would mislabel the saved file. */
  mime_type: z.string().trim().regex(/^[\w.+-]+\/[\w.+-]+$/).nullish().catch(undefined),
  respect_moderation: lenientBoolean,
  revised_prompt: lenientString,
});
export type ImageItem = z.infer<typeof imageItemSchema>;

/** Note: no `created` field, unlike OpenAI. `model` names the model that actually served the request. */
export const imagesResponseSchema = z.looseObject({
  data: z.array(imageItemSchema),
  usage: usageSchema,
  model: lenientString,
});
export type ImagesResponse = z.infer<typeof imagesResponseSchema>;

/** Video submissions (and deferred image submissions) answer 200 `{request_id}`. */
export const submissionResponseSchema = z.looseObject({ request_id: z.string().min(1) });
export type SubmissionResponse = z.infer<typeof submissionResponseSchema>;

/** A job's error: `{code,message}` per the spec; a bare string is tolerated. */
export const jobErrorSchema = z
  .union([z.looseObject({ code: lenientString, message: lenientString }), z.string()])
  .nullish()
  .catch(undefined);
export type JobError = z.infer<typeof jobErrorSchema>;

/**
 * Video poll body. `status` is a plain string, not an enum: unknown values mean "keep polling", and early
 * servers omitted it when done. The result may be nested (`video.url`, the spec) or at the top level (`url`
 * and `duration`, seed 001). A 202 may have no body at all (handled before parsing).
 */
export const videoPollResponseSchema = z.looseObject({
  status: lenientString,
  progress: lenientNumber,
  video: z
    .looseObject({ url: lenientString, duration: lenientNumber, respect_moderation: lenientBoolean })
    .nullish()
    .catch(undefined),
  url: lenientString,
  duration: lenientNumber,
  respect_moderation: lenientBoolean,
  model: lenientString,
  usage: usageSchema,
  error: jobErrorSchema,
});
export type VideoPollResponse = z.infer<typeof videoPollResponseSchema>;

/** Deferred image poll: like the video poll, with `data` (an images response) when done. */
export const deferredImagesPollResponseSchema = z.looseObject({
  status: lenientString,
  data: z.array(imageItemSchema).nullish(),
  usage: usageSchema,
  model: lenientString,
  error: jobErrorSchema,
});
export type DeferredImagesPollResponse = z.infer<typeof deferredImagesPollResponseSchema>;

/** Error bodies, all three shapes: `{code,error}`, `{error:{message,type,code}}`, `{error:"…"}`. */
export const errorBodySchema = z.looseObject({
  code: lenientString,
  error: z
    .union([z.string(), z.looseObject({ message: lenientString, type: lenientString, code: lenientString })])
    .nullish()
    .catch(undefined),
  message: lenientString,
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * GET /v1/api-key. The doc says to treat the body as opaque, but the live body carries three flags that
 * make every other request fail; "Test connection" reads them (leniently) to say so in words.
 */
export const apiKeyInfoSchema = z.looseObject({
  api_key_blocked: lenientBoolean,
  api_key_disabled: lenientBoolean,
  team_blocked: lenientBoolean,
});
