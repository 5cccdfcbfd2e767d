import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { z } from 'zod';
import { isTerminal, type Job } from '../jobs/job';
import type { MediaRecord } from '../storage/db';
import { migrateJob } from '../storage/migrations';
import { extensionFor } from '../media/file-name';

/**
 * History archive: one .zip with
 *   manifest.json          format + version, the exported jobs (stored records), the media list with sha-256
 *   media/<mediaId>.<ext>  result and source bytes (stored, not deflated: they are already compressed)
 *   thumbs/<mediaId>.jpg   thumbnails, so the imported history is fast straight away
 * Never keys or settings: only job records and their media go in, by construction.
 *
 * Import is idempotent: a job whose id already exists is skipped, and so is media already present;
 * every file's hash is checked before anything is written.
 */
export const ARCHIVE_FORMAT = 'reimagine-history';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

const idSchema = z.string().regex(/^[\w.-]{1,128}$/, 'bad id');
export const archiveMediaSchema = z.object({
  id: idSchema,
  role: z.enum(['source', 'result']),
  jobId: z.string().optional(),
  mimeType: z.string().min(1).max(100),
  bytes: z.number().int().nonnegative(),
  createdAt: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string(),
  thumbPath: z.string().optional(),
});
export type ArchiveMedia = z.infer<typeof archiveMediaSchema>;

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.number(),
  /** Stored job records; each goes through migrateJob on import, so older job versions still import. */
  jobs: z.array(z.unknown()),
  media: z.array(archiveMediaSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

export interface ArchiveSource {
  getMedia(id: string): Promise<MediaRecord | undefined>;
  getThumb(id: string): Promise<Blob | undefined>;
}


export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
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

  const kept = jobs.filter((j) => isTerminal(j.status)).map(exportable);
  const media: ArchiveMedia[] = [];
  const seen = new Set<string>();
  for (const job of kept) {
    for (const id of mediaIdsOf(job)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const record = await source.getMedia(id);
      if (!record) continue; // gone (e.g. a source removed earlier): the job still imports, re-run says so
      const bytes = new Uint8Array(await record.blob.arrayBuffer());
      const path = `media/${id}.${extensionFor(record.mimeType)}`;
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

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export interface ParsedArchive {
  manifest: Manifest;
  jobs: Job[];
  /** Job records in the manifest that could not be read (skipped, counted in the report). */
  invalidJobs: number;
  media: Map<string, { entry: ArchiveMedia; bytes: Uint8Array; thumb?: Uint8Array }>;
}

/** Unzips and validates everything (manifest shape, job records, file presence, sizes and hashes). */
export async function readArchive(zipBytes: Uint8Array): Promise<ParsedArchive> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes);
  } catch {
    throw new ArchiveError('That file is not a zip archive.');
  }
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) throw new ArchiveError('That zip is not a Reimagine history export (no manifest.json).');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new ArchiveError('The archive’s manifest.json is not valid JSON.');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const versionMismatch = typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version !== ARCHIVE_VERSION;
    throw new ArchiveError(
      versionMismatch ? 'This archive was made by a newer (or unknown) version of Reimagine.' : `The archive’s manifest is invalid (${parsed.error.issues[0]?.message ?? 'unknown problem'}).`,
    );
  }
  const manifest = parsed.data;
  const media: ParsedArchive['media'] = new Map();
  for (const entry of manifest.media) {
    const bytes = files[entry.path];
    if (!bytes) throw new ArchiveError(`The archive is missing ${entry.path}.`);
    if (bytes.byteLength !== entry.bytes || (await sha256Hex(bytes)) !== entry.sha256) {
      throw new ArchiveError(`${entry.path} is damaged (its checksum does not match).`);
    }
    const thumb = entry.thumbPath ? files[entry.thumbPath] : undefined;
    media.set(entry.id, { entry, bytes, ...(thumb ? { thumb } : {}) });
  }
  const jobs: Job[] = [];
  let invalidJobs = 0;
  for (const record of manifest.jobs) {
    const job = migrateJob(record);
    if (job && isTerminal(job.status)) jobs.push(job);
    else invalidJobs += 1;
  }
  return { manifest, jobs, invalidJobs, media };
}

export interface ImportTarget {
  existingJobIds(ids: string[]): Promise<Set<string>>;
  existingMediaIds(ids: string[]): Promise<Set<string>>;
  /** One job with the media it brings (only media not yet stored). Written atomically. */
  write(job: Job, media: MediaRecord[], thumbs: { id: string; blob: Blob }[]): Promise<void>;
}

export interface ImportReport {
  added: number;
  skipped: number;
  invalid: number;
  /** Ids of the jobs written (for change notifications). */
  addedIds: string[];
}

export async function importArchive(archive: ParsedArchive, target: ImportTarget): Promise<ImportReport> {
  const existingJobs = await target.existingJobIds(archive.jobs.map((j) => j.id));
  const existingMedia = await target.existingMediaIds([...archive.media.keys()]);
  const report: ImportReport = { added: 0, skipped: 0, invalid: archive.invalidJobs, addedIds: [] };
  for (const job of archive.jobs) {
    if (existingJobs.has(job.id)) {
      report.skipped += 1;
      continue;
    }
    const media: MediaRecord[] = [];
    const thumbs: { id: string; blob: Blob }[] = [];
    for (const id of mediaIdsOf(job)) {
      const item = archive.media.get(id);
      if (!item || existingMedia.has(id)) continue;
      const { entry } = item;
      media.push({
        id,
        blob: new Blob([item.bytes as Uint8Array<ArrayBuffer>], { type: entry.mimeType }),
        mimeType: entry.mimeType,
        bytes: entry.bytes,
        createdAt: entry.createdAt,
        role: entry.role,
        ...(entry.jobId ? { jobId: entry.jobId } : {}),
      });
      if (item.thumb) thumbs.push({ id, blob: new Blob([item.thumb as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }) });
      existingMedia.add(id); // a source shared by several jobs is written once
    }
    await target.write(job, media, thumbs);
    existingJobs.add(job.id);
    report.added += 1;
    report.addedIds.push(job.id);
  }
  return report;
}

/** Suggested file name: reimagine-history-2024-05-01.zip */
export function archiveFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `reimagine-history-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`;
}
