import { ImagineError } from '../errors/taxonomy';
import type { Job } from '../model/job';
import { MODE_INFO } from '../model/modes';
import type { Capabilities, ProviderContext } from './types';
import { t } from '../i18n';

/**
 * Runware's side of a request (runware.ts sends it and reads the answers): the models Runware offers for
 * Grok Imagine, their documented sizes, what the provider can do, and one `imageInference` / `videoInference`
 * task per job (shared/seeds/004 and Runware's public docs).
 */

export const RUNWARE_IMAGE_MODELS = ['xai:grok-imagine@image', 'xai:grok-imagine@image-pro'] as const;
// `@video-1.5` is live (the `-preview` id is API-only); imagine-api.md, second pass.
export const RUNWARE_VIDEO_MODELS = ['xai:grok-imagine@video', 'xai:grok-imagine@video-1.5'] as const;
const PRO_IMAGE_MODEL = 'xai:grok-imagine@image-pro';
/** Video-to-video goes through `inputs.video` on `@video` (imagine-api.md, second pass). */
const VIDEO_EDIT_MODEL = 'xai:grok-imagine@video';

/** xAI's model names (the settings' defaults) → Runware's AIR ids; AIR ids pass through. */
const MODEL_ALIASES: Record<string, string> = {
  'grok-imagine-image': 'xai:grok-imagine@image',
  'grok-imagine-image-quality': 'xai:grok-imagine@image-pro',
  'grok-imagine-image-pro': 'xai:grok-imagine@image-pro',
  'grok-imagine-video': 'xai:grok-imagine@video',
  'grok-imagine-video-1.5': 'xai:grok-imagine@video-1.5',
};

/** The documented 1K sizes of xai:grok-imagine@image (Runware's "dimension combinations"). */
const IMAGE_SIZES_1K: Record<string, readonly [number, number]> = {
  '1:1': [1024, 1024],
  '3:4': [896, 1280],
  '4:3': [1280, 896],
  '9:16': [768, 1408],
  '16:9': [1408, 768],
  '2:3': [864, 1296],
  '3:2': [1296, 864],
  '9:19.5': [576, 1248],
  '19.5:9': [1248, 576],
  '9:20': [576, 1280],
  '20:9': [1280, 576],
  '1:2': [704, 1408],
  '2:1': [1408, 704],
};

/** xai:grok-imagine@image-pro's documented 2K sizes (Runware model page). */
const IMAGE_SIZES_2K_PRO: Record<string, readonly [number, number]> = {
  '1:1': [2048, 2048],
  '3:4': [1792, 2560],
  '4:3': [2560, 1792],
  '9:16': [1536, 2816],
  '16:9': [2816, 1536],
  '2:3': [1728, 2592],
  '3:2': [2592, 1728],
};

/** xai:grok-imagine@video sizes per resolution and ratio. */
const VIDEO_SIZES: Record<string, Record<string, readonly [number, number]>> = {
  '480p': { '1:1': [480, 480], '16:9': [848, 480], '9:16': [480, 848], '4:3': [640, 480], '3:4': [480, 640], '3:2': [720, 480], '2:3': [480, 720] },
  '720p': { '1:1': [720, 720], '16:9': [1280, 720], '9:16': [720, 1280], '4:3': [960, 720], '3:4': [720, 960], '3:2': [1080, 720], '2:3': [720, 1080] },
};

/** Above this many results an image task is queued (async) rather than held open until every image exists. */
export const ASYNC_IMAGE_THRESHOLD = 4;

const NOT_OFFERED = t('providers.runwareOffersGrokImagineImage');

export const runwareCapabilities: Capabilities = {
  modes: { 'create-image': true, 'edit-image': true, 'create-video': true, 'animate-image': true, 'edit-video': true },
  vision: false,
  unavailableReason: {
    'reference-video': NOT_OFFERED,
    'extend-video': NOT_OFFERED,
    'describe-image': t('providers.runwareNoVision'),
  },
  imageAspectRatios: [...Object.keys(IMAGE_SIZES_1K), 'auto'],
  videoAspectRatios: Object.keys(VIDEO_SIZES['480p'] ?? {}),
  // 2K on @image-pro only (its documented sizes); runwareTask refuses 2K on other models.
  imageResolutions: ['1k', '2k'],
  videoResolutions: ['480p', '720p'],
  // numberResults goes to 20 at Runware; the job request schema (lib/model/request.ts) allows 10.
  maxCount: 10,
  // inputs.referenceImages takes one item for this model.
  maxEditSources: 1,
  maxReferenceImages: 0,
  videoDuration: { min: 1, max: 15 },
  outputFormats: ['jpeg', 'png', 'webp'],
  models: { image: ['grok-imagine-image', 'grok-imagine-image-quality', ...RUNWARE_IMAGE_MODELS], video: ['grok-imagine-video', ...RUNWARE_VIDEO_MODELS] },
  promptMaxLength: 1024,
};

const invalid = (message: string) => new ImagineError({ kind: 'invalid_request', message });

function modelId(model: string, family: 'image' | 'video'): string {
  const trimmed = model.trim();
  const id = MODEL_ALIASES[trimmed] ?? trimmed;
  if (!id.includes(':')) {
    throw invalid(t('providers.runwareUnknownModel', { model: trimmed, example: (family === 'image' ? RUNWARE_IMAGE_MODELS[0] : RUNWARE_VIDEO_MODELS[0]) ?? '' }));
  }
  return id;
}

export const OUTPUT_FORMATS = { jpeg: 'JPG', png: 'PNG', webp: 'WEBP' } as const;

export type RunwareTask = Record<string, unknown> & { taskType: string; taskUUID: string };

/** One task for a job: exported for tests (request mapping). A fresh UUID v4 every call (one per send). */
export async function runwareTask(job: Job, ctx: ProviderContext, newUuid: () => string = () => crypto.randomUUID()): Promise<RunwareTask> {
  const req = job.request;
  const taskUUID = newUuid();
  switch (req.mode) {
    case 'create-image':
    case 'edit-image': {
      const model = modelId(req.model, 'image');
      const twoK = req.resolution === '2k' && model === PRO_IMAGE_MODEL;
      if (req.resolution !== '1k' && !twoK) throw invalid(t('providers.runwareImageResolution', { resolution: req.resolution ?? '' }));
      const outputFormat = OUTPUT_FORMATS[req.outputFormat ?? 'jpeg'];
      const common = {
        taskType: 'imageInference',
        taskUUID,
        model,
        positivePrompt: req.prompt,
        numberResults: req.n,
        outputType: 'URL',
        outputFormat,
        includeCost: true,
        deliveryMethod: req.n > ASYNC_IMAGE_THRESHOLD ? 'async' : 'sync',
      };
      if (req.mode === 'edit-image') {
        if (req.sources.length !== 1 || !req.sources[0]) throw invalid(t('providers.runwareOneEditImage'));
        // A single edit follows its input's shape: no size is sent (2K asks for the 2K size of that shape).
        return { ...common, ...(twoK ? { resolution: '2K' } : {}), inputs: { referenceImages: [await ctx.resolveSource(req.sources[0])] } };
      }
      if (req.aspectRatio === 'auto') return { ...common, resolution: twoK ? '2K' : '1K' };
      const size = (twoK ? IMAGE_SIZES_2K_PRO : IMAGE_SIZES_1K)[req.aspectRatio];
      if (!size) throw invalid(t('providers.runwareImageRatio', { ratio: req.aspectRatio ?? '' }));
      return { ...common, width: size[0], height: size[1] };
    }
    case 'create-video':
    case 'animate-image': {
      const common = {
        taskType: 'videoInference',
        taskUUID,
        model: modelId(req.model, 'video'),
        ...(req.prompt.trim() ? { positivePrompt: req.prompt } : {}),
        duration: req.duration,
        outputType: 'URL',
        outputFormat: 'MP4',
        deliveryMethod: 'async',
        includeCost: true,
        numberResults: 1,
      };
      const sizes = VIDEO_SIZES[req.resolution];
      if (!sizes) throw invalid(t('providers.runwareVideoResolution', { resolution: req.resolution ?? '' }));
      if (req.mode === 'animate-image') {
        if (!req.sources[0]) throw invalid(t('providers.addImageToAnimate'));
        // The video follows the frame's shape; `resolution` picks its size.
        return { ...common, resolution: req.resolution, inputs: { frameImages: [{ image: await ctx.resolveSource(req.sources[0]), frame: 'first' }] } };
      }
      const size = sizes[req.aspectRatio];
      if (!size) throw invalid(t('providers.runwareVideoRatio', { ratio: req.aspectRatio ?? '' }));
      return { ...common, width: size[0], height: size[1] };
    }
    case 'edit-video': {
      const model = modelId(req.model, 'video');
      if (model !== VIDEO_EDIT_MODEL) throw invalid(t('providers.runwareVideoEditModel', { model: VIDEO_EDIT_MODEL }));
      if (!req.sources[0]) throw invalid(t('validation.addVideoToEdit'));
      // The output keeps the input's length and shape: no duration or size is sent.
      return {
        taskType: 'videoInference',
        taskUUID,
        model,
        positivePrompt: req.prompt,
        outputType: 'URL',
        outputFormat: 'MP4',
        deliveryMethod: 'async',
        includeCost: true,
        numberResults: 1,
        inputs: { video: await ctx.resolveSource(req.sources[0]) },
      };
    }
    default:
      throw invalid(t('providers.modeReason', { mode: MODE_INFO[req.mode].label, reason: NOT_OFFERED }));
  }
}
