import type { z } from 'zod';
import { EDIT_MAX_SOURCE_IMAGES_DEFAULT, imageModelInfo, VOICE_MODEL, videoModelInfo } from './imagine-models';
import { videoLimits } from './video-limits';
import { formatNumber, t } from '../i18n';

/**
 * The request schema's cross-field rules (request.ts runs them in its superRefine): what one field allows
 * depends on the mode, the model or another field. Each adds its issue on the field the user must change.
 */

/** What a region edit needs to know of a source: its size, when known. */
type Picture = { width?: number | undefined; height?: number | undefined };

/**
 * Duration and resolution as the mode and model accept them (video-limits.ts): reference-to-video at most
 * 10 s and 720p, 1080p only where the model advertises it. The service answers anything else with a 400.
 */
export function checkVideoLimits(req: { mode: 'create-video' | 'animate-image' | 'reference-video'; model: string; duration: number; resolution: string }, ctx: z.RefinementCtx) {
  const limits = videoLimits(req.mode, req.model);
  if (!(limits.resolutions as readonly string[]).includes(req.resolution)) {
    const message =
      req.mode === 'reference-video' && videoModelInfo(req.model)?.resolutions.includes(req.resolution as never)
        ? t('validation.referenceResolutionMax', { resolutions: limits.resolutions.join(', ') })
        : t('validation.resolutionNeeds', { model: req.model, resolutions: limits.resolutions.join(', ') });
    ctx.addIssue({ code: 'custom', path: ['resolution'], message });
  }
  const range = limits.duration;
  if (range && (req.duration < range.min || req.duration > range.max)) {
    const message =
      req.mode === 'reference-video' && req.duration > range.max
        ? t('validation.referenceDurationMax', { max: formatNumber(range.max) })
        : t('validation.durationRange', { min: formatNumber(range.min), max: formatNumber(range.max) });
    ctx.addIssue({ code: 'custom', path: ['duration'], message });
  }
}

/** Voices only on grok-imagine-video-1.5 reference-to-video; every <AUDIO_n> in the prompt names one of them. */
export function checkVoices(req: { model: string; prompt: string; voices?: string[] | undefined }, ctx: z.RefinementCtx) {
  const count = req.voices?.length ?? 0;
  if (count > 0 && req.model.trim() !== VOICE_MODEL) {
    ctx.addIssue({ code: 'custom', path: ['voices'], message: t('validation.voicesNeedModel', { model: VOICE_MODEL }) });
  }
  const past = [...req.prompt.matchAll(/<AUDIO_(\d+)>/g)].find((match) => Number(match[1]) >= count);
  if (past) ctx.addIssue({ code: 'custom', path: ['prompt'], message: t('validation.audioTagUnknown', { tag: past[0], count: formatNumber(count) }) });
}

/** A region edit is drawn on exactly one picture, at that picture's size. */
export function checkArea(req: { sources: Picture[]; area?: { width: number; height: number }; areaSource?: { original: Picture } }, ctx: z.RefinementCtx) {
  if (req.sources.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['area'], message: t('validation.areaOneSource') });
    return;
  }
  const picture = req.areaSource?.original ?? req.sources[0];
  if (picture?.width !== undefined && picture.height !== undefined && req.area && (picture.width !== req.area.width || picture.height !== req.area.height)) {
    ctx.addIssue({ code: 'custom', path: ['area'], message: t('validation.areaSizeMismatch') });
  }
}

/** A known image model's own limits: edit sources (5 for 2.0, 3 otherwise), ratios, quality. */
export function checkImageModel(req: { model: string; sources?: unknown[]; aspectRatio?: string | undefined; quality?: string | undefined }, ctx: z.RefinementCtx) {
  const known = imageModelInfo(req.model);
  if (!known) return;
  const maxSources = known.maxEditSources ?? EDIT_MAX_SOURCE_IMAGES_DEFAULT;
  if (req.sources && req.sources.length > maxSources) {
    ctx.addIssue({ code: 'custom', path: ['sources'], message: t('validation.atMostSourcesForModel', { max: formatNumber(maxSources), model: req.model }) });
  }
  if (req.aspectRatio !== undefined && !(known.aspectRatios as readonly string[]).includes(req.aspectRatio)) {
    ctx.addIssue({ code: 'custom', path: ['aspectRatio'], message: t('validation.aspectRatioNeeds', { model: req.model, ratio: req.aspectRatio }) });
  }
  if (req.quality !== undefined && !known.qualities) {
    ctx.addIssue({ code: 'custom', path: ['quality'], message: t('validation.noQuality', { model: req.model }) });
  }
}
