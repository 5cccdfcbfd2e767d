import { z } from 'zod';
import { db } from '../storage/db';
import { KV_NAMES, kvKey } from '../storage/keys';
import { storySchema, type Story } from './story-schema';

/**
 * Stories live in IndexedDB (kv store, `story:<id>`), next to their shots' jobs, so a worker killed mid-story
 * finds everything as it was. The background is the only writer; pages read. Every change is one readwrite
 * transaction (read, change, write, no other await inside): two shots finishing at once cannot overwrite
 * each other's job ids.
 */
export const storyKey = (id: string) => kvKey(`${KV_NAMES.storyPrefix}${id}`, storySchema);
/** The newest story's id (the editor reopens it). */
export const LATEST_STORY = kvKey(KV_NAMES.latestStory, z.string());

export async function readStory(id: string): Promise<Story | undefined> {
  const parsed = storyKey(id).schema.safeParse(await (await db()).get('kv', storyKey(id).name));
  return parsed.success ? parsed.data : undefined;
}

export async function readLatestStory(): Promise<Story | undefined> {
  const id = LATEST_STORY.schema.safeParse(await (await db()).get('kv', LATEST_STORY.name));
  return id.success ? readStory(id.data) : undefined;
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
  const key = storyKey(story.id);
  await tx.store.put(key.schema.parse(story), key.name);
  await tx.store.put(LATEST_STORY.schema.parse(story.id), LATEST_STORY.name);
  await tx.done;
}

/** Apply `change` atomically; returns the record written (undefined: nothing changed or no such story). */
export async function updateStory(id: string, change: (story: Story) => Story | undefined): Promise<Story | undefined> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const key = storyKey(id);
  const parsed = key.schema.safeParse(await tx.store.get(key.name));
  const next = parsed.success ? change(parsed.data) : undefined;
  if (next) await tx.store.put(key.schema.parse(next), key.name);
  await tx.done;
  return next;
}

export async function deleteStory(id: string): Promise<void> {
  await (await db()).delete('kv', storyKey(id).name);
}
