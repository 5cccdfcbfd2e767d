import { REFERENCE_VIDEO_MAX_SECONDS, VIDEO_EXTENSION_DURATION, VIDEO_RESOLUTIONS, videoModelInfo, type VideoResolution } from './imagine-models';
import type { Mode } from './modes';

/**
 * What a video mode accepts with a given model: the one rule the request schema (the authority), the
 * composer's controls, the carried-over-value correction and the estimate all follow, so the panel never
 * sends what the service refuses (a refused request can still cost a user a retry; a wrong 15 s estimate
 * costs trust).
 *
 * Sources (shared/docs/imagine-api.md, "Changes since, second pass"):
 * - docs.x.ai, reference-to-video: "The maximum duration allowed when using reference images is 10
 *   seconds"; reference-to-video stays at or below 720p on every model. Text- and image-to-video: 1–15 s.
 * - 1080p only on models that advertise it (grok-imagine-video-1.5), text- and image-to-video only. A
 *   typed model we don't know is not offered 1080p: nothing says it takes it.
 * - Extensions add 2–10 s; edits keep their input's length (no duration field).
 */
export const REFERENCE_VIDEO_RESOLUTIONS: readonly VideoResolution[] = ['480p', '720p'];
const WITHOUT_1080P: readonly VideoResolution[] = VIDEO_RESOLUTIONS.filter((r) => r !== '1080p');

export interface VideoLimits {
  duration: { min: number; max: number } | undefined;
  resolutions: readonly VideoResolution[];
}

export function videoLimits(mode: Mode, model: string): VideoLimits {
  const known = videoModelInfo(model.trim());
  const generation = { min: known?.duration.min ?? 1, max: known?.duration.max ?? 15 };
  const resolutions = known?.resolutions ?? WITHOUT_1080P;
  switch (mode) {
    case 'reference-video':
      return {
        duration: { min: generation.min, max: Math.min(generation.max, REFERENCE_VIDEO_MAX_SECONDS) },
        resolutions: resolutions.filter((r) => REFERENCE_VIDEO_RESOLUTIONS.includes(r)),
      };
    case 'create-video':
    case 'animate-image':
      return { duration: generation, resolutions };
    case 'extend-video':
      return { duration: { min: VIDEO_EXTENSION_DURATION.min, max: VIDEO_EXTENSION_DURATION.max }, resolutions: [] };
    default:
      return { duration: undefined, resolutions: [] };
  }
}
