import { useEffect, useState } from 'react';
import { db } from '../storage/db';

/**
 * Thumbnail object URLs for the history list, cached for the life of the page. Scrolling back to a row
 * (virtualised rows unmount and remount) shows its thumbnail at once instead of re-reading IndexedDB,
 * and the first page's thumbnails are fetched in one transaction together with the page itself, so the
 * first render already has them (see lib/ui/history-store.ts).
 */
const MAX_CACHED = 600;
const cache = new Map<string, string>(); // insertion order = age
const pending = new Map<string, Promise<string | undefined>>();

function remember(id: string, blob: Blob): string {
  const url = URL.createObjectURL(blob);
  cache.set(id, url);
  if (cache.size > MAX_CACHED) {
    const [oldestId, oldestUrl] = cache.entries().next().value as [string, string];
    cache.delete(oldestId);
    // An <img> that already decoded it keeps its pixels; a remount simply reloads it.
    URL.revokeObjectURL(oldestUrl);
  }
  return url;
}

/** Reads many thumbnails in one transaction (the first screenful). */
export async function prefetchThumbs(ids: string[]): Promise<void> {
  const wanted = ids.filter((id) => !cache.has(id));
  if (wanted.length === 0) return;
  const store = (await db()).transaction('thumbs').store;
  const records = await Promise.all(wanted.map((id) => store.get(id)));
  for (const record of records) if (record) remember(record.id, record.blob);
}

function load(id: string): Promise<string | undefined> {
  let promise = pending.get(id);
  if (!promise) {
    promise = db()
      .then((d) => d.get('thumbs', id))
      .then((record) => (record ? (cache.get(id) ?? remember(id, record.blob)) : undefined))
      .finally(() => pending.delete(id));
    pending.set(id, promise);
  }
  return promise;
}

export function useHistoryThumb(id: string | undefined): string | undefined {
  const [url, setUrl] = useState(() => (id ? cache.get(id) : undefined));
  useEffect(() => {
    if (!id) return setUrl(undefined);
    const cached = cache.get(id);
    if (cached) return setUrl(cached);
    let live = true;
    void load(id).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [id]);
  return url;
}
