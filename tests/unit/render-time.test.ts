import { describe, expect, it } from 'vitest';
import type { Job } from '../../lib/model/job';
import { estimateRenderTime, priorRenderMs, RENDER_PRIOR, renderParamsOf, renderSampleOf, type RenderParams, type RenderSample } from '../../lib/jobs/render-time';

const params: RenderParams = { provider: 'xai', model: 'grok-imagine-video', duration: 6, resolution: '480p' };
const sample = (ms: number, at = 0, extra: Partial<RenderSample> = {}): RenderSample => ({ ...params, ms, at, ...extra });

describe('render-time estimate', () => {
  it('falls back to the bundled prior without history', () => {
    const estimate = estimateRenderTime(params, []);
    expect(estimate).toMatchObject({ source: 'prior', samples: 0, spread: RENDER_PRIOR.spread });
    expect(estimate.medianMs).toBe(priorRenderMs(params));
    // Longer and sharper videos take longer.
    expect(priorRenderMs({ duration: 10, resolution: '720p' })).toBeGreaterThan(priorRenderMs({ duration: 6, resolution: '480p' }));
  });

  it('learns the median and spread of exact matches', () => {
    const estimate = estimateRenderTime(params, [11_000, 12_000, 12_500, 13_000, 14_000].map((ms, i) => sample(ms, i)));
    expect(estimate.source).toBe('history');
    expect(estimate.medianMs).toBeCloseTo(12_500, -1);
    expect(estimate.spread).toBeGreaterThanOrEqual(0.1);
    expect(estimate.spread).toBeLessThan(0.2);
  });

  it('ignores absurd records: a 2-hour job, a 0 s job, a negative or NaN time', () => {
    const clean = [11_000, 12_000, 12_500, 13_000, 14_000].map((ms, i) => sample(ms, i));
    const dirty = [...clean, sample(2 * 3_600_000, 10), sample(0, 11), sample(-5_000, 12), sample(Number.NaN, 13)];
    expect(estimateRenderTime(params, dirty)).toEqual(estimateRenderTime(params, clean));
  });

  it('is not dragged by one slow (but plausible) outlier: medians, not means', () => {
    const history = [12_000, 12_200, 12_400, 12_600, 12_800, 15 * 60_000].map((ms, i) => sample(ms, i));
    const estimate = estimateRenderTime(params, history);
    expect(estimate.medianMs).toBeLessThan(13_000);
    expect(estimate.spread).toBeLessThan(0.3);
  });

  it('keeps only the newest samples (the provider’s speed changes)', () => {
    const old = Array.from({ length: 30 }, (_, i) => sample(60_000, i));
    const recent = Array.from({ length: 25 }, (_, i) => sample(10_000, 100 + i));
    expect(estimateRenderTime(params, [...old, ...recent]).medianMs).toBeCloseTo(10_000, -1);
  });

  it('is wary of one or two samples', () => {
    expect(estimateRenderTime(params, [sample(12_000)]).spread).toBeGreaterThan(0.2);
  });

  it('borrows other durations/resolutions of the same model, rescaled and with more doubt', () => {
    const history = [sample(20_000, 1, { duration: 10, resolution: '720p' }), sample(21_000, 2, { duration: 10, resolution: '720p' }), sample(19_000, 3, { duration: 10, resolution: '720p' })];
    const estimate = estimateRenderTime(params, history);
    expect(estimate.source).toBe('similar');
    expect(estimate.medianMs).toBeLessThan(20_000);
    expect(estimate.spread).toBeGreaterThanOrEqual(0.25);
  });

  it('never mixes models or providers', () => {
    expect(estimateRenderTime(params, [sample(5_000, 0, { model: 'other' }), sample(5_000, 0, { provider: 'vydra' })]).source).toBe('prior');
  });
});

describe('render samples from jobs', () => {
  const job = (extra: Partial<Job>): Job =>
    ({
      provider: 'xai',
      request: { mode: 'create-video', prompt: 'p', model: 'grok-imagine-video', duration: 6, aspectRatio: '16:9', resolution: '480p' },
      ...extra,
    }) as Job;

  it('takes the midpoint between the last pending poll and the first done poll', () => {
    expect(renderSampleOf(job({ submittedAt: 1_000, lastPendingAt: 11_000, renderSeenAt: 13_000 }))).toMatchObject({ ...params, ms: 11_000, at: 13_000 });
  });

  it('says nothing without a done poll (old records, failures) or for images', () => {
    expect(renderSampleOf(job({ submittedAt: 1_000, finishedAt: 20_000 }))).toBeUndefined();
    expect(renderParamsOf(job({ request: { mode: 'create-image', prompt: 'p', model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' } as Job['request'] }))).toBeUndefined();
  });
});
