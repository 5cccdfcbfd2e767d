import type { Job } from '../model/job';
import { db } from '../storage/db';
import { migrateJob } from '../storage/job-migrations';

/**
 * Newest-first paging over the jobs store for the history views (read-only; pages never write jobs).
 *
 * Unlike `listJobs({before})`, the cursor here starts *at* the last createdAt seen (inclusive) and skips
 * ids already returned, so two jobs created in the same millisecond on a page boundary are never lost.
 */
export interface Page {
  jobs: Job[];
  /** Pass back to get the next page; undefined when the store is exhausted. */
  next?: PageCursor;
}
export interface PageCursor {
  createdAt: number;
  seen: string[];
}

export async function readHistoryPage(limit: number, after?: PageCursor): Promise<Page> {
  const database = await db();
  const range = after ? IDBKeyRange.upperBound(after.createdAt) : undefined;
  const seen = new Set(after?.seen ?? []);
  const jobs: Job[] = [];
  let cursor = await database.transaction('jobs').store.index('by-created').openCursor(range, 'prev');
  let lastCreated = after?.createdAt;
  let sameMs: string[] = after ? [...seen] : [];
  while (cursor && jobs.length < limit) {
    const key = cursor.primaryKey;
    if (!seen.has(key)) {
      const job = migrateJob(cursor.value);
      if (job) jobs.push(job);
      const created = cursor.key;
      if (created !== lastCreated) sameMs = [];
      sameMs.push(key);
      lastCreated = created;
    }
    cursor = await cursor.continue();
  }
  if (!cursor || lastCreated === undefined) return { jobs };
  return { jobs, next: { createdAt: lastCreated, seen: sameMs } };
}
