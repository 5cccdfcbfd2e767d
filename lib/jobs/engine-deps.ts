import type { JobResult, Job, PendingOutput } from '../model/job';
import type { ProviderId } from '../model/provider-ids';
import type { SourceRef } from '../model/request';
import type { Provider } from '../providers/types';
import type { Secrets, Settings } from '../settings/schema';
import type { RenderSample } from './render-time';

/**
 * What the job engine needs from the world, injected by the composition root (lib/background/services.ts) and by
 * the tests' harness. Kept apart from engine.ts so the engine's phases can name it without importing the engine.
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
