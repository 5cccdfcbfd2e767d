import { announce } from '../storage/changes';
import { readKv, writeKv } from '../storage/kv';
import { secretsSchema, settingsSchema, type Secrets, type Settings } from '../settings/schema';

/**
 * Settings and secrets, cached in the worker (read on every engine tick) and invalidated on save.
 * Secrets are only ever read here, in the background.
 */
let settingsCache: Promise<Settings> | undefined;
let secretsCache: Promise<Secrets> | undefined;

export const loadSettings = (): Promise<Settings> => (settingsCache ??= readKv('settings', settingsSchema));
export const loadSecrets = (): Promise<Secrets> => (secretsCache ??= readKv('secrets', secretsSchema));

export async function saveSettings(settings: Settings): Promise<void> {
  const valid = settingsSchema.parse(settings);
  await writeKv('settings', valid);
  settingsCache = Promise.resolve(valid);
  announce({ type: 'settings' });
}

/** Merges: an omitted provider keeps its key; an empty string removes it. */
export async function saveSecrets(patch: Partial<Secrets>): Promise<void> {
  const next: Secrets = { ...(await loadSecrets()) };
  for (const [provider, key] of Object.entries(patch) as [keyof Secrets, string | undefined][]) {
    if (key === undefined) continue;
    if (key.trim() === '') delete next[provider];
    else next[provider] = key.trim();
  }
  await writeKv('secrets', secretsSchema.parse(next));
  secretsCache = Promise.resolve(next);
  announce({ type: 'settings' });
}

export function maskKey(key: string | undefined): string | undefined {
  if (!key) return undefined;
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}••••${key.slice(-4)}`;
}
