import type { SourceRef } from '../model/request';
import { sourcesOf } from '../model/lineage';
import { listJobs } from '../storage/jobs';
import { indexVersions, versionTree, type VersionNode, type VersionTree } from './tree';

/**
 * The Versions view's data: the whole history is read once (the tree may reach any job) and indexed.
 * Pages read IndexedDB directly (same extension origin); only the background writes it.
 */
export async function loadVersionTree(jobId: string, output: number): Promise<VersionTree | undefined> {
  return versionTree(indexVersions(await listJobs()), jobId, output);
}

/** The stored file a node shows: a result's own file, or the captured/picked original's. */
export function nodeMediaId(node: VersionNode): string {
  return node.kind === 'result' ? node.job.results[node.output]!.mediaId : node.mediaId;
}

/** "Continue from here": the node as a source, remembering where it came from. */
export function nodeAsSource(node: VersionNode): SourceRef | undefined {
  if (node.kind === 'result') {
    const result = node.job.results[node.output]!;
    return {
      mediaId: result.mediaId,
      mimeType: result.mimeType,
      bytes: result.bytes,
      ...(result.width !== undefined ? { width: result.width } : {}),
      ...(result.height !== undefined ? { height: result.height } : {}),
      from: { kind: 'result', jobId: node.job.id, output: node.output },
    };
  }
  // The original (page image or file): the first job's own source, as it was captured.
  const source = sourcesOf(node.job.request)[0] as SourceRef | undefined;
  if (!source) return undefined;
  const { sendAsUrl: _decideAgain, ...kept } = source;
  return kept;
}
