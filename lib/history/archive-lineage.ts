import type { Job } from '../model/job';
import { parentJobIds, sourcesOf } from '../model/lineage';
import { ArchiveError } from './archive-error';
import { ARCHIVE_LIMITS } from './archive-limits';
import { formatNumber, t } from '../i18n';

/**
 * Lineage in archives. An archive is self-contained: every result a job was made from is in the same file.
 * Import refuses, before anything is written, a parent that is not in the file (a dangling parent, or
 * one "pointing into another archive"), a cycle, and a chain deeper than the limit — whatever order the
 * records come in, without recursion (a 10,000-deep chain would otherwise blow the stack).
 * Export keeps lineage, and leaves out only links to jobs it does not carry (deleted since), so a
 * user's own export always imports.
 */

/** Import: throws an ArchiveError naming the first problem. `jobs` are the archive's records, in file order. */
export function checkArchiveLineage(jobs: readonly Job[]): void {
  const position = new Map(jobs.map((job, i) => [job.id, i]));
  const which = (id: string) => t('archive.jobN', { n: formatNumber((position.get(id) ?? 0) + 1) });
  const parents = new Map<string, string[]>();
  for (const job of jobs) {
    const ids = parentJobIds(sourcesOf(job.request));
    for (const parent of ids) if (!position.has(parent)) throw new ArchiveError(t('archive.lineageDangling', { which: which(job.id), parent: parent.slice(0, 100) }));
    parents.set(job.id, ids);
  }
  // Depth of each job = 1 + its deepest parent. Iterative depth-first walk: "open" jobs are the path being
  // walked, so meeting one again among a job's parents is a cycle.
  const depth = new Map<string, number>();
  const open = new Set<string>();
  for (const start of jobs) {
    const stack = [start.id];
    while (stack.length) {
      const id = stack[stack.length - 1]!;
      if (depth.has(id)) {
        stack.pop();
      } else if (!open.has(id)) {
        open.add(id);
        for (const p of parents.get(id)!) {
          if (open.has(p)) throw new ArchiveError(t('archive.lineageCycle', { which: which(p) }));
          if (!depth.has(p)) stack.push(p);
        }
      } else {
        const own = 1 + Math.max(0, ...parents.get(id)!.map((p) => depth.get(p) ?? 0));
        if (own > ARCHIVE_LIMITS.lineageDepth) throw new ArchiveError(t('archive.lineageTooDeep', { max: formatNumber(ARCHIVE_LIMITS.lineageDepth) }));
        depth.set(id, own);
        open.delete(id);
        stack.pop();
      }
    }
  }
}

/** Export: links to results the archive does not carry are left out (the source itself is kept). */
export function withoutMissingParents(job: Job, exported: ReadonlySet<string>): Job {
  if (!('sources' in job.request)) return job;
  const dangling = job.request.sources.some((s) => s.from?.kind === 'result' && !exported.has(s.from.jobId));
  if (!dangling) return job;
  const sources = job.request.sources.map((s) => {
    if (s.from?.kind !== 'result' || exported.has(s.from.jobId)) return s;
    const { from: _gone, ...kept } = s;
    return kept;
  });
  return { ...job, request: { ...job.request, sources } } as Job;
}
