import { create } from 'zustand';
import type { Job } from '../jobs/job';
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
  loadMore(): Promise<void>;
}

const PAGE = 200;

export const useJobs = create<JobsState>()((set, get) => ({
  jobs: [],
  loaded: false,
  hasMore: true,
  async loadMore() {
    const { jobs } = get();
    const before = jobs.at(-1)?.createdAt;
    const page = await listJobs({ limit: PAGE, ...(before !== undefined ? { before } : {}) });
    set({ jobs: [...jobs, ...page], hasMore: page.length === PAGE, loaded: true });
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
  void useJobs.getState().loadMore();
}
