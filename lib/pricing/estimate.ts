import { imageModelInfo, type ImageQuality, type ImageResolution, type VideoResolution } from '../api/models';
import type { JobRequest } from '../jobs/request';
import { visionEstimateUsd } from '../vision/models';
import { AUTO_SERVES, imageInputUsd, imageOutputUsd, videoPrice } from './prices';

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

export const formatPrice = (usd: number) => `$${usd < 0.1 ? usd.toFixed(3).replace(/0$/, '') : usd.toFixed(2)}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
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
      return videoEstimate(request.model, maxEditResolution(request.model), MAX_EDIT_INPUT_S, 0, 'up to 8.7 s (the input’s length)');
    case 'extend-video':
      return videoEstimate(request.model, maxEditResolution(request.model), request.duration, 0, `${request.duration} s added`);
    case 'describe-image': {
      const usd = round4(visionEstimateUsd(request.model, request.sources.length, request.prompt.length + 2000));
      return { usd, lines: [`${plural(request.sources.length, 'image')} read by ${request.model}: up to ${formatPrice(usd)}`] };
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
  const what = [resolution, asked === 'auto' ? `auto: ${AUTO_SERVES[kind]} per the docs, ${formatPrice(low)}–${formatPrice(high)}` : asked, info?.servedBy ? `served by ${info.servedBy.model} ${info.servedBy.quality ?? ''}`.trim() : undefined]
    .filter(Boolean)
    .join(', ');
  lines.push(`${plural(n, 'image')} × ${formatPrice(perImage)} (${what})`);
  if (inputs > 0) lines.push(`${plural(inputs, 'input image')} × ${formatPrice(inputUsd)}`);
  const usd = round4(n * perImage + inputs * inputUsd);
  return asked === 'auto' ? { usd, lines, range: { min: round4(n * low + inputs * inputUsd), max: usd } } : { usd, lines };
}

function videoEstimate(model: string, resolution: VideoResolution, seconds: number, inputs: number, secondsLabel?: string): CostEstimate | undefined {
  const price = videoPrice(model);
  const perSecond = price?.perSecond[resolution];
  if (!price || perSecond === undefined) return undefined;
  const lines = [`${secondsLabel ?? `${seconds} s`} × ${formatPrice(perSecond)}/s (${resolution})`];
  if (inputs > 0) lines.push(`${plural(inputs, 'input image')} × ${formatPrice(price.inputImage)}`);
  return { usd: round4(seconds * perSecond + inputs * price.inputImage), lines };
}

/** The highest resolution a video edit/extension can come out at for this model (≤ 720p). */
function maxEditResolution(model: string): VideoResolution {
  const per = videoPrice(model)?.perSecond;
  return per?.[EDIT_OUTPUT_MAX] !== undefined ? EDIT_OUTPUT_MAX : '480p';
}
