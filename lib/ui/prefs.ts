import type { Draft } from './composer-draft';

/**
 * Recent prompts and saved presets: not job state, so they live in the extension origin's localStorage
 * (per profile, never leaves the machine, shared by every panel window).
 */
const RECENT_KEY = 'reimagine.recentPrompts';
const PRESETS_KEY = 'reimagine.presets';
const DISMISSED_KEY = 'reimagine.dismissedJobs';
const RECENT_MAX = 15;

export interface Preset {
  name: string;
  draft: Omit<Draft, 'sources'>;
}

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

export const presets = (): Preset[] => {
  const list = read<unknown>(PRESETS_KEY, []);
  return Array.isArray(list) ? (list as Preset[]).filter((p) => p && typeof p.name === 'string' && p.draft && typeof p.draft === 'object') : [];
};

export function savePreset(name: string, draft: Draft): void {
  const { sources: _sources, ...rest } = draft;
  void _sources;
  write(PRESETS_KEY, [{ name, draft: rest }, ...presets().filter((p) => p.name !== name)].slice(0, 30));
}

export function deletePreset(name: string): void {
  write(PRESETS_KEY, presets().filter((p) => p.name !== name));
}

export const dismissedJobs = (): string[] => {
  const list = read<unknown>(DISMISSED_KEY, []);
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
};

export function dismissJob(id: string): void {
  write(DISMISSED_KEY, [id, ...dismissedJobs().filter((x) => x !== id)].slice(0, 200));
}
