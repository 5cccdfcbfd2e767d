import { imageModelInfo, type ImageQuality, type ImageResolution, type VideoResolution } from '../model/imagine-models';
import type { JobRequest } from '../model/request';
import { visionEstimateUsd } from './vision-models';
import { AUTO_SERVES, imageInputUsd, imageOutputUsd, videoPrice } from './prices';
import { formatNumber, t } from '../i18n';

/**
 * What a request will cost, line by line, from the one price table (prices.ts). `usd` is what the daily
 * cap reserves: the top of the range when the server picks (quality auto) or when an input we can't see
 * decides (a video edit's length and resolution).
 */
export interface CostEstimate {
  usd: number;
  lines: string[];
  /** Set when the bill depends on what the server picks. */
  range?: { min: number; max: number };
}

/** Longest input a video edit accepts; the estimate when the source's length is unknown. */
const MAX_EDIT_INPUT_S = 8.7;
/** Video edits and extensions come out at most 720p (their input's resolution, which we don't know). */
const EDIT_OUTPUT_MAX: VideoResolution = '720p';

/** Prices as the vendors list them: up to a tenth of a cent below $0.10 ("$0.065"), cents above. */
export const formatPrice = (usd: number) => formatNumber(usd, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: usd < 0.1 ? 3 : 2 });
const images = (n: number) => t('pricing.images', n, { count: formatNumber(n) });
const inputImages = (n: number) => t('pricing.inputImages', n, { count: formatNumber(n) });
const seconds = (n: number) => t('pricing.seconds', { count: formatNumber(n) });
const round4 = (usd: number) => Math.round(usd * 10_000) / 10_000;

/** Undefined when the model (or the combination asked for) has no known price. */
export function estimateRequest(request: JobRequest): CostEstimate | undefined {
  switch (request.mode) {
    case 'create-image':
      return imageEstimate(request.model, request.resolution, request.quality, request.n, 0, 'generation');
    case 'edit-image':
      return imageEstimate(request.model, request.resolution, request.quality, request.n, request.sources.length, 'edit');
    case 'create-video':
      return videoEstimate(request.model, request.resolution, request.duration, 0);
    case 'animate-image':
      return videoEstimate(request.model, request.resolution, request.duration, 1);
    case 'reference-video':
      return videoEstimate(request.model, request.resolution, request.duration, request.sources.length);
    case 'edit-video':
      return videoEstimate(request.model, maxEditResolution(request.model), MAX_EDIT_INPUT_S, 0, t('pricing.upToInputLength', { seconds: seconds(MAX_EDIT_INPUT_S) }));
    case 'extend-video':
      return videoEstimate(request.model, maxEditResolution(request.model), request.duration, 0, t('pricing.secondsAdded', { seconds: seconds(request.duration) }));
    case 'describe-image': {
      const usd = round4(visionEstimateUsd(request.model, request.sources.length, request.prompt.length + 2000));
      return { usd, lines: [t('pricing.visionLine', { images: images(request.sources.length), model: request.model, price: formatPrice(usd) })] };
    }
  }
}

function imageEstimate(
  model: string,
  resolution: ImageResolution,
  quality: ImageQuality | undefined,
  n: number,
  inputs: number,
  kind: 'generation' | 'edit',
): CostEstimate | undefined {
  const info = imageModelInfo(model);
  const takesQuality = info?.qualities !== undefined;
  const asked = takesQuality ? (quality ?? 'auto') : undefined;
  const served = (q: 'low' | 'medium') => imageOutputUsd(model, resolution, takesQuality ? q : 'standard');
  const low = served('low');
  const medium = takesQuality ? served('medium') : low;
  const inputUsd = inputs > 0 ? imageInputUsd(model) : 0;
  if (low === undefined || medium === undefined || inputUsd === undefined) return undefined;
  const perImage = asked === 'auto' || asked === 'medium' ? medium : low;
  const high = medium;
  const lines: string[] = [];
  const what = [resolution, asked === 'auto' ? t('pricing.autoQuality', { quality: AUTO_SERVES[kind], low: formatPrice(low), high: formatPrice(high) }) : asked, info?.servedBy ? t('cost.servedBy', { model: `${info.servedBy.model} ${info.servedBy.quality ?? ''}`.trim() }) : undefined]
    .filter(Boolean)
    .join(', ');
  lines.push(t('pricing.imageLine', { images: images(n), price: formatPrice(perImage), details: what }));
  if (inputs > 0) lines.push(t('pricing.inputLine', { images: inputImages(inputs), price: formatPrice(inputUsd) }));
  const usd = round4(n * perImage + inputs * inputUsd);
  return asked === 'auto' ? { usd, lines, range: { min: round4(n * low + inputs * inputUsd), max: usd } } : { usd, lines };
}

function videoEstimate(model: string, resolution: VideoResolution, duration: number, inputs: number, secondsLabel?: string): CostEstimate | undefined {
  const price = videoPrice(model);
  const perSecond = price?.perSecond[resolution];
  if (!price || perSecond === undefined) return undefined;
  const lines = [t('pricing.videoLine', { duration: secondsLabel ?? seconds(duration), price: formatPrice(perSecond), resolution })];
  if (inputs > 0) lines.push(t('pricing.inputLine', { images: inputImages(inputs), price: formatPrice(price.inputImage) }));
  return { usd: round4(duration * perSecond + inputs * price.inputImage), lines };
}

/** The highest resolution a video edit/extension can come out at for this model (≤ 720p). */
function maxEditResolution(model: string): VideoResolution {
  const per = videoPrice(model)?.perSecond;
  return per?.[EDIT_OUTPUT_MAX] !== undefined ? EDIT_OUTPUT_MAX : '480p';
}
