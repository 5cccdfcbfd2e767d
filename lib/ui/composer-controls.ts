import { EDIT_MAX_SOURCE_IMAGES_DEFAULT, VOICE_MODEL, imageModelInfo, videoModelInfo } from '../model/imagine-models';
import { MODE_INFO, type Mode } from '../model/modes';
import type { SourceRef } from '../model/request';
import { videoLimits } from '../model/video-limits';
import type { Capabilities } from '../providers/types';

/**
 * Which composer controls and choices a mode, a model and the selected provider allow: the controls shown,
 * ratios, durations, resolutions, how many sources and how they are tagged. Pure; the draft itself and how it
 * becomes a request are in composer-draft.ts.
 */

export type Control = 'model' | 'count' | 'aspectRatio' | 'resolution' | 'quality' | 'duration' | 'outputFormat' | 'sound' | 'voices';

/** The controls a mode shows (everything else is hidden, not disabled). */
export function controlsFor(mode: Mode, sourceCount: number, caps?: Capabilities, model?: string): Control[] {
  const out: Control[] = ['model'];
  switch (mode) {
    case 'create-image':
      out.push('count', 'aspectRatio', 'resolution');
      break;
    case 'edit-image':
      out.push('count', ...(sourceCount > 1 ? (['aspectRatio'] as const) : []), 'resolution');
      break;
    case 'create-video':
    case 'reference-video':
      out.push('duration', 'aspectRatio', 'resolution');
      break;
    case 'animate-image':
      out.push('duration', 'resolution');
      break;
    case 'extend-video':
      out.push('duration');
      break;
    case 'edit-video':
      break;
  }
  if (MODE_INFO[mode].output === 'video' && caps?.soundOff) out.push('sound');
  if (takesVoices(mode, model, caps)) out.push('voices');
  if (MODE_INFO[mode].output === 'image' && takesQuality(model)) out.push('quality');
  if (MODE_INFO[mode].output === 'image' && (caps?.outputFormats.length ?? 0) > 1) out.push('outputFormat');
  return out;
}

/** Known models that take `quality` (2.0); a typed unknown model gets no quality control. */
export const takesQuality = (model: string | undefined) => model !== undefined && imageModelInfo(model.trim())?.qualities !== undefined;

/** The Voice picker: only Video from references on grok-imagine-video-1.5, with a provider that sends voices (xAI). */
export const takesVoices = (mode: Mode, model: string | undefined, caps?: Capabilities) =>
  mode === 'reference-video' && model?.trim() === VOICE_MODEL && caps?.soundOff === true;

/** Image aspect ratios for the selected model: 21:9 and 5:2 only where it takes them. */
export function imageRatiosFor(model: string, caps: Capabilities): readonly string[] {
  const known = imageModelInfo(model.trim());
  return known ? caps.imageAspectRatios.filter((r) => (known.aspectRatios as readonly string[]).includes(r)) : caps.imageAspectRatios;
}

/** How many sources the mode takes with this provider and (when known) this model: 5 for 2.0, 3 otherwise. */
export function maxSources(mode: Mode, caps?: Capabilities, model?: string): number {
  const max = MODE_INFO[mode].sources.max;
  if (!caps) return max;
  if (mode === 'edit-image') {
    const perModel = model === undefined ? caps.maxEditSources : (imageModelInfo(model.trim())?.maxEditSources ?? EDIT_MAX_SOURCE_IMAGES_DEFAULT);
    return Math.min(max, caps.maxEditSources, perModel);
  }
  if (mode === 'reference-video') {
    const perModel = model === undefined ? undefined : videoModelInfo(model.trim())?.maxReferenceImages;
    return Math.min(max, caps.maxReferenceImages, perModel ?? Infinity);
  }
  return max;
}

/**
 * Durations the draft's video model takes in this mode with this provider (lib/model/video-limits.ts within
 * the provider's range): reference-to-video stops at 10 s.
 */
export function videoDurationFor(model: string, caps: Capabilities, mode: Mode = 'create-video'): { min: number; max: number } {
  const own = videoLimits(mode, model).duration ?? caps.videoDuration;
  if (mode === 'extend-video') return own;
  return { min: Math.max(caps.videoDuration.min, own.min), max: Math.min(caps.videoDuration.max, own.max) };
}

/** Resolutions offered for the draft's video model in this mode: 1080p only where the model advertises it, never for references. */
export function videoResolutionsFor(model: string, caps: Capabilities, mode: Mode = 'create-video'): readonly string[] {
  const own: readonly string[] = videoLimits(mode, model).resolutions;
  return caps.videoResolutions.filter((r) => own.includes(r));
}

/** Multi-image prompts refer to sources as <IMAGE_0>, <IMAGE_1>…; only shown where that applies. */
export function sourceTag(mode: Mode, index: number, count: number): string | undefined {
  if (mode === 'reference-video' || (mode === 'edit-image' && count > 1)) return `<IMAGE_${index}>`;
  return undefined;
}

/** A mode switch keeps only the sources the new mode can use, in order, up to its maximum. */
export function sourcesForMode(sources: SourceRef[], mode: Mode, caps?: Capabilities, model?: string): SourceRef[] {
  const kind = MODE_INFO[mode].sources.kind;
  return sources.filter((s) => s.mimeType.startsWith('video/') === (kind === 'video')).slice(0, maxSources(mode, caps, model));
}
