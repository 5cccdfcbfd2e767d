import { db } from '../storage/db';
import { KV_NAMES } from '../storage/keys';
import { storySchema, type Story } from './story-schema';

/**
 * Stories live in IndexedDB (kv store, `story:<id>`), next to their shots' jobs, so a worker killed mid-story
 * finds everything as it was. The background is the only writer; pages read. Every change is one readwrite
 * transaction (read, change, write, no other await inside): two shots finishing at once cannot overwrite
 * each other's job ids.
 */
export const storyKey = (id: string) => `${KV_NAMES.storyPrefix}${id}`;
export const LATEST_STORY_KEY = KV_NAMES.latestStory;

export async function readStory(id: string): Promise<Story | undefined> {
  const parsed = storySchema.safeParse(await (await db()).get('kv', storyKey(id)));
  return parsed.success ? parsed.data : undefined;
}

export async function readLatestStory(): Promise<Story | undefined> {
  const id = await (await db()).get('kv', LATEST_STORY_KEY);
  return typeof id === 'string' ? readStory(id) : undefined;
}

/** Every stored story, newest first (the history's story entries). */
export async function listStories(): Promise<Story[]> {
  const store = (await db()).transaction('kv').store;
  const range = IDBKeyRange.bound(KV_NAMES.storyPrefix, `${KV_NAMES.storyPrefix}\uffff`);
  const [keys, values] = await Promise.all([store.getAllKeys(range), store.getAll(range)]);
  const stories: Story[] = [];
  keys.forEach((_key, index) => {
    const parsed = storySchema.safeParse(values[index]);
    if (parsed.success) stories.push(parsed.data);
  });
  return stories.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function putStory(story: Story): Promise<void> {
  const tx = (await db()).transaction('kv', 'readwrite');
  await tx.store.put(storySchema.parse(story), storyKey(story.id));
  await tx.store.put(story.id, LATEST_STORY_KEY);
  await tx.done;
}

/** Apply `change` atomically; returns the record written (undefined: nothing changed or no such story). */
export async function updateStory(id: string, change: (story: Story) => Story | undefined): Promise<Story | undefined> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const parsed = storySchema.safeParse(await tx.store.get(storyKey(id)));
  const next = parsed.success ? change(parsed.data) : undefined;
  if (next) await tx.store.put(storySchema.parse(next), storyKey(id));
  await tx.done;
  return next;
}

export async function deleteStory(id: string): Promise<void> {
  await (await db()).delete('kv', storyKey(id));
}
