import { create } from 'zustand';
import type { Job } from '../model/job';
import { onChange } from '../storage/changes';
import { getJob, listJobs } from '../storage/jobs';

/**
 * Read-only mirror of job state for a page. Fed from IndexedDB and refreshed by the background's change
 * notifications: pages never poll the API and never write jobs, so every open panel agrees.
 */
interface JobsState {
  jobs: Job[]; // newest first
  loaded: boolean;
  hasMore: boolean;
  /** Reading local storage failed (shown as an error state, never a blank panel). */
  error: string | undefined;
  loadMore(): Promise<void>;
}

const PAGE = 200;

export const useJobs = create<JobsState>()((set, get) => ({
  jobs: [],
  loaded: false,
  hasMore: true,
  error: undefined,
  async loadMore() {
    const { jobs } = get();
    const before = jobs.at(-1)?.createdAt;
    try {
      const page = await listJobs({ limit: PAGE, ...(before !== undefined ? { before } : {}) });
      const known = new Set(get().jobs.map((j) => j.id));
      set({ jobs: [...get().jobs, ...page.filter((j) => !known.has(j.id))], hasMore: page.length === PAGE, loaded: true, error: undefined });
    } catch (error) {
      set({ loaded: true, error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

async function applyChanges(ids: string[]): Promise<void> {
  const fresh = await Promise.all(ids.map(async (id) => [id, await getJob(id)] as const));
  useJobs.setState((state) => {
    const byId = new Map(state.jobs.map((j) => [j.id, j]));
    for (const [id, job] of fresh) {
      if (job) byId.set(id, job);
      else byId.delete(id);
    }
    return { jobs: [...byId.values()].sort((a, b) => b.createdAt - a.createdAt) };
  });
}

let started = false;
/** Call once per page. */
export function startJobsSync(): void {
  if (started) return;
  started = true;
  onChange((change) => {
    if (change.type === 'jobs') void applyChanges(change.ids);
  });
  // A page that was in the background (or a panel reopened) may have missed notifications: re-read.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshActive();
  });
  void useJobs.getState().loadMore();
}

/** Re-read the jobs this page still believes are in flight. */
async function refreshActive(): Promise<void> {
  const ids = useJobs
    .getState()
    .jobs.filter((j) => ['queued', 'submitting', 'running', 'downloading'].includes(j.status))
    .map((j) => j.id);
  if (ids.length) await applyChanges(ids);
}
