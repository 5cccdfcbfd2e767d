import { capMessage, ImagineError, isRetryable, NO_KEY_CODE, toErrorInfo, type ErrorInfo } from '../api/errors';
import { PROVIDER_LABELS, type ProviderId } from '../providers/ids';
import { originOf } from '../security/base-url';
import { safeOrigin } from '../security/key-origin';
import type { Provider, ProviderContext } from '../providers/types';
import type { Secrets, Settings } from '../settings/schema';
import { keyFor } from '../settings/schema';
import { backoffDelay } from './backoff';
import { estimateCostUsd, usdToTicks } from './cost';
import { DESCRIBE_MODE, describeNotQueued } from './modes';
import { spendingCapError } from './spend';
import { JOB_SCHEMA_VERSION, isActive, type Job, type JobResult, type PendingOutput } from './job';
import { firstPollDelay, nextPollDelay } from './poll-schedule';
import { estimateRenderTime, renderParamsOf, type RenderEstimate, type RenderSample } from './render-time';
import { submitInputSchema, validationMessages, type JobOrigin, type JobRequest, type SourceRef } from './request';
import { formatNumber, t } from '../i18n';

/**
 * The job engine: the only writer of job state. It is built to be killed at any instant — every decision
 * it needs to resume is in the persisted job (status, nextPollAt, notBefore, pendingOutputs), and a
 * fresh engine calls `start()` to reconcile. In-memory state is only an optimisation (timers, abort
 * controllers) and the "is this job being worked on right now" set.
 */
export interface JobStore {
  get(id: string): Promise<Job | undefined>;
  put(job: Job): Promise<void>;
  listActive(): Promise<Job[]>;
  /** Cost (actual, else reserved estimate) of jobs created since `since`, for the daily cap. */
  spentSince(since: number): Promise<number>;
}

export interface EngineDeps {
  store: JobStore;
  providers: Record<ProviderId, Provider>;
  loadSettings(): Promise<Settings>;
  loadSecrets(): Promise<Secrets>;
  resolveSource(ref: SourceRef): Promise<string>;
  /** Download (or decode) one output and keep it locally; returns the stored result. */
  saveOutput(job: Job, output: PendingOutput, signal: AbortSignal): Promise<JobResult>;
  /** Wake the engine at `at` even if the worker is stopped meanwhile (alarms); undefined = nothing due. */
  scheduleWake(at: number | undefined): void;
  /** Jobs changed (UI notification, badge, page overlay). */
  changed(jobs: Job[]): void;
  /** A job reached done/failed (system notification when no Reimagine page is open). */
  finished(job: Job): void;
  isOnline(): boolean;
  /** Render times of the user's finished video jobs, to time polls (default: none, the bundled prior only). */
  renderHistory?(): Promise<RenderSample[]>;
  /** How often a queue paused by being offline looks at the connection again (default 10 s). */
  offlineRecheckMs?: number;
  now?(): number;
  random?(): number;
}

export type SubmitResult = { ok: true; job: Job } | { ok: false; error: ErrorInfo; fields?: Record<string, string> };

/** How long a video job may run before we give up polling (the provider's own jobs take minutes). */
export const VIDEO_DEADLINE_MS = 20 * 60_000;
/** Automatic resends after 429 (safe: a 429 means the request was not processed). */
const MAX_RATE_LIMIT_ATTEMPTS = 8;
/** Wake-up kept while a poll or download is in flight, in case the worker is stopped mid-request. */
const INFLIGHT_BACKSTOP_MS = 15_000;
/** How often a queue paused by being offline checks the connection again. */
const OFFLINE_RECHECK_MS = 10_000;
/** Poll/download retries for transient errors before giving up (a 429 on a poll is not one of them). */
const MAX_TRANSIENT_ATTEMPTS = 8;
/** A rate-limited poll waits at least this long, whatever Retry-After says… */
const POLL_RATE_LIMIT_MIN_MS = 2_000;
/** …and this long when the server sent no Retry-After. */
const POLL_RATE_LIMIT_DEFAULT_MS = 5_000;

/** Whether a match pattern as permissions.onAdded reports it (https://host/…, all hosts, <all_urls>) covers `origin`. */
export function originMatches(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>') return /^https?:/.test(origin);
  const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const [, scheme, host = ''] = m;
  const schemeOk = scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk = host === '*' || host === url.hostname || (host.startsWith('*.') && (url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))));
  return schemeOk && hostOk;
}

/** Per-run bookkeeping, reset when a job is created and when the user retries it. */
export const FRESH_RUN = { attempts: 0, polls: 0, stalledPolls: 0, pendingOutputs: [], results: [], moderatedCount: 0 } as const satisfies Partial<Job>;
const isRetriable = (status: Job['status']) => status === 'failed' || status === 'cancelled';

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

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Call once per worker start: jobs caught mid-submission are surfaced, never resent on our own. */
  async start(): Promise<void> {
    const interrupted: Job[] = [];
    for (const job of await this.deps.store.listActive()) {
      if (job.status !== 'submitting' || this.inflight.has(job.id)) continue;
      const updated = await this.update(job.id, (j) =>
        j.status === 'submitting'
          ? {
              ...j,
              status: 'failed',
              error: {
                kind: 'interrupted',
                message: t('jobs.reimagineWasStoppedWhileSending'),
              },
              finishedAt: this.now(),
            }
          : undefined,
      );
      if (updated) interrupted.push(updated);
    }
    if (interrupted.length) this.deps.changed(interrupted);
    await this.tick();
  }

  async submit(input: { request: JobRequest; provider?: ProviderId; origin?: JobOrigin }): Promise<SubmitResult> {
    const parsed = submitInputSchema.safeParse(input);
    if (!parsed.success) {
      const fields = validationMessages(parsed.error);
      return { ok: false, error: { kind: 'invalid_request', message: Object.values(fields)[0] ?? t('jobs.invalidRequest') }, fields };
    }
    const settings = await this.deps.loadSettings();
    const providerId = parsed.data.provider ?? settings.provider;
    const provider = this.deps.providers[providerId];
    const { request } = parsed.data;
    if (request.mode === DESCRIBE_MODE) return { ok: false, error: { kind: 'invalid_request', message: describeNotQueued() } };
    if (!provider.capabilities.modes[request.mode]) {
      const reason = provider.capabilities.unavailableReason[request.mode] ?? t('jobs.providerCannot', { provider: providerId });
      return { ok: false, error: { kind: 'invalid_request', message: reason } };
    }
    if (!keyFor(await this.deps.loadSecrets(), providerId)) {
      return { ok: false, error: { kind: 'invalid_key', code: NO_KEY_CODE, message: t('jobs.noApiKeySetAdd') } };
    }
    const estimateUsd = estimateCostUsd(request);
    const capError = await this.checkSpendingCap(settings, estimateUsd);
    if (capError) return { ok: false, error: capError };

    const now = this.now();
    const job: Job = {
      schemaVersion: JOB_SCHEMA_VERSION,
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      request,
      provider: providerId,
      baseUrl: settings.baseUrls[providerId],
      ...(parsed.data.origin ? { origin: parsed.data.origin } : {}),
      status: 'queued',
      sends: 1,
      ...FRESH_RUN,
      ...(estimateUsd !== undefined ? { estimatedCostTicks: usdToTicks(estimateUsd) } : {}),
    };
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
    const capError = await this.checkSpendingCap(settings, estimateCostUsdOf(job));
    if (capError) return { ok: false, error: capError };
    const updated = await this.update(id, (j) =>
      isRetriable(j.status)
        ? {
            ...omit(j, ['error', 'note', 'remoteId', 'submittedAt', 'nextPollAt', 'notBefore', 'progress', 'progressAt', 'deadlineAt', 'finishedAt', 'costTicks', 'costCredits', 'blockedOrigin', 'servedModel']),
            status: 'queued',
            sends: j.sends + 1,
            ...FRESH_RUN,
          }
        : undefined,
    );
    if (updated) this.deps.changed([updated]);
    void this.tick();
    return updated ? { ok: true, job: updated } : { ok: true, job };
  }

  /** `onlyQueued`: cancel only a job that has not started (a batch's cancel); a sent one is left alone. */
  async cancel(id: string, options: { onlyQueued?: boolean } = {}): Promise<Job | undefined> {
    const updated = await this.update(id, (j) => {
      if (!isActive(j.status) || (options.onlyQueued && j.status !== 'queued')) return undefined;
      const note =
        j.status === 'running'
          ? t(this.deps.providers[j.provider]?.cancel && j.remoteId ? 'jobs.askedProviderToCancel' : 'jobs.stoppedWatchingThisJobThe')
          : j.status === 'submitting'
            ? t('jobs.cancelledWhileSendingTheProvider')
            : undefined;
      return { ...j, status: 'cancelled', finishedAt: this.now(), ...(note ? { note } : {}), error: { kind: 'cancelled', message: t('jobs.cancelledByYou') } };
    });
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
      const next = await this.update(job.id, (j) => {
        if (j.status !== 'downloading' || j.blockedOrigin === undefined) return undefined;
        const resumed = { ...j, attempts: 0 };
        delete resumed.blockedOrigin;
        delete resumed.error;
        delete resumed.notBefore;
        return resumed;
      });
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
    let wakeAt: number | undefined;
    const wake = (at: number | undefined) => {
      if (at !== undefined) wakeAt = wakeAt === undefined ? at : Math.min(wakeAt, at);
    };

    // A job being sent counts even when this snapshot still reads "queued" (read before send() persisted
    // "submitting"): with real, slow answers that window is wide, and the limit was overrun without this.
    let busy = jobs.filter((j) => j.status !== 'queued' || this.inflight.has(j.id)).length;
    // A phase in flight has no wake of its own (the alarm that started it is used up): if the worker is
    // stopped mid-request, this backstop brings it back.
    const backstop = () => wake(now + INFLIGHT_BACKSTOP_MS);
    for (const job of jobs) {
      if (this.inflight.has(job.id)) {
        backstop();
        continue;
      }
      if (job.status === 'running') {
        if (job.deadlineAt !== undefined && now >= job.deadlineAt) {
          await this.fail(job.id, { kind: 'timeout', message: t('jobs.theVideoDidNotFinish') });
        } else if ((job.nextPollAt ?? 0) <= now) {
          this.launch(job, () => this.poll(job));
          backstop();
        } else wake(job.nextPollAt);
      } else if (job.status === 'downloading') {
        if (job.blockedOrigin !== undefined) continue; // waits for the user's "Allow access" (accessGranted)
        if ((job.notBefore ?? 0) <= now) {
          this.launch(job, () => this.download(job));
          backstop();
        } else wake(job.notBefore);
      }
    }

    const online = this.deps.isOnline();
    if (online && now >= this.queuePausedUntil) {
      // Oldest first; a job waiting out its own backoff does not hold up the ones behind it.
      for (const job of jobs) {
        if (busy >= settings.concurrency) break;
        if (job.status !== 'queued' || this.inflight.has(job.id)) continue;
        if ((job.notBefore ?? 0) > now) {
          wake(job.notBefore);
          continue;
        }
        busy += 1;
        this.launch(job, () => this.send(job));
      }
    } else if (online) wake(this.queuePausedUntil);
    else if (jobs.some((j) => j.status === 'queued')) {
      // Offline: the 'online' event calls tick(), but workers don't always get it, so look again soon.
      wake(now + (this.deps.offlineRecheckMs ?? OFFLINE_RECHECK_MS));
    }

    this.deps.scheduleWake(wakeAt);
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

  private async send(queued: Job): Promise<void> {
    // Persist "submitting" BEFORE the request leaves: if the worker dies mid-flight, start() sees it.
    const job = await this.update(queued.id, (j) => (j.status === 'queued' ? { ...j, status: 'submitting', sentAt: this.now() } : undefined));
    if (!job) return;
    this.deps.changed([job]);
    const provider = this.deps.providers[job.provider];
    try {
      const ctx = await this.context(job);
      const outcome = await provider.submit(job, ctx);
      const firstPoll = outcome.type === 'async' ? firstPollDelay(await this.renderEstimate(job)) : 0;
      const now = this.now();
      const next = await this.update(job.id, (j) => {
        if (j.status !== 'submitting') return undefined; // cancelled meanwhile
        const base = { ...j, attempts: 0, submittedAt: now, ...reportedCost(outcome) };
        delete base.notBefore;
        delete base.error; // a rate-limit notice from an earlier attempt
        return outcome.type === 'async'
          ? { ...base, status: 'running', remoteId: outcome.remoteId, progress: 0, nextPollAt: now + firstPoll, deadlineAt: now + VIDEO_DEADLINE_MS }
          : { ...base, status: 'downloading', pendingOutputs: outcome.outputs, moderatedCount: outcome.moderatedCount };
      });
      if (next) this.deps.changed([next]);
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind === 'cancelled') return;
      if (isRetryable(info.kind, 'submit') && job.attempts + 1 < MAX_RATE_LIMIT_ATTEMPTS) {
        // 429: not processed, so resending is safe. Pause the whole queue: the limit is per team, not per job.
        const delay = backoffDelay(job.attempts, { retryAfterMs: info.retryAfterMs, random: this.random });
        const notBefore = this.now() + delay;
        this.queuePausedUntil = Math.max(this.queuePausedUntil, notBefore);
        const next = await this.update(job.id, (j) =>
          j.status === 'submitting' ? { ...j, status: 'queued', attempts: j.attempts + 1, notBefore, error: { ...info, retryAfterMs: delay } } : undefined,
        );
        if (next) this.deps.changed([next]);
        return;
      }
      const note =
        info.kind === 'network' || info.kind === 'timeout' || info.kind === 'server_error'
          ? t('jobs.theProviderMayOrMay')
          : undefined;
      await this.fail(job.id, info, note);
    }
  }

  private async poll(running: Job): Promise<void> {
    if (!running.remoteId) return this.fail(running.id, { kind: 'server_error', message: t('jobs.jobHasNoRemoteId') });
    const provider = this.deps.providers[running.provider];
    try {
      const outcome = await provider.poll({ ...running, remoteId: running.remoteId }, await this.context(running));
      const estimate = outcome.state === 'pending' ? await this.renderEstimate(running) : undefined;
      const now = this.now();
      if (outcome.state === 'pending') {
        const next = await this.update(running.id, (j) => {
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
        if (next) this.deps.changed([next]);
      } else if (outcome.state === 'done') {
        const next = await this.update(running.id, (j) =>
          j.status === 'running'
            ? { ...j, status: 'downloading', progress: 100, polls: j.polls + 1, attempts: 0, renderSeenAt: now, pendingOutputs: outcome.outputs, ...reportedCost(outcome) }
            : undefined,
        );
        if (next) {
          this.renderHistory = undefined; // one more render to learn from
          this.deps.changed([next]);
          await this.download(next);
        }
      } else if (outcome.state === 'failed') {
        await this.fail(running.id, outcome.error, undefined, { polls: running.polls + 1 });
      } else {
        await this.fail(running.id, { kind: 'expired', message: t('jobs.theProviderReportsThisJob') }, undefined, { polls: running.polls + 1 });
      }
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind === 'cancelled') return;
      await this.retryLater(running, info, 'poll');
    }
  }

  /** How long this video should render, from the user's history (or the prior when there is none). */
  private async renderEstimate(job: Job): Promise<RenderEstimate | undefined> {
    const params = renderParamsOf(job);
    if (!params) return undefined;
    this.renderHistory ??= this.deps.renderHistory?.().catch(() => []) ?? Promise.resolve([]);
    return estimateRenderTime(params, await this.renderHistory);
  }

  private async download(job: Job): Promise<void> {
    let current = job;
    try {
      while (current.pendingOutputs.length > 0) {
        const [output] = current.pendingOutputs;
        if (!output) break;
        const result = await this.deps.saveOutput(current, output, this.signalFor(job.id));
        const next = await this.update(job.id, (j) =>
          j.status === 'downloading' ? { ...j, results: [...j.results, result], pendingOutputs: j.pendingOutputs.slice(1), attempts: 0 } : undefined,
        );
        if (!next) return;
        current = next;
      }
      const done = await this.update(job.id, (j) => {
        if (j.status !== 'downloading') return undefined;
        const finished = { ...j, status: 'done' as const, finishedAt: this.now() };
        delete finished.error;
        delete finished.notBefore;
        if (j.results.length === 0 && j.moderatedCount > 0) {
          return { ...finished, status: 'failed' as const, error: { kind: 'content_policy' as const, message: t('jobs.everyImageWasReplacedBy') } };
        }
        return j.moderatedCount > 0 ? { ...finished, note: t('jobs.someModerated', j.moderatedCount, { count: formatNumber(j.moderatedCount) }) } : finished;
      });
      if (done) {
        this.deps.changed([done]);
        this.deps.finished(done);
      }
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind === 'cancelled') return;
      if (info.kind === 'no_access' && info.origin) {
        const blocked = await this.update(job.id, (j) => (j.status === 'downloading' ? { ...j, blockedOrigin: info.origin, error: info } : undefined));
        if (blocked) this.deps.changed([blocked]);
        return;
      }
      await this.retryLater(current, info, 'download');
    }
  }

  /** Transient poll/download failures wait and try again; anything else ends the job with its reason. */
  private async retryLater(job: Job, info: ErrorInfo, phase: 'poll' | 'download'): Promise<void> {
    if (phase === 'poll' && info.kind === 'rate_limited') return this.waitOutPollRateLimit(job, info);
    if (!isRetryable(info.kind, phase) || job.attempts + 1 >= MAX_TRANSIENT_ATTEMPTS) {
      await this.fail(job.id, info);
      return;
    }
    const at = this.now() + backoffDelay(job.attempts, { retryAfterMs: info.retryAfterMs, maxMs: 30_000, random: this.random });
    const next = await this.update(job.id, (j) =>
      j.status === (phase === 'poll' ? 'running' : 'downloading')
        ? { ...j, attempts: j.attempts + 1, ...(phase === 'poll' ? { nextPollAt: at } : { notBefore: at }) }
        : undefined,
    );
    if (next) this.deps.changed([next]);
  }

  /**
   * A 429 on a poll says nothing about the job, which keeps rendering (and is billed): wait at least
   * Retry-After and at least 2 s (5 s, the fixed pollers' pace, when the server gives no hint), and never
   * count it as a failed attempt. Only the job's deadline ends the polling.
   */
  private async waitOutPollRateLimit(job: Job, info: ErrorInfo): Promise<void> {
    const wait = Math.max(POLL_RATE_LIMIT_MIN_MS, info.retryAfterMs ?? POLL_RATE_LIMIT_DEFAULT_MS) + Math.round(this.random() * 500);
    const at = this.now() + wait;
    const next = await this.update(job.id, (j) => (j.status === 'running' ? { ...j, nextPollAt: at } : undefined));
    if (next) this.deps.changed([next]);
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

  private async checkSpendingCap(settings: Settings, estimateUsd: number | undefined): Promise<ErrorInfo | undefined> {
    if (settings.dailySpendCapUsd === null) return undefined;
    const spent = await this.deps.store.spentSince(startOfDay(this.now()));
    return spendingCapError(settings.dailySpendCapUsd, spent, estimateUsd);
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

/**
 * A retry resends the job to the base URL frozen in it, so it is only allowed while that is still the
 * origin saved for its provider (the request-time key guard would refuse anyway; this says why up front).
 */
function retryRefusal(job: Job, settings: Settings): ErrorInfo | undefined {
  const saved = originOf(settings.baseUrls[job.provider]);
  if (saved !== undefined && originOf(job.baseUrl) === saved) return undefined;
  return {
    kind: 'invalid_request',
    code: 'key_not_sent',
    message: t('jobs.baseUrlChanged', { origin: safeOrigin(job.baseUrl), provider: PROVIDER_LABELS[job.provider], saved: saved ?? t('jobs.different') }),
  };
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

export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function omit<T extends object, K extends keyof T>(value: T, keys: K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}
