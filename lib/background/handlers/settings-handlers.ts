import { NO_KEY_CODE, toErrorInfo } from '../../errors/taxonomy';
import type { JobEngine } from '../../jobs/engine';
import type { PageHandlers } from '../../messaging/protocol';
import type { ProviderId } from '../../model/provider-ids';
import { keyFor } from '../../settings/schema';
import { catalogFor } from '../../catalog/catalog';
import { originOf } from '../../security/base-url';
import { formatNumber, t } from '../../i18n';
import { loadCatalog, refreshCatalog } from '../state/catalog-store';
import { loadSecrets, loadSettings, maskKey, saveSecrets, saveSettings } from '../state/settings-store';
import { fail } from './failure';

export type ConnectionTesters = Record<ProviderId, { testConnection(ctx: { apiKey: string; baseUrl: string; signal: AbortSignal }): Promise<string> }>;

/** The Options page's commands: settings and keys (keys leave masked, or one at a time when asked), and "Test connection". */
export function settingsHandlers(engine: JobEngine, providers: ConnectionTesters): Pick<PageHandlers, 'settings.get' | 'settings.save' | 'secrets.reveal' | 'connection.test'> {
  return {
    'settings.get': async () => {
      const [secrets, settings, catalog] = await Promise.all([loadSecrets(), loadSettings(), loadCatalog()]);
      const models = catalogFor(catalog, originOf(settings.baseUrls.xai));
      return {
        ok: true,
        settings,
        ...(models ? { catalog: models } : {}),
        maskedKeys: { xai: maskKey(secrets.xai), vydra: maskKey(secrets.vydra), runware: maskKey(secrets.runware) },
      };
    },
    'settings.save': async (command) => {
      if (command.settings) await saveSettings(command.settings);
      if (command.secrets) await saveSecrets(command.secrets);
      void engine.tick(); // a new key or a higher concurrency may unblock the queue
      return { ok: true };
    },
    'secrets.reveal': async (command) => ({ ok: true, key: (await loadSecrets())[command.provider] ?? '' }),
    'connection.test': async (command) => {
      const settings = await loadSettings();
      const apiKey = command.apiKey?.trim() || keyFor(await loadSecrets(), command.provider);
      if (!apiKey) return fail({ kind: 'invalid_key', code: NO_KEY_CODE, message: t('worker.enterAnApiKeyFirst') });
      const baseUrl = command.baseUrl?.trim() || settings.baseUrls[command.provider];
      const signal = AbortSignal.timeout(15_000);
      const message = await providers[command.provider].testConnection({ apiKey, baseUrl, signal });
      return { ok: true, message: command.provider === 'xai' ? `${message} ${await catalogNote(apiKey, baseUrl, signal)}` : message };
    },
  };
}

/** "Test connection" also refreshes the model catalogue; its outcome is one more sentence of the answer. */
async function catalogNote(apiKey: string, baseUrl: string, signal: AbortSignal): Promise<string> {
  try {
    const catalog = await refreshCatalog({ apiKey, baseUrl, signal });
    return t('worker.modelsAvailable', { images: formatNumber(catalog.image.length), videos: formatNumber(catalog.video.length) });
  } catch (error) {
    return t('worker.modelListUnreadable', { reason: toErrorInfo(error).message });
  }
}
