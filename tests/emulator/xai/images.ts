import { setTimeout as delay } from 'node:timers/promises';
import { FAULT_GROUPS } from '../faults';
import { imageLatencyMs } from '../timing';
import { type Reply, json } from '../http';
import { renderEdited, renderGenerated } from '../images';
import type { ApiRequest, ErrorReply } from '../provider';
import { contentModerated, invalidArgument } from './errors';
import { chooseAutoAspect, nearestImageAspect, outputSize, type Size } from './image-sizes';
import { type ImagePlan, imageResponseBody, produceImages } from './image-results';
import { type ResolvedImage, resolveImage } from './inputs';
import { createJobFromRequest, type XaiContext } from './job-types';
import { type ImageModel, type Quality, isErrorReply, resolveImageModel, servedQuality, usdToTicks } from './models';
import { decodeJsonBody } from './request-body';
import { IMAGE_EDIT_FIELDS, IMAGE_GENERATION_FIELDS, type ImageEditBody, type ImageGenerationBody, imageEditSchema, imageGenerationSchema } from './schemas';

const MAX_IMAGES_PER_REQUEST = 10;

interface CommonImageFields {
  prompt: string;
  count: number;
  responseFormat: 'url' | 'b64_json';
  resolution: '1k' | '1.5k' | '2k';
  quality: Quality;
}

/**
 * Billed "for both the input image and the generated output image", at the quality actually served;
 * moderated placeholders are billed like any other output.
 */
const billTicks = (model: ImageModel, fields: CommonImageFields, inputs: number) =>
  usdToTicks(model.usdPerImage[fields.resolution][fields.quality] * fields.count + model.usdPerInputImage * inputs);

function checkCommonFields(body: ImageGenerationBody | ImageEditBody, model: ImageModel, kind: 'generation' | 'edit'): CommonImageFields | ErrorReply {
  if (body.prompt.trim() === '') return invalidArgument('prompt must not be empty.');
  if (body.prompt.length > model.maxPromptChars) {
    return invalidArgument(`prompt is too long: ${body.prompt.length} characters; the maximum for ${model.id} is ${model.maxPromptChars}.`);
  }
  const count = body.n ?? 1;
  if (count < 1 || count > MAX_IMAGES_PER_REQUEST) return invalidArgument(`n must be between 1 and ${MAX_IMAGES_PER_REQUEST}; got ${count}.`);
  const ratio = body.aspect_ratio ?? undefined;
  if (ratio !== undefined && (ratio === '21:9' || ratio === '5:2') && !model.wideRatios) {
    return invalidArgument(`aspect_ratio ${ratio} is not supported by ${model.id}.`);
  }
  const quality = servedQuality(model, body.quality, kind);
  if (typeof quality !== 'string') return quality;
  return {
    quality,
    prompt: body.prompt,
    count,
    responseFormat: body.response_format ?? 'url',
    resolution: body.resolution ?? '1k',
  };
}

/**
 * The shared tail of generations and edits: moderation faults, then either a deferred job
 * ({request_id}) or the images right away.
 */
function respond(
  request: ApiRequest,
  context: XaiContext,
  init: { kind: string; deferred: boolean; plan: Omit<ImagePlan, 'moderatedCount'> },
): Reply {
  const moderation = request.takeFault(FAULT_GROUPS.imageOutcome);
  if (moderation?.kind === 'moderation_http') return contentModerated('image');
  const moderatedCount = moderation ? Math.min(init.plan.count, moderation.items ?? init.plan.count) : 0;
  const plan: ImagePlan = { ...init.plan, moderatedCount };
  if (init.deferred) {
    const job = createJobFromRequest(request, context, {
      kind: init.kind,
      payload: { family: 'image', plan },
      outcomeKinds: ['job_failed', 'job_expired'],
    });
    return json(200, { request_id: job.requestId });
  }
  return json(200, imageResponseBody(produceImages(plan, context.env), request));
}

/** A synchronous image call takes its time (timing.ts): the answer comes when the images would exist. */
async function imageWait(context: XaiContext, resolution: string): Promise<void> {
  const config = context.env.config();
  const ms = imageLatencyMs(config.imageLatencyMs, resolution, config.timeScale);
  if (ms > 0) await delay(ms);
}

/** The first top-level field the endpoint does not know: the service refuses it rather than ignore it. */
function unknownField(request: ApiRequest, allowed: readonly string[]): ErrorReply | undefined {
  const body = request.received.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const extra = Object.keys(body).find((name) => !allowed.includes(name));
  return extra === undefined ? undefined : invalidArgument(`Argument not supported: ${extra}`);
}

export async function handleImageGeneration(request: ApiRequest, context: XaiContext): Promise<Reply> {
  const body = decodeJsonBody(request, imageGenerationSchema);
  if (isErrorReply(body)) return body;
  const extra = unknownField(request, IMAGE_GENERATION_FIELDS);
  if (extra) return extra;
  const model = resolveImageModel(body.model ?? undefined);
  if (isErrorReply(model)) return model;
  const fields = checkCommonFields(body, model, 'generation');
  if (isErrorReply(fields)) return fields;

  if (body.deferred !== true) await imageWait(context, fields.resolution);
  const aspect = !body.aspect_ratio || body.aspect_ratio === 'auto' ? chooseAutoAspect(fields.prompt) : body.aspect_ratio;
  const size = outputSize(aspect, fields.resolution);
  return respond(request, context, {
    kind: 'image-generation',
    deferred: body.deferred === true,
    plan: {
      count: fields.count,
      ...size,
      responseFormat: fields.responseFormat,
      costTicks: billTicks(model, fields, 0),
      model: model.servedAs,
      render: (variant) => renderGenerated(fields.prompt, size.width, size.height, variant),
    },
  });
}

async function resolveSources(body: ImageEditBody, model: ImageModel, context: XaiContext): Promise<ResolvedImage[] | ErrorReply> {
  if (body.image && body.images) return invalidArgument('Only one of image or images can be provided, not both.');
  const references = body.images ?? (body.image ? [body.image] : undefined);
  if (!references) return invalidArgument('An image to edit is required: provide image or images.');
  if (references.length === 0) return invalidArgument('images must contain at least one image.');
  if (references.length > model.maxEditSources) {
    return invalidArgument(`Too many images: ${references.length}. At most ${model.maxEditSources} images can be edited together with ${model.id}.`);
  }
  const resolved: ResolvedImage[] = [];
  for (const [index, reference] of references.entries()) {
    const label = body.images ? `images[${index}]` : 'image';
    const source = await resolveImage(reference, label, context.env);
    if (isErrorReply(source)) return source;
    resolved.push(source);
  }
  return resolved;
}

function editSize(body: ImageEditBody, sources: ResolvedImage[], resolution: CommonImageFields['resolution']): Size {
  const first = sources[0]?.size ?? { width: 1, height: 1 };
  // aspect_ratio only matters for multi-image edits; a single edit follows its input's shape.
  const requested = sources.length > 1 && body.aspect_ratio && body.aspect_ratio !== 'auto' ? body.aspect_ratio : undefined;
  return outputSize(requested ?? nearestImageAspect(first.width, first.height), resolution);
}

export async function handleImageEdit(request: ApiRequest, context: XaiContext): Promise<Reply> {
  const body = decodeJsonBody(request, imageEditSchema);
  if (isErrorReply(body)) return body;
  const extra = unknownField(request, IMAGE_EDIT_FIELDS);
  if (extra) return extra;
  const model = resolveImageModel(body.model ?? undefined);
  if (isErrorReply(model)) return model;
  const fields = checkCommonFields(body, model, 'edit');
  if (isErrorReply(fields)) return fields;
  const sources = await resolveSources(body, model, context);
  if (isErrorReply(sources)) return sources;

  if (body.deferred !== true) await imageWait(context, fields.resolution);
  const size = editSize(body, sources, fields.resolution);
  const editSources = sources.map((source) => source.source);
  return respond(request, context, {
    kind: 'image-edit',
    deferred: body.deferred === true,
    plan: {
      count: fields.count,
      ...size,
      responseFormat: fields.responseFormat,
      costTicks: billTicks(model, fields, sources.length),
      model: model.servedAs,
      render: (variant) => renderEdited(fields.prompt, editSources, size.width, size.height, variant),
    },
  });
}
