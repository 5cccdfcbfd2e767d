import { FAULT_GROUPS, type FaultOf } from '../faults';
import { type Reply, json } from '../http';
import { isFinished, progressOf, statusOf } from '../jobs';
import type { ApiRequest } from '../provider';
import { CODES, apiError, contentModerated } from './errors';
import { imageResponseBody, produceImages } from './image-results';
import type { ImageJobPayload, VideoJobPayload, XaiContext, XaiJob } from './job-types';

/**
 * GET /v1/videos/{id} and GET /v1/images/{id}. The doc lists several readings of "still running"
 * (202 {status,progress}, an empty 202, 200 {status:"pending"}); the configured progress shape picks one
 * (default: an empty 202, the least convenient). Faults force the others, and the other done readings.
 */

const EMPTY_202_EVERY = 4;

function notFound(kind: 'Video' | 'Image', id: string): Reply {
  return apiError(404, CODES.notFound, `${kind} generation request ${id} was not found.`);
}

/** A finished video goes to the media store once; its URL then lives mediaTtlMs from the finish time. */
function publishVideo(job: XaiJob, payload: VideoJobPayload, context: XaiContext): void {
  if (payload.videoUrl !== undefined || job.resultExpiresAt !== undefined) return;
  const expiresAt = job.doneAt + context.env.config().mediaTtlMs;
  job.resultExpiresAt = expiresAt;
  if (expiresAt > Date.now()) payload.videoUrl = context.env.media.put(payload.fixture.bytes, 'mp4', expiresAt, 'vidgen');
}

/**
 * A pending answer in the configured progress shape. 'none' (the default) is an empty 202 every time; the
 * other shapes answer 202 {status, progress}, and with rotateReadings every 4th of them is an empty 202.
 */
function pendingReply(job: XaiJob, context: XaiContext, now: number): Reply {
  const shape = context.env.config().progressShape ?? 'none';
  if (shape === 'none') return { type: 'empty', status: 202 };
  const answerIndex = job.pendingPolls++;
  if (context.env.config().rotateReadings && answerIndex % EMPTY_202_EVERY === EMPTY_202_EVERY - 1) {
    return { type: 'empty', status: 202 };
  }
  return json(202, { status: 'pending', progress: progressOf(job, now, shape) });
}

/** The done body, in the spec's form or one of the other documented readings (done_form faults). */
function doneBody(form: FaultOf<'done_form'> | undefined, payload: VideoJobPayload, usage: { cost_in_usd_ticks: number }, moderated: boolean): object {
  const url = moderated ? '' : (payload.videoUrl ?? '');
  const video = { url, duration: payload.durationSeconds, respect_moderation: !moderated };
  switch (form?.shape) {
    case 'top_level': // seed 001
      return { status: 'done', url, duration: String(payload.durationSeconds), respect_moderation: !moderated, model: payload.model, usage };
    case 'string_numbers':
      return { status: 'done', video: { ...video, duration: String(payload.durationSeconds) }, model: payload.model, usage: { cost_in_usd_ticks: String(usage.cost_in_usd_ticks) }, progress: '100' };
    case 'odd_optionals':
      return { status: 'done', video: { ...video, duration: 'eight seconds', respect_moderation: !moderated }, model: 42, usage: 'billed', progress: '100%', error: 7 };
    default:
      return { status: 'done', video, model: payload.model, usage, progress: 100 };
  }
}

export function handleVideoPoll(request: ApiRequest, context: XaiContext): Reply {
  const id = request.params['id'] ?? '';
  const job = context.jobs.get(id, 'video');
  if (!job || job.payload.family !== 'video') return notFound('Video', id);
  const payload = job.payload;
  const now = Date.now();
  if (isFinished(job, now) && job.outcome.type === 'success') publishVideo(job, payload, context);
  const status = statusOf(job, now);
  const progress = progressOf(job, now);

  const form = request.takeFault(FAULT_GROUPS.pollForm, (fault) =>
    fault.kind === 'done_without_status' || fault.kind === 'done_form' ? status === 'done' && job.outcome.type === 'success' : true,
  );
  if (form?.kind === 'poll_empty_202') return { type: 'empty', status: 202 };
  if (form?.kind === 'poll_pending_200') return json(200, { status: 'pending', progress: Math.min(99, progress) });
  if (form?.kind === 'moderation_http') return contentModerated('video');

  const video = { url: payload.videoUrl ?? '', duration: payload.durationSeconds, respect_moderation: true };
  // Early servers: a done body without `status` (video.url present = done).
  if (form?.kind === 'done_without_status') return json(200, { video, model: payload.model });

  switch (status) {
    case 'pending':
      return pendingReply(job, context, now);
    case 'failed':
      return json(200, job.outcome.type === 'failed' ? { status: 'failed', error: { code: job.outcome.code, message: job.outcome.message } } : { status: 'failed' });
    case 'expired':
      return json(200, { status: 'expired' });
    case 'done':
      if (job.outcome.type === 'moderated_http') return contentModerated('video');
      return json(200, doneBody(form?.kind === 'done_form' ? form : undefined, payload, { cost_in_usd_ticks: payload.costTicks }, job.outcome.type === 'moderated'));
  }
}

export function handleImagePoll(request: ApiRequest, context: XaiContext): Reply {
  const id = request.params['id'] ?? '';
  const job = context.jobs.get(id, 'image');
  if (!job || job.payload.family !== 'image') return notFound('Image', id);
  const payload: ImageJobPayload = job.payload;
  const status = statusOf(job);

  const form = request.takeFault(['poll_empty_202', 'poll_pending_200']);
  if (form?.kind === 'poll_empty_202') return { type: 'empty', status: 202 };
  if (form?.kind === 'poll_pending_200') return json(200, { status: 'pending' });

  switch (status) {
    case 'pending':
      return json(202, { status: 'pending' });
    case 'failed':
      return json(200, job.outcome.type === 'failed' ? { status: 'failed', error: { code: job.outcome.code, message: job.outcome.message } } : { status: 'failed' });
    case 'expired':
      return json(200, { status: 'expired' });
    case 'done':
      // Rendered on first sight of completion; URLs live mediaTtlMs from the finish time.
      payload.result ??= produceImages(payload.plan, context.env, job.doneAt);
      return json(200, { status: 'done', ...imageResponseBody(payload.result, request) });
  }
}
