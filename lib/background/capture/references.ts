import { browser } from 'wxt/browser';
import type { Job } from '../../model/job';
import type { SourceRef } from '../../model/request';

/**
 * "Add as reference": the images collected so far (session storage: a browser restart starts over).
 * The menu shows the count in its title; menus.ts subscribes with `watchReferenceCount`, so this module
 * never imports the menus (no import circle).
 */
export const MAX_REFERENCES = 7;
const REFERENCES_KEY = 'referenceSources';
const session = () => browser.storage.session;

type CountListener = (count: number) => Promise<void> | void;
const listeners = new Set<CountListener>();

/** Called once per worker start by menus.ts (the reference item's title follows the count). */
export function watchReferenceCount(listener: CountListener): void {
  listeners.add(listener);
}

async function countChanged(count: number): Promise<void> {
  for (const listener of listeners) await listener(count);
}

export async function loadReferences(): Promise<SourceRef[]> {
  return ((await session().get(REFERENCES_KEY))[REFERENCES_KEY] as SourceRef[] | undefined) ?? [];
}

export async function saveReferences(refs: SourceRef[]): Promise<void> {
  await session().set({ [REFERENCES_KEY]: refs });
  await countChanged(refs.length);
}

export async function countReferences(): Promise<number> {
  return (await loadReferences()).length;
}

export async function clearReferences(): Promise<void> {
  await session().remove(REFERENCES_KEY);
}

/** Once a job uses the collected references, the collection starts over (and the menu title with it). */
export async function forgetUsedReferences(jobs: Job[]): Promise<void> {
  const refs = await loadReferences();
  if (!refs.length) return;
  const ids = new Set(refs.map((r) => r.mediaId));
  const used = jobs.some((j) => j.status === 'queued' && 'sources' in j.request && j.request.sources.some((s) => ids.has(s.mediaId)));
  if (!used) return;
  await clearReferences();
  await countChanged(0);
}
