import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { retentionVictims } from '../../lib/background/state/history-upkeep';
import { readHistoryPage } from '../../lib/history/read';
import { dayBound, EMPTY_FILTER, matcher, summarize } from '../../lib/history/summary';
import type { Job } from '../../lib/model/job';
import { db, resetDbConnection } from '../../lib/storage/db';
import { makeJob } from './helpers/job-fixture';

function job(id: string, createdAt: number, extra: Partial<Job> = {}): Job {
  return makeJob(id, {
    createdAt,
    request: { mode: 'create-image', prompt: `A Red fox ${id}`, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' },
    results: [{ mediaId: `m-${id}`, kind: 'image', mimeType: 'image/jpeg', bytes: 1000, thumb: true }],
    ...extra,
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetDbConnection();
});

describe('history summaries and filters', () => {
  const video = job('v', 5000, {
    request: { mode: 'animate-image', prompt: 'Waves rolling in', model: 'grok-imagine-video', duration: 6, resolution: '480p', sources: [{ mediaId: 'src', mimeType: 'image/png' }] },
    results: [{ mediaId: 'vid', kind: 'video', mimeType: 'video/mp4', bytes: 9000, thumb: false }],
    costTicks: 3_000_000_000,
    origin: { via: 'context-menu', pageUrl: 'https://news.example/a' },
  });
  const failed = job('f', 2000, { status: 'failed', results: [], error: { kind: 'content_policy', message: 'Blocked.' }, estimatedCostTicks: 200_000_000 });
  const all = [summarize(video), summarize(job('i', 3000)), summarize(failed)];

  it('summarises what a row shows', () => {
    expect(all[0]).toMatchObject({ kind: 'video', mode: 'animate-image', cost: '$0.30', pageUrl: 'https://news.example/a', thumbId: 'src', bytes: 9000 });
    expect(all[2]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Blocked by content moderation/), resultCount: 0 });
    expect(all[2]?.cost).toBeUndefined(); // a failed job without a reported charge shows no cost
  });

  it('filters by words (any order, any case), kind, status and date range', () => {
    const ids = (f: Partial<typeof EMPTY_FILTER>) => all.filter(matcher({ ...EMPTY_FILTER, ...f })).map((s) => s.id);
    expect(ids({})).toEqual(['v', 'i', 'f']);
    expect(ids({ text: 'fox red' })).toEqual(['i', 'f']);
    expect(ids({ text: 'WAVES' })).toEqual(['v']);
    expect(ids({ kind: 'video' })).toEqual(['v']);
    expect(ids({ kind: 'image', status: 'failed' })).toEqual(['f']);
    expect(ids({ from: 2500, to: 4000 })).toEqual(['i']);
  });

  it('turns date inputs into local day bounds', () => {
    expect(dayBound('2024-05-01', 'start')).toBe(new Date(2024, 4, 1).getTime());
    expect(dayBound('2024-05-01', 'end')).toBe(new Date(2024, 4, 2).getTime() - 1);
    expect(dayBound('', 'start')).toBeUndefined();
  });
});

describe('history paging', () => {
  it('pages newest first without losing jobs created in the same millisecond', async () => {
    const database = await db();
    const jobs = [job('a', 100), job('b', 200), job('c', 200), job('d', 200), job('e', 300)];
    for (const j of jobs) await database.put('jobs', j);
    const seen: string[] = [];
    let page = await readHistoryPage(2);
    seen.push(...page.jobs.map((j) => j.id));
    while (page.next) {
      page = await readHistoryPage(2, page.next);
      seen.push(...page.jobs.map((j) => j.id));
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen[0]).toBe('e');
    expect(seen.at(-1)).toBe('a');
  });
});

describe('retention', () => {
  const MB = 1024 * 1024;
  const rows = [
    { id: 'old', createdAt: 0, terminal: true, bytes: 60 * MB },
    { id: 'running', createdAt: 1, terminal: false, bytes: 0 },
    { id: 'mid', createdAt: 2 * 86_400_000, terminal: true, bytes: 30 * MB },
    { id: 'new', createdAt: 10 * 86_400_000, terminal: true, bytes: 30 * MB },
  ];
  const none = { maxCount: null, maxAgeDays: null, maxMegabytes: null };
  const now = 10 * 86_400_000;

  it('removes nothing without a policy', () => expect(retentionVictims(rows, none, now)).toEqual([]));
  it('by age, never an active job', () => expect(retentionVictims(rows, { ...none, maxAgeDays: 5 }, now)).toEqual(['old', 'mid']));
  it('by count, oldest finished first', () => expect(retentionVictims(rows, { ...none, maxCount: 2 }, now)).toEqual(['old', 'mid']));
  it('by size, until under the limit', () => expect(retentionVictims(rows, { ...none, maxMegabytes: 60 }, now)).toEqual(['old']));
});
