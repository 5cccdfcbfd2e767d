import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';
import { saveOutput } from '../../../lib/background/io/save-output';
import { resolveSource } from '../../../lib/background/io/sources';
import { idbJobStore } from '../../../lib/background/state/job-store';
import { loadRenderHistory } from '../../../lib/background/state/render-history';
import { JobEngine } from '../../../lib/jobs/engine';
import type { EngineDeps } from '../../../lib/jobs/engine-deps';
import { isTerminal, type Job } from '../../../lib/model/job';
import { PROVIDERS } from '../../../lib/providers/registry';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { resetDbConnection } from '../../../lib/storage/db';
import { getJob } from '../../../lib/storage/jobs';

/**
 * A real JobEngine on a fresh (fake) IndexedDB, talking to the emulator through the real client.
 * Only the browser-specific edges (alarms, badge, notifications) are replaced by in-memory versions.
 */
export function freshDatabase(): void {
  globalThis.indexedDB = new IDBFactory();
  resetDbConnection();
  grantHostAccess(true);
}

/**
 * What permissions.contains answers for result hosts (the fake browser has no permission model): granted by
 * default, as the release build grants the default provider's media hosts.
 */
export function grantHostAccess(granted: boolean | ((origins: string[]) => boolean)): void {
  fakeBrowser.permissions.contains = (async (p: { origins?: string[] }) =>
    typeof granted === 'function' ? granted(p.origins ?? []) : granted) as typeof fakeBrowser.permissions.contains;
}

export interface Harness {
  engine: JobEngine;
  settings: Settings;
  online: boolean;
  finished: Job[];
  /** Every provider.submit call with how many were in flight at that moment. */
  maxConcurrentSubmits: number;
  /** Stop this engine's timers (as if the worker was killed). */
  kill(): void;
}

export function createHarness(apiBaseUrl: string, overrides: Partial<Settings> = {}, depOverrides: Partial<EngineDeps> = {}): Harness {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dead = false;
  let inSubmit = 0;
  const harness = {
    settings: { ...DEFAULT_SETTINGS, baseUrls: { ...DEFAULT_SETTINGS.baseUrls, xai: apiBaseUrl }, ...overrides },
    online: true,
    finished: [] as Job[],
    maxConcurrentSubmits: 0,
  } as Harness;
  const provider = PROVIDERS.xai;
  const deps: EngineDeps = {
    store: idbJobStore,
    providers: {
      ...PROVIDERS,
      xai: {
        ...provider,
        async submit(job, ctx) {
          inSubmit += 1;
          harness.maxConcurrentSubmits = Math.max(harness.maxConcurrentSubmits, inSubmit);
          try {
            return await provider.submit(job, ctx);
          } finally {
            inSubmit -= 1;
          }
        },
      },
    },
    loadSettings: async () => harness.settings,
    // Every provider's emulator key, so a test can switch provider (the Vydra/Runware modes of the same emulator).
    loadSecrets: async () => ({ xai: 'xai-emulator-key', vydra: 'vydra-emulator-key', runware: 'runware-emulator-key' }),
    resolveSource,
    saveOutput,
    isOnline: () => harness.online,
    renderHistory: loadRenderHistory,
    offlineRecheckMs: 200,
    scheduleWake(at) {
      if (timer) clearTimeout(timer);
      if (at !== undefined && !dead) timer = setTimeout(() => void harness.engine.tick(), Math.max(0, at - Date.now()));
    },
    changed: () => undefined,
    finished: (job) => harness.finished.push(job),
    ...depOverrides,
  };
  harness.engine = new JobEngine(deps);
  harness.kill = () => {
    dead = true;
    if (timer) clearTimeout(timer);
  };
  return harness;
}

export async function waitForJob(id: string, predicate: (job: Job) => boolean = (j) => isTerminal(j.status), timeoutMs = 15_000): Promise<Job> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(id);
    if (job && predicate(job)) return job;
    if (Date.now() > end) throw new Error(`job ${id} did not reach the expected state; last: ${job?.status} ${JSON.stringify(job?.error)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
