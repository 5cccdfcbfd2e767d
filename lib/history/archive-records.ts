import { z } from 'zod';
import { TICKS_PER_USD } from '../model/imagine-models';
import { isTerminal, jobSchema, type Job, type JobResult } from '../model/job';
import type { SourceFrom } from '../model/lineage';
import type { SniffedMedia } from '../media/sniff';
import { readJobRecord } from '../storage/job-migrations';
import { ArchiveError } from './archive-error';
import { formatNumber, t } from '../i18n';

/**
 * What an imported job record may keep. A record in an archive is attacker-controlled: it is read
 * through the job schema (and its migrations), then rebuilt field by field into history only. Nothing
 * that could make it run again, reach the network, point at this browser's tabs or outweigh the user's
 * own jobs survives.
 */

/** Ids we accept from a file: letters, digits, `_` and `-`, starting with a letter or digit (never `__proto__`, `.`, `..`). */
export const archiveIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'not a valid id');

/** One job costs a few dollars at most; a larger figure in a file is not a real cost and is dropped. */
const MAX_IMPORTED_COST_TICKS = 1000 * TICKS_PER_USD;
const MAX_IMPORTED_COST_CREDITS = 1_000_000;

/** A media file from the archive, typed from its bytes. */
export interface ImportedMedia {
  blob: Blob;
  mimeType: SniffedMedia['mimeType'];
  kind: SniffedMedia['kind'];
  bytes: number;
  createdAt: number;
  thumb?: Blob;
}

/** Only http(s) URLs survive (a `javascript:` or `data:` "page URL" is dropped). */
export function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page addresses a source's lineage keeps must be web addresses too. */
function importableFrom(from: SourceFrom | undefined): SourceFrom | undefined {
  if (from?.kind !== 'page') return from;
  const { pageUrl, imageUrl, ...rest } = from;
  return { ...rest, ...optional('pageUrl', webUrl(pageUrl)), ...optional('imageUrl', webUrl(imageUrl)) };
}

const within = (value: number | undefined, max: number) => (value !== undefined && value <= max ? value : undefined);
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

/** Record `index` (0-based) of the manifest → the job we store, or a refusal naming the record. */
export function importableJob(raw: unknown, index: number, media: ReadonlyMap<string, ImportedMedia>, now: number): Job {
  const which = t('archive.jobN', { n: formatNumber(index + 1) });
  const read = readJobRecord(raw);
  if (!read.ok) throw new ArchiveError(t('archive.invalidJob', { which, reason: read.problem }));
  const job = read.job;
  if (!archiveIdSchema.safeParse(job.id).success) throw new ArchiveError(t('archive.invalidId', { which }));
  if (!isTerminal(job.status)) throw new ArchiveError(t('archive.unfinished', { which, status: job.status }));
  const clamp = (at: number) => Math.min(Math.max(at, 0), now); // a date in the future would outrank every real job

  // Results are typed from the bytes in the archive; a result without its file has nothing to show.
  const results: JobResult[] = job.results.flatMap((result) => {
    const file = media.get(result.mediaId);
    return file ? [{ ...result, kind: file.kind, mimeType: file.mimeType, bytes: file.bytes, thumb: file.thumb !== undefined }] : [];
  });
  const request =
    'sources' in job.request
      ? {
          ...job.request,
          sources: job.request.sources.map((source, i) => {
            if (!archiveIdSchema.safeParse(source.mediaId).success) throw new ArchiveError(t('archive.invalidSourceId', { which, n: formatNumber(i + 1) }));
            const file = media.get(source.mediaId);
            // `sendAsUrl` is a decision for this browser's settings to make again; the URL must be a web URL.
            const { sendAsUrl: _send, srcUrl, from, ...kept } = source;
            return { ...kept, ...(file ? { mimeType: file.mimeType, bytes: file.bytes } : {}), ...optional('srcUrl', webUrl(srcUrl)), ...optional('from', importableFrom(from)) };
          }),
        }
      : job.request;
  const record = {
    schemaVersion: job.schemaVersion,
    id: job.id,
    createdAt: clamp(job.createdAt),
    updatedAt: clamp(job.updatedAt),
    request,
    provider: job.provider,
    // The file's base URL is never kept: an imported job sends nothing (Re-run uses today's settings).
    baseUrl: '',
    // Only where it came from, for display: never a tab, frame or element of this browser.
    ...(job.origin ? { origin: { via: job.origin.via, ...optional('pageUrl', webUrl(job.origin.pageUrl)) } } : {}),
    status: job.status,
    sends: job.sends,
    attempts: 0,
    polls: 0,
    stalledPolls: 0,
    pendingOutputs: [],
    results,
    moderatedCount: job.moderatedCount,
    ...optional('submittedAt', job.submittedAt === undefined ? undefined : clamp(job.submittedAt)),
    ...optional('finishedAt', job.finishedAt === undefined ? undefined : clamp(job.finishedAt)),
    ...optional('costTicks', within(job.costTicks, MAX_IMPORTED_COST_TICKS)),
    ...optional('costCredits', within(job.costCredits, MAX_IMPORTED_COST_CREDITS)),
    ...optional('error', job.error),
    ...optional('note', job.note),
    imported: true,
  };
  const parsed = jobSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(t('archive.mismatch', { which, reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' }));
  }
  return parsed.data;
}
