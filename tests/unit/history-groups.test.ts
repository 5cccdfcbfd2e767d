import { describe, expect, it } from 'vitest';
import { groupByPicture } from '../../lib/history/groups';
import type { HistorySummary } from '../../lib/history/summary';

const entry = (id: string, createdAt: number, lineage: Partial<Pick<HistorySummary, 'parentId' | 'pictureKey'>> = {}): HistorySummary => ({
  id, createdAt, status: 'done', mode: 'edit-image', kind: 'image', model: 'm', prompt: id, haystack: id, resultCount: 1, bytes: 1, ...lineage,
});

describe('group by picture', () => {
  it('puts a picture’s original and every version under one row, led by the newest', () => {
    const list = [
      entry('e3', 6, { parentId: 'e1' }),
      entry('other', 5),
      entry('e2', 4, { parentId: 'g' }),
      entry('e1', 3, { parentId: 'g' }),
      entry('p2', 2, { pictureKey: 'page:https://site.test/cat.jpg' }),
      entry('g', 1),
      entry('p1', 0, { pictureKey: 'page:https://site.test/cat.jpg' }),
    ];
    expect(groupByPicture(list).map((g) => g.members.map((m) => m.id))).toEqual([['e3', 'e2', 'e1', 'g'], ['other'], ['p2', 'p1']]);
  });

  it('an entry whose parent is not loaded leads its own group; a cycle ends', () => {
    expect(groupByPicture([entry('a', 2, { parentId: 'gone' }), entry('b', 1, { parentId: 'c' }), entry('c', 0, { parentId: 'b' })]).map((g) => g.members.length)).toEqual([1, 2]);
  });

  it('follows a 5,000-entry chain without recursion', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => entry(`n${i}`, i, i ? { parentId: `n${i - 1}` } : {})).reverse();
    expect(groupByPicture(chain).map((g) => g.members.length)).toEqual([5000]);
  });
});

describe('collapseStories', () => {
  it('a story is one row (its newest shot), counting its shot entries; other rows stay in order', async () => {
    const { collapseStories } = await import('../../lib/history/groups');
    const row = (id: string, storyId?: string) => ({ id, createdAt: 0, status: 'done', mode: 'create-video', kind: 'video', model: 'm', prompt: id, haystack: id, resultCount: 1, bytes: 1, ...(storyId ? { storyId } : {}) }) as HistorySummary;
    const { rows, stories } = collapseStories([row('a'), row('s3', 'S'), row('b'), row('s2', 'S'), row('s1', 'S'), row('t1', 'T')]);
    expect(rows.map((r) => r.id)).toEqual(['a', 's3', 'b', 't1']);
    expect(stories.get('s3')).toEqual({ storyId: 'S', count: 3 });
    expect(stories.get('t1')).toEqual({ storyId: 'T', count: 1 });
    expect(stories.has('a')).toBe(false);
  });
});
