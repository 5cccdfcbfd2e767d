import { FAULT_GROUPS, type FaultOf } from '../faults';
import type { Job, JobOutcome, JobStore } from '../jobs';
import type { VideoFixture } from '../mp4';
import type { ApiRequest, ProviderEnv } from '../provider';
import type { ImagePlan, ImageResult } from './image-results';

export interface VideoJobPayload {
  family: 'video';
  model: string;
  durationSeconds: number;
  costTicks: number;
  fixture: VideoFixture;
  /** Set when the finished video was first published to the media store. */
  videoUrl?: string;
}

export interface ImageJobPayload {
  family: 'image';
  plan: ImagePlan;
  /** Rendered when the job is first seen finished. */
  result?: ImageResult;
}

export type XaiJobPayload = VideoJobPayload | ImageJobPayload;
export type XaiJob = Job<XaiJobPayload>;
export type XaiJobStore = JobStore<XaiJobPayload>;

export interface XaiContext {
  env: ProviderEnv;
  jobs: XaiJobStore;
}

const DEFAULT_FAILURE_MESSAGES: Record<string, string> = {
  invalid_argument: 'The request was rejected: the generated content violates the content policy or an input could not be used.',
  permission_denied: 'Your team does not have permission to use this model.',
  failed_precondition: 'The request could not be processed in its current state.',
  service_unavailable: 'The service is temporarily unavailable. Please try again later.',
  internal_error: 'An internal error occurred while generating. Please try again.',
};

type OutcomeFault = FaultOf<'job_failed' | 'job_expired' | 'moderation_flag' | 'moderation_http'>;

export function outcomeFromFault(fault: OutcomeFault | undefined): JobOutcome {
  if (!fault) return { type: 'success' };
  switch (fault.kind) {
    case 'job_failed': {
      const code = fault.code ?? 'internal_error';
      return { type: 'failed', code, message: fault.message ?? DEFAULT_FAILURE_MESSAGES[code] ?? 'Generation failed.' };
    }
    case 'job_expired':
      return { type: 'expired' };
    case 'moderation_flag':
      return { type: 'moderated' };
    case 'moderation_http':
      return { type: 'moderated_http' };
  }
}

/**
 * Creates the job for an accepted submission, taking the faults that shape its fate (outcome + render
 * time). Called only after every check passed, so rejected submissions never create jobs or use faults.
 */
export function createJobFromRequest(
  request: ApiRequest,
  context: XaiContext,
  init: { kind: string; payload: XaiJobPayload; outcomeKinds?: readonly OutcomeFault['kind'][] },
): XaiJob {
  const outcome = request.takeFault(init.outcomeKinds ?? FAULT_GROUPS.jobOutcome);
  const timing = request.takeFault(FAULT_GROUPS.jobTiming);
  return context.jobs.create({
    family: init.payload.family,
    kind: init.kind,
    renderMs: timing?.ms ?? context.env.config().videoRenderMs,
    outcome: outcomeFromFault(outcome),
    payload: init.payload,
  });
}
