import { create } from 'zustand';
import type { Job } from '../model/job';
import { onChange } from '../storage/changes';
import { getJob } from '../storage/jobs';
import { readHistoryPage, type PageCursor } from '../history/read';
import { prefetchThumbs } from '../history/thumbs';
import { EMPTY_FILTER, summarize, type HistoryFilter, type HistorySummary } from '../history/summary';

/**
 * The popup's read-only view of history. Pages are read newest first: a small first page so the first
 * thumbnails paint quickly, then bigger pages as the user scrolls (or while a filter is looking for
 * matches further back). Filtering runs over the in-memory summaries, so it never re-reads IndexedDB.
 * Writes go to the background; its change notifications keep this mirror current.
 */
export const FIRST_PAGE = 30;
export const NEXT_PAGE = 500;
const FIRST_THUMBS = 10;

interface HistoryState {
  summaries: HistorySummary[]; // newest first
  jobs: Map<string, Job>;
  loaded: boolean;
  loading: boolean;
  exhausted: boolean;
  cursor?: PageCursor;
  filter: HistoryFilter;
  selected: Set<string>;
  loadMore(): Promise<void>;
  /** Reads everything still unread (export of "all", select-all). */
  loadAll(): Promise<void>;
  setFilter(patch: Partial<HistoryFilter>): void;
  toggle(id: string, on?: boolean): void;
  setSelection(ids: Iterable<string>): void;
}

let inflight: Promise<void> | undefined;

export const useHistory = create<HistoryState>()((set, get) => ({
  summaries: [],
  jobs: new Map(),
  loaded: false,
  loading: false,
  exhausted: false,
  filter: EMPTY_FILTER,
  selected: new Set(),
  loadMore() {
    if (get().exhausted) return Promise.resolve();
    inflight ??= (async () => {
      set({ loading: true });
      try {
        const { loaded, cursor } = get();
        const page = await readHistoryPage(loaded ? NEXT_PAGE : FIRST_PAGE, cursor);
        // First screenful: its thumbnails arrive with the page, so the first render can show them.
        if (!loaded) await prefetchThumbs(page.jobs.slice(0, FIRST_THUMBS).map((j) => summarize(j).thumbId).filter((id): id is string => id !== undefined));
        set((state) => {
          const jobs = new Map(state.jobs);
          const fresh = page.jobs.filter((j) => !jobs.has(j.id));
          for (const j of fresh) jobs.set(j.id, j);
          const { cursor: _old, ...rest } = state;
          return {
            ...rest,
            jobs,
            summaries: [...state.summaries, ...fresh.map(summarize)],
            loaded: true,
            loading: false,
            exhausted: page.next === undefined,
            ...(page.next ? { cursor: page.next } : {}),
          };
        }, true);
      } finally {
        inflight = undefined;
        if (get().loading) set({ loading: false });
      }
    })();
    return inflight;
  },
  async loadAll() {
    while (!get().exhausted) await get().loadMore();
  },
  setFilter(patch) {
    set((s) => ({ filter: { ...s.filter, ...patch } }));
  },
  toggle(id, on) {
    set((s) => {
      const selected = new Set(s.selected);
      if (on ?? !selected.has(id)) selected.add(id);
      else selected.delete(id);
      return { selected };
    });
  },
  setSelection(ids) {
    set({ selected: new Set(ids) });
  },
}));

/** Applies the background's change notifications: updated jobs in place, new ones in order, deleted ones out. */
export async function applyJobChanges(ids: string[]): Promise<void> {
  const fresh = await Promise.all(ids.map(async (id) => [id, await getJob(id)] as const));
  useHistory.setState((state) => {
    const jobs = new Map(state.jobs);
    const byId = new Map(state.summaries.map((s) => [s.id, s]));
    const oldest = state.summaries.at(-1)?.createdAt ?? -Infinity;
    const selected = new Set(state.selected);
    for (const [id, job] of fresh) {
      // A job older than everything loaded so far arrives with its page (imports of old entries).
      if (job && (state.exhausted || job.createdAt >= oldest || byId.has(id))) {
        jobs.set(id, job);
        byId.set(id, summarize(job));
      } else {
        jobs.delete(id);
        byId.delete(id);
        selected.delete(id);
      }
    }
    const summaries = [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
    return { jobs, summaries, selected };
  });
}

let started = false;
export function startHistorySync(): void {
  if (started) return;
  started = true;
  onChange((change) => {
    if (change.type === 'jobs') void applyJobChanges(change.ids);
  });
  void useHistory.getState().loadMore();
}
