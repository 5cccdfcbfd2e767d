import { describe, expect, it } from 'vitest';
import type { Job } from '../../lib/model/job';
import type { SourceFrom } from '../../lib/model/lineage';
import { indexVersions, versionTree } from '../../lib/versions/tree';
import { makeJob } from './helpers/job-fixture';

const image = (mediaId: string) => ({ mediaId, kind: 'image' as const, mimeType: 'image/jpeg', bytes: 10, thumb: true });
let clock = 1_700_000_000_000;

function generation(id: string, outputs = 1): Job {
  return makeJob(id, { createdAt: (clock += 1000), results: Array.from({ length: outputs }, (_, i) => image(`${id}-out${i}`)) });
}

function edit(id: string, source: { mediaId: string; from?: SourceFrom }, outputs = 1): Job {
  return makeJob(id, {
    createdAt: (clock += 1000),
    request: { mode: 'edit-image', prompt: `edit ${id}`, model: 'grok-imagine-image', n: outputs, resolution: '1k', sources: [{ mimeType: 'image/jpeg', ...source }] },
    results: Array.from({ length: outputs }, (_, i) => image(`${id}-out${i}`)),
  });
}

const fromResult = (parent: Job, output = 0) => ({ mediaId: parent.results[output]!.mediaId, from: { kind: 'result' as const, jobId: parent.id, output } });
const shape = (jobs: Job[], jobId: string, output = 0) => versionTree(indexVersions(jobs), jobId, output)?.nodes.map((n) => `${'  '.repeat(n.depth)}${n.key}`);

describe('versions tree', () => {
  it('roots at the first generation; a parent edited twice branches; every level is counted', () => {
    const root = generation('g');
    const a = edit('a', fromResult(root));
    const b = edit('b', fromResult(root));
    const a2 = edit('a2', fromResult(a));
    const other = generation('other');
    const jobs = [a2, other, b, root, a];
    const expected = ['g:0', '  a:0', '    a2:0', '  b:0'];
    expect(shape(jobs, 'a2')).toEqual(expected);
    // The same tree from any of its nodes.
    expect(shape(jobs, 'b')).toEqual(expected);
    expect(shape(jobs, 'g')).toEqual(expected);
    expect(shape(jobs, 'other')).toEqual(['other:0']);
  });

  it('roots at the page image, one root however often it was captured', () => {
    const page = (mediaId: string): { mediaId: string; from: SourceFrom } => ({ mediaId, from: { kind: 'page', imageUrl: 'https://site.test/cat.jpg', pageUrl: 'https://site.test/', capturedAt: 1 } });
    const first = edit('p1', page('cap1'));
    const second = edit('p2', page('cap2'));
    const child = edit('c', fromResult(first));
    expect(shape([first, second, child], 'c')).toEqual(['page:https://site.test/cat.jpg', '  p1:0', '    c:0', '  p2:0']);
  });

  it('outputs of one job are siblings; a later edit of output 1 hangs under output 1', () => {
    const root = generation('g', 2);
    const child = edit('e', fromResult(root, 1));
    // Both outputs of the first generation are originals, side by side at the first level.
    expect(shape([root, child], 'e')).toEqual(['g:0', 'g:1', '  e:0']);
  });

  it('links a legacy source (no lineage) to the result whose file it reuses; a file is a root of its own', () => {
    const root = generation('g');
    const legacy = edit('l', { mediaId: root.results[0]!.mediaId });
    const fromFile = edit('f', { mediaId: 'picked', from: { kind: 'file', name: 'cat.png' } });
    expect(shape([root, legacy], 'l')).toEqual(['g:0', '  l:0']);
    expect(shape([fromFile], 'f')).toEqual(['file:picked', '  f:0']);
  });

  it('a dangling parent makes its child a root; a cycle in stored data ends instead of looping', () => {
    const orphan = edit('o', { mediaId: 'x', from: { kind: 'result', jobId: 'gone', output: 0 } });
    expect(shape([orphan], 'o')).toEqual(['o:0']);
    const a = edit('a', { mediaId: 'b-out0', from: { kind: 'result', jobId: 'b', output: 0 } });
    const b = edit('b', { mediaId: 'a-out0', from: { kind: 'result', jobId: 'a', output: 0 } });
    const nodes = shape([a, b], 'a')!;
    expect(nodes).toHaveLength(2);
  });

  it('walks a 10,000-deep chain without overflowing the stack', () => {
    const jobs: Job[] = [generation('n0')];
    for (let i = 1; i < 10_000; i++) jobs.push(edit(`n${i}`, fromResult(jobs[i - 1]!)));
    const tree = versionTree(indexVersions(jobs), 'n9999')!;
    expect(tree.rootKey).toBe('n0:0');
    expect(tree.nodes).toHaveLength(10_000);
    expect(tree.nodes.at(-1)!.depth).toBe(9_999);
  });

  it('leaves failed jobs and descriptions out (a node is a result)', () => {
    const root = generation('g');
    const failed = makeJob('x', { status: 'failed', request: edit('x', fromResult(root)).request });
    expect(shape([root, failed], 'g')).toEqual(['g:0']);
    expect(versionTree(indexVersions([root, failed]), 'x')).toBeUndefined();
  });
});
