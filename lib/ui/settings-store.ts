import { create } from 'zustand';
import type { ErrorInfo } from '../api/errors';
import { send } from '../messaging/client';
import { PROVIDERS } from '../providers/registry';
import type { Capabilities } from '../providers/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import { onChange } from '../storage/changes';

/**
 * Settings as a page sees them: fetched from the background (the only holder of settings and keys) and
 * refreshed when it announces a change. Until the first answer, defaults stand in so the panel is usable
 * at once; `ready()` lets a command wait for the real values.
 */
interface SettingsState {
  settings: Settings;
  loaded: boolean;
  hasKey: boolean | undefined;
  error: ErrorInfo | undefined;
}

export const useSettings = create<SettingsState>()(() => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  hasKey: undefined,
  error: undefined,
}));

let pending: Promise<void> | undefined;

export function refreshSettings(): Promise<void> {
  pending = (async () => {
    const reply = await send({ type: 'settings.get' });
    if (reply.ok) {
      useSettings.setState({ settings: reply.settings, loaded: true, hasKey: !!reply.maskedKeys[reply.settings.provider], error: undefined });
    } else {
      useSettings.setState({ error: reply.error });
    }
  })();
  return pending;
}

/** Resolves once settings were fetched at least once (or the attempt failed). */
export async function settingsReady(): Promise<Settings> {
  if (!useSettings.getState().loaded) await (pending ?? refreshSettings());
  return useSettings.getState().settings;
}

export const capabilitiesOf = (settings: Settings): Capabilities => PROVIDERS[settings.provider].capabilities;

export function useCapabilities(): Capabilities {
  return useSettings((s) => PROVIDERS[s.settings.provider].capabilities);
}

let started = false;
export function startSettingsSync(): void {
  if (started) return;
  started = true;
  onChange((change) => {
    if (change.type === 'settings') void refreshSettings();
  });
  void refreshSettings();
}
