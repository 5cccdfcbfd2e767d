import { capMessage, ImagineError, NO_KEY_CODE, type ErrorInfo } from '../errors/taxonomy';
import { originMatches } from '../net/origin-match';
import type { ProviderContext } from '../providers/types';
import { keyFor } from '../settings/schema';
import { estimateCostUsd, usdToTicks } from './cost';
import { DESCRIBE_MODE, describeNotQueued } from '../model/modes';
import { isActive, type Job } from '../model/job';
import { estimateRenderTime, renderParamsOf, type RenderEstimate, type RenderSample } from './render-time';
import { t } from '../i18n';
import { admitSubmit, spendingCapCheck, type SubmitInput, type SubmitResult } from './admission';
import type { EngineDeps } from './engine-deps';
import { downloadPhase, pollPhase, sendPhase, type PhaseHost } from './phases';
import { retryRefusal } from './retry-policy';
import { activeStep, OFFLINE_RECHECK_MS, queuedToSend, WakeAt } from './tick-plan';
import { cancelled, interruptedOnStart, isRetriable, newJob, requeuedForRetry, resumedAfterAccess } from './transitions';

/**
 * The job engine: the only writer of job state. It is built to be killed at any instant — every decision
 * it needs to resume is in the persisted job (status, nextPollAt, notBefore, pendingOutputs), and a
 * fresh engine calls `start()` to reconcile. In-memory state is only an optimisation (timers, abort
 * controllers) and the "is this job being worked on right now" set. What each tick does is planned by
 * tick-plan.ts, the phases live in phases.ts, when to try again in retry-policy.ts, and whether a job may
 * enter the queue at all in admission.ts.
 */
export class JobEngine {
  private readonly inflight = new Map<string, AbortController>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private tickRunning: Promise<void> | undefined;
  private tickAgain = false;
  private queuePausedUntil = 0;
  private readonly now: () => number;
  private readonly random: () => number;
  /** Loaded once, dropped when another render finishes. */
  private renderHistory: Promise<RenderSample[]> | undefined;

  /** What the phases (phases.ts) may use of the engine. */
  private readonly host: PhaseHost;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.host = {
      deps,
      now: () => this.now(),
      random: () => this.random(),
      update: (id, change) => this.update(id, change),
      fail: (id, error, note, extra) => this.fail(id, error, note, extra),
      context: (job) => this.context(job),
      signalFor: (id) => this.signalFor(id),
      renderEstimate: (job) => this.renderEstimate(job),
      pauseQueueUntil: (at) => {
        this.queuePausedUntil = Math.max(this.queuePausedUntil, at);
      },
      forgetRenderHistory: () => {
        this.renderHistory = undefined;
      },
    };
  }

  /** Call once per worker start: jobs caught mid-submission are surfaced, never resent on our own. */
  async start(): Promise<void> {
    const interrupted: Job[] = [];
    for (const job of await this.deps.store.listActive()) {
      if (job.status !== 'submitting' || this.inflight.has(job.id)) continue;
      const updated = await this.update(job.id, (j) => interruptedOnStart(j, this.now()));
      if (updated) interrupted.push(updated);
    }
    if (interrupted.length) this.deps.changed(interrupted);
    await this.tick();
  }

  async submit(input: SubmitInput): Promise<SubmitResult> {
    const admitted = await admitSubmit(input, this.deps, this.now());
    if (!admitted.ok) return admitted;
    const { request, providerId, settings, estimateUsd, origin } = admitted;
    const job = newJob({
      request,
      provider: providerId,
      baseUrl: settings.baseUrls[providerId],
      ...(origin ? { origin } : {}),
      ...(estimateUsd !== undefined ? { estimatedCostTicks: usdToTicks(estimateUsd) } : {}),
      now: this.now(),
    });
    await this.deps.store.put(job);
    this.deps.changed([job]);
    void this.tick();
    return { ok: true, job };
  }

  /** The user asked to send it again (after a failure, an interruption or a cancel). */
  async retry(id: string): Promise<SubmitResult> {
    const job = await this.deps.store.get(id);
    if (!job) return { ok: false, error: { kind: 'not_found', message: t('jobs.thatJobNoLongerExists') } };
    if (isActive(job.status)) return { ok: true, job };
    if (job.request.mode === DESCRIBE_MODE) return { ok: false, error: { kind: 'invalid_request', message: describeNotQueued() } };
    // History from an archive: its provider and base URL came from a file (Re-run uses today's settings).
    if (job.imported) return { ok: false, error: { kind: 'invalid_request', message: t('jobs.importedJobsAreHistoryOnly') } };
    if (!isRetriable(job.status)) return { ok: false, error: { kind: 'invalid_request', message: t('jobs.onlyFailedOrCancelledJobs') } };
    const settings = await this.deps.loadSettings();
    const elsewhere = retryRefusal(job, settings);
    if (elsewhere) return { ok: false, error: elsewhere };
    const capError = await spendingCapCheck(this.deps.store, settings, estimateCostUsdOf(job), this.now());
    if (capError) return { ok: false, error: capError };
    const updated = await this.update(id, requeuedForRetry);
    if (updated) this.deps.changed([updated]);
    void this.tick();
    return updated ? { ok: true, job: updated } : { ok: true, job };
  }

  /** `onlyQueued`: cancel only a job that has not started (a batch's cancel); a sent one is left alone. */
  async cancel(id: string, options: { onlyQueued?: boolean } = {}): Promise<Job | undefined> {
    const updated = await this.update(id, (j) => cancelled(j, this.now(), options.onlyQueued, !!(this.deps.providers[j.provider]?.cancel && j.remoteId)));
    if (updated || !options.onlyQueued) this.inflight.get(id)?.abort();
    if (updated) this.deps.changed([updated]);
    if (updated?.remoteId) void this.askProviderToCancel(updated as Job & { remoteId: string });
    void this.tick();
    return updated;
  }

  /**
   * The user allowed access to hosts (permissions.onAdded): results that waited for one of them are
   * downloaded now. Only the download resumes — nothing is submitted, nothing is paid again.
   */
  async accessGranted(origins: readonly string[]): Promise<void> {
    const covers = (origin: string) => origins.some((pattern) => originMatches(pattern, origin));
    const waiting = (await this.deps.store.listActive()).filter((j) => j.status === 'downloading' && j.blockedOrigin !== undefined && covers(j.blockedOrigin));
    for (const job of waiting) {
      const next = await this.update(job.id, resumedAfterAccess);
      if (next) this.deps.changed([next]);
    }
    await this.tick();
  }

  /** Browser came back online, an alarm fired, a page asked: look at everything that is due. */
  tick(): Promise<void> {
    if (this.tickRunning) {
      this.tickAgain = true;
      return this.tickRunning;
    }
    this.tickRunning = (async () => {
      try {
        do {
          this.tickAgain = false;
          await this.runTick();
        } while (this.tickAgain);
      } finally {
        this.tickRunning = undefined;
      }
    })();
    return this.tickRunning;
  }

  /** Resolves when nothing is in flight (tests and the bench use this). */
  get busy(): boolean {
    return this.inflight.size > 0 || this.tickRunning !== undefined;
  }

  private async runTick(): Promise<void> {
    const now = this.now();
    const jobs = await this.deps.store.listActive();
    const settings = await this.deps.loadSettings();
    const wake = new WakeAt();
    for (const job of jobs) {
      const { step, wake: at } = activeStep(job, now, this.inflight.has(job.id));
      wake.offer(at);
      if (step === 'timeout') await this.fail(job.id, { kind: 'timeout', message: t('jobs.theVideoDidNotFinish') });
      else if (step === 'poll') this.launch(job, () => pollPhase(this.host, job));
      else if (step === 'download') this.launch(job, () => downloadPhase(this.host, job));
    }
    const toSend = queuedToSend(
      {
        jobs,
        now,
        concurrency: settings.concurrency,
        isInflight: (id) => this.inflight.has(id),
        online: this.deps.isOnline(),
        queuePausedUntil: this.queuePausedUntil,
        offlineRecheckMs: this.deps.offlineRecheckMs ?? OFFLINE_RECHECK_MS,
      },
      wake,
    );
    for (const job of toSend) this.launch(job, () => sendPhase(this.host, job));
    this.deps.scheduleWake(wake.at);
  }

  /** Runs one phase of one job in the background, at most one at a time per job. */
  private launch(job: Job, phase: () => Promise<void>): void {
    const controller = new AbortController();
    this.inflight.set(job.id, controller);
    void phase()
      .catch((error: unknown) => console.error('Reimagine: job phase crashed', job.id, error))
      .finally(() => {
        this.inflight.delete(job.id);
        void this.tick();
      });
  }

  /** A provider that can stop a running job (Vydra) is asked to; it is best effort and never un-cancels. */
  private async askProviderToCancel(job: Job & { remoteId: string }): Promise<void> {
    const provider = this.deps.providers[job.provider];
    if (!provider?.cancel) return;
    try {
      const apiKey = keyFor(await this.deps.loadSecrets(), job.provider);
      if (apiKey) await provider.cancel(job, { apiKey, baseUrl: job.baseUrl, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      console.warn('The provider did not confirm the cancel', error);
    }
  }

  private signalFor(id: string): AbortSignal {
    return this.inflight.get(id)?.signal ?? new AbortController().signal;
  }

  private async context(job: Job): Promise<ProviderContext> {
    const apiKey = keyFor(await this.deps.loadSecrets(), job.provider);
    if (!apiKey) throw new ImagineError({ kind: 'invalid_key', code: NO_KEY_CODE, message: t('jobs.noApiKeySetAdd') });
    return { apiKey, baseUrl: job.baseUrl, signal: this.signalFor(job.id), resolveSource: this.deps.resolveSource };
  }

  /** How long this video should render, from the user's history (or the prior when there is none). */
  private async renderEstimate(job: Job): Promise<RenderEstimate | undefined> {
    const params = renderParamsOf(job);
    if (!params) return undefined;
    this.renderHistory ??= this.deps.renderHistory?.().catch(() => []) ?? Promise.resolve([]);
    return estimateRenderTime(params, await this.renderHistory);
  }

  private async fail(id: string, error: ErrorInfo, note?: string, extra: Partial<Job> = {}): Promise<void> {
    const failed = await this.update(id, (j) =>
      isActive(j.status) ? { ...j, ...extra, status: 'failed', error: { ...error, message: capMessage(error.message) }, finishedAt: this.now(), ...(note ? { note } : {}) } : undefined,
    );
    if (failed) {
      this.deps.changed([failed]);
      this.deps.finished(failed);
    }
  }

  /** Read-modify-write of one job, serialised per job so a cancel and a poll result never interleave. */
  private update(id: string, change: (job: Job) => Job | undefined): Promise<Job | undefined> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const run = previous.then(async () => {
      const current = await this.deps.store.get(id);
      if (!current) return undefined;
      const next = change(current);
      if (!next) return undefined;
      const stamped = { ...next, updatedAt: this.now() };
      await this.deps.store.put(stamped);
      return stamped;
    });
    const settled = run.catch(() => undefined);
    this.locks.set(id, settled);
    void settled.then(() => {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    });
    return run;
  }
}

const estimateCostUsdOf = (job: Job) => estimateCostUsd(job.request);
