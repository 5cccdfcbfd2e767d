import type { Job } from '../model/job';
import { sourcesOf, type SourceFrom } from '../model/lineage';

/**
 * The versions of one picture as a tree (pure; the Versions view draws it). A node is a result (job id +
 * output index), or the root a chain started from: a page image or a file. A job hangs under the source it
 * was made from — its first source; the others are references, not versions —, so a parent edited twice
 * has two branches. A result's siblings from the same job are branches too.
 *
 * Older records have no lineage on a reused result: a source whose stored file IS another job's result
 * (the composer reuses the file, it never copies it) is linked to that result here, at read time.
 *
 * Everything is iterative and guarded by a visited set: a 10,000-deep chain or a cycle in stored data
 * never overflows the stack or loops.
 */

export type VersionNode =
  | { key: string; kind: 'result'; job: Job; output: number; parentKey?: string | undefined; depth: number }
  | { key: string; kind: 'page' | 'file'; job: Job; mediaId: string; from?: SourceFrom | undefined; parentKey?: undefined; depth: 0 };

export interface VersionTree {
  rootKey: string;
  /** Pre-order (parents before children, siblings oldest first): the order the view lists them in. */
  nodes: VersionNode[];
}

export const resultKey = (jobId: string, output: number) => `${jobId}:${output}`;

/** Jobs that made pictures: a failed job or a description has no result to be a version. */
const makesVersions = (job: Job) => job.results.length > 0 && job.request.mode !== 'describe-image';

export interface VersionIndex {
  /** The key of what `job` was made from, if it was made from anything. */
  parentOf(job: Job): string | undefined;
  /** Child result keys per parent key, oldest first. */
  children: Map<string, string[]>;
  results: Map<string, Extract<VersionNode, { kind: 'result' }>>;
  roots: Map<string, Extract<VersionNode, { kind: 'page' | 'file' }>>;
}

export function indexVersions(jobs: readonly Job[]): VersionIndex {
  const withResults = jobs.filter(makesVersions).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(withResults.map((job) => [job.id, job]));
  const byResultMedia = new Map<string, string>();
  for (const job of withResults) job.results.forEach((r, i) => byResultMedia.set(r.mediaId, resultKey(job.id, i)));

  const roots = new Map<string, Extract<VersionNode, { kind: 'page' | 'file' }>>();
  const parentCache = new Map<string, string | undefined>();
  const parentOf = (job: Job): string | undefined => {
    if (parentCache.has(job.id)) return parentCache.get(job.id);
    const first = sourcesOf(job.request)[0];
    let parent: string | undefined;
    if (first) {
      const from = first.from;
      if (from?.kind === 'result') {
        const owner = byId.get(from.jobId);
        parent = owner && from.output < owner.results.length ? resultKey(owner.id, from.output) : undefined;
      } else if (!from && byResultMedia.has(first.mediaId)) {
        parent = byResultMedia.get(first.mediaId);
      } else {
        // A page image is one root however often it was captured; a file is its own stored copy.
        const pageKey = from?.kind === 'page' && from.imageUrl ? `page:${from.imageUrl}` : undefined;
        parent = pageKey ?? `${from?.kind === 'page' ? 'page' : 'file'}:${first.mediaId}`;
        if (!roots.has(parent)) roots.set(parent, { key: parent, kind: from?.kind === 'page' ? 'page' : 'file', job, mediaId: first.mediaId, from, depth: 0 });
      }
      if (parent?.startsWith(`${job.id}:`)) parent = undefined; // made from itself: only a corrupt record says so
    }
    parentCache.set(job.id, parent);
    return parent;
  };

  const results = new Map<string, Extract<VersionNode, { kind: 'result' }>>();
  const children = new Map<string, string[]>();
  for (const job of withResults) {
    const parentKey = parentOf(job);
    job.results.forEach((_, output) => {
      const key = resultKey(job.id, output);
      results.set(key, { key, kind: 'result', job, output, parentKey, depth: 0 });
      if (parentKey) {
        const list = children.get(parentKey) ?? [];
        list.push(key);
        children.set(parentKey, list);
      }
    });
  }
  return { parentOf, children, results, roots };
}

/** The tree that holds result `output` of job `jobId`, rooted at the original; undefined if it has none. */
export function versionTree(index: VersionIndex, jobId: string, output = 0): VersionTree | undefined {
  let key: string | undefined = resultKey(jobId, output);
  if (!index.results.has(key)) return undefined;
  // Up to the top; a cycle in stored data stops at the first node seen twice.
  const seen = new Set<string>();
  let top = key;
  while (key && !seen.has(key)) {
    seen.add(key);
    top = key;
    key = index.results.get(key)?.parentKey;
    if (key && !index.results.has(key) && !index.roots.has(key)) break;
  }
  const rootKey = top;
  const nodes: VersionNode[] = [];
  const visited = new Set<string>();
  // A first generation with several outputs: they are all originals, side by side at the first level.
  const topResult = index.results.get(rootKey);
  const firstLevel = topResult ? topResult.job.results.map((_, i) => resultKey(topResult.job.id, i)) : [rootKey];
  const stack = firstLevel.reverse().map((at) => ({ key: at, depth: 0 }));
  while (stack.length) {
    const { key: at, depth } = stack.pop()!;
    if (visited.has(at)) continue;
    visited.add(at);
    const result = index.results.get(at);
    const node: VersionNode | undefined = result ? { ...result, depth, ...(depth === 0 ? { parentKey: undefined } : {}) } : index.roots.get(at);
    if (!node) continue;
    nodes.push(node);
    const kids = index.children.get(at) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ key: kids[i]!, depth: depth + 1 });
  }
  return { rootKey, nodes };
}

/** How many versions a picture has (the popup's grouping and the overlay's stepping use it). */
export const versionCount = (tree: VersionTree) => tree.nodes.filter((n) => n.kind === 'result').length;
