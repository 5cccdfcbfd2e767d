/**
 * Constants of the Grok Imagine API (docs/imagine-api.md), shared by the client's schemas, the job engine
 * (cost estimates, defaults) and the UI (pickers). Model strings are free-form on the wire: these lists
 * describe the models we know, they never restrict what a user may type.
 */

export const DEFAULT_BASE_URL = 'https://api.x.ai/v1';

/** 1 USD = 10^10 "ticks" in `usage.cost_in_usd_ticks`. */
export const TICKS_PER_USD = 10_000_000_000;
export const ticksToUsd = (ticks: number): number => ticks / TICKS_PER_USD;

export const IMAGE_ASPECT_RATIOS = [
  '1:1',
  '3:4',
  '4:3',
  '9:16',
  '16:9',
  '2:3',
  '3:2',
  '9:19.5',
  '19.5:9',
  '9:20',
  '20:9',
  '1:2',
  '2:1',
  '21:9', // newest spec
  '5:2', // newest spec
  'auto',
] as const;
export type ImageAspectRatio = (typeof IMAGE_ASPECT_RATIOS)[number];

export const IMAGE_RESOLUTIONS = ['1k', '1.5k', '2k'] as const; // 1.5k: newest spec only
export type ImageResolution = (typeof IMAGE_RESOLUTIONS)[number];

export const IMAGE_RESPONSE_FORMATS = ['url', 'b64_json'] as const;
export type ImageResponseFormat = (typeof IMAGE_RESPONSE_FORMATS)[number];

export const VIDEO_ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3'] as const;
export type VideoAspectRatio = (typeof VIDEO_ASPECT_RATIOS)[number];

export const VIDEO_RESOLUTIONS = ['480p', '720p', '1080p'] as const;
export type VideoResolution = (typeof VIDEO_RESOLUTIONS)[number];

export const IMAGE_N_MIN = 1;
export const IMAGE_N_MAX = 10;
/** grok-imagine-image-2.0 takes 5 edit sources, the other image models 3 (imageModelInfo says which). */
export const EDIT_MAX_SOURCE_IMAGES = 5;
export const EDIT_MAX_SOURCE_IMAGES_DEFAULT = 3;
export const VIDEO_MAX_REFERENCE_IMAGES = 7;
export const VIDEO_DURATION = { min: 1, max: 15, default: 8 } as const;
export const VIDEO_EXTENSION_DURATION = { min: 2, max: 10, default: 6 } as const;
/** docs.x.ai, reference-to-video: "The maximum duration allowed when using reference images is 10 seconds." */
export const REFERENCE_VIDEO_MAX_SECONDS = 10;

/**
 * Voices (`reference_audios: [{voice_id}]`): grok-imagine-video-1.5 reference-to-video only, at most 3,
 * referred to as <AUDIO_0>… (imagine-api.md, second pass). xAI publishes no preset list for Imagine; its SDK
 * examples use `ara` and `eve`, and xAI's preset voices elsewhere are ara, eve, leo, rex, sal (docs.x.ai
 * voice guide, https://docs.x.ai/docs/guides/voice; Telnyx "xAI Grok voices"; OpenRouter's xAI provider
 * page). They are offered as suggestions; any other id may be typed.
 */
export const VOICE_MODEL = 'grok-imagine-video-1.5';
export const VIDEO_MAX_REFERENCE_AUDIOS = 3;
export const SUGGESTED_VOICES = ['ara', 'eve', 'leo', 'rex', 'sal'] as const;
/** Input images: JPEG, PNG or WebP, at most 10 MiB. */
export const INPUT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const INPUT_IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const IMAGE_QUALITIES = ['low', 'medium', 'auto'] as const;
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];

/** Ratios only grok-imagine-image-2.0 accepts (shared/docs/imagine-api.md, "Changes since"). */
export const IMAGE_2_ONLY_RATIOS: readonly ImageAspectRatio[] = ['21:9', '5:2'];

/**
 * What an image model can do. This bundled table is the offline fallback of the live catalogue
 * (lib/catalog): the listing endpoints name the models a key may use, this table says what each can do.
 */
export interface ImageModelInfo {
  /** Sends `quality` (low | medium | auto); billed at the quality served. */
  qualities?: readonly ImageQuality[];
  maxEditSources: number;
  aspectRatios: readonly ImageAspectRatio[];
  resolutions: readonly ImageResolution[];
  /** A retired slug the server still accepts, and what actually serves it. */
  servedBy?: { model: string; quality?: ImageQuality };
}

const RATIOS_1 = IMAGE_ASPECT_RATIOS.filter((r) => !IMAGE_2_ONLY_RATIOS.includes(r));
const IMAGE_2: ImageModelInfo = { qualities: IMAGE_QUALITIES, maxEditSources: 5, aspectRatios: IMAGE_ASPECT_RATIOS, resolutions: IMAGE_RESOLUTIONS };
const RETIRED_TO_2_LOW: ImageModelInfo = { ...IMAGE_2, qualities: undefined, servedBy: { model: 'grok-imagine-image-2.0', quality: 'low' } };

export const IMAGE_MODELS = {
  'grok-imagine-image-2.0': IMAGE_2,
  'grok-imagine-image': { maxEditSources: 3, aspectRatios: RATIOS_1, resolutions: IMAGE_RESOLUTIONS },
  // Retired 2026-11-02: still resolves, served by 2.0 at quality "low" (and -pro follows it there).
  'grok-imagine-image-quality': RETIRED_TO_2_LOW,
  'grok-imagine-image-pro': RETIRED_TO_2_LOW,
} as const satisfies Record<string, ImageModelInfo>;
export type KnownImageModel = keyof typeof IMAGE_MODELS;

export type VideoInput = 'text' | 'image' | 'reference';

export interface VideoModelInfo {
  resolutions: readonly VideoResolution[];
  /** Which generation inputs it takes: text-to-video, image-to-video, reference-to-video. */
  inputs: readonly VideoInput[];
  maxReferenceImages: number;
  /** Reference-to-video stays at or below this resolution. */
  referenceMaxResolution: VideoResolution;
  duration: { min: number; max: number };
}

const VIDEO_COMMON = { inputs: ['text', 'image', 'reference'], maxReferenceImages: VIDEO_MAX_REFERENCE_IMAGES, referenceMaxResolution: '720p', duration: VIDEO_DURATION } as const;

export const VIDEO_MODELS = {
  'grok-imagine-video': { ...VIDEO_COMMON, resolutions: ['480p', '720p'] },
  'grok-imagine-video-1.5': { ...VIDEO_COMMON, resolutions: ['480p', '720p', '1080p'] },
  // "A cheaper 1.5-lite exists": nothing more is documented, so it gets 1.5's inputs without 1080p.
  'grok-imagine-video-1.5-lite': { ...VIDEO_COMMON, resolutions: ['480p', '720p'] },
} as const satisfies Record<string, VideoModelInfo>;
export type KnownVideoModel = keyof typeof VIDEO_MODELS;

export const DEFAULT_IMAGE_MODEL: KnownImageModel = 'grok-imagine-image';
export const DEFAULT_VIDEO_MODEL: KnownVideoModel = 'grok-imagine-video';

/** Lookup that works for free-form model strings: undefined means "a model we don't know". */
export function imageModelInfo(model: string): ImageModelInfo | undefined {
  return Object.hasOwn(IMAGE_MODELS, model) ? IMAGE_MODELS[model as KnownImageModel] : undefined;
}

export function videoModelInfo(model: string): VideoModelInfo | undefined {
  return Object.hasOwn(VIDEO_MODELS, model) ? VIDEO_MODELS[model as KnownVideoModel] : undefined;
}
