import { useMemo } from 'react';
import type { CatalogModels } from '../catalog/catalog';
import { create } from 'zustand';
import type { ErrorInfo } from '../errors/taxonomy';
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
  /** The live model catalogue of the saved xAI key, when one was read (else the bundled table is used). */
  catalog: CatalogModels | undefined;
}

export const useSettings = create<SettingsState>()(() => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  hasKey: undefined,
  error: undefined,
  catalog: undefined,
}));

let pending: Promise<void> | undefined;

export function refreshSettings(): Promise<void> {
  pending = (async () => {
    const reply = await send({ type: 'settings.get' });
    if (reply.ok) {
      useSettings.setState({ settings: reply.settings, loaded: true, hasKey: !!reply.maskedKeys[reply.settings.provider], error: undefined, catalog: reply.catalog });
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

/** The provider's capabilities, with xAI's model lists taken from the live catalogue when there is one. */
export function capabilitiesOf(settings: Settings, catalog?: CatalogModels): Capabilities {
  const caps = PROVIDERS[settings.provider].capabilities;
  if (settings.provider !== 'xai' || !catalog) return caps;
  // An empty family (a key without video access, or an odd listing) keeps the bundled list rather than none.
  return { ...caps, models: { image: catalog.image.length ? catalog.image : caps.models.image, video: catalog.video.length ? catalog.video : caps.models.video } };
}

export function useCapabilities(): Capabilities {
  const settings = useSettings((s) => s.settings);
  const catalog = useSettings((s) => s.catalog);
  return useMemo(() => capabilitiesOf(settings, catalog), [settings, catalog]);
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
