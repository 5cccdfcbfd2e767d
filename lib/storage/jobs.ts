import { ACTIVE_STATUSES, jobSchema, isActive, type Job } from '../model/job';
import { db } from './db';
import { migrateJob } from './job-migrations';

/** Job records. Writes are for the background only; pages use the read functions. */

export async function getJob(id: string): Promise<Job | undefined> {
  return migrateJob(await (await db()).get('jobs', id));
}

export async function putJob(job: Job): Promise<void> {
  await (await db()).put('jobs', jobSchema.parse(job));
}

/** Newest first. `before` pages backwards by createdAt. */
export async function listJobs(options: { limit?: number; before?: number } = {}): Promise<Job[]> {
  const database = await db();
  const range = options.before !== undefined ? IDBKeyRange.upperBound(options.before, true) : undefined;
  const out: Job[] = [];
  let cursor = await database.transaction('jobs').store.index('by-created').openCursor(range, 'prev');
  while (cursor && (options.limit === undefined || out.length < options.limit)) {
    const job = migrateJob(cursor.value);
    if (job) out.push(job);
    cursor = await cursor.continue();
  }
  return out;
}

export async function listActiveJobs(): Promise<Job[]> {
  const index = (await db()).transaction('jobs').store.index('by-status');
  const active = await Promise.all(ACTIVE_STATUSES.map((status) => index.getAll(status)));
  return active
    .flat()
    .map(migrateJob)
    .filter((j): j is Job => j !== undefined && isActive(j.status))
    .sort((a, b) => a.createdAt - b.createdAt);
}

export async function countJobs(): Promise<number> {
  return (await db()).count('jobs');
}

/** Deletes the job and every blob it owns, in one transaction (no orphaned media, no dangling job). */
export async function deleteJobs(ids: string[]): Promise<void> {
  const database = await db();
  const tx = database.transaction(['jobs', 'media', 'thumbs'], 'readwrite');
  for (const id of ids) {
    const job = migrateJob(await tx.objectStore('jobs').get(id));
    await tx.objectStore('jobs').delete(id);
    const mediaIds = new Set<string>(job?.results.map((r) => r.mediaId) ?? []);
    for (const key of await tx.objectStore('media').index('by-job').getAllKeys(id)) mediaIds.add(key);
    for (const mediaId of mediaIds) {
      await tx.objectStore('media').delete(mediaId);
      await tx.objectStore('thumbs').delete(mediaId);
    }
  }
  await tx.done;
}
