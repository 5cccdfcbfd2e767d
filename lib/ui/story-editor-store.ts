import { create } from 'zustand';
import type { Job } from '../model/job';
import { send } from '../messaging/client';
import { onChange } from '../storage/changes';
import { getJob } from '../storage/jobs';
import { readLatestStory, readStory } from '../story/story-store';
import { keepRecordedPicture } from '../story/planner';
import { storyDraftSchema, type Shot, type ShotStartKind, type Story } from '../story/story-schema';
import { userMessage } from '../errors/taxonomy';

/**
 * The story editor's state. The draft is the user's; the background's record adds what only it writes (each
 * shot's job, extracted frame, prior attempts, running). Edits are sent whole (`story.save`, shortly after the
 * last keystroke); the record comes back through the `story` change notice and its recorded fields win.
 */
export interface StoryView {
  story: Story | undefined;
  jobs: Record<string, Job>;
  error: string | undefined;
  open: boolean;
  setOpen(open: boolean): void;
  load(id?: string): Promise<void>;
  edit(change: (story: Story) => Story): void;
  addShot(): void;
  moveShot(from: number, to: number): void;
  duplicateShot(index: number): void;
  deleteShot(index: number): void;
  run(): Promise<void>;
  retry(shotId: string): Promise<void>;
  /** "Make a story from this page…": the picker's chosen pictures become a new story, opened here. */
  fromPage(scanId: string, targetIds: string[]): Promise<string | undefined>;
}

const SAVE_DELAY_MS = 400;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

export function newStory(model: string): Story {
  const now = Date.now();
  return { schemaVersion: 1, id: crypto.randomUUID(), createdAt: now, updatedAt: now, title: '', houseStyle: '', aspectRatio: '16:9', resolution: '720p', model, sound: true, shots: [], running: false };
}

export const newShot = (start: ShotStartKind = 'last-frame'): Shot => ({ id: crypto.randomUUID(), prompt: '', duration: 6, start: start === 'image' ? { kind: 'prompt' } : { kind: start }, priorJobIds: [] });

/** What only the background writes, taken from the stored record; everything else from the draft. */
function merge(draft: Story, stored: Story): Story {
  const recorded = new Map(stored.shots.map((shot) => [shot.id, shot]));
  return {
    ...draft,
    running: stored.running,
    ...(stored.lastError ? { lastError: stored.lastError } : { lastError: undefined }),
    shots: draft.shots.map((shot) => {
      const before = recorded.get(shot.id);
      if (!before) return shot;
      return before.jobId ? before : { ...keepRecordedPicture(shot, before), priorJobIds: before.priorJobIds, ...(before.frame ? { frame: before.frame } : {}) };
    }),
  };
}

async function jobsFor(story: Story): Promise<Record<string, Job>> {
  const ids = story.shots.flatMap((shot) => (shot.jobId ? [shot.jobId] : []));
  const jobs = await Promise.all(ids.map((id) => getJob(id)));
  return Object.fromEntries(jobs.flatMap((job) => (job ? [[job.id, job]] : [])));
}

export const useStory = create<StoryView>((set, get) => {
  const save = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };
  const flush = async () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = undefined;
    const story = get().story;
    if (!story) return;
    const reply = await send({ type: 'story.save', story: storyDraftSchema.parse(story) });
    set({ error: reply.ok ? undefined : userMessage(reply.error) });
  };
  const change = (fn: (story: Story) => Story) => {
    const story = get().story;
    if (!story) return;
    set({ story: { ...fn(story), updatedAt: Date.now() } });
    save();
  };
  return {
    story: undefined,
    jobs: {},
    error: undefined,
    open: false,
    setOpen: (open) => set({ open }),
    async load(id) {
      const stored = id ? await readStory(id) : await readLatestStory();
      set({ story: stored ?? get().story, jobs: stored ? await jobsFor(stored) : {} });
    },
    edit: change,
    addShot: () => change((s) => ({ ...s, shots: [...s.shots, newShot(s.shots.length === 0 ? 'prompt' : 'last-frame')] })),
    moveShot: (from, to) =>
      change((s) => {
        if (to < 0 || to >= s.shots.length || from === to) return s;
        const shots = [...s.shots];
        const [moved] = shots.splice(from, 1);
        if (moved) shots.splice(to, 0, moved);
        return { ...s, shots };
      }),
    duplicateShot: (index) =>
      change((s) => {
        const shot = s.shots[index];
        if (!shot) return s;
        const { jobId: _job, frame: _frame, ...rest } = shot;
        const copy: Shot = { ...rest, id: crypto.randomUUID(), priorJobIds: [] };
        return { ...s, shots: [...s.shots.slice(0, index + 1), copy, ...s.shots.slice(index + 1)] };
      }),
    deleteShot: (index) => change((s) => ({ ...s, shots: s.shots.filter((_, i) => i !== index) })),
    async run() {
      await flush();
      const story = get().story;
      if (!story) return;
      const reply = await send({ type: 'story.run', storyId: story.id });
      set({ error: reply.ok ? undefined : userMessage(reply.error) });
    },
    async fromPage(scanId, targetIds) {
      const reply = await send({ type: 'story.from-page', scanId, targetIds });
      if (!reply.ok) return userMessage(reply.error);
      await get().load(reply.storyId);
      set({ open: true, error: undefined });
      return undefined;
    },
    async retry(shotId) {
      const story = get().story;
      if (!story) return;
      const reply = await send({ type: 'story.retry-shot', storyId: story.id, shotId });
      set({ error: reply.ok ? undefined : userMessage(reply.error) });
    },
  };
});

/** Start listening to the background's notices (once per page). */
export function watchStory(): () => void {
  return onChange((notice) => {
    const { story } = useStory.getState();
    if (!story) return;
    if (notice.type === 'story' && notice.id === story.id) {
      void readStory(story.id).then(async (stored) => {
        if (!stored) return;
        const current = useStory.getState().story ?? stored;
        const merged = merge(current, stored);
        useStory.setState({ story: merged, jobs: await jobsFor(merged) });
      });
    }
    if (notice.type === 'jobs' && story.shots.some((shot) => shot.jobId && notice.ids.includes(shot.jobId))) {
      void jobsFor(story).then((jobs) => useStory.setState({ jobs }));
    }
  });
}
