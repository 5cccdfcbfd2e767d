import type { ErrorReply } from '../provider';
import { invalidArgument, modelNotFound } from './errors';

/** 1 USD = 10^10 ticks (usage.cost_in_usd_ticks). */
export const TICKS_PER_USD = 10_000_000_000;

export const usdToTicks = (usd: number): number => Math.round(usd * TICKS_PER_USD);

export type Quality = 'low' | 'medium';
export type ImageResolution = '1k' | '1.5k' | '2k';
export type VideoResolution = '480p' | '720p' | '1080p';

/**
 * The emulator's own model table, from shared/docs/imagine-api.md ("Changes since" overrides the older
 * list). It is deliberately separate from the extension's tables: the emulator follows the documents, and
 * a client that disagrees with them must fail its tests.
 */
export interface ImageModel {
  family: 'image';
  id: string;
  /** The model that answers (and names itself in `model`): a retired slug is served by its successor. */
  servedAs: string;
  /** Takes `quality` (2.0). A retired slug served by 2.0 is pinned to `pinnedQuality` instead. */
  takesQuality: boolean;
  pinnedQuality?: Quality;
  maxEditSources: number;
  /** 21:9 and 5:2 are 2.0's. */
  wideRatios: boolean;
  /** USD per output image, by resolution and the quality served (1.0 has one price). */
  usdPerImage: Record<ImageResolution, Record<Quality, number>>;
  usdPerInputImage: number;
  maxPromptChars: number;
}

export interface VideoModel {
  family: 'video';
  id: string;
  usdPerSecond: Partial<Record<VideoResolution, number>>;
  usdPerInputImage: number;
  resolutions: readonly VideoResolution[];
  /** Reference-to-video stays at or below 720p. */
  referenceResolutions: readonly VideoResolution[];
}

type Model = ImageModel | VideoModel;

const same = (usd: number): Record<Quality, number> => ({ low: usd, medium: usd });
// 2.0: "1K low $0.04, 1K medium and 2K low $0.06, 2K medium $0.08, plus $0.01 per input image". 1.5k is
// unpriced in the doc: the emulator bills it as 2k (the least convenient reading for an estimate).
const IMAGE_2_PRICES: ImageModel['usdPerImage'] = { '1k': { low: 0.04, medium: 0.06 }, '1.5k': { low: 0.06, medium: 0.08 }, '2k': { low: 0.06, medium: 0.08 } };
const IMAGE_2: Omit<ImageModel, 'id'> = {
  family: 'image',
  servedAs: 'grok-imagine-image-2.0',
  takesQuality: true,
  maxEditSources: 5,
  wideRatios: true,
  usdPerImage: IMAGE_2_PRICES,
  usdPerInputImage: 0.01,
  maxPromptChars: 1024,
};
const RETIRED: Omit<ImageModel, 'id'> = { ...IMAGE_2, takesQuality: false, pinnedQuality: 'low' };
const REFERENCE_MAX: readonly VideoResolution[] = ['480p', '720p'];

const MODELS: Record<string, Model> = {
  'grok-imagine-image-2.0': { ...IMAGE_2, id: 'grok-imagine-image-2.0' },
  'grok-imagine-image': {
    family: 'image',
    id: 'grok-imagine-image',
    servedAs: 'grok-imagine-image',
    takesQuality: false,
    maxEditSources: 3,
    wideRatios: false,
    usdPerImage: { '1k': same(0.02), '1.5k': same(0.02), '2k': same(0.02) },
    usdPerInputImage: 0.002,
    maxPromptChars: 1024,
  },
  // Retired 2026-11-02: "served by grok-imagine-image-2.0 at quality low, at 2.0's price"; -pro follows.
  'grok-imagine-image-quality': { ...RETIRED, id: 'grok-imagine-image-quality' },
  'grok-imagine-image-pro': { ...RETIRED, id: 'grok-imagine-image-pro' },
  // "480p $0.05/s, 720p about $0.07/s, input image $0.002".
  'grok-imagine-video': {
    family: 'video',
    id: 'grok-imagine-video',
    usdPerSecond: { '480p': 0.05, '720p': 0.07 },
    usdPerInputImage: 0.002,
    resolutions: ['480p', '720p'],
    referenceResolutions: REFERENCE_MAX,
  },
  // The doc gives no per-resolution numbers for 1.5: resellers list 480p $0.08/s, 720p $0.14/s and $0.01
  // per input image (fal.ai, Runware model pages); 1080p is unpriced anywhere, billed at $0.25/s here.
  'grok-imagine-video-1.5': {
    family: 'video',
    id: 'grok-imagine-video-1.5',
    usdPerSecond: { '480p': 0.08, '720p': 0.14, '1080p': 0.25 },
    usdPerInputImage: 0.01,
    resolutions: ['480p', '720p', '1080p'],
    referenceResolutions: REFERENCE_MAX,
  },
  // "A cheaper 1.5-lite exists", unpriced: billed as grok-imagine-video, at most 720p.
  'grok-imagine-video-1.5-lite': {
    family: 'video',
    id: 'grok-imagine-video-1.5-lite',
    usdPerSecond: { '480p': 0.05, '720p': 0.07 },
    usdPerInputImage: 0.002,
    resolutions: ['480p', '720p'],
    referenceResolutions: REFERENCE_MAX,
  },
};

const DEFAULTS = { image: 'grok-imagine-image', video: 'grok-imagine-video' } as const;

export const listModels = (family: Model['family']): Model[] => Object.values(MODELS).filter((model) => model.family === family);

export function resolveImageModel(requested: string | undefined): ImageModel | ErrorReply {
  const model = Object.hasOwn(MODELS, requested ?? DEFAULTS.image) ? MODELS[requested ?? DEFAULTS.image] : undefined;
  if (!model) return modelNotFound(requested ?? '');
  if (model.family !== 'image') return invalidArgument(`Model ${model.id} does not support image generation.`);
  return model;
}

export function resolveVideoModel(requested: string | undefined): VideoModel | ErrorReply {
  const model = Object.hasOwn(MODELS, requested ?? DEFAULTS.video) ? MODELS[requested ?? DEFAULTS.video] : undefined;
  if (!model) return modelNotFound(requested ?? '');
  if (model.family !== 'video') return invalidArgument(`Model ${model.id} does not support video generation.`);
  return model;
}

/**
 * The quality a request is served at: the pinned one for a retired slug, the requested one for 2.0, and
 * for `auto` (or no quality) "low for generations and medium for edits". Rejects `quality` on a model
 * that has no such field.
 */
export function servedQuality(model: ImageModel, requested: string | null | undefined, kind: 'generation' | 'edit'): Quality | ErrorReply {
  if (model.pinnedQuality) return model.pinnedQuality;
  if (!model.takesQuality) return requested == null ? 'low' : invalidArgument(`Argument not supported: quality (model ${model.id}).`);
  if (requested === 'low' || requested === 'medium') return requested;
  return kind === 'generation' ? 'low' : 'medium';
}

export function isErrorReply<T extends object>(value: T | ErrorReply): value is ErrorReply {
  return 'type' in value && value.type === 'error';
}
