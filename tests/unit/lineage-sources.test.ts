import { describe, expect, it } from 'vitest';
import { sourceFromSchema, parentJobIds } from '../../lib/model/lineage';
import { applyResultAs, useComposer } from '../../lib/ui/composer-store';
import { makeJob } from './helpers/job-fixture';

describe('lineage on sources', () => {
  it('"Edit this" on a result records the result it came from (job id + output index)', () => {
    const job = makeJob('parent', {
      results: [
        { mediaId: 'p0', kind: 'image', mimeType: 'image/jpeg', bytes: 1, thumb: true },
        { mediaId: 'p1', kind: 'image', mimeType: 'image/png', bytes: 2, thumb: true },
      ],
    });
    applyResultAs(job, 1, 'edit-image');
    expect(useComposer.getState().draft.sources).toEqual([{ mediaId: 'p1', mimeType: 'image/png', bytes: 2, from: { kind: 'result', jobId: 'parent', output: 1 } }]);
    applyResultAs(job, 0, 'animate-image');
    expect(useComposer.getState().draft.sources[0]!.from).toEqual({ kind: 'result', jobId: 'parent', output: 0 });
  });

  it('accepts the three kinds and a region, refuses anything else', () => {
    expect(sourceFromSchema.safeParse({ kind: 'page', capturedAt: 1, imageUrl: 'https://site.test/a.jpg' }).success).toBe(true);
    expect(sourceFromSchema.safeParse({ kind: 'file', name: 'a.png', area: { x: 0.1, y: 0.1, width: 0.5, height: 0.5 } }).success).toBe(true);
    expect(sourceFromSchema.safeParse({ kind: 'result', jobId: 'j', output: 0 }).success).toBe(true);
    expect(sourceFromSchema.safeParse({ kind: 'result', jobId: '', output: 0 }).success).toBe(false);
    expect(sourceFromSchema.safeParse({ kind: 'file', area: { x: 0.8, y: 0, width: 0.5, height: 1 } }).success).toBe(false);
    expect(sourceFromSchema.safeParse({ kind: 'url', href: 'x' }).success).toBe(false);
  });

  it('a job\'s parents are the results its sources came from, once each, in order', () => {
    const r = (jobId: string) => ({ mediaId: 'm', from: { kind: 'result' as const, jobId, output: 0 } });
    expect(parentJobIds([r('a'), { mediaId: 'x' }, r('b'), r('a')])).toEqual(['a', 'b']);
  });
});
