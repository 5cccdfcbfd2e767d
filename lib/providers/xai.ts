import { ImagineClient } from '../api/client';
import { ImagineError } from '../errors/taxonomy';
import {
  IMAGE_ASPECT_RATIOS,
  IMAGE_MODELS,
  IMAGE_RESOLUTIONS,
  VIDEO_ASPECT_RATIOS,
  VIDEO_MODELS,
  VIDEO_RESOLUTIONS,
  imageModelInfo,
  type ImageQuality,
} from '../model/imagine-models';
import type { ImageBatchResult } from '../api/results';
import type { Job, PendingOutput } from '../model/job';
import { describeNotQueued, MODES } from '../model/modes';
import type { Capabilities, Provider, ProviderContext, SubmitOutcome } from './types';
import { t } from '../i18n';

/** xAI direct: every mode the Imagine API has. */
export const xaiCapabilities: Capabilities = {
  modes: Object.fromEntries(MODES.map((m) => [m, true])),
  vision: true,
  soundOff: true,
  unavailableReason: {},
  imageAspectRatios: IMAGE_ASPECT_RATIOS,
  videoAspectRatios: VIDEO_ASPECT_RATIOS,
  imageResolutions: IMAGE_RESOLUTIONS,
  videoResolutions: VIDEO_RESOLUTIONS,
  maxCount: 10,
  // The most any model takes (2.0); the composer applies the selected model's own limit.
  maxEditSources: 5,
  maxReferenceImages: 7,
  videoDuration: { min: 1, max: 15 },
  outputFormats: ['jpeg'],
  models: { image: Object.keys(IMAGE_MODELS), video: Object.keys(VIDEO_MODELS) },
  promptMaxLength: 1024,
};

/**
 * `quality` goes to models that take it, always with a value (the user's, else auto) so that the estimate
 * and the bill agree; never to a known model without the field (the server rejects it there).
 */
function qualityField(req: { model: string; quality?: ImageQuality | undefined }): { quality?: ImageQuality } {
  const known = imageModelInfo(req.model);
  if (known) return known.qualities ? { quality: req.quality ?? 'auto' } : {};
  return req.quality ? { quality: req.quality } : {};
}

const client = (ctx: Pick<ProviderContext, 'apiKey' | 'baseUrl'>) => new ImagineClient({ apiKey: ctx.apiKey, baseUrl: ctx.baseUrl });

function imageOutputs(batch: ImageBatchResult): SubmitOutcome {
  const outputs: PendingOutput[] = batch.images
    .filter((image) => !image.moderated)
    .map((image) => ({ kind: 'image', mimeType: image.mimeType, ...(image.url ? { url: image.url } : {}), ...(image.b64 ? { b64: image.b64 } : {}) }));
  return {
    type: 'outputs',
    outputs,
    moderatedCount: batch.images.length - outputs.length,
    ...(batch.costTicks !== undefined ? { costTicks: batch.costTicks } : {}),
    ...(batch.model !== undefined ? { servedModel: batch.model } : {}),
  };
}

async function submit(job: Job, ctx: ProviderContext): Promise<SubmitOutcome> {
  const api = client(ctx);
  const options = { signal: ctx.signal };
  const req = job.request;
  const sources = 'sources' in req ? await Promise.all(req.sources.map((s) => ctx.resolveSource(s))) : [];
  const first = sources[0] ?? '';
  switch (req.mode) {
    case 'create-image':
      return imageOutputs(
        await api.generateImages({ prompt: req.prompt, model: req.model, n: req.n, aspect_ratio: req.aspectRatio, resolution: req.resolution, ...qualityField(req) }, options),
      );
    case 'edit-image': {
      const common = { prompt: req.prompt, model: req.model, n: req.n, resolution: req.resolution, ...qualityField(req) };
      // A single edit follows its input's shape; only multi-image edits take a ratio.
      const body =
        sources.length === 1
          ? { ...common, image: { url: first } }
          : { ...common, images: sources.map((url) => ({ url })), ...(req.aspectRatio ? { aspect_ratio: req.aspectRatio } : {}) };
      return imageOutputs(await api.editImages(body, options));
    }
    case 'create-video':
      return asyncOutcome(
        await api.generateVideo({ prompt: req.prompt, model: req.model, duration: req.duration, aspect_ratio: req.aspectRatio, resolution: req.resolution, ...audioField(req) }, options),
      );
    case 'animate-image':
      return asyncOutcome(
        await api.generateVideo(
          { ...(req.prompt.trim() ? { prompt: req.prompt } : {}), model: req.model, duration: req.duration, resolution: req.resolution, image: { url: first }, ...audioField(req) },
          options,
        ),
      );
    case 'reference-video':
      return asyncOutcome(
        await api.generateVideo(
          { prompt: req.prompt, model: req.model, duration: req.duration, aspect_ratio: req.aspectRatio, resolution: req.resolution, reference_images: sources.map((url) => ({ url })), ...audioField(req), ...voiceField(req) },
          options,
        ),
      );
    case 'edit-video':
      return asyncOutcome(await api.editVideo({ prompt: req.prompt, model: req.model, video: { url: first }, ...audioField(req) }, options));
    case 'extend-video':
      return asyncOutcome(await api.extendVideo({ prompt: req.prompt, model: req.model, video: { url: first }, duration: req.duration, ...audioField(req) }, options));
    case 'describe-image':
      throw new ImagineError({ kind: 'invalid_request', message: describeNotQueued() });
  }
}

/** Sound is on unless the user turned it off; only then does the field go out (the service's default is true). */
const audioField = (req: { sound?: boolean | undefined }): { generate_audio?: false } => (req.sound === false ? { generate_audio: false } : {});

/** Preset voices (1.5 reference-to-video only; the request schema saw to that): the prompt's <AUDIO_n>. */
const voiceField = (req: { voices?: string[] | undefined }) => (req.voices?.length ? { reference_audios: req.voices.map((voice_id) => ({ voice_id })) } : {});

const asyncOutcome = (submission: { requestId: string }): SubmitOutcome => ({ type: 'async', remoteId: submission.requestId });

export const xaiProvider: Provider = {
  id: 'xai',
  capabilities: xaiCapabilities,
  submit,
  async poll(job, ctx) {
    const status = await client(ctx).getVideo(job.remoteId, { signal: ctx.signal });
    if (status.state !== 'done') return status;
    return {
      state: 'done',
      outputs: [{ kind: 'video', url: status.url, mimeType: 'video/mp4', ...(status.durationS !== undefined ? { durationS: status.durationS } : {}) }],
      ...(status.costTicks !== undefined ? { costTicks: status.costTicks } : {}),
      ...(status.model !== undefined ? { servedModel: status.model } : {}),
    };
  },
  async testConnection(ctx) {
    await client(ctx).getApiKeyInfo({ signal: ctx.signal });
    return t('providers.connectedXaiAcceptedTheKey');
  },
};
