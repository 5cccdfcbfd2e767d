import { VIDEO_EXTENSION_DURATION, type ImageQuality } from '../model/imagine-models';
import { estimateRequest, type CostEstimate } from '../pricing/estimate';
import { MODE_INFO, MODES, type Mode } from '../model/modes';
import { jobRequestSchema, validationMessages, type JobRequest, type SourceRef } from '../model/request';
import { defaultModelsFor } from '../providers/default-models';
import type { Capabilities } from '../providers/types';
import type { Settings } from '../settings/schema';
import type { Area } from '../media/area/area';
import { formatNumber, t } from '../i18n';
import { controlsFor, maxSources, takesQuality, takesVoices, videoDurationFor } from './composer-controls';

/**
 * The composer's editable state and the pure functions around it: which controls apply to a mode, how a
 * draft becomes a `JobRequest`, and the inline messages for it. Validation runs the same zod schema the
 * background uses (`jobRequestSchema`), plus the selected provider's capabilities, so the panel never
 * sends what the background would refuse.
 */
export interface Draft {
  mode: Mode;
  prompt: string;
  sources: SourceRef[];
  imageModel: string;
  videoModel: string;
  n: number;
  imageAspectRatio: string;
  /** Multi-image edits only; '' = follow the inputs. */
  editAspectRatio: string;
  imageResolution: string;
  /** grok-imagine-image-2.0's quality; sent (always) only to models that take it. */
  quality: ImageQuality;
  outputFormat: string;
  videoAspectRatio: string;
  videoResolution: string;
  duration: number;
  extendDuration: number;
  /** Every video mode: sent as `sound: false` (→ generate_audio:false) only when off. */
  sound: boolean;
  /** Video from references on grok-imagine-video-1.5: preset voice ids, the prompt's <AUDIO_0>… */
  voices: string[];
  /** A region edit's area, tied to the source it was drawn on (lib/ui/area-picker-store.ts). */
  area?: { mediaId: string; area: Area } | undefined;
}
export function draftFromSettings(settings: Settings, mode: Mode = 'create-image'): Draft {
  const { image, video } = settings.defaults;
  const models = defaultModelsFor(settings);
  return {
    mode,
    prompt: '',
    sources: [],
    imageModel: models.image,
    videoModel: models.video,
    n: image.n,
    imageAspectRatio: image.aspectRatio,
    editAspectRatio: '',
    imageResolution: image.resolution,
    quality: image.quality,
    outputFormat: image.outputFormat,
    videoAspectRatio: video.aspectRatio,
    videoResolution: video.resolution,
    duration: video.duration,
    extendDuration: video.extendDuration ?? VIDEO_EXTENSION_DURATION.default,
    sound: video.sound ?? true,
    voices: [],
  };
}
export const modelOf = (draft: Draft) => (MODE_INFO[draft.mode].output === 'image' ? draft.imageModel : draft.videoModel);
/** The request a draft stands for: unvalidated (the schema decides). Only fields the mode takes. */
export function buildRequest(draft: Draft, caps?: Capabilities): unknown {
  const base = { mode: draft.mode, prompt: draft.prompt.trim(), model: modelOf(draft).trim() };
  const outputFormat = caps && caps.outputFormats.length > 1 ? { outputFormat: draft.outputFormat } : {};
  const quality = takesQuality(draft.imageModel) ? { quality: draft.quality } : {};
  const sound = draft.sound === false && caps?.soundOff ? { sound: false } : {};
  switch (draft.mode) {
    case 'create-image':
      return { ...base, n: draft.n, aspectRatio: draft.imageAspectRatio, resolution: draft.imageResolution, ...quality, ...outputFormat };
    case 'edit-image':
      return {
        ...base,
        sources: draft.sources,
        n: draft.n,
        resolution: draft.imageResolution,
        ...quality,
        ...(draft.sources.length > 1 && draft.editAspectRatio ? { aspectRatio: draft.editAspectRatio } : {}),
        ...outputFormat,
        ...(areaOf(draft) ? { area: areaOf(draft) } : {}),
      };
    case 'create-video':
      return { ...base, duration: draft.duration, aspectRatio: draft.videoAspectRatio, resolution: draft.videoResolution, ...sound };
    case 'animate-image':
      return { ...base, sources: draft.sources, duration: draft.duration, resolution: draft.videoResolution, ...sound };
    case 'reference-video':
      return {
        ...base,
        sources: draft.sources,
        duration: draft.duration,
        aspectRatio: draft.videoAspectRatio,
        resolution: draft.videoResolution,
        ...sound,
        // Voices stay in the draft across a model change but go out only where the picker is offered.
        ...(draft.voices.length && takesVoices(draft.mode, draft.videoModel, caps) ? { voices: draft.voices } : {}),
      };
    case 'edit-video':
      return { ...base, sources: draft.sources, ...sound };
    case 'extend-video':
      return { ...base, sources: draft.sources, duration: draft.extendDuration, ...sound };
  }
}
/** The draft's area while the picture it was drawn on is the edit's one source. */
export function areaOf(draft: Draft): Area | undefined {
  const [only] = draft.sources;
  return draft.mode === 'edit-image' && draft.area && draft.sources.length === 1 && only?.mediaId === draft.area.mediaId ? draft.area.area : undefined;
}
export type Validation = { ok: true; request: JobRequest } | { ok: false; fields: Record<string, string> };
/** Field → first message (keys: mode, prompt, model, n, aspectRatio, resolution, duration, sources, outputFormat). */
export function validateDraft(draft: Draft, caps?: Capabilities): Validation {
  const fields: Record<string, string> = {};
  const parsed = jobRequestSchema.safeParse(buildRequest(draft, caps));
  if (!parsed.success) Object.assign(fields, validationMessages(parsed.error));
  if (caps) {
    if (!caps.modes[draft.mode]) fields.mode ??= caps.unavailableReason[draft.mode] ?? t('validation.providerCannot');
    if (draft.prompt.length > caps.promptMaxLength) fields.prompt ??= t('composer.promptField.tooLong', { limit: formatNumber(caps.promptMaxLength, { useGrouping: false }) });
    const controls = controlsFor(draft.mode, draft.sources.length, caps, modelOf(draft));
    if (controls.includes('count') && draft.n > caps.maxCount) fields.n ??= t('validation.countRange', { min: formatNumber(1), max: formatNumber(caps.maxCount) });
    const max = maxSources(draft.mode, caps, modelOf(draft));
    if (draft.sources.length > max) fields.sources ??= t('validation.atMostSourcesForMode', max, { max: formatNumber(max), mode: MODE_INFO[draft.mode].label });
    if (controls.includes('duration') && draft.mode !== 'extend-video') {
      const { min, max: maxS } = videoDurationFor(modelOf(draft), caps, draft.mode);
      if (draft.duration < min || draft.duration > maxS) fields.duration ??= t('validation.durationRange', { min: formatNumber(min), max: formatNumber(maxS) });
    }
  }
  const kind = MODE_INFO[draft.mode].sources.kind;
  draft.sources.forEach((s, i) => {
    const isVideo = s.mimeType.startsWith('video/');
    if ((kind === 'video') !== isVideo) fields.sources ??= t(isVideo ? 'validation.sourceIsVideoNeedsImages' : 'validation.sourceIsImageNeedsVideo', { n: formatNumber(i + 1), mode: MODE_INFO[draft.mode].label });
  });
  if (Object.keys(fields).length > 0 || !parsed.success) return { ok: false, fields };
  return { ok: true, request: parsed.data };
}
/** Estimate shown before sending (with its breakdown); undefined = the draft is not complete yet. */
export function estimateDraft(draft: Draft, caps?: Capabilities): { estimate?: CostEstimate; model: string } | undefined {
  // The price does not depend on the words: show it before the prompt is written, so it is in view before
  // Generate (a stand-in prompt only for this check; what is sent is validated as typed).
  const priced = draft.prompt.trim() ? draft : { ...draft, prompt: 'x' };
  const parsed = jobRequestSchema.safeParse(buildRequest(priced, caps));
  if (!parsed.success) return undefined;
  const estimate = estimateRequest(parsed.data);
  return estimate ? { estimate, model: parsed.data.model } : { model: parsed.data.model };
}
export const isMode = (value: unknown): value is Mode => typeof value === 'string' && (MODES as readonly string[]).includes(value);
/** A past request back into the composer ("Edit prompt" on a failed job). */
export function draftPatchFromRequest(request: JobRequest): Partial<Draft> {
  // A description is not a generation: only its text comes back (as the prompt), in the mode it was for.
  if (request.mode === 'describe-image') return { mode: request.forMode ?? 'create-image', prompt: request.prompt };
  const patch: Partial<Draft> = { mode: request.mode, prompt: request.prompt, sources: 'sources' in request ? request.sources : [] };
  if (MODE_INFO[request.mode].output === 'image') patch.imageModel = request.model;
  else patch.videoModel = request.model;
  if ('n' in request) patch.n = request.n;
  if (request.mode === 'reference-video') patch.voices = request.voices ?? [];
  if (MODE_INFO[request.mode].output === 'video') patch.sound = !('sound' in request && request.sound === false);
  if ('quality' in request && request.quality) patch.quality = request.quality;
  if ('resolution' in request) patch[MODE_INFO[request.mode].output === 'image' ? 'imageResolution' : 'videoResolution'] = request.resolution;
  if (request.mode === 'create-image') patch.imageAspectRatio = request.aspectRatio;
  if (request.mode === 'edit-image') patch.editAspectRatio = request.aspectRatio ?? '';
  // A region edit comes back as the whole picture with its area, never as the crop that was sent.
  if (request.mode === 'edit-image' && request.area && request.areaSource) {
    patch.sources = [request.areaSource.original];
    patch.area = { mediaId: request.areaSource.original.mediaId, area: request.area };
  }
  if (request.mode === 'create-video' || request.mode === 'reference-video') patch.videoAspectRatio = request.aspectRatio;
  if (request.mode === 'extend-video') patch.extendDuration = request.duration;
  else if ('duration' in request) patch.duration = request.duration;
  return patch;
}
