import { describe, expect, it } from 'vitest';
import { formatUsdPrecise } from '../../lib/i18n';
import { formatCostVsEstimate } from '../../lib/jobs/cost';
import { plainModelName, shortModelName } from '../../lib/ui/short-model-name';
import { resultTitle } from '../../components/ResultTile';
import type { Job } from '../../lib/model/job';
import { t } from '../../lib/i18n';

const TICKS_PER_USD = 1e10;

describe('the panel’s labels (issue 23)', () => {
  it('an estimate has as many decimals as its breakdown needs', () => {
    expect(formatUsdPrecise(0.022)).toBe('$0.022');
    expect(formatUsdPrecise(0.04)).toBe('$0.04');
    expect(formatUsdPrecise(0.0825)).toBe('$0.0825');
    expect(formatUsdPrecise(1.5)).toBe('$1.50');
  });

  it('models by plain names: the version in summaries, "Grok Imagine …" in details, others as they are', () => {
    expect(shortModelName('grok-imagine-image-2.0')).toBe('2.0');
    expect(shortModelName('grok-imagine-image')).toBe('1.0');
    expect(shortModelName('grok-imagine-video-1.5-lite')).toBe('1.5 lite');
    expect(plainModelName('grok-imagine-video-1.5')).toBe('Grok Imagine Video 1.5');
    expect(plainModelName('grok-imagine-image-2.0')).toBe('Grok Imagine 2.0');
    expect(plainModelName('runware:101@1')).toBe('runware:101@1');
  });

  it('a cost that matched its estimate is said once', () => {
    expect(formatCostVsEstimate({ costTicks: 0.02 * TICKS_PER_USD, estimatedCostTicks: 0.02 * TICKS_PER_USD })).toBe('$0.02');
    expect(formatCostVsEstimate({ costTicks: 0.05 * TICKS_PER_USD, estimatedCostTicks: 0.06 * TICKS_PER_USD })).toMatch(/\$0\.05.*\$0\.06/);
  });

  it('a prompt-less animation is named once, by its mode (not "Animate image · Animate image")', () => {
    const job = { request: { mode: 'animate-image', prompt: '  ' } } as unknown as Job;
    expect(resultTitle(job)).toBe('Animate image');
    expect(t('panel.resultTile.videoLabel', { title: resultTitle(job) })).toBe('Video: Animate image');
    expect(resultTitle({ request: { mode: 'animate-image', prompt: 'waves' } } as unknown as Job)).toBe('waves');
  });
});
