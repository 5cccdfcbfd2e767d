import { describe, expect, it } from 'vitest';
import { chargedTicks, spentTicks, spentToday, startOfDay } from '../../lib/jobs/spend';

const base = { createdAt: 10, estimatedCostTicks: 200 } as const;

describe('daily cap: what a job counts', () => {
  it('the actual cost once reported, else the estimate for every job that reached the provider', () => {
    expect(chargedTicks({ ...base, status: 'done', costTicks: 150, sentAt: 1 })).toBe(150);
    expect(chargedTicks({ ...base, status: 'failed', sentAt: 1, error: { kind: 'content_policy', message: 'm' } })).toBe(200);
    expect(chargedTicks({ ...base, status: 'cancelled', sentAt: 1, error: { kind: 'cancelled', message: 'm' } })).toBe(200);
    expect(chargedTicks({ ...base, status: 'failed', sentAt: 1, error: { kind: 'interrupted', message: 'm' } })).toBe(200);
    expect(chargedTicks({ ...base, status: 'running', sentAt: 1 })).toBe(200);
    expect(chargedTicks({ ...base, status: 'queued' })).toBe(200); // reserved while it may still cost
  });
  it('nothing for jobs that never left, were refused unprocessed, or were imported', () => {
    expect(chargedTicks({ ...base, status: 'cancelled', error: { kind: 'cancelled', message: 'm' } })).toBe(0);
    expect(chargedTicks({ ...base, status: 'failed', sentAt: 1, error: { kind: 'invalid_key', message: 'm' } })).toBe(0);
    expect(chargedTicks({ ...base, status: 'failed', sentAt: 1, error: { kind: 'credits_exhausted', message: 'm' } })).toBe(0);
    expect(chargedTicks({ ...base, status: 'done', costTicks: 150, sentAt: 1, imported: true })).toBe(0);
  });
  it('sums only the day asked for', () => {
    expect(spentTicks([{ ...base, status: 'done', costTicks: 5, sentAt: 1 }, { ...base, createdAt: 1, status: 'done', costTicks: 7, sentAt: 1 }], 5)).toBe(5);
  });
});

describe('spent today: one place says which day counts', () => {
  it('asks the store for everything since local midnight of the given instant', async () => {
    const now = new Date(2026, 11, 6, 15, 30).getTime();
    const asked: number[] = [];
    const store = { spentSince: (since: number) => (asked.push(since), Promise.resolve(42)) };
    expect(await spentToday(store, now)).toBe(42);
    expect(asked).toEqual([new Date(2026, 11, 6).getTime()]);
    expect(startOfDay(new Date(2026, 11, 6).getTime())).toBe(new Date(2026, 11, 6).getTime());
  });
});
