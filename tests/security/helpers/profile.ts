import 'fake-indexeddb/auto';
import type { ImportReply } from '../../../lib/history/transfer';
import { importHistory } from '../../../lib/background/state/history-upkeep';
import type { Job } from '../../../lib/model/job';
import { db } from '../../../lib/storage/db';
import { archiveJob, freshProfile, seedArchiveJobs } from '../../unit/helpers/archive-fixture';
import { exportParts, type ArchiveParts } from './hostile-zip';

/** Every record of every store, blobs as bytes + type: two snapshots are equal iff nothing changed. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const database = await db();
  const out: Record<string, unknown[]> = {};
  for (const store of ['jobs', 'media', 'thumbs', 'kv'] as const) {
    const keys = await database.getAllKeys(store);
    const values = await database.getAll(store);
    out[store] = await Promise.all(
      values.map(async (value, i) => {
        const record = value as Record<string, unknown>;
        const blob = record && typeof record === 'object' && record.blob instanceof Blob ? record.blob : undefined;
        return { key: keys[i], ...record, ...(blob ? { blob: { type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) } } : {}) };
      }),
    );
  }
  return out;
}

/** The user's own history in this profile: two finished jobs with their files. */
export const MY_JOBS = (now: number): Job[] => [archiveJob('mine-a', now - 3 * 86_400_000), archiveJob('mine-b', now - 60_000)];

/**
 * A fresh profile holding the user's own history, plus the parts of an export made elsewhere (the
 * attacker's starting point: a genuine archive of `theirs`).
 */
export async function profileAndArchive(theirs: Job[], now = Date.now()): Promise<{ parts: ArchiveParts; mine: Job[] }> {
  freshProfile();
  await seedArchiveJobs(theirs);
  const parts = await exportParts(theirs);
  freshProfile();
  const mine = MY_JOBS(now);
  await seedArchiveJobs(mine);
  return { parts, mine };
}

export const importFile = (zip: Uint8Array): Promise<ImportReply> => importHistory(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
