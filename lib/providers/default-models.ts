import { DEFAULT_IMAGE_CHOICE, DEFAULT_VIDEO_CHOICE, type Settings } from '../settings/schema';
import { PROVIDERS } from './registry';

/**
 * The default models a job starts from. The shipped defaults are xAI's current models (2.0, 1.5); a reseller
 * that does not list one of them gets its own first model instead. A model the user set themselves always
 * stands (model strings are free-form: a reseller may take ids we don't list).
 */
export function defaultModelsFor(settings: Pick<Settings, 'provider' | 'defaults'>): { image: string; video: string } {
  const { image, video } = settings.defaults;
  if (settings.provider === 'xai') return { image: image.model, video: video.model };
  const offered = PROVIDERS[settings.provider].capabilities.models;
  const pick = (saved: string, shipped: string, list: readonly string[]) => (saved === shipped && !list.includes(saved) && list[0] ? list[0] : saved);
  return { image: pick(image.model, DEFAULT_IMAGE_CHOICE.model, offered.image), video: pick(video.model, DEFAULT_VIDEO_CHOICE.model, offered.video) };
}
