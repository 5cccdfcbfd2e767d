import type { ErrorReply } from '../provider';
import { invalidArgument, modelNotFound } from './errors';

/** 1 USD = 10^10 ticks (usage.cost_in_usd_ticks). */
export const TICKS_PER_USD = 10_000_000_000;

export const usdToTicks = (usd: number): number => Math.round(usd * TICKS_PER_USD);

export interface ImageModel {
  family: 'image';
  id: string;
  usdPerImage: number;
  maxPromptChars: number;
}

export interface VideoModel {
  family: 'video';
  id: string;
  usdPerSecond: number;
  resolutions: readonly string[];
}

type Model = ImageModel | VideoModel;

// Prices from the doc's model table. grok-imagine-image-pro is the deprecated alias of -quality.
const MODELS: Record<string, Model> = {
  'grok-imagine-image': { family: 'image', id: 'grok-imagine-image', usdPerImage: 0.02, maxPromptChars: 1024 },
  'grok-imagine-image-quality': { family: 'image', id: 'grok-imagine-image-quality', usdPerImage: 0.05, maxPromptChars: 1024 },
  'grok-imagine-image-pro': { family: 'image', id: 'grok-imagine-image-pro', usdPerImage: 0.05, maxPromptChars: 1024 },
  'grok-imagine-video': { family: 'video', id: 'grok-imagine-video', usdPerSecond: 0.05, resolutions: ['480p', '720p'] },
  'grok-imagine-video-1.5': {
    family: 'video',
    id: 'grok-imagine-video-1.5',
    usdPerSecond: 0.08,
    resolutions: ['480p', '720p', '1080p'],
  },
};

/**
 * Edits are "billed for both the input image and the generated output image" (vendor pages); the doc gives
 * no input price, so the emulator charges a tenth of the cheapest output price per input image.
 */
export const USD_PER_INPUT_IMAGE = 0.002;

const DEFAULTS = { image: 'grok-imagine-image', video: 'grok-imagine-video' } as const;

export function resolveImageModel(requested: string | undefined): ImageModel | ErrorReply {
  const model = MODELS[requested ?? DEFAULTS.image];
  if (!model) return modelNotFound(requested ?? '');
  if (model.family !== 'image') return invalidArgument(`Model ${model.id} does not support image generation.`);
  return model;
}

export function resolveVideoModel(requested: string | undefined): VideoModel | ErrorReply {
  const model = MODELS[requested ?? DEFAULTS.video];
  if (!model) return modelNotFound(requested ?? '');
  if (model.family !== 'video') return invalidArgument(`Model ${model.id} does not support video generation.`);
  return model;
}

export function isErrorReply<T extends object>(value: T | ErrorReply): value is ErrorReply {
  return 'type' in value && value.type === 'error';
}
