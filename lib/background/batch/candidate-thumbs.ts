import type { BatchCandidate } from '../../batch/batch-schema';
import { blobToDataUrl } from '../../media/encode';
import { makeThumbnail } from '../../media/thumbnail';
import { fetchPageImage } from '../capture/page-image-fetch';

/**
 * Thumbnails the page script could not draw (cross-origin pictures taint its canvas): the worker reads them
 * under the page-image rules (its host access, no private targets, byte cap) but WITHOUT cookies, and never
 * for longer than DEADLINE_MS all told — the picker must not wait on a page that lists fifty slow addresses.
 * What is not here by then shows a placeholder.
 */
const DEADLINE_MS = 3000;
const PARALLEL = 6;
const THUMB_MAX_BYTES = 8 * 1024 * 1024;
const THUMB_EDGE = 96;

export async function fillThumbnails(candidates: BatchCandidate[], pageUrl: string | undefined): Promise<BatchCandidate[]> {
  const missing = candidates.filter((c) => !c.thumb);
  if (missing.length === 0) return candidates;
  const thumbs = new Map<string, string>();
  const queue = [...missing];
  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const thumb = await thumbnailOf(next.url, pageUrl).catch(() => undefined);
      if (thumb) thumbs.set(next.id, thumb);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, DEADLINE_MS)));
  await Promise.race([Promise.all(Array.from({ length: Math.min(PARALLEL, missing.length) }, work)), deadline]);
  clearTimeout(timer);
  queue.length = 0; // the rest are not started
  return candidates.map((c) => (c.thumb || !thumbs.has(c.id) ? c : { ...c, thumb: thumbs.get(c.id)! }));
}

async function thumbnailOf(url: string, pageUrl: string | undefined): Promise<string | undefined> {
  const blob = await fetchPageImage(url, pageUrl, undefined, { anonymous: true, maxBytes: THUMB_MAX_BYTES });
  const thumb = await makeThumbnail(blob, THUMB_EDGE);
  if (!thumb) return undefined;
  const dataUrl = await blobToDataUrl(thumb.blob);
  return dataUrl.length <= 60_000 ? dataUrl : undefined;
}
