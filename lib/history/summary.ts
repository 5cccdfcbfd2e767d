import { userMessage } from '../errors/taxonomy';
import { formatJobCost } from '../jobs/cost';
import { isActive, type Job, type JobStatus } from '../model/job';
import type { SourceFrom } from '../model/lineage';
import { MODE_INFO, type JobMode } from '../model/modes';

/**
 * What one history row needs, derived from a stored Job. Kept small so the popup can hold thousands of
 * them in memory and filter them on every keystroke without touching IndexedDB again.
 */
export interface HistorySummary {
  id: string;
  createdAt: number;
  status: JobStatus;
  mode: JobMode;
  kind: 'image' | 'video' | 'text';
  model: string;
  prompt: string;
  /** Lower-cased prompt, precomputed for search. */
  haystack: string;
  /** Actual cost when the provider reported it, else the estimate (flagged). */
  /** "$0.02", "150 credits" or an estimate "~$0.04". */
  cost?: string;
  pageUrl?: string;
  /** Media id whose thumbnail represents the job (first result with a thumb, else the first source). */
  thumbId?: string;
  resultCount: number;
  /** Bytes of the job's results (what deleting it frees, give or take sources). */
  bytes: number;
  error?: string;
  /** Lineage, for "Group by picture": the job its first source was made from… */
  parentId?: string;
  /** …or, for an original, the picture it started from (a page image's address, else the source file). */
  pictureKey?: string;
  /** A shot of a story: history shows the story as one entry (groups.ts collapseStories). */
  storyId?: string;
}

export function summarize(job: Job): HistorySummary {
  // An estimate is only worth showing for a job that ran; a failed one was not (or not knowingly) billed.
  const costLabel = job.status === 'done' || job.costTicks !== undefined || job.costCredits !== undefined ? formatJobCost(job) : undefined;
  const request = job.request;
  const sources = 'sources' in request ? request.sources : [];
  const thumbResult = job.results.find((r) => r.thumb);
  const thumbId = thumbResult?.mediaId ?? sources[0]?.mediaId;
  return {
    id: job.id,
    createdAt: job.createdAt,
    status: job.status,
    mode: request.mode,
    kind: MODE_INFO[request.mode].output,
    model: request.model,
    // A description's row shows (and searches) the text it produced.
    prompt: job.text ?? request.prompt,
    haystack: `${request.prompt}\n${job.text ?? ''}`.toLowerCase(),
    ...(costLabel !== undefined ? { cost: costLabel } : {}),
    ...(job.origin?.pageUrl ? { pageUrl: job.origin.pageUrl } : {}),
    ...(thumbId ? { thumbId } : {}),
    resultCount: job.results.length,
    bytes: job.results.reduce((sum, r) => sum + r.bytes, 0),
    // The plain-language reason and what to do (the server's raw text stays in the job for details).
    ...(job.error ? { error: userMessage(job.error) } : {}),
    ...lineageOf(sources[0]),
    ...(job.origin?.storyId ? { storyId: job.origin.storyId } : {}),
  };
}

function lineageOf(source: { mediaId: string; from?: SourceFrom | undefined } | undefined): Pick<HistorySummary, 'parentId' | 'pictureKey'> {
  const from = source?.from;
  if (!source) return {};
  if (from?.kind === 'result') return { parentId: from.jobId };
  return { pictureKey: from?.kind === 'page' && from.imageUrl ? `page:${from.imageUrl}` : `file:${source.mediaId}` };
}

export type StatusFilter = 'all' | 'done' | 'failed' | 'cancelled' | 'active';
export type KindFilter = 'all' | 'image' | 'video' | 'text';

export interface HistoryFilter {
  text: string;
  kind: KindFilter;
  status: StatusFilter;
  /** Inclusive local-day bounds as epoch ms (undefined = open). */
  from?: number;
  to?: number;
}

export const EMPTY_FILTER: HistoryFilter = { text: '', kind: 'all', status: 'all' };

export const isFiltering = (f: HistoryFilter) => f.text.trim() !== '' || f.kind !== 'all' || f.status !== 'all' || f.from !== undefined || f.to !== undefined;

/** A predicate built once per filter change, run over every loaded summary. */
export function matcher(filter: HistoryFilter): (s: HistorySummary) => boolean {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return (s) => {
    if (filter.kind !== 'all' && s.kind !== filter.kind) return false;
    if (filter.status === 'active' ? !isActive(s.status) : filter.status !== 'all' && s.status !== filter.status) return false;
    if (filter.from !== undefined && s.createdAt < filter.from) return false;
    if (filter.to !== undefined && s.createdAt > filter.to) return false;
    return words.every((w) => s.haystack.includes(w));
  };
}

/** "2024-05-01" (from a date input) → start or end of that local day; undefined for an empty input. */
export function dayBound(value: string, edge: 'start' | 'end'): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return edge === 'start' ? new Date(y, mo, d).getTime() : new Date(y, mo, d + 1).getTime() - 1;
}

export { hostOf } from '../net/host-of';
