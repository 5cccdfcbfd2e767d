import { describe, expect, it } from 'vitest';
import { checkBatchCap, describeBatchCost, estimateBatch } from '../../lib/batch/batch-cost';
import { batchSummary, itemView } from '../../lib/batch/progress';
import { estimateRequest } from '../../lib/pricing/estimate';
import { requestFromDefaults } from '../../lib/batch/default-request';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

const source = { mediaId: 'm', mimeType: 'image/jpeg' };

describe('estimateBatch', () => {
  it('is one default request per image, from the one price table', () => {
    const one = estimateRequest(requestFromDefaults('edit-image', 'sketch', source, DEFAULT_SETTINGS))!.usd;
    const batch = estimateBatch('edit-image', 'sketch', DEFAULT_SETTINGS, 5)!;
    expect(batch.perImageUsd).toBe(one);
    expect(batch.totalUsd).toBeCloseTo(one * 5, 6);
    const video = estimateBatch('animate-image', 'push in', DEFAULT_SETTINGS, 2)!;
    expect(video.totalUsd).toBeCloseTo(estimateRequest(requestFromDefaults('animate-image', 'push in', source, DEFAULT_SETTINGS))!.usd * 2, 6);
    expect(describeBatchCost(batch, 5)).toMatch(/^5 images × \$[\d.]+ = up to \$[\d.]+$/);
  });

  it('unknown model price: no estimate, and the cap cannot refuse ahead', () => {
    const settings = { ...DEFAULT_SETTINGS, defaults: { ...DEFAULT_SETTINGS.defaults, image: { ...DEFAULT_SETTINGS.defaults.image, model: 'some-future-model' } } };
    expect(estimateBatch('edit-image', 'x', settings, 3)).toBeUndefined();
    expect(checkBatchCap(undefined, 3, 0, 0.01)).toEqual({ ok: true });
  });
});

describe('checkBatchCap', () => {
  const estimate = { perImageUsd: 0.02, totalUsd: 0.1, lines: [] };
  it('no cap, or a batch that fits exactly, runs', () => {
    expect(checkBatchCap(estimate, 5, 0.5, null)).toEqual({ ok: true });
    expect(checkBatchCap(estimate, 5, 0.9, 1)).toEqual({ ok: true });
    expect(checkBatchCap({ perImageUsd: 0.1, totalUsd: 0.3, lines: [] }, 3, 0.1 + 0.2, 0.6)).toEqual({ ok: true });
  });
  it('over the cap: refused as a whole, saying how many would fit', () => {
    const verdict = checkBatchCap(estimate, 5, 0.95, 1);
    expect(verdict).toMatchObject({ ok: false, fits: 2 });
    if (!verdict.ok) expect(verdict.message).toContain('2 images would fit');
    const none = checkBatchCap(estimate, 5, 1.2, 1);
    expect(none).toMatchObject({ ok: false, fits: 0 });
    if (!none.ok) expect(none.message).toContain('Raise the cap');
  });
});

describe('batch progress wording', () => {
  const item = { targetId: 'aaaaaaaa', srcUrl: 'https://a.example/x.jpg', kind: 'img' as const };
  it('reads capture state first, then the job', () => {
    const views = [
      itemView({ ...item, state: 'capturing' }, undefined),
      itemView({ ...item, state: 'failed', message: 'Reimagine does not have access to cdn.test' }, undefined),
      itemView({ ...item, state: 'submitted', jobId: 'j1' }, { status: 'queued' }),
      itemView({ ...item, state: 'submitted', jobId: 'j2' }, { status: 'done' }),
      itemView({ ...item, state: 'cancelled' }, undefined),
    ];
    expect(views.map((v) => v.label)).toEqual(['Reading image', 'Failed', 'Queued', 'Done', 'Cancelled']);
    expect(batchSummary(views)).toEqual({ text: '1 of 5 done, 1 failed, 1 cancelled, 2 in progress.', done: 1, waiting: 2 });
  });
});
