import { z } from 'zod';
import { VIDEO_ASPECT_RATIOS, VIDEO_RESOLUTIONS } from '../model/imagine-models';
import { sourceRefSchema } from '../model/request';
import { modelNameSchema } from '../security/model-name';
import { formatNumber, t } from '../i18n';

/**
 * A story: shots rendered one by one (each an ordinary job) and stitched into one MP4. The background is
 * the only writer of the stored record (kv `story:<id>`); the panel edits a draft and sends it whole.
 */
export const STORY_MAX_SHOTS = 20;
export const STORY_SCHEMA_VERSION = 1;

/**
 * Where a shot starts:
 * - `prompt`: text-to-video (no picture);
 * - `image`: a page image or an earlier result, stored locally (`from` says which, for the label);
 * - `last-frame`: the previous shot's last frame, extracted locally at full size, then image-to-video;
 * - `extend`: the previous shot continued through the extension endpoint (its result holds both parts).
 */
export const shotStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prompt') }),
  z.object({
    kind: z.literal('image'),
    from: z.enum(['page', 'result']).default('page'),
    /** Absent while the page's picture is still being read ("Make a story from this page…"). */
    source: sourceRefSchema.optional(),
    /** The capture reading it from the page (background-written; the picture's own overlay id). */
    captureId: z.string().max(100).optional(),
    /** Why the page's picture could not be read (the user deletes the shot or picks another start). */
    captureError: z.string().max(1000).optional(),
    /** It failed for lack of host access: the origin the shot's "Allow access to <host>" asks for. */
    accessOrigin: z.string().max(300).optional(),
  }),
  z.object({ kind: z.literal('last-frame') }),
  z.object({ kind: z.literal('extend') }),
]);
export type ShotStart = z.infer<typeof shotStartSchema>;
export type ShotStartKind = ShotStart['kind'];

const durationError = { error: () => t('validation.durationRange', { min: formatNumber(1), max: formatNumber(15) }) };

export const shotSchema = z.object({
  id: z.string().min(1).max(100),
  prompt: z.string().max(5000, { error: () => t('validation.promptTooLong', { max: formatNumber(5000, { useGrouping: false }) }) }),
  duration: z.number().int().min(1, durationError).max(15, durationError),
  start: shotStartSchema,
  /** The job rendering this shot now (set by the background when it submits; never by a page). */
  jobId: z.string().optional(),
  /** Jobs of earlier attempts that failed or were moderated (kept so history and spend can find them). */
  priorJobIds: z.array(z.string()).max(50).default([]),
  /** The previous shot's last frame, once extracted (start `last-frame` only). */
  frame: sourceRefSchema.optional(),
});
export type Shot = z.infer<typeof shotSchema>;

export const storySchema = z.object({
  schemaVersion: z.literal(STORY_SCHEMA_VERSION).default(STORY_SCHEMA_VERSION),
  id: z.string().min(1).max(100),
  createdAt: z.number(),
  updatedAt: z.number(),
  title: z.string().max(200).default(''),
  /** Added to every shot's prompt (the library's house-style rule). */
  houseStyle: z.string().max(1000).default(''),
  aspectRatio: z.enum(VIDEO_ASPECT_RATIOS).default('16:9'),
  resolution: z.enum(VIDEO_RESOLUTIONS).default('720p'),
  model: modelNameSchema,
  /** Sound for the whole story: off = `sound: false` on every shot's request (generate_audio:false). */
  sound: z.boolean().default(true),
  shots: z.array(shotSchema).max(STORY_MAX_SHOTS),
  /** The user pressed Run story: the background submits shots as their inputs exist. */
  running: z.boolean().default(false),
  /** Why the last Run story stopped before sending a shot (cap, key…), in the UI language of that moment. */
  lastError: z.string().max(1000).optional(),
  /** The page the story was made from (menu), for the history entry. */
  pageUrl: z.string().max(2000).optional(),
});
export type Story = z.infer<typeof storySchema>;
export type StoryInput = z.input<typeof storySchema>;

/** What a page may send: the draft without the fields only the background writes. */
export const storyDraftSchema = storySchema.omit({ running: true, lastError: true });
export type StoryDraft = z.infer<typeof storyDraftSchema>;
