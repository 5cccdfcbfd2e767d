import { browser } from 'wxt/browser';
import { isTerminal, type Job } from '../../model/job';
import { mediaIdsOf } from '../../history/archive';
import { ArchiveError } from '../../history/archive-error';
import { importArchive, readArchive, type ImportTarget } from '../../history/archive-import';
import { ARCHIVE_LIMITS, formatBytes } from '../../history/archive-limits';
import { importMessageSchema, IMPORT_MESSAGE, type ImportReply } from '../../history/transfer';
import type { Settings } from '../../settings/schema';
import { announce, onChange } from '../../storage/changes';
import { db } from '../../storage/db';
import { deleteJobs } from '../../storage/jobs';
import { migrateJob } from '../../storage/job-migrations';
import { loadSettings } from './settings-store';
import { t } from '../../i18n';

/**
 * History upkeep in the background (the only writer): purge-oldest, retention, archive import.
 * Exports are built by the page itself: they only read IndexedDB.
 */

const DAY_MS = 86_400_000;
const MB = 1024 * 1024;
/** Composer sources not yet used by a job are kept this long before the sweep may remove them. */
const ORPHAN_SOURCE_GRACE_MS = DAY_MS;

interface Row {
  id: string;
  createdAt: number;
  terminal: boolean;
  bytes: number;
  /** From an archive: goes before the user's own jobs when a count or size limit needs room. */
  imported?: boolean;
}

/** Every job, oldest first, reduced to what retention needs. */
async function readRows(): Promise<{ rows: Row[]; jobs: Job[] }> {
  const raw = await (await db()).getAllFromIndex('jobs', 'by-created');
  const jobs = raw.map(migrateJob).filter((j): j is Job => j !== undefined);
  const rows = jobs.map((j) => ({ id: j.id, createdAt: j.createdAt, terminal: isTerminal(j.status), bytes: j.results.reduce((s, r) => s + r.bytes, 0), imported: j.imported === true }));
  return { rows, jobs };
}

/**
 * Which finished jobs the retention policy removes (pure; active jobs never). For the count and size
 * limits imported jobs go first, then the user's own, oldest first: importing an archive can never make
 * retention delete a job the user made here (whatever dates the file claims).
 */
export function retentionVictims(allRows: Row[], retention: Settings['retention'], now: number): string[] {
  const rows = [...allRows].sort((a, b) => Number(b.imported ?? false) - Number(a.imported ?? false) || a.createdAt - b.createdAt);
  const victims = new Set<string>();
  const { maxCount, maxAgeDays, maxMegabytes } = retention;
  if (maxAgeDays !== null) {
    const cutoff = now - maxAgeDays * DAY_MS;
    for (const r of rows) if (r.terminal && r.createdAt < cutoff) victims.add(r.id);
  }
  if (maxCount !== null) {
    let excess = rows.length - maxCount;
    for (const r of rows) {
      if (excess <= 0) break;
      if (!r.terminal) continue;
      if (!victims.has(r.id)) victims.add(r.id);
      excess -= 1;
    }
  }
  if (maxMegabytes !== null) {
    let total = rows.reduce((s, r) => s + (victims.has(r.id) ? 0 : r.bytes), 0);
    for (const r of rows) {
      if (total <= maxMegabytes * MB) break;
      if (!r.terminal || victims.has(r.id)) continue;
      victims.add(r.id);
      total -= r.bytes;
    }
  }
  return [...victims];
}

/** Deletes jobs (and their results), then any source media nothing references any more. */
async function removeJobs(ids: string[], remaining: Job[]): Promise<void> {
  if (ids.length === 0) return;
  await deleteJobs(ids);
  await sweepOrphanSources(remaining);
  announce({ type: 'jobs', ids });
}

/** Source media (stored for a request, not owned by the job) that no remaining job uses. */
async function sweepOrphanSources(remaining: Job[]): Promise<void> {
  const used = new Set<string>();
  for (const job of remaining) if ('sources' in job.request) for (const s of job.request.sources) used.add(s.mediaId);
  const database = await db();
  const tx = database.transaction(['media', 'thumbs'], 'readwrite');
  const cutoff = Date.now() - ORPHAN_SOURCE_GRACE_MS;
  let cursor = await tx.objectStore('media').openCursor();
  while (cursor) {
    const m = cursor.value;
    if (m.role === 'source' && !m.jobId && !used.has(m.id) && m.createdAt < cutoff) {
      await cursor.delete();
      await tx.objectStore('thumbs').delete(m.id);
    }
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** The user deleted jobs (panel, popup): remove them, their results, and sources nothing else uses. */
export async function deleteHistory(ids: string[]): Promise<void> {
  const { jobs } = await readRows();
  const gone = new Set(ids);
  await removeJobs(ids, jobs.filter((j) => !gone.has(j.id)));
}

/** "Free space": removes the `count` oldest finished jobs. */
export async function purgeOldest(count: number): Promise<number> {
  const { rows, jobs } = await readRows();
  const victims = rows.filter((r) => r.terminal).slice(0, count).map((r) => r.id);
  const gone = new Set(victims);
  await removeJobs(victims, jobs.filter((j) => !gone.has(j.id)));
  return victims.length;
}

export async function enforceRetention(now = Date.now()): Promise<number> {
  const { retention } = await loadSettings();
  if (retention.maxAgeDays === null && retention.maxCount === null && retention.maxMegabytes === null) return 0;
  const { rows, jobs } = await readRows();
  const victims = retentionVictims(rows, retention, now);
  const gone = new Set(victims);
  await removeJobs(victims, jobs.filter((j) => !gone.has(j.id)));
  return victims.length;
}

export const idbImportTarget: ImportTarget = {
  async commit(jobs, media, thumbs) {
    // Everything happens in one transaction (all or nothing), and nothing but IDB is awaited inside it:
    // any other await would let it commit early. The blobs were made before it opened.
    const tx = (await db()).transaction(['jobs', 'media', 'thumbs'], 'readwrite');
    const [jobsStore, mediaStore, thumbsStore] = [tx.objectStore('jobs'), tx.objectStore('media'), tx.objectStore('thumbs')];
    const keyed = async (store: typeof jobsStore | typeof mediaStore, ids: string[]) =>
      new Set((await Promise.all(ids.map(async (id) => ((await store.getKey(id)) !== undefined ? id : undefined)))).filter((id): id is string => id !== undefined));
    const existingJobs = await keyed(jobsStore, jobs.map((j) => j.id));
    const added = jobs.filter((j) => !existingJobs.has(j.id));
    const wanted = new Set(added.flatMap(mediaIdsOf));
    const existingMedia = await keyed(mediaStore, [...wanted]);
    const takenOver = added.flatMap((j) => j.results.map((r) => r.mediaId)).find((id) => existingMedia.has(id));
    if (takenOver) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new ArchiveError(t('historyData.resultFileTaken', { file: takenOver }));
    }
    const fresh = new Set([...wanted].filter((id) => !existingMedia.has(id)));
    await Promise.all([
      ...media.filter((m) => fresh.has(m.id)).map((m) => mediaStore.put(m)),
      ...thumbs.filter((t) => fresh.has(t.id)).map((t) => thumbsStore.put(t)),
      ...added.map((j) => jobsStore.put(j)),
      tx.done,
    ]);
    return { added: added.length, skipped: jobs.length - added.length, addedIds: added.map((j) => j.id) };
  },
};

export async function importHistory(archive: Blob): Promise<ImportReply> {
  try {
    if (archive.size > ARCHIVE_LIMITS.fileBytes) throw new ArchiveError(t('historyData.archiveTooLarge', { size: formatBytes(archive.size), max: formatBytes(ARCHIVE_LIMITS.fileBytes) }));
    const parsed = await readArchive(new Uint8Array(await archive.arrayBuffer()));
    const report = await importArchive(parsed, idbImportTarget);
    if (report.addedIds.length) announce({ type: 'jobs', ids: report.addedIds });
    void enforceRetention();
    return { ok: true, added: report.added, skipped: report.skipped };
  } catch (error) {
    if (error instanceof ArchiveError) return { ok: false, message: error.message };
    if (error instanceof DOMException && error.name === 'QuotaExceededError') return { ok: false, message: t('worker.notEnoughStorageSpaceFor') };
    return { ok: false, message: t('historyData.importFailed', { reason: error instanceof Error ? error.message : String(error) }) };
  }
}

type WorkerMessageEvent = MessageEvent & { source: { url?: string } | null };

/**
 * The import channel: an archive posted (structured clone) by an extension page. main.ts listens for the
 * worker's `message` events at start and hands them here; the promise is what the event's waitUntil keeps
 * the worker alive for.
 */
export function handleWorkerMessage(event: MessageEvent): Promise<unknown> {
  const e = event as WorkerMessageEvent;
  if ((e.data as { type?: unknown } | null)?.type !== IMPORT_MESSAGE) return Promise.resolve();
  const port = e.ports[0];
  const fromExtensionPage = typeof e.source?.url === 'string' && e.source.url.startsWith(browser.runtime.getURL('/'));
  const parsed = importMessageSchema.safeParse(e.data);
  const work: Promise<ImportReply> =
    !fromExtensionPage || !parsed.success ? Promise.resolve({ ok: false, message: t('worker.badImportRequest') }) : importHistory(parsed.data.archive);
  return work.then((reply) => port?.postMessage(reply));
}

/** Retention runs soon after the worker loads its handlers, after settings change, and (debounced) after jobs change. */
export function startRetention(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void enforceRetention().catch((error) => console.warn('Reimagine: retention failed', error)), ms);
  };
  onChange((change) => soon(change.type === 'settings' ? 0 : 5_000));
  soon(2_000);
}
