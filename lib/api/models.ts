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
/** Some docs say 5; the spec and the emulator agree on 3. */
export const EDIT_MAX_SOURCE_IMAGES = 3;
export const VIDEO_MAX_REFERENCE_IMAGES = 7;
export const VIDEO_DURATION = { min: 1, max: 15, default: 8 } as const;
export const VIDEO_EXTENSION_DURATION = { min: 2, max: 10, default: 6 } as const;
/** Input images: JPEG, PNG or WebP, at most 10 MiB. */
export const INPUT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const INPUT_IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface ImageModelInfo {
  usdPerImage: number;
  /** Set when the id is a deprecated alias that the server still accepts. */
  aliasOf?: string;
}

export const IMAGE_MODELS = {
  'grok-imagine-image': { usdPerImage: 0.02 },
  'grok-imagine-image-quality': { usdPerImage: 0.05 },
  'grok-imagine-image-pro': { usdPerImage: 0.05, aliasOf: 'grok-imagine-image-quality' },
} as const satisfies Record<string, ImageModelInfo>;
export type KnownImageModel = keyof typeof IMAGE_MODELS;

export interface VideoModelInfo {
  usdPerSecond: number;
  resolutions: readonly VideoResolution[];
}

export const VIDEO_MODELS = {
  'grok-imagine-video': { usdPerSecond: 0.05, resolutions: ['480p', '720p'] },
  'grok-imagine-video-1.5': { usdPerSecond: 0.08, resolutions: ['480p', '720p', '1080p'] },
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
