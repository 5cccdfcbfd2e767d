import { strFromU8 } from 'fflate';
import type { Job } from '../model/job';
import { acceptedMediaLabel, sniffBytes } from '../media/sniff';
import type { MediaRecord, ThumbRecord } from '../storage/db';
import { ARCHIVE_PATH, ARCHIVE_VERSION, MANIFEST_PATH, manifestSchema, sha256Hex, type ArchiveMedia } from './archive-format';
import { ArchiveError } from './archive-error';
import { ARCHIVE_LIMITS, formatBytes } from './archive-limits';
import { checkArchiveLineage } from './archive-lineage';
import { importableJob, type ImportedMedia } from './archive-records';
import { inflateEntries, readDirectory, type WantedEntry } from './zip-reader';
import { formatNumber, t } from '../i18n';

/**
 * History import. Step 1 (readArchive): the whole file is read and validated before anything is written, in this order —
 *   1. the zip's table of contents: only manifest.json and media/…, thumbs/… names, declared sizes within limits;
 *   2. manifest.json alone is inflated (capped) and validated: job and media counts, every field;
 *   3. every file in the zip must be one the manifest lists, and every listed file must be there;
 *   4. the listed files are inflated (each capped at the size the manifest declares), hashed, typed from bytes;
 *   5. every job record is validated and rebuilt as history (archive-records.ts);
 *   6. lineage: every parent is in the file, no cycle, not too deep (archive-lineage.ts).
 * Any problem throws an ArchiveError that says in words what is wrong; nothing has been written yet.
 */
export type ArchiveMediaItem = ImportedMedia & { role: 'source' | 'result'; jobId?: string };

export interface ParsedArchive {
  jobs: Job[];
  /** Media the jobs use, by id, with the role and owner they get here (not the ones the file claims). */
  media: Map<string, ArchiveMediaItem>;
}

export async function readArchive(zip: Uint8Array, now = Date.now()): Promise<ParsedArchive> {
  if (zip.byteLength > ARCHIVE_LIMITS.fileBytes) throw new ArchiveError(t('historyData.archiveTooLarge', { size: formatBytes(zip.byteLength), max: formatBytes(ARCHIVE_LIMITS.fileBytes) }));

  // 1. Table of contents, before anything is inflated.
  const directory = readDirectory(zip);
  const names = new Map(directory.map((entry) => [entry.name, entry]));
  if (names.size !== directory.length) throw new ArchiveError(t('historyData.theArchiveContainsTheSame'));
  const manifestEntry = names.get(MANIFEST_PATH);
  if (!manifestEntry) throw new ArchiveError(t('historyData.thatZipIsNotA'));
  let declaredTotal = 0;
  for (const entry of directory) {
    if (entry.name !== MANIFEST_PATH && !ARCHIVE_PATH.test(entry.name)) throw new ArchiveError(t('archive.foreignFile', { name: entry.name }));
    const limit = entryLimit(entry.name);
    if (entry.declaredBytes > limit.cap) throw new ArchiveError(limit.tooBig);
    declaredTotal += entry.declaredBytes;
  }
  if (declaredTotal > ARCHIVE_LIMITS.totalBytes) throw new ArchiveError(t('archive.inflatesTo', { size: formatBytes(declaredTotal), max: formatBytes(ARCHIVE_LIMITS.totalBytes) }));

  // 2. The manifest alone, stopped at the size it declares (already within its limit).
  const manifestWanted = { cap: manifestEntry.declaredBytes, tooBig: t('archive.manifestLargerThanSaid') };
  const manifestBytes = inflateEntries(zip, names, new Map([[MANIFEST_PATH, manifestWanted]])).get(MANIFEST_PATH)!;
  const manifest = parseManifest(manifestBytes);

  // 3. The files in the zip are exactly the files the manifest lists.
  const wanted = new Map<string, WantedEntry>();
  const mediaIds = new Set<string>();
  for (const entry of manifest.media) {
    if (mediaIds.has(entry.id)) throw new ArchiveError(t('archive.fileTwice', { name: entry.id }));
    mediaIds.add(entry.id);
    for (const [path, cap] of [
      [entry.path, entry.bytes],
      [entry.thumbPath, ARCHIVE_LIMITS.thumbBytes],
    ] as const) {
      if (path === undefined) continue;
      if (wanted.has(path)) throw new ArchiveError(t('archive.pathTwice', { name: path }));
      if (!names.has(path)) throw new ArchiveError(t('archive.missing', { name: path }));
      wanted.set(path, { cap, tooBig: t('archive.largerThanSaid', { name: path }) });
    }
  }
  for (const name of names.keys()) if (name !== MANIFEST_PATH && !wanted.has(name)) throw new ArchiveError(t('archive.unlisted', { name }));

  // 4. The listed files: sizes, hashes, and types from their bytes.
  const files = inflateEntries(zip, names, wanted);
  const media = new Map<string, ImportedMedia>();
  for (const entry of manifest.media) media.set(entry.id, await checkedMedia(entry, files, now));

  // 5. The job records.
  const jobIds = new Set<string>();
  const owners = new Map<string, string>();
  const jobs = manifest.jobs.map((raw, index) => {
    const job = importableJob(raw, index, media, now);
    if (jobIds.has(job.id)) throw new ArchiveError(t('archive.jobTwice', { id: job.id }));
    jobIds.add(job.id);
    for (const result of job.results) {
      if (owners.has(result.mediaId)) throw new ArchiveError(t('archive.sharedResult', { id: result.mediaId }));
      owners.set(result.mediaId, job.id);
    }
    return job;
  });
  checkArchiveLineage(jobs);
  const used = new Map<string, ArchiveMediaItem>();
  for (const job of jobs) {
    for (const result of job.results) used.set(result.mediaId, { ...media.get(result.mediaId)!, role: 'result', jobId: job.id });
    if ('sources' in job.request) {
      for (const source of job.request.sources) {
        const file = media.get(source.mediaId);
        if (file && !used.has(source.mediaId)) used.set(source.mediaId, { ...file, role: 'source' });
      }
    }
  }
  return { jobs, media: used };
}

function entryLimit(name: string): WantedEntry {
  if (name === MANIFEST_PATH) return { cap: ARCHIVE_LIMITS.manifestBytes, tooBig: t('archive.manifestTooLarge', { max: formatBytes(ARCHIVE_LIMITS.manifestBytes) }) };
  if (name.startsWith('thumbs/')) return { cap: ARCHIVE_LIMITS.thumbBytes, tooBig: t('archive.thumbTooLarge', { name, max: formatBytes(ARCHIVE_LIMITS.thumbBytes) }) };
  return { cap: ARCHIVE_LIMITS.mediaBytes, tooBig: t('archive.fileTooLarge', { name, max: formatBytes(ARCHIVE_LIMITS.mediaBytes) }) };
}

function parseManifest(bytes: Uint8Array) {
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch {
    throw new ArchiveError(t('historyData.theArchiveSManifestJson'));
  }
  if (typeof raw !== 'object' || raw === null) throw new ArchiveError(t('historyData.theArchiveSManifestIs'));
  const { version, jobs, media } = raw as { version?: unknown; jobs?: unknown; media?: unknown };
  if (version !== ARCHIVE_VERSION) throw new ArchiveError(t('historyData.thisArchiveWasMadeBy'));
  // Counted before the records are read, so the limit is what the message names.
  if (Array.isArray(jobs) && jobs.length > ARCHIVE_LIMITS.jobs) {
    throw new ArchiveError(t('archive.tooManyJobs', { count: formatNumber(jobs.length), max: formatNumber(ARCHIVE_LIMITS.jobs) }));
  }
  if (Array.isArray(media) && media.length > ARCHIVE_LIMITS.media) {
    throw new ArchiveError(t('archive.tooManyMedia', { count: formatNumber(media.length), max: formatNumber(ARCHIVE_LIMITS.media) }));
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(t('archive.manifestInvalid', { reason: issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : t('archive.unknownProblem') }));
  }
  return parsed.data;
}

async function checkedMedia(entry: ArchiveMedia, files: ReadonlyMap<string, Uint8Array>, now: number): Promise<ImportedMedia> {
  const bytes = files.get(entry.path)!;
  if (bytes.byteLength !== entry.bytes || (await sha256Hex(bytes)) !== entry.sha256) throw new ArchiveError(t('archive.checksum', { name: entry.path }));
  const type = sniffBytes(bytes);
  if (!type) throw new ArchiveError(t('archive.notMedia', { name: entry.path, accepted: acceptedMediaLabel(), claimed: entry.mimeType.slice(0, 40) }));
  const thumbBytes = entry.thumbPath === undefined ? undefined : files.get(entry.thumbPath)!;
  const thumbType = thumbBytes && sniffBytes(thumbBytes);
  if (thumbBytes && thumbType?.kind !== 'image') throw new ArchiveError(t('archive.thumbNotImage', { name: entry.thumbPath ?? '' }));
  return {
    // Blobs now: the inflated bytes can be let go, and the browser may keep large blobs on disk.
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: type.mimeType }),
    mimeType: type.mimeType,
    kind: type.kind,
    bytes: bytes.byteLength,
    createdAt: Math.min(Math.max(entry.createdAt, 0), now),
    ...(thumbBytes && thumbType ? { thumb: new Blob([thumbBytes as Uint8Array<ArrayBuffer>], { type: thumbType.mimeType }) } : {}),
  };
}

export interface ImportReport {
  added: number;
  /** Jobs already in this profile (same id): left exactly as they are. */
  skipped: number;
  /** Ids of the jobs written (for change notifications). */
  addedIds: string[];
}

export interface ImportTarget {
  /**
   * Writes the jobs whose ids are new, with the media they bring that is not stored yet, in ONE
   * transaction: all or nothing. Refuses (ArchiveError, nothing written) when a new job's result would
   * take over a file already stored, since deleting that job would then delete the user's file.
   */
  commit(jobs: Job[], media: MediaRecord[], thumbs: ThumbRecord[]): Promise<ImportReport>;
}

/** Step 2: the validated archive goes into storage in one transaction. */
export async function importArchive(archive: ParsedArchive, target: ImportTarget): Promise<ImportReport> {
  const media: MediaRecord[] = [];
  const thumbs: ThumbRecord[] = [];
  for (const [id, item] of archive.media) {
    media.push({ id, blob: item.blob, mimeType: item.mimeType, bytes: item.bytes, createdAt: item.createdAt, role: item.role, ...(item.jobId ? { jobId: item.jobId } : {}) });
    if (item.thumb) thumbs.push({ id, blob: item.thumb });
  }
  return target.commit(archive.jobs, media, thumbs);
}

