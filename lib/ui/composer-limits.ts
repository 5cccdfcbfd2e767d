import { MODE_INFO } from '../model/modes';
import type { Capabilities } from '../providers/types';
import { formatNumber, t } from '../i18n';
import type { Draft } from './composer-draft';
import { videoDurationFor, videoResolutionsFor } from './composer-controls';

/**
 * A duration or resolution carried over from another mode or model (15 s from text-to-video into Video
 * from references, 1080p into a model without it) is corrected here and said in a sentence, so a value the
 * service refuses is never sent and never silently changed. Runs on mode, model and hand-over changes, not
 * while the user types a duration (that gets the inline error instead).
 */
export function correctCarriedOver(draft: Draft, caps: Capabilities | undefined): { draft: Draft; notice?: string } {
  if (!caps || MODE_INFO[draft.mode].output !== 'video' || draft.mode === 'edit-video' || draft.mode === 'extend-video') return { draft };
  const mode = MODE_INFO[draft.mode].label;
  const sentences: string[] = [];
  let next = draft;
  const range = videoDurationFor(draft.videoModel, caps, draft.mode);
  if (draft.duration > range.max || draft.duration < range.min) {
    const to = Math.min(range.max, Math.max(range.min, draft.duration));
    sentences.push(t('composer.limits.durationCorrected', { mode, from: formatNumber(draft.duration), to: formatNumber(to) }));
    next = { ...next, duration: to };
  }
  const offered = videoResolutionsFor(draft.videoModel, caps, draft.mode);
  if (!offered.includes(draft.videoResolution) && offered.length > 0) {
    // The highest resolution offered that is not above the carried-over one (1080p → 720p), else the lowest.
    const order = caps.videoResolutions;
    const at = order.indexOf(draft.videoResolution);
    const to = [...offered].reverse().find((r) => order.indexOf(r) <= at) ?? offered[0]!;
    sentences.push(t('composer.limits.resolutionCorrected', { mode, model: draft.videoModel, from: draft.videoResolution, to }));
    next = { ...next, videoResolution: to };
  }
  return sentences.length ? { draft: next, notice: sentences.join(' ') } : { draft };
}
