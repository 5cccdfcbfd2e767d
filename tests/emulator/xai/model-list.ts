import { type Reply, json } from '../http';
import type { ApiRequest } from '../provider';
import { CODES, apiError } from './errors';
import { type ImageModel, type VideoModel, listModels } from './models';

/**
 * GET /v1/image-generation-models and /v1/video-generation-models (and `/{id}`): the models this key may
 * use, in the listing shape xAI's other model endpoints use ({models:[{id, fingerprint, created, object,
 * owned_by, version, input_modalities, output_modalities, aliases…}]}). Retired slugs are not listed on
 * their own: they appear as aliases of the model that serves them. Capabilities (quality, sources,
 * ratios, resolutions) are not part of the listing: the doc does not say they are.
 */

const CREATED = 1_754_524_800; // 2025-08-07

function imageEntries() {
  const models = listModels('image') as ImageModel[];
  return models
    .filter((model) => model.servedAs === model.id)
    .map((model) => ({
      id: model.id,
      fingerprint: `fp_${model.id.length.toString(16)}e1d2`,
      created: CREATED,
      object: 'model',
      owned_by: 'xai',
      version: model.id.endsWith('2.0') ? '2.0' : '1.0',
      input_modalities: ['text', 'image'],
      output_modalities: ['image'],
      max_prompt_length: model.maxPromptChars,
      aliases: models.filter((other) => other.servedAs === model.id && other.id !== model.id).map((other) => other.id),
    }));
}

function videoEntries() {
  return (listModels('video') as VideoModel[]).map((model) => ({
    id: model.id,
    fingerprint: `fp_${model.id.length.toString(16)}v0a3`,
    created: CREATED,
    object: 'model',
    owned_by: 'xai',
    version: model.id.includes('1.5') ? '1.5' : '1.0',
    input_modalities: ['text', 'image'],
    output_modalities: ['video'],
    aliases: [] as string[],
  }));
}

const entries = (family: 'image' | 'video') => (family === 'image' ? imageEntries() : videoEntries());

export const handleModelList = (family: 'image' | 'video') => (): Reply => json(200, { models: entries(family) });

export const handleModelGet =
  (family: 'image' | 'video') =>
  (request: ApiRequest): Reply => {
    const id = request.params['id'] ?? '';
    const entry = entries(family).find((model) => model.id === id || model.aliases.includes(id));
    return entry ? json(200, entry) : apiError(404, CODES.notFound, `The model ${id} does not exist or your team does not have access to it.`);
  };
