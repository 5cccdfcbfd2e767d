import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { imageLatencyMs } from '../timing';
import { FAULT_GROUPS } from '../faults';
import { type Reply, json } from '../http';
import { renderEdited, renderGenerated } from '../images';
import { type Job, JobStore, isFinished, progressOf, statusOf } from '../jobs';
import { type VideoFixture, fixtureForAspect, fixtureForShape } from '../mp4';
import type { ApiRequest, Provider, ProviderEnv, Route } from '../provider';
import { nearestImageAspect, outputSize } from '../xai/image-sizes';
import { outcomeFromFault } from '../xai/job-types';
import { badRequest, renderVydraError, vydraError, vydraGateFaultReply } from './errors';
import { MAX_SOURCE_BYTES, loadSourceImage } from './source-image';
import { sniffImageFormat } from '../image-inspect';

/**
 * Vydra (https://www.vydra.ai/api/v1), a Grok Imagine reseller, as shared/seeds/003 documents it, mounted at
 * /vydra/api/v1: `GET /organization` (the account, docs/account), `POST /models/grok-imagine` (text-to-image answers 200 with the image; text-to-video and
 * image-to-video answer 202 with a jobId) and `GET /jobs/{jobId}` (pending → running → completed | failed).
 * Credits: 8 per image, 150 per video (the seed's table). `image_url` is a URL: data: URIs are refused.
 * Second pass (imagine-api.md): `POST /upload` takes a file and answers `{url}` (the request shape is not
 * documented: the emulator takes multipart/form-data with a `file` part, JPEG or PNG, ≤ 10 MiB), and
 * `DELETE /jobs/{id}` cancels a job (a finished one answers 409; polls then say `cancelled`).
 */

export const VYDRA_PREFIX = '/vydra/api/v1';
const MODELS = ['text-to-video', 'text-to-image', 'image-to-video'] as const;
const ASPECT_RATIOS = ['16:9', '9:16', '4:3', '3:4', '1:1', '3:2', '2:3'] as const;
export const VYDRA_CREDITS = { image: 8, video: 150 } as const;
const MAX_PROMPT = 5000;

interface VydraVideo {
  cancelled?: boolean;
  model: string;
  prompt: string | undefined;
  durationSeconds: number;
  fixture: VideoFixture;
  videoUrl?: string;
}

function bearer(request: ApiRequest): string | undefined {
  return request.received.headers['authorization']?.match(/^Bearer\s+(\S.*)$/i)?.[1]?.trim();
}

type Decoded = { ok: true; body: Record<string, unknown> } | { ok: false; reply: Reply };

function decode(request: ApiRequest): Decoded {
  const type = (request.received.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, reply: badRequest('Content-Type must be application/json.') };
  try {
    const body: unknown = JSON.parse(request.rawBody.toString('utf8'));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reply: badRequest('The request body must be a JSON object.') };
    return { ok: true, body: body as Record<string, unknown> };
  } catch {
    return { ok: false, reply: badRequest('Invalid JSON in request body.') };
  }
}

export function createVydraProvider(env: ProviderEnv): Provider {
  const jobs = new JobStore<VydraVideo>();

  async function submit(request: ApiRequest): Promise<Reply> {
    const decoded = decode(request);
    if (!decoded.ok) return decoded.reply;
    const body = decoded.body;
    const model = body['model'] ?? 'text-to-video';
    if (typeof model !== 'string' || !(MODELS as readonly string[]).includes(model)) return badRequest(`Invalid model "${String(model)}". Use one of: ${MODELS.join(', ')}.`);
    const prompt = body['prompt'];
    if (prompt !== undefined && typeof prompt !== 'string') return badRequest('prompt must be a string.');
    if (model !== 'image-to-video' && (prompt === undefined || prompt.trim() === '')) return badRequest(`prompt is required for ${model}.`);
    if (prompt !== undefined && prompt.length > MAX_PROMPT) return badRequest(`prompt must be at most ${MAX_PROMPT} characters.`);
    const ratio = body['aspect_ratio'];
    if (ratio !== undefined && (typeof ratio !== 'string' || !(ASPECT_RATIOS as readonly string[]).includes(ratio))) {
      return badRequest(`Invalid aspect_ratio "${String(ratio)}". Use one of: ${ASPECT_RATIOS.join(', ')}.`);
    }
    const imageUrl = body['image_url'];
    if (imageUrl !== undefined && typeof imageUrl !== 'string') return badRequest('image_url must be a string.');
    if (model === 'image-to-video' && !imageUrl) return badRequest('image_url is required for image-to-video.');
    const duration = body['duration'];
    if (duration !== undefined && (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 1 || duration > 15)) {
      return badRequest('duration must be a number between 1 and 15 seconds.');
    }
    const source = imageUrl ? await loadSourceImage(imageUrl, env, { dataUri: false, bareBase64: false }) : undefined;
    if (source && !source.ok) return badRequest(`image_url: ${source.reason}.`);
    const image = source?.ok ? source.image : undefined;

    if (model === 'text-to-image') {
      // The same models upstream: an image takes as long as xAI's (timing.ts).
      const config = env.config();
      await delay(imageLatencyMs(config.imageLatencyMs, '1k', config.timeScale));
      if (request.takeFault(['moderation_http'])) return badRequest('Your prompt or image was rejected by content moderation.');
      const size = image ? outputSize(nearestImageAspect(image.size.width, image.size.height), '1k') : outputSize((ratio as (typeof ASPECT_RATIOS)[number] | undefined) ?? '1:1', '1k');
      const bytes = image
        ? renderEdited(prompt as string, [image.source], size.width, size.height, 0)
        : renderGenerated(prompt as string, size.width, size.height, 0);
      const url = env.media.put(bytes, 'jpeg', Date.now() + env.config().mediaTtlMs, 'vydra-img');
      return json(200, {
        jobId: `job_${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        status: 'completed',
        message: 'Image generated successfully.',
        creditsCharged: VYDRA_CREDITS.image,
        imageUrl: url,
        resultUrls: [url],
      });
    }

    const outcome = request.takeFault(['job_failed', 'moderation_flag']);
    const timing = request.takeFault(FAULT_GROUPS.jobTiming);
    const seconds = typeof duration === 'number' ? duration : 6;
    const job = jobs.create({
      family: 'video',
      kind: model,
      renderMs: timing?.ms ?? env.config().videoRenderMs,
      outcome:
        outcome?.kind === 'moderation_flag'
          ? { type: 'failed', code: 'content_moderated', message: 'The generated video was rejected by content moderation.' }
          : outcomeFromFault(outcome),
      payload: {
        model,
        prompt: prompt as string | undefined,
        durationSeconds: seconds,
        fixture: image ? fixtureForShape(image.size.width, image.size.height) : fixtureForAspect((ratio as string | undefined) ?? '16:9'),
      },
    });
    return json(202, {
      jobId: job.requestId,
      status: 'pending',
      message: 'Grok Imagine video job created. Poll /api/v1/jobs/{jobId} for status.',
      creditsCharged: VYDRA_CREDITS.video,
      externalJobId: randomUUID(),
      input: { model, ...(prompt !== undefined ? { prompt } : {}), ...(imageUrl ? { image_url: imageUrl } : {}) },
    });
  }

  async function upload(request: ApiRequest): Promise<Reply> {
    const type = request.received.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(type)) return badRequest('Send the file as multipart/form-data with a "file" field.');
    let file: FormDataEntryValue | null;
    try {
      const form = await new Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(request.rawBody) }).formData();
      file = form.get('file');
    } catch {
      return badRequest('The multipart body could not be read.');
    }
    if (!file || typeof file === 'string') return badRequest('A "file" field with the file is required.');
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length > MAX_SOURCE_BYTES) return badRequest('The file is larger than 10 MiB.');
    const format = sniffImageFormat(bytes);
    if (format !== 'jpeg' && format !== 'png') return badRequest('Unsupported file type; upload a JPEG or PNG image.');
    const url = env.media.put(bytes, format, Date.now() + env.config().mediaTtlMs, 'vydra-img');
    return json(200, { url });
  }

  function cancel(request: ApiRequest): Reply {
    const id = request.params['id'] ?? '';
    const job = jobs.get(id, 'video');
    if (!job) return vydraError(404, `Job ${id} not found.`);
    const state = status(job, Date.now());
    if (state === 'completed' || state === 'failed') return vydraError(409, `Job ${id} has already finished (${state}).`);
    job.payload.cancelled = true;
    return json(200, { id: job.requestId, status: 'cancelled' });
  }

  function status(job: Job<VydraVideo>, now: number): 'pending' | 'running' | 'completed' | 'failed' | 'cancelled' {
    if (job.payload.cancelled) return 'cancelled';
    const state = statusOf(job, now);
    if (state === 'pending') return progressOf(job, now) < 10 ? 'pending' : 'running';
    return state === 'failed' ? 'failed' : 'completed';
  }

  function poll(request: ApiRequest): Reply {
    const id = request.params['id'] ?? '';
    const job = jobs.get(id, 'video');
    if (!job) return vydraError(404, `Job ${id} not found.`);
    const now = Date.now();
    const state = status(job, now);
    const common = { id: job.requestId, creditsCharged: VYDRA_CREDITS.video, workflowSlug: 'grok-imagine-generate' };
    if (state === 'failed') {
      const message = job.outcome.type === 'failed' ? job.outcome.message : 'Generation failed.';
      return json(200, { ...common, status: 'failed', error: message });
    }
    if (state === 'cancelled') return json(200, { ...common, status: 'cancelled' });
    if (state !== 'completed') return json(200, { ...common, status: state });
    if (isFinished(job, now) && job.payload.videoUrl === undefined) {
      job.payload.videoUrl = env.media.put(job.payload.fixture.bytes, 'mp4', job.doneAt + env.config().mediaTtlMs, 'vydra-vid');
    }
    const url = job.payload.videoUrl ?? '';
    return json(200, { ...common, status: 'completed', output: { videoUrl: url, resultUrls: [url], duration: job.payload.durationSeconds } });
  }

  const routes: Route[] = [
    { method: 'POST', path: `${VYDRA_PREFIX}/models/grok-imagine`, handle: submit },
    { method: 'GET', path: `${VYDRA_PREFIX}/jobs/:id`, handle: poll },
    { method: 'DELETE', path: `${VYDRA_PREFIX}/jobs/:id`, handle: cancel },
    { method: 'POST', path: `${VYDRA_PREFIX}/upload`, handle: upload },
    // https://www.vydra.ai/docs/account: the organisation and its credit balance.
    {
      method: 'GET',
      path: `${VYDRA_PREFIX}/organization`,
      handle: () =>
        json(200, { id: 'org_emulator', name: 'Emulator organization', plan: 'starter', creditsRemaining: 4250, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-26T12:00:00.000Z' }),
    },
  ];

  return {
    name: 'vydra',
    pathPrefix: '/vydra/',
    routes,
    authenticate(request) {
      const key = bearer(request);
      if (!key) return vydraError(401, 'Missing API key. Send it as "Authorization: Bearer <key>".');
      return env.config().vydraApiKeys.includes(key) ? undefined : vydraError(401, 'Invalid API key.');
    },
    gateFaultReply: (fault) => vydraGateFaultReply(fault),
    notFoundReply: () => vydraError(404, 'Not found.'),
    renderError: renderVydraError,
    videoJobs: () => {
      const now = Date.now();
      return jobs.all().map((job) => {
        const state = status(job, now);
        return {
          requestId: job.requestId,
          status: state,
          progress: progressOf(job, now),
          createdAt: job.createdAt,
          ...(state === 'completed' || state === 'failed' || state === 'cancelled' ? { doneAt: job.doneAt } : {}),
          kind: `vydra:${job.kind}`,
        };
      });
    },
    finishAllJobs: () => jobs.finishAll(),
    expireResults: () => undefined, // the URLs die with the media store; Vydra keeps reporting "completed"
    reset: () => jobs.clear(),
  };
}
