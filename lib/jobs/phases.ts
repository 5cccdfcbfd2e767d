import { toErrorInfo, type ErrorInfo } from '../errors/taxonomy';
import type { Job } from '../model/job';
import type { ProviderContext } from '../providers/types';
import { formatNumber, t } from '../i18n';
import type { EngineDeps } from './engine-deps';
import { firstPollDelay, nextPollDelay } from './poll-schedule';
import type { RenderEstimate } from './render-time';
import { phaseRetry, resendDelay, sendFailureNote } from './retry-policy';

/**
 * The three phases of a job — send, poll, download — each run by the engine for one job at a time. Every
 * state change goes through `update` (serialised per job, persisted before anything else happens), so a
 * worker killed between two lines resumes from the stored job.
 */

/** How long a video job may run before we give up polling (the provider's own jobs take minutes). */
export const VIDEO_DEADLINE_MS = 20 * 60_000;

/** What a phase may use of the engine. */
export interface PhaseHost {
  readonly deps: EngineDeps;
  now(): number;
  random(): number;
  update(id: string, change: (job: Job) => Job | undefined): Promise<Job | undefined>;
  fail(id: string, error: ErrorInfo, note?: string, extra?: Partial<Job>): Promise<void>;
  context(job: Job): Promise<ProviderContext>;
  signalFor(id: string): AbortSignal;
  renderEstimate(job: Job): Promise<RenderEstimate | undefined>;
  /** 429 on a send: the limit is per team, not per job, so the whole queue waits. */
  pauseQueueUntil(at: number): void;
  /** One more render finished: the render-time history is read again next time. */
  forgetRenderHistory(): void;
}

export async function sendPhase(host: PhaseHost, queued: Job): Promise<void> {
  // Persist "submitting" BEFORE the request leaves: if the worker dies mid-flight, start() sees it.
  const job = await host.update(queued.id, (j) => (j.status === 'queued' ? { ...j, status: 'submitting', sentAt: host.now() } : undefined));
  if (!job) return;
  host.deps.changed([job]);
  const provider = host.deps.providers[job.provider];
  try {
    const ctx = await host.context(job);
    const outcome = await provider.submit(job, ctx);
    const firstPoll = outcome.type === 'async' ? firstPollDelay(await host.renderEstimate(job)) : 0;
    const now = host.now();
    const next = await host.update(job.id, (j) => {
      if (j.status !== 'submitting') return undefined; // cancelled meanwhile
      const base = { ...j, attempts: 0, submittedAt: now, ...reportedCost(outcome) };
      delete base.notBefore;
      delete base.error; // a rate-limit notice from an earlier attempt
      return outcome.type === 'async'
        ? { ...base, status: 'running', remoteId: outcome.remoteId, progress: 0, nextPollAt: now + firstPoll, deadlineAt: now + VIDEO_DEADLINE_MS }
        : { ...base, status: 'downloading', pendingOutputs: outcome.outputs, moderatedCount: outcome.moderatedCount };
    });
    if (next) host.deps.changed([next]);
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.kind === 'cancelled') return;
    const delay = resendDelay(job, info, host.random);
    if (delay !== undefined) {
      // 429: not processed, so resending is safe.
      const notBefore = host.now() + delay;
      host.pauseQueueUntil(notBefore);
      const next = await host.update(job.id, (j) =>
        j.status === 'submitting' ? { ...j, status: 'queued', attempts: j.attempts + 1, notBefore, error: { ...info, retryAfterMs: delay } } : undefined,
      );
      if (next) host.deps.changed([next]);
      return;
    }
    await host.fail(job.id, info, sendFailureNote(info));
  }
}

export async function pollPhase(host: PhaseHost, running: Job): Promise<void> {
  if (!running.remoteId) return host.fail(running.id, { kind: 'server_error', message: t('jobs.jobHasNoRemoteId') });
  const provider = host.deps.providers[running.provider];
  try {
    const outcome = await provider.poll({ ...running, remoteId: running.remoteId }, await host.context(running));
    const estimate = outcome.state === 'pending' ? await host.renderEstimate(running) : undefined;
    const now = host.now();
    if (outcome.state === 'pending') {
      const next = await host.update(running.id, (j) => {
        if (j.status !== 'running') return undefined;
        // An empty 202 carries no progress: keep estimating from the last sample and when it was taken.
        const fresh = outcome.progress !== undefined;
        const progress = outcome.progress ?? j.progress;
        const progressAt = fresh ? now : j.progressAt;
        const stalledPolls = fresh ? (outcome.progress === j.progress ? j.stalledPolls + 1 : 0) : j.stalledPolls;
        const delay = nextPollDelay({
          now,
          submittedAt: j.submittedAt ?? now,
          ...(progress !== undefined && progressAt !== undefined ? { progress, progressAt } : {}),
          polls: j.polls,
          stalledPolls,
          ...(estimate ? { estimate } : {}),
        });
        return {
          ...j,
          ...(progress !== undefined ? { progress } : {}),
          ...(progressAt !== undefined ? { progressAt } : {}),
          polls: j.polls + 1,
          stalledPolls,
          attempts: 0,
          lastPendingAt: now,
          nextPollAt: now + delay,
        };
      });
      if (next) host.deps.changed([next]);
    } else if (outcome.state === 'done') {
      const next = await host.update(running.id, (j) =>
        j.status === 'running'
          ? { ...j, status: 'downloading', progress: 100, polls: j.polls + 1, attempts: 0, renderSeenAt: now, pendingOutputs: outcome.outputs, ...reportedCost(outcome) }
          : undefined,
      );
      if (next) {
        host.forgetRenderHistory(); // one more render to learn from
        host.deps.changed([next]);
        await downloadPhase(host, next);
      }
    } else if (outcome.state === 'failed') {
      await host.fail(running.id, outcome.error, undefined, { polls: running.polls + 1 });
    } else {
      await host.fail(running.id, { kind: 'expired', message: t('jobs.theProviderReportsThisJob') }, undefined, { polls: running.polls + 1 });
    }
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.kind === 'cancelled') return;
    await retryLater(host, running, info, 'poll');
  }
}

export async function downloadPhase(host: PhaseHost, job: Job): Promise<void> {
  let current = job;
  try {
    while (current.pendingOutputs.length > 0) {
      const [output] = current.pendingOutputs;
      if (!output) break;
      const result = await host.deps.saveOutput(current, output, host.signalFor(job.id));
      const next = await host.update(job.id, (j) =>
        j.status === 'downloading' ? { ...j, results: [...j.results, result], pendingOutputs: j.pendingOutputs.slice(1), attempts: 0 } : undefined,
      );
      if (!next) return;
      current = next;
    }
    const done = await host.update(job.id, (j) => {
      if (j.status !== 'downloading') return undefined;
      const finished = { ...j, status: 'done' as const, finishedAt: host.now() };
      delete finished.error;
      delete finished.notBefore;
      if (j.results.length === 0 && j.moderatedCount > 0) {
        return { ...finished, status: 'failed' as const, error: { kind: 'content_policy' as const, message: t('jobs.everyImageWasReplacedBy') } };
      }
      return j.moderatedCount > 0 ? { ...finished, note: t('jobs.someModerated', j.moderatedCount, { count: formatNumber(j.moderatedCount) }) } : finished;
    });
    if (done) {
      host.deps.changed([done]);
      host.deps.finished(done);
    }
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.kind === 'cancelled') return;
    if (info.kind === 'no_access' && info.origin) {
      const blocked = await host.update(job.id, (j) => (j.status === 'downloading' ? { ...j, blockedOrigin: info.origin, error: info } : undefined));
      if (blocked) host.deps.changed([blocked]);
      return;
    }
    await retryLater(host, current, info, 'download');
  }
}

/** Transient poll/download failures wait and try again; anything else ends the job with its reason. */
async function retryLater(host: PhaseHost, job: Job, info: ErrorInfo, phase: 'poll' | 'download'): Promise<void> {
  const decision = phaseRetry(job, info, phase, host.now, host.random);
  if (decision.type === 'fail') return host.fail(job.id, info);
  const { at } = decision;
  const next = await host.update(job.id, (j) => {
    if (decision.type === 'rate-limited-poll') return j.status === 'running' ? { ...j, nextPollAt: at } : undefined;
    return j.status === (phase === 'poll' ? 'running' : 'downloading')
      ? { ...j, attempts: j.attempts + 1, ...(phase === 'poll' ? { nextPollAt: at } : { notBefore: at }) }
      : undefined;
  });
  if (next) host.deps.changed([next]);
}

/**
 * What the provider said it charged, in its own unit: USD ticks (xAI, Runware) or credits (Vydra), and
 * which model it says served the job.
 */
function reportedCost(outcome: { costTicks?: number; costCredits?: number; servedModel?: string }): Pick<Job, 'costTicks' | 'costCredits' | 'servedModel'> {
  return {
    ...(outcome.costTicks !== undefined ? { costTicks: outcome.costTicks } : {}),
    ...(outcome.costCredits !== undefined ? { costCredits: outcome.costCredits } : {}),
    ...(outcome.servedModel !== undefined ? { servedModel: outcome.servedModel } : {}),
  };
}
