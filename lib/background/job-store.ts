import type { JobStore } from '../jobs/engine';
import { isActive } from '../jobs/job';
import { db } from '../storage/db';
import { getJob, listActiveJobs, putJob } from '../storage/jobs';
import { migrateJob } from '../storage/migrations';

/** The engine's persistence, on IndexedDB. */
export const idbJobStore: JobStore = {
  get: getJob,
  put: putJob,
  listActive: listActiveJobs,
  async spentSince(since) {
    const raw = await (await db()).getAllFromIndex('jobs', 'by-created', IDBKeyRange.lowerBound(since));
    let ticks = 0;
    for (const job of raw.map(migrateJob)) {
      // Imported jobs are history: a cost in someone's file never uses up today's cap here.
      if (!job || job.imported) continue;
      // Actual cost when the provider reported it; the reserved estimate while a job may still cost.
      if (job.costTicks !== undefined) ticks += job.costTicks;
      else if (isActive(job.status) || (job.status === 'done' && job.estimatedCostTicks !== undefined)) ticks += job.estimatedCostTicks ?? 0;
    }
    return ticks;
  },
};
