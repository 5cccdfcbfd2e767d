import { IDBFactory } from 'fake-indexeddb';
import type { Job } from '../../../lib/model/job';
import { db, resetDbConnection, type MediaRecord } from '../../../lib/storage/db';
import { makeJob } from './job-fixture';

/** Magic numbers, so the bytes are what they claim to be (import and downloads type files from their bytes). */
export const MAGIC = {
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  html: [...'<!doctype html><script>alert(1)</script>'].map((c) => c.charCodeAt(0)),
} as const;

/** `n` deterministic bytes per seed, starting with the given magic number. */
export function bytes(seed: number, n = 64, magic: readonly number[] = MAGIC.jpeg): Uint8Array<ArrayBuffer> {
  const out = Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
  out.set(magic.slice(0, n));
  return out;
}

/** A finished edit with one PNG source and one JPEG result. */
export function archiveJob(id: string, createdAt: number, extra: Partial<Job> = {}): Job {
  return makeJob(id, {
    createdAt,
    request: { mode: 'edit-image', prompt: `prompt ${id}`, model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: `src-${id}`, mimeType: 'image/png' }] },
    origin: { via: 'context-menu', pageUrl: 'https://example.org/', tabId: 12, targetId: 't1' },
    results: [{ mediaId: `res-${id}`, kind: 'image', mimeType: 'image/jpeg', bytes: 64, thumb: true }],
    costTicks: 200_000_000,
    ...extra,
  });
}

/** Stores jobs made by `archiveJob` with their source, result and thumbnail. */
export async function seedArchiveJobs(jobs: Job[]): Promise<void> {
  const database = await db();
  for (const [i, j] of jobs.entries()) {
    await database.put('jobs', j);
    const result: MediaRecord = { id: `res-${j.id}`, blob: new Blob([bytes(i) as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), mimeType: 'image/jpeg', bytes: 64, createdAt: j.createdAt, role: 'result', jobId: j.id };
    const source: MediaRecord = { id: `src-${j.id}`, blob: new Blob([bytes(100 + i, 64, MAGIC.png) as Uint8Array<ArrayBuffer>], { type: 'image/png' }), mimeType: 'image/png', bytes: 64, createdAt: j.createdAt, role: 'source' };
    await database.put('media', result);
    await database.put('media', source);
    await database.put('thumbs', { id: result.id, blob: new Blob([bytes(200 + i, 16) as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }) });
  }
}

/** A new, empty IndexedDB ("another browser profile"). */
export function freshProfile(): void {
  globalThis.indexedDB = new IDBFactory();
  resetDbConnection();
}

export const blobBytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
