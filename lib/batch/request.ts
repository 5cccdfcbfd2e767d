import type { JobRequest, SourceRef } from '../jobs/request';
import { defaultModelsFor } from '../settings/default-models';
import type { Settings } from '../settings/schema';
import type { BatchMode } from './schema';

/**
 * The one request a page image becomes without the composer (a quick action, each image of a batch): the
 * saved defaults of the chosen mode's model, one output per image.
 */
export function requestFromDefaults(mode: BatchMode, prompt: string, source: SourceRef, settings: Settings): JobRequest {
  const { image, video } = settings.defaults;
  const models = defaultModelsFor(settings);
  return mode === 'animate-image'
    ? { mode: 'animate-image', prompt, model: models.video, sources: [source], duration: video.duration, resolution: video.resolution }
    : { mode: 'edit-image', prompt, model: models.image, sources: [source], n: 1, resolution: image.resolution, outputFormat: image.outputFormat };
}
