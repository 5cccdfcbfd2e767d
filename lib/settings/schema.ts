import { z } from 'zod';
import { IMAGE_ASPECT_RATIOS, IMAGE_QUALITIES, IMAGE_RESOLUTIONS, VIDEO_ASPECT_RATIOS, VIDEO_RESOLUTIONS } from '../model/imagine-models';
import { DEFAULT_BASE_URLS, PROVIDER_IDS, type ProviderId } from '../model/provider-ids';
import { baseUrlRule, isAllowedBaseUrl } from '../security/base-url';
import { modelNameSchema } from '../security/model-name';
import { DEFAULT_VISION_MODEL } from '../pricing/vision-models';
import { DEFAULT_FILE_NAME_TEMPLATE, fileNameTemplateSchema } from '../export/file-template';
import { t } from '../i18n';

/**
 * User settings (no secrets: keys live in their own record, see storage/secrets.ts). Every field has a
 * default so a partial or older record still parses into something usable.
 */
const baseUrlSchema = z.string().trim().refine(isAllowedBaseUrl, { error: baseUrlRule });

export const quickActionSchema = z.object({
  id: z.string().min(1),
  title: z.string().trim().min(1, { error: () => t('settings.giveTheActionAName') }).max(40, { error: () => t('settings.keepTheNameUnder40') }),
  mode: z.enum(['edit-image', 'animate-image']),
  prompt: z.string().trim().min(1, { error: () => t('settings.writeThePromptThisAction') }),
});
export type QuickAction = z.infer<typeof quickActionSchema>;

export const DEFAULT_QUICK_ACTIONS: QuickAction[] = [
  { id: 'sketch', title: t('settings.pencilSketch'), mode: 'edit-image', prompt: 'Render this as a detailed pencil sketch with soft cross-hatched shading.' },
  { id: 'golden-hour', title: t('settings.goldenHourLight'), mode: 'edit-image', prompt: 'Relight this scene with warm golden-hour sunlight and long soft shadows.' },
  { id: 'push-in', title: t('settings.subtlePushIn'), mode: 'animate-image', prompt: 'A slow, subtle camera push-in with gentle natural motion.' },
];

/**
 * Today's best by default: Grok Imagine 2.0 for images and 1.5 for video (the server's own default is
 * still the 1.0 model, lib/model/imagine-models.ts). Why these values:
 * - Image quality "low": what "auto" is served at for a new picture anyway, at $0.04 per 1k image against
 *   $0.06 for medium; medium is one click away and the estimate shows the difference before Generate.
 * - Image resolution 1k: most pictures on a page are shown well under 1000 px wide, so 1.5k/2k would cost
 *   50 % more and take longer for detail nobody sees; 2k is for results that leave the browser.
 * - Video 720p: 1.5 at 480p looks soft next to the picture it animates (most page images are wider than
 *   720 px); 1080p has no published price (our estimate is a guess) and renders longest; and 720p is the
 *   highest resolution every video input takes (reference-to-video stops there), so one default works in
 *   every video mode.
 * - Video 6 s: long enough to read as motion, and the cost scales by the second.
 * Existing users keep their choices: lib/settings/migrations.ts moves only values still at the old defaults.
 */
export const DEFAULT_IMAGE_CHOICE = { model: 'grok-imagine-image-2.0', quality: 'low', resolution: '1k' } as const;
export const DEFAULT_VIDEO_CHOICE = { model: 'grok-imagine-video-1.5', resolution: '720p', duration: 6 } as const;

const imageDefaults = z.object({
  model: modelNameSchema.default(DEFAULT_IMAGE_CHOICE.model),
  /** Sent only to models that take it (2.0); kept for when the user switches back. */
  quality: z.enum(IMAGE_QUALITIES).default(DEFAULT_IMAGE_CHOICE.quality),
  n: z.number().int().min(1).max(10).default(1),
  aspectRatio: z.enum(IMAGE_ASPECT_RATIOS).default('1:1'),
  resolution: z.enum(IMAGE_RESOLUTIONS).default(DEFAULT_IMAGE_CHOICE.resolution),
  outputFormat: z.enum(['jpeg', 'png', 'webp']).default('jpeg'),
});
const videoDefaults = z.object({
  model: modelNameSchema.default(DEFAULT_VIDEO_CHOICE.model),
  duration: z.number().int().min(1).max(15).default(DEFAULT_VIDEO_CHOICE.duration),
  aspectRatio: z.enum(VIDEO_ASPECT_RATIOS).default('16:9'),
  resolution: z.enum(VIDEO_RESOLUTIONS).default(DEFAULT_VIDEO_CHOICE.resolution),
  extendDuration: z.number().int().min(2).max(10).default(6),
  /** Grok videos have sound unless a request sends generate_audio:false (xai-sdk-python 1.19.0). */
  sound: z.boolean().default(true),
});

export const SETTINGS_VERSION = 3;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  provider: z.enum(PROVIDER_IDS).default('xai'),
  baseUrls: z
    .object({
      xai: baseUrlSchema.default(DEFAULT_BASE_URLS.xai),
      vydra: baseUrlSchema.default(DEFAULT_BASE_URLS.vydra),
      runware: baseUrlSchema.default(DEFAULT_BASE_URLS.runware),
    })
    .prefault({}),
  defaults: z.object({ image: imageDefaults.prefault({}), video: videoDefaults.prefault({}) }).prefault({}),
  quickActions: z.array(quickActionSchema).max(12, { error: () => t('settings.atMost12QuickActions') }).default(DEFAULT_QUICK_ACTIONS),
  /** Image understanding ("Suggest a prompt", "Describe image"): a Grok model that takes images. */
  vision: z.object({ model: modelNameSchema.default(DEFAULT_VISION_MODEL) }).prefault({}),
  concurrency: z.number().int().min(1, { error: () => t('settings.atLeast1') }).max(10, { error: () => t('settings.atMost10') }).default(3),
  /** null = no cap. */
  dailySpendCapUsd: z.number().min(0, { error: () => t('settings.mustBe0OrMore') }).nullable().default(null),
  notifications: z.boolean().default(true),
  /** Downloads: the file name pattern (tokens: lib/export/file-template.ts). */
  exports: z.object({ fileNameTemplate: fileNameTemplateSchema.default(DEFAULT_FILE_NAME_TEMPLATE) }).prefault({}),
  retention: z
    .object({
      maxCount: z.number().int().min(10).nullable().default(null),
      maxAgeDays: z.number().int().min(1).nullable().default(null),
      maxMegabytes: z.number().int().min(50).nullable().default(null),
    })
    .prefault({}),
  privacy: z
    .object({
      /** Default bytes: a private page stays private only if we never hand its URLs to a third party. */
      sendImagesAs: z.enum(['bytes', 'url']).default('bytes'),
      rememberSourcePages: z.boolean().default(true),
      /** Write the original's page address into downloads (XMP): off, since a shared file would reveal it. */
      sourcePageInDownloads: z.boolean().default(false),
    })
    .prefault({}),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Real keys are well under 200 characters; the cap only stops a message from storing megabytes. */
const secret = z.string().max(4096, { error: () => t('settings.thatKeyIsTooLong') });
export const secretsSchema = z.object({
  xai: secret.optional(),
  vydra: secret.optional(),
  runware: secret.optional(),
});
export type Secrets = z.infer<typeof secretsSchema>;

export function keyFor(secrets: Secrets, provider: ProviderId): string | undefined {
  const key = secrets[provider]?.trim();
  return key ? key : undefined;
}
