import { describe, expect, it } from 'vitest';
import { treeRows } from '../../components/versions/tree-rows';
import type { Job } from '../../lib/model/job';
import { indexVersions, versionTree } from '../../lib/versions/tree';
import { makeJob } from './helpers/job-fixture';

const image = (mediaId: string) => ({ mediaId, kind: 'image' as const, mimeType: 'image/jpeg', bytes: 1, thumb: true });
const edit = (id: string, parent: string, at: number): Job =>
  makeJob(id, {
    createdAt: at,
    request: { mode: 'edit-image', prompt: id, model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: `${parent}-out`, mimeType: 'image/jpeg', from: { kind: 'result', jobId: parent, output: 0 } }] },
    results: [image(`${id}-out`)],
  });

describe('Versions tree rows (ARIA)', () => {
  it('gives each treeitem its level, its place among its siblings, and whether it has children', () => {
    const jobs = [makeJob('g', { createdAt: 1, results: [image('g-out')] }), edit('a', 'g', 2), edit('b', 'g', 3), edit('a2', 'a', 4), edit('c', 'g', 5)];
    const rows = treeRows(versionTree(indexVersions(jobs), 'a2')!);
    expect(rows.map((r) => [r.node.key, r.level, r.posInSet, r.setSize, r.hasChildren])).toEqual([
      ['g:0', 1, 1, 1, true],
      ['a:0', 2, 1, 3, true],
      ['a2:0', 3, 1, 1, false],
      ['b:0', 2, 2, 3, false],
      ['c:0', 2, 3, 3, false],
    ]);
  });
});
