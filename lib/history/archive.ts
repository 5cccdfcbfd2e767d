import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { isTerminal, type Job } from '../model/job';
import { sniffBytes } from '../media/sniff';
import type { MediaRecord } from '../storage/db';
import { withoutMissingParents } from './archive-lineage';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_PATH, sha256Hex, type ArchiveMedia, type Manifest } from './archive-format';

/** History export: builds the archive described in archive-format.ts (import: archive-import.ts). */

export interface ArchiveSource {
  getMedia(id: string): Promise<MediaRecord | undefined>;
  getThumb(id: string): Promise<Blob | undefined>;
}


export function mediaIdsOf(job: Job): string[] {
  const sources = 'sources' in job.request ? job.request.sources.map((s) => s.mediaId) : [];
  return [...new Set([...job.results.map((r) => r.mediaId), ...sources])];
}

/** What leaves the browser: the record minus the tab/frame it ran in (meaningless elsewhere). */
function exportable(job: Job): Job {
  if (!job.origin) return job;
  const { tabId: _tab, frameId: _frame, targetId: _target, ...origin } = job.origin;
  return { ...job, origin };
}

/** Builds the archive from already-read jobs (active jobs are left out: they are still changing). */
export async function buildArchive(jobs: Job[], source: ArchiveSource, now = Date.now()): Promise<{ blob: Blob; jobs: number; media: number }> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const add = (path: string, data: Uint8Array, deflate: boolean) => {
    const entry = deflate ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    zip.add(entry);
    entry.push(data, true);
  };

  const finished = jobs.filter((j) => isTerminal(j.status));
  const exported = new Set(finished.map((j) => j.id));
  const kept = finished.map((j) => withoutMissingParents(exportable(j), exported));
  const media: ArchiveMedia[] = [];
  const seen = new Set<string>();
  for (const job of kept) {
    for (const id of mediaIdsOf(job)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const record = await source.getMedia(id);
      if (!record) continue; // gone (e.g. a source removed earlier): the job still imports, re-run says so
      const bytes = new Uint8Array(await record.blob.arrayBuffer());
      const path = `media/${id}.${sniffBytes(bytes)?.extension ?? 'bin'}`;
      add(path, bytes, false);
      const thumb = await source.getThumb(id);
      const thumbPath = thumb ? `thumbs/${id}.jpg` : undefined;
      if (thumb && thumbPath) add(thumbPath, new Uint8Array(await thumb.arrayBuffer()), false);
      media.push({
        id,
        role: record.role,
        ...(record.jobId ? { jobId: record.jobId } : {}),
        mimeType: record.mimeType,
        bytes: bytes.byteLength,
        createdAt: record.createdAt,
        sha256: await sha256Hex(bytes),
        path,
        ...(thumbPath ? { thumbPath } : {}),
      });
    }
  }
  const manifest: Manifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: now, jobs: kept, media };
  add(MANIFEST_PATH, strToU8(JSON.stringify(manifest)), true);
  zip.end();
  if (failure) throw failure;
  return { blob: new Blob(chunks as BlobPart[], { type: 'application/zip' }), jobs: kept.length, media: media.length };
}

/** Suggested file name: reimagine-history-2024-05-01.zip */
export function archiveFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `reimagine-history-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`;
}
