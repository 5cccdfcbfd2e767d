import type { JobStore } from '../../jobs/engine-deps';
import { spentTicks } from '../../jobs/spend';
import { db } from '../../storage/db';
import { getJob, listActiveJobs, putJob } from '../../storage/jobs';
import { migrateJob } from '../../storage/job-migrations';

/** The engine's persistence, on IndexedDB. */
export const idbJobStore: JobStore = {
  get: getJob,
  put: putJob,
  listActive: listActiveJobs,
  async spentSince(since) {
    const raw = await (await db()).getAllFromIndex('jobs', 'by-created', IDBKeyRange.lowerBound(since));
    return spentTicks(raw.map(migrateJob).filter((job) => job !== undefined), since);
  },
};
