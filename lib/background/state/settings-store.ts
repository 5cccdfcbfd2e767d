import { announce } from '../../storage/changes';
import { KV } from '../../storage/keys';
import { readKv, readRawKv, writeKv } from '../../storage/kv';
import { migrateSettings } from '../../settings/migrations';
import { settingsSchema, type Secrets, type Settings } from '../../settings/schema';

/**
 * Settings and secrets, cached in the worker (read on every engine tick) and invalidated on save.
 * Secrets are only ever read here, in the background.
 */
let settingsCache: Promise<Settings> | undefined;
let secretsCache: Promise<Secrets> | undefined;

/** Older records are upgraded (and a bad field reset alone) by migrateSettings, never wiped wholesale. */
export const loadSettings = (): Promise<Settings> => (settingsCache ??= readRawKv(KV.settings).then(migrateSettings));
export const loadSecrets = (): Promise<Secrets> => (secretsCache ??= readKv(KV.secrets));

export async function saveSettings(settings: Settings): Promise<void> {
  const valid = settingsSchema.parse(settings);
  await writeKv(KV.settings, valid);
  settingsCache = Promise.resolve(valid);
  announce({ type: 'settings' });
  for (const listener of savedListeners) listener(valid);
}

const savedListeners = new Set<(settings: Settings) => void>();
/** Background modules deriving state from settings (context menus for quick actions) refresh on save. */
export function onSettingsSaved(listener: (settings: Settings) => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

/** Merges: an omitted provider keeps its key; an empty string removes it. */
export async function saveSecrets(patch: Partial<Secrets>): Promise<void> {
  const next: Secrets = { ...(await loadSecrets()) };
  for (const [provider, key] of Object.entries(patch) as [keyof Secrets, string | undefined][]) {
    if (key === undefined) continue;
    if (key.trim() === '') delete next[provider];
    else next[provider] = key.trim();
  }
  await writeKv(KV.secrets, next);
  secretsCache = Promise.resolve(next);
  announce({ type: 'settings' });
}

export function maskKey(key: string | undefined): string | undefined {
  if (!key) return undefined;
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}••••${key.slice(-4)}`;
}
