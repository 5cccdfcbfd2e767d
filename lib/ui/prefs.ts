import { PAGE_STORAGE_NAMES } from '../storage/keys';
/**
 * Recent prompts (saved prompts: lib/library/library.ts, which took the old presets in): not job state, so they live in the extension origin's localStorage
 * (per profile, never leaves the machine, shared by every panel window).
 */
const RECENT_KEY = PAGE_STORAGE_NAMES.recentPrompts;
const DISMISSED_KEY = PAGE_STORAGE_NAMES.dismissedJobs;
const RECENT_MAX = 15;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or unavailable storage only loses a convenience.
  }
}

export const recentPrompts = (): string[] => {
  const list = read<unknown>(RECENT_KEY, []);
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
};

export function rememberPrompt(prompt: string): void {
  const text = prompt.trim();
  if (!text) return;
  write(RECENT_KEY, [text, ...recentPrompts().filter((p) => p !== text)].slice(0, RECENT_MAX));
}

export const dismissedJobs = (): string[] => {
  const list = read<unknown>(DISMISSED_KEY, []);
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
};

export function dismissJob(id: string): void {
  write(DISMISSED_KEY, [id, ...dismissedJobs().filter((x) => x !== id)].slice(0, 200));
}

/** The popup's "Group by picture" toggle (a view choice, like the recent prompts: this profile only). */
const GROUP_KEY = 'reimagine.history.groupByPicture';
export const groupByPicturePref = (): boolean => read<unknown>(GROUP_KEY, false) === true;
export const setGroupByPicturePref = (on: boolean): void => write(GROUP_KEY, on);
