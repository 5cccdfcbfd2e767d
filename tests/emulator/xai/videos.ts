import { type Reply, json } from '../http';
import { fixtureForAspect, fixtureForShape, type VideoFixture } from '../mp4';
import { renderVideo } from '../render-video';
import type { ApiRequest, ErrorReply } from '../provider';
import { invalidArgument, unprocessable } from './errors';
import { resolveImage, resolveVideo } from './inputs';
import { createJobFromRequest, type XaiContext } from './job-types';
import { type VideoModel, type VideoResolution, isErrorReply, resolveVideoModel, usdToTicks } from './models';
import { decodeJsonBody } from './request-body';
import { type VideoGenerationBody, videoEditSchema, videoExtensionSchema, videoGenerationSchema } from './schemas';
import { MAX_REFERENCE_AUDIOS, PRESET_VOICES, VOICE_MODEL } from './voices';

/**
 * Video submissions answer 200 {request_id} (not 202). Every rejection (auth, model, validation, rate
 * limit) happens here, synchronously; only accepted submissions create a job.
 */

const MAX_REFERENCE_IMAGES = 7;
/** docs.x.ai, reference-to-video: "The maximum duration allowed when using reference images is 10 seconds." */
const MAX_REFERENCE_SECONDS = 10;
const MAX_EDIT_INPUT_SECONDS = 8.7;
const DURATION_TOLERANCE = 0.05; // container durations are rarely exact

/** Edits and extensions keep their input's resolution (≤ 720p): billed at 720p above 480 lines. */
const inputResolution = (width: number, height: number): VideoResolution => (Math.min(width, height) > 480 ? '720p' : '480p');

function rawField(request: ApiRequest, name: string): unknown {
  const body = request.received.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** Fields a client may send by mistake (older docs' spellings): rejected rather than silently ignored. */
function rejectUnsupported(request: ApiRequest, names: string[]): ErrorReply | undefined {
  const present = names.find((name) => rawField(request, name) !== undefined && rawField(request, name) !== null);
  return present ? invalidArgument(`Argument not supported: ${present}`) : undefined;
}

async function accept(
  request: ApiRequest,
  context: XaiContext,
  init: { kind: string; model: VideoModel; durationSeconds: number; billedSeconds: number; resolution: VideoResolution; inputImages: number; fixture: VideoFixture },
): Promise<Reply> {
  // The video is as long as rendered, with sound unless the request said generate_audio: false (omitted = true).
  const sound = rawField(request, 'generate_audio') !== false;
  const fixture = { ...init.fixture, durationSeconds: init.durationSeconds, bytes: await renderVideo(init.fixture, init.durationSeconds, sound) };
  // "Video cost = seconds × the model's price for that resolution + input images × input price."
  const perSecond = init.model.usdPerSecond[init.resolution] ?? 0;
  const job = createJobFromRequest(request, context, {
    kind: init.kind,
    payload: {
      family: 'video',
      model: init.model.id,
      durationSeconds: init.durationSeconds,
      costTicks: usdToTicks(perSecond * init.billedSeconds + init.model.usdPerInputImage * init.inputImages),
      fixture,
    },
  });
  return json(200, { request_id: job.requestId });
}

export async function handleVideoGeneration(request: ApiRequest, context: XaiContext): Promise<Reply> {
  const body = decodeJsonBody(request, videoGenerationSchema);
  if (isErrorReply(body)) return body;
  const unsupported = rejectUnsupported(request, ['image_url']);
  if (unsupported) return unsupported;
  const model = resolveVideoModel(body.model ?? undefined);
  if (isErrorReply(model)) return model;

  const references = body.reference_images ?? undefined;
  if (body.image && references) return invalidArgument('image and reference_images cannot be used together.');
  const kind = body.image ? 'image-to-video' : references ? 'reference-to-video' : 'text-to-video';
  const prompt = body.prompt ?? undefined;
  // Only image-to-video may go without a prompt (the image says what to animate).
  if (prompt === undefined && kind !== 'image-to-video') return unprocessable('missing field `prompt`');
  if (prompt !== undefined && prompt.trim() === '' && kind !== 'image-to-video') return invalidArgument('prompt must not be empty.');
  if (references && references.length === 0) return invalidArgument('reference_images must contain at least one image.');
  if (references && references.length > MAX_REFERENCE_IMAGES) {
    return invalidArgument(`Too many reference images: ${references.length}. At most ${MAX_REFERENCE_IMAGES} are supported.`);
  }
  const duration = body.duration ?? 8;
  if (duration < 1 || duration > 15) return invalidArgument(`duration must be between 1 and 15 seconds; got ${duration}.`);
  if (references && duration > MAX_REFERENCE_SECONDS) {
    return invalidArgument(`The maximum duration allowed when using reference images is ${MAX_REFERENCE_SECONDS} seconds; got ${duration}.`);
  }
  const voices = checkVoices(body, model, kind);
  if (voices) return voices;
  const resolution = body.resolution ?? '480p';
  if (!model.resolutions.includes(resolution)) {
    return invalidArgument(`Resolution ${resolution} is not supported by ${model.id}. Supported: ${model.resolutions.join(', ')}.`);
  }
  if (references && !model.referenceResolutions.includes(resolution)) {
    return invalidArgument(`Reference-to-video supports ${model.referenceResolutions.join(', ')}, not ${resolution}.`);
  }

  let fixture = fixtureForAspect(body.aspect_ratio ?? '16:9');
  if (body.image) {
    const image = await resolveImage(body.image, 'image', context.env);
    if (isErrorReply(image)) return image;
    fixture = fixtureForShape(image.size.width, image.size.height); // image-to-video follows the image
  }
  for (const [index, reference] of (references ?? []).entries()) {
    const resolved = await resolveImage(reference, `reference_images[${index}]`, context.env);
    if (isErrorReply(resolved)) return resolved;
  }
  const inputImages = (body.image ? 1 : 0) + (references?.length ?? 0);
  return accept(request, context, { kind, model, durationSeconds: duration, billedSeconds: duration, resolution, inputImages, fixture });
}

/** reference_audios: only 1.5 reference-to-video, at most 3 preset voices, and no <AUDIO_n> tag past the list. */
function checkVoices(body: VideoGenerationBody, model: VideoModel, kind: string): ErrorReply | undefined {
  const audios = body.reference_audios ?? undefined;
  if (!audios) return undefined;
  if (kind !== 'reference-to-video' || model.id !== VOICE_MODEL) {
    return invalidArgument(`Argument not supported: reference_audios (only ${VOICE_MODEL} with reference_images).`);
  }
  if (audios.length > MAX_REFERENCE_AUDIOS) return invalidArgument(`Too many reference audios: ${audios.length}. At most ${MAX_REFERENCE_AUDIOS} are supported.`);
  const unknown = audios.find((audio) => !(PRESET_VOICES as readonly string[]).includes(audio.voice_id));
  if (unknown) return invalidArgument(`Unknown voice_id: ${unknown.voice_id}.`);
  const tags = [...(body.prompt ?? '').matchAll(/<AUDIO_(\d+)>/g)].map((match) => Number(match[1]));
  const past = tags.find((index) => index >= audios.length);
  if (past !== undefined) return invalidArgument(`The prompt refers to <AUDIO_${past}> but only ${audios.length} reference audios were given.`);
  return undefined;
}

export async function handleVideoEdit(request: ApiRequest, context: XaiContext): Promise<Reply> {
  const body = decodeJsonBody(request, videoEditSchema);
  if (isErrorReply(body)) return body;
  // The doc: edits have no duration, ratio or resolution fields (the output keeps the input's).
  const unsupported = rejectUnsupported(request, ['duration', 'aspect_ratio', 'resolution', 'video_url']);
  if (unsupported) return unsupported;
  const model = resolveVideoModel(body.model ?? undefined);
  if (isErrorReply(model)) return model;
  if (body.prompt.trim() === '') return invalidArgument('prompt must not be empty.');
  const input = await resolveVideo(body.video.url, context.env);
  if (isErrorReply(input)) return input;
  const seconds = input.info.durationSeconds;
  if (seconds > MAX_EDIT_INPUT_SECONDS + DURATION_TOLERANCE) {
    return invalidArgument(`The input video is ${seconds.toFixed(1)} s long; video edits accept at most ${MAX_EDIT_INPUT_SECONDS} s.`);
  }
  const durationSeconds = Math.max(1, Math.round(seconds));
  return accept(request, context, {
    kind: 'video-edit',
    model,
    durationSeconds,
    billedSeconds: durationSeconds,
    resolution: inputResolution(input.info.width, input.info.height),
    inputImages: 0,
    fixture: fixtureForShape(input.info.width, input.info.height),
  });
}

export async function handleVideoExtension(request: ApiRequest, context: XaiContext): Promise<Reply> {
  const body = decodeJsonBody(request, videoExtensionSchema);
  if (isErrorReply(body)) return body;
  const unsupported = rejectUnsupported(request, ['video_url']);
  if (unsupported) return unsupported;
  const model = resolveVideoModel(body.model ?? undefined);
  if (isErrorReply(model)) return model;
  if (body.prompt.trim() === '') return invalidArgument('prompt must not be empty.');
  const extension = body.duration ?? 6;
  if (extension < 2 || extension > 10) return invalidArgument(`duration must be between 2 and 10 seconds; got ${extension}.`);
  const input = await resolveVideo(body.video.url, context.env);
  if (isErrorReply(input)) return input;
  const seconds = input.info.durationSeconds;
  if (seconds < 2 - DURATION_TOLERANCE || seconds > 15 + DURATION_TOLERANCE) {
    return invalidArgument(`The input video is ${seconds.toFixed(1)} s long; extensions accept inputs of 2 to 15 s.`);
  }
  // The result is the original plus the extension; only the new seconds are billed.
  return accept(request, context, {
    kind: 'video-extension',
    model,
    durationSeconds: Math.round(seconds + extension),
    billedSeconds: extension,
    resolution: inputResolution(input.info.width, input.info.height),
    inputImages: 0,
    fixture: fixtureForShape(input.info.width, input.info.height),
  });
}
