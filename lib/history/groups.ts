import type { HistorySummary } from './summary';

/**
 * "Group by picture": the entries of one picture — its original and every version made from it — become
 * one group, led by its newest entry, so fifteen edits of one photo are one row the user opens. A chain is
 * followed through the loaded entries (parent ids), iteratively and cycle-safe; an entry whose parent is
 * not loaded (deleted, or on a page not read yet) leads its own group until the parent arrives.
 * Generations from a prompt alone are their own picture; so is each capture of a page image address.
 */
export interface HistoryGroup {
  key: string;
  /** Newest first, like the list; the first is the row that stands for the group. */
  members: HistorySummary[];
}

export function groupByPicture(summaries: readonly HistorySummary[]): HistoryGroup[] {
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const keyOf = new Map<string, string>();
  const groupKey = (start: HistorySummary): string => {
    const path: HistorySummary[] = [];
    const seen = new Set<string>();
    let at: HistorySummary | undefined = start;
    let key: string | undefined;
    while (at && !seen.has(at.id)) {
      const known = keyOf.get(at.id);
      if (known) {
        key = known;
        break;
      }
      seen.add(at.id);
      path.push(at);
      const parent: HistorySummary | undefined = at.parentId ? byId.get(at.parentId) : undefined;
      if (!parent) {
        key = at.pictureKey ?? `job:${at.id}`;
        break;
      }
      at = parent;
    }
    key ??= `job:${path.at(-1)?.id ?? start.id}`; // a cycle: the last entry seen stands for it
    for (const s of path) keyOf.set(s.id, key);
    return key;
  };
  const groups = new Map<string, HistoryGroup>();
  for (const s of summaries) {
    const key = groupKey(s);
    const group = groups.get(key);
    if (group) group.members.push(s);
    else groups.set(key, { key, members: [s] });
  }
  return [...groups.values()];
}

/** The row that stands for a story: its newest shot's entry, and how many shot entries it holds. */
export interface StoryRow {
  storyId: string;
  count: number;
}

/**
 * A story is one entry in history, not one per shot (and per retried attempt): the newest of its shots'
 * entries stands for it and opens the story editor; the others are left out of the list (they stay in
 * the story, and in search through it).
 */
export function collapseStories(summaries: readonly HistorySummary[]): { rows: HistorySummary[]; stories: Map<string, StoryRow> } {
  const rows: HistorySummary[] = [];
  const stories = new Map<string, StoryRow>();
  const leadOf = new Map<string, string>();
  for (const s of summaries) {
    if (!s.storyId) {
      rows.push(s);
      continue;
    }
    const lead = leadOf.get(s.storyId);
    if (lead) {
      stories.get(lead)!.count++;
      continue;
    }
    leadOf.set(s.storyId, s.id);
    stories.set(s.id, { storyId: s.storyId, count: 1 });
    rows.push(s);
  }
  return { rows, stories };
}
