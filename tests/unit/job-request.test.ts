import { describe, expect, it } from 'vitest';
import { estimateCostUsd } from '../../lib/jobs/cost';
import { jobRequestSchema, validationMessages } from '../../lib/model/request';
import { backoffDelay } from '../../lib/jobs/backoff';

const source = { mediaId: 'm1', mimeType: 'image/png', bytes: 1000 };
const errorsOf = (value: unknown) => {
  const parsed = jobRequestSchema.safeParse(value);
  return parsed.success ? {} : validationMessages(parsed.error);
};

describe('job request validation', () => {
  it('accepts a valid request of every mode', () => {
    const valid = [
      { mode: 'create-image', prompt: 'a cat', model: 'grok-imagine-image', n: 2, aspectRatio: '16:9', resolution: '1k' },
      { mode: 'edit-image', prompt: 'sketch', model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [source, source] },
      { mode: 'create-video', prompt: 'waves', model: 'grok-imagine-video', duration: 8, aspectRatio: '16:9', resolution: '480p' },
      { mode: 'animate-image', prompt: '', model: 'grok-imagine-video', duration: 6, resolution: '720p', sources: [source] },
      { mode: 'reference-video', prompt: '<IMAGE_0> runs', model: 'grok-imagine-video', duration: 6, aspectRatio: '1:1', resolution: '480p', sources: [source] },
      { mode: 'edit-video', prompt: 'make it snow', model: 'grok-imagine-video', sources: [{ mediaId: 'v', mimeType: 'video/mp4' }] },
      { mode: 'extend-video', prompt: 'keep going', model: 'grok-imagine-video', duration: 6, sources: [{ mediaId: 'v', mimeType: 'video/mp4' }] },
    ];
    for (const request of valid) expect(errorsOf(request), request.mode).toEqual({});
  });

  it('explains each bad field in words', () => {
    expect(errorsOf({ mode: 'create-image', prompt: ' ', model: 'm', n: 1, aspectRatio: '1:1', resolution: '1k' }).prompt).toBe('Write a prompt.');
    expect(errorsOf({ mode: 'create-image', prompt: 'x', model: 'm', n: 11, aspectRatio: '1:1', resolution: '1k' }).n).toBe('Count must be 1 to 10.');
    expect(errorsOf({ mode: 'create-video', prompt: 'x', model: 'grok-imagine-video', duration: 16, aspectRatio: '1:1', resolution: '480p' }).duration).toBe('Duration must be 1 to 15 s.');
    expect(errorsOf({ mode: 'create-video', prompt: 'x', model: 'grok-imagine-video', duration: 5, aspectRatio: '1:1', resolution: '1080p' }).resolution).toMatch(/1080p needs grok-imagine-video-1.5/);
    expect(errorsOf({ mode: 'create-video', prompt: 'x', model: 'grok-imagine-video-1.5', duration: 5, aspectRatio: '1:1', resolution: '1080p' })).toEqual({});
    expect(errorsOf({ mode: 'edit-image', prompt: 'x', model: 'm', n: 1, resolution: '1k', sources: Array(6).fill(source) }).sources).toBe('At most 5 source images.');
    expect(errorsOf({ mode: 'edit-image', prompt: 'x', model: 'grok-imagine-image', n: 1, resolution: '1k', sources: Array(4).fill(source) }).sources).toBe('At most 3 source images for grok-imagine-image.');
    expect(errorsOf({ mode: 'edit-image', prompt: 'x', model: 'm', n: 1, resolution: '1k', sources: [{ ...source, mimeType: 'image/gif' }] }).sources).toMatch(/JPEG, PNG or WebP/);
    expect(errorsOf({ mode: 'extend-video', prompt: 'x', model: 'm', duration: 11, sources: [{ mediaId: 'v', mimeType: 'video/mp4' }] }).duration).toBe('Extension must be 2 to 10 s.');
  });
});

describe('cost estimate', () => {
  it('uses list prices and counts edit inputs', () => {
    expect(estimateCostUsd({ mode: 'create-image', prompt: 'x', model: 'grok-imagine-image', n: 4, aspectRatio: '1:1', resolution: '1k' })).toBe(0.08);
    // Retired slug: 2.0 at low, 1k $0.04, plus 2.0's $0.01 per input image.
    expect(estimateCostUsd({ mode: 'edit-image', prompt: 'x', model: 'grok-imagine-image-quality', n: 1, resolution: '1k', sources: [source] })).toBe(0.05);
    expect(estimateCostUsd({ mode: 'edit-image', prompt: 'x', model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [source, source] })).toBe(0.024);
    expect(estimateCostUsd({ mode: 'create-image', prompt: 'x', model: 'grok-imagine-image-2.0', n: 2, aspectRatio: '1:1', resolution: '2k', quality: 'medium' })).toBe(0.16);
    expect(estimateCostUsd({ mode: 'create-video', prompt: 'x', model: 'grok-imagine-video-1.5', duration: 10, aspectRatio: '1:1', resolution: '720p' })).toBe(1.4);
    expect(estimateCostUsd({ mode: 'create-video', prompt: 'x', model: 'grok-imagine-video', duration: 8, aspectRatio: '1:1', resolution: '480p' })).toBe(0.4);
    expect(estimateCostUsd({ mode: 'create-video', prompt: 'x', model: 'grok-imagine-video', duration: 8, aspectRatio: '1:1', resolution: '720p' })).toBe(0.56);
    expect(estimateCostUsd({ mode: 'animate-image', prompt: 'x', model: 'grok-imagine-video', duration: 5, resolution: '480p', sources: [source] })).toBe(0.252);
    expect(estimateCostUsd({ mode: 'create-image', prompt: 'x', model: 'someone-elses-model', n: 1, aspectRatio: '1:1', resolution: '1k' })).toBeUndefined();
  });
});

describe('backoff', () => {
  it('honours Retry-After, else grows exponentially with jitter and a cap', () => {
    expect(backoffDelay(3, { retryAfterMs: 7_000 })).toBe(7_000);
    expect(backoffDelay(0, { random: () => 0 })).toBe(500);
    expect(backoffDelay(0, { random: () => 1 })).toBe(1_000);
    expect(backoffDelay(4, { random: () => 1 })).toBe(16_000);
    expect(backoffDelay(20, { random: () => 1 })).toBe(60_000);
  });
});

describe('formatJobCost', () => {
  it('speaks the provider’s unit, and marks estimates', async () => {
    const { formatJobCost } = await import('../../lib/jobs/cost');
    expect(formatJobCost({ costTicks: 200_000_000 })).toBe('$0.02');
    expect(formatJobCost({ costCredits: 150 })).toBe('150 credits');
    expect(formatJobCost({ estimatedCostTicks: 400_000_000 })).toBe('~$0.04');
    expect(formatJobCost({})).toBeUndefined();
  });
});
