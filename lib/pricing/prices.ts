import type { ImageQuality, ImageResolution, VideoResolution } from '../model/imagine-models';

/**
 * Every price Reimagine knows, in USD, with where it comes from. Estimates (lib/pricing/estimate.ts), the
 * daily cap and the emulator's bills all read this one table. Where no source gives a number, the entry
 * says so and takes the higher plausible reading: an estimate that errs high keeps the cap honest.
 *
 * Sources:
 * - [xai-2026-12] shared/docs/imagine-api.md, "Changes since" (xAI release notes and model pages, 2026-12):
 *   image 2.0 "1K low $0.04, 1K medium and 2K low $0.06, 2K medium $0.08, plus $0.01 per input image";
 *   image 1.0 $0.02, input image $0.002; grok-imagine-video 480p $0.05/s, 720p about $0.07/s, input image
 *   $0.002; a request without duration/resolution is billed at 8 s / 480p; moderated output is billed.
 * - [fal-1.5] https://fal.ai/models/xai/grok-imagine-video/v1.5/image-to-video/llms.txt and
 *   https://runware.ai/docs/models/xai-grok-imagine-video-1-5-preview: grok-imagine-video-1.5 480p $0.08/s,
 *   720p $0.14/s, $0.01 per input image.
 * - [krea] https://docs.krea.ai/api-reference/video/grok-imagine: grok-imagine-video 480p $0.05/s,
 *   720p $0.07/s (confirms [xai-2026-12]).
 * - [none] no published number; see the entry's note.
 */

/** Output price per image, by resolution and the quality actually served (`standard` = no quality field). */
type ServedQuality = Exclude<ImageQuality, 'auto'> | 'standard';

export interface ImagePrice {
  perImage: Record<ImageResolution, Partial<Record<ServedQuality, number>>>;
  inputImage: number;
  source: string;
}

export interface VideoPrice {
  perSecond: Partial<Record<VideoResolution, number>>;
  inputImage: number;
  source: string;
}

const flat = (usd: number) => ({ standard: usd });

export const IMAGE_PRICES: Record<string, ImagePrice> = {
  'grok-imagine-image-2.0': {
    // 1.5k has no published price [none]: priced as 2k, the next size up.
    perImage: { '1k': { low: 0.04, medium: 0.06 }, '1.5k': { low: 0.06, medium: 0.08 }, '2k': { low: 0.06, medium: 0.08 } },
    inputImage: 0.01,
    source: '[xai-2026-12]',
  },
  'grok-imagine-image': {
    perImage: { '1k': flat(0.02), '1.5k': flat(0.02), '2k': flat(0.02) },
    inputImage: 0.002,
    source: '[xai-2026-12]',
  },
};

export const VIDEO_PRICES: Record<string, VideoPrice> = {
  'grok-imagine-video': { perSecond: { '480p': 0.05, '720p': 0.07 }, inputImage: 0.002, source: '[xai-2026-12] [krea]' },
  // 1080p has no published price [none]: 720p × 1.75, the same step as 480p → 720p, rounded up to $0.25/s.
  'grok-imagine-video-1.5': { perSecond: { '480p': 0.08, '720p': 0.14, '1080p': 0.25 }, inputImage: 0.01, source: '[fal-1.5]' },
  // "A cheaper 1.5-lite exists" [xai-2026-12], no number [none]: priced as grok-imagine-video, whose
  // documented rates are the cheapest of the family (so "cheaper than 1.5" holds).
  'grok-imagine-video-1.5-lite': { perSecond: { '480p': 0.05, '720p': 0.07 }, inputImage: 0.002, source: '[none]' },
};

/** Retired slugs bill as what serves them: grok-imagine-image-quality/-pro → 2.0 at quality low. */
export const SERVED_AS: Record<string, { model: string; quality: Exclude<ImageQuality, 'auto'> }> = {
  'grok-imagine-image-quality': { model: 'grok-imagine-image-2.0', quality: 'low' },
  'grok-imagine-image-pro': { model: 'grok-imagine-image-2.0', quality: 'low' },
};

/** `auto` is served as low for generations and medium for edits [xai-2026-12]. */
export const AUTO_SERVES: Record<'generation' | 'edit', Exclude<ImageQuality, 'auto'>> = { generation: 'low', edit: 'medium' };

export const VIDEO_DEFAULTS = { durationS: 8, resolution: '480p' } as const;

/** Output price of one image, or undefined for a model or combination with no known price. */
export function imageOutputUsd(model: string, resolution: ImageResolution, quality: ServedQuality | undefined): number | undefined {
  const served = Object.hasOwn(SERVED_AS, model) ? SERVED_AS[model] : undefined;
  const price = IMAGE_PRICES[served?.model ?? model];
  if (!price || !Object.hasOwn(IMAGE_PRICES, served?.model ?? model)) return undefined;
  const row = price.perImage[resolution];
  return row.standard ?? row[served?.quality ?? (quality === 'standard' ? 'low' : (quality ?? 'low'))];
}

export function imageInputUsd(model: string): number | undefined {
  const key = Object.hasOwn(SERVED_AS, model) ? SERVED_AS[model]!.model : model;
  return Object.hasOwn(IMAGE_PRICES, key) ? IMAGE_PRICES[key]!.inputImage : undefined;
}

export function videoPrice(model: string): VideoPrice | undefined {
  return Object.hasOwn(VIDEO_PRICES, model) ? VIDEO_PRICES[model] : undefined;
}
