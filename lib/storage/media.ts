import { db, type MediaRecord } from './db';

export async function putMedia(record: Omit<MediaRecord, 'id' | 'createdAt' | 'bytes'> & { id?: string }): Promise<MediaRecord> {
  const full: MediaRecord = {
    ...record,
    id: record.id ?? crypto.randomUUID(),
    createdAt: Date.now(),
    bytes: record.blob.size,
  };
  await (await db()).put('media', full);
  return full;
}

export async function getMedia(id: string): Promise<MediaRecord | undefined> {
  return (await db()).get('media', id);
}

export async function putThumb(id: string, blob: Blob): Promise<void> {
  await (await db()).put('thumbs', { id, blob });
}

export async function getThumb(id: string): Promise<Blob | undefined> {
  return (await (await db()).get('thumbs', id))?.blob;
}

/** Source media that no job references any more (e.g. removed from the composer) is cleaned up here. */
export async function deleteMedia(ids: string[]): Promise<void> {
  const tx = (await db()).transaction(['media', 'thumbs'], 'readwrite');
  for (const id of ids) {
    await tx.objectStore('media').delete(id);
    await tx.objectStore('thumbs').delete(id);
  }
  await tx.done;
}
