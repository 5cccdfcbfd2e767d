import type { JobRequest, SourceRef } from '../model/request';
import { defaultModelsFor } from '../providers/default-models';
import type { Settings } from '../settings/schema';
import type { BatchMode } from './batch-schema';

/**
 * The one request a page image becomes without the composer (a quick action, each image of a batch): the
 * saved defaults of the chosen mode's model, one output per image.
 */
export function requestFromDefaults(mode: BatchMode, prompt: string, source: SourceRef, settings: Settings): JobRequest {
  const { image, video } = settings.defaults;
  const models = defaultModelsFor(settings);
  return mode === 'animate-image'
    ? {
        mode: 'animate-image',
        prompt,
        model: models.video,
        sources: [source],
        duration: video.duration,
        resolution: video.resolution,
        // Sound off in the defaults holds here too; only xAI can send it (the resellers' requests ignore `sound`).
        ...(video.sound === false && settings.provider === 'xai' ? { sound: false } : {}),
      }
    : { mode: 'edit-image', prompt, model: models.image, sources: [source], n: 1, resolution: image.resolution, outputFormat: image.outputFormat };
}
