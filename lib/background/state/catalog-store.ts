import { browser } from 'wxt/browser';
import { ImagineClient } from '../../api/client';
import { catalogSchema, isCatalogStale, type ModelCatalog } from '../../catalog/catalog';
import { originOf } from '../../security/base-url';
import { announce } from '../../storage/changes';
import { KV } from '../../storage/keys';
import { readRawKv, writeKv } from '../../storage/kv';
import { loadSecrets, loadSettings } from './settings-store';
import { listedPrices, listLanguageModels } from '../../vision/api';
import { t } from '../../i18n';
import { CATALOG_ALARM } from '../platform/wake';

/**
 * Keeps the live model catalogue (lib/catalog) for the xAI provider: refreshed by "Test connection", and
 * at browser start, install/update, or on the alarm, when it is older than a day. A failure keeps what was cached
 * (or the bundled table): the catalogue only decides what the Model box suggests, never what may be sent.
 */

export async function loadCatalog(): Promise<ModelCatalog | undefined> {
  const parsed = catalogSchema.safeParse(await readRawKv(KV.modelCatalog));
  return parsed.success ? parsed.data : undefined;
}

/** Reads both listings with this key and base URL; throws what the client throws. */
export async function refreshCatalog(ctx: { apiKey: string; baseUrl: string; signal?: AbortSignal; now?: number }): Promise<ModelCatalog> {
  const origin = originOf(ctx.baseUrl);
  if (origin === undefined) throw new Error(t('worker.theApiBaseUrlIs'));
  const client = new ImagineClient({ apiKey: ctx.apiKey, baseUrl: ctx.baseUrl });
  const options = ctx.signal ? { signal: ctx.signal } : {};
  const [image, video, language] = await Promise.all([
    client.listModels('image', options),
    client.listModels('video', options),
    // Only for the vision prices: a failure here keeps the assumed price, never fails the catalogue.
    listLanguageModels({ apiKey: ctx.apiKey, baseUrl: ctx.baseUrl }, options).catch(() => undefined),
  ]);
  const tokenPrices = language ? listedPrices(language) : undefined;
  const catalog: ModelCatalog = {
    origin,
    fetchedAt: ctx.now ?? Date.now(),
    image: image.ids,
    video: video.ids,
    aliases: { ...image.aliases, ...video.aliases },
    ...(tokenPrices && Object.keys(tokenPrices).length ? { tokenPrices } : {}),
  };
  await writeKv(KV.modelCatalog, catalog);
  announce({ type: 'settings' });
  return catalog;
}

/** At browser start, install/update and on the alarm: refresh only when stale, with the saved xAI key and base URL. */
export async function refreshCatalogIfStale(now = Date.now()): Promise<void> {
  const [settings, secrets] = await Promise.all([loadSettings(), loadSecrets()]);
  const apiKey = secrets.xai;
  const baseUrl = settings.baseUrls.xai;
  const origin = originOf(baseUrl);
  if (!apiKey || origin === undefined || !isCatalogStale(await loadCatalog(), origin, now)) return;
  try {
    await refreshCatalog({ apiKey, baseUrl, signal: AbortSignal.timeout(15_000), now });
  } catch {
    // Offline or refused: the cached catalogue (or the bundled table) stays; the next alarm tries again.
  }
}

/**
 * Browser start and install/update — not every worker wake (polls wake it often): make sure the daily
 * check's alarm exists, and refresh now if the catalogue is stale. main.ts calls it from those events.
 */
export function checkCatalogOnStart(): void {
  scheduleCatalogRefresh();
  void refreshCatalogIfStale();
}

function scheduleCatalogRefresh(): void {
  void browser.alarms.get(CATALOG_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(CATALOG_ALARM, { periodInMinutes: 6 * 60 });
  });
}
