import { db } from '../storage/db';
import { KV_NAMES } from '../storage/keys';
import { batchRecordSchema, type BatchItem, type BatchRecord } from './batch-schema';

/**
 * Batches live in IndexedDB (kv store, `batch:<id>`), next to their jobs: a worker killed mid-batch finds
 * every item's state there (its capture in session storage, its job in the jobs store). The background is
 * the only writer; the panel reads. Item updates are one readwrite transaction each (read-modify-write with
 * no other await inside), so captures finishing at the same time cannot overwrite each other.
 */
export const batchKey = (id: string) => `${KV_NAMES.batchPrefix}${id}`;
export const LATEST_BATCH_KEY = KV_NAMES.latestBatch;

export async function readBatch(id: string): Promise<BatchRecord | undefined> {
  const parsed = batchRecordSchema.safeParse(await (await db()).get('kv', batchKey(id)));
  return parsed.success ? parsed.data : undefined;
}

export async function readLatestBatch(): Promise<BatchRecord | undefined> {
  const id = await (await db()).get('kv', LATEST_BATCH_KEY);
  return typeof id === 'string' ? readBatch(id) : undefined;
}

export async function createBatch(record: BatchRecord): Promise<void> {
  const tx = (await db()).transaction('kv', 'readwrite');
  await tx.store.put(record, batchKey(record.id));
  await tx.store.put(record.id, LATEST_BATCH_KEY);
  await tx.done;
}

/** Apply `change` to the stored record atomically; returns the record written (undefined: none). */
export async function updateBatch(id: string, change: (record: BatchRecord) => BatchRecord | undefined): Promise<BatchRecord | undefined> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const parsed = batchRecordSchema.safeParse(await tx.store.get(batchKey(id)));
  const next = parsed.success ? change(parsed.data) : undefined;
  if (next) await tx.store.put(next, batchKey(id));
  await tx.done;
  return next;
}

export function updateItem(id: string, targetId: string, patch: (item: BatchItem, record: BatchRecord) => BatchItem | undefined): Promise<BatchRecord | undefined> {
  return updateBatch(id, (record) => {
    let changed = false;
    const items = record.items.map((item) => {
      if (item.targetId !== targetId) return item;
      const next = patch(item, record);
      if (next) changed = true;
      return next ?? item;
    });
    return changed ? { ...record, items } : undefined;
  });
}
