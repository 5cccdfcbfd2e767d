import { browser, type Browser } from 'wxt/browser';
import { NO_KEY_CODE, toErrorInfo, type ErrorInfo } from '../api/errors';
import type { JobEngine } from '../jobs/engine';
import { contentCommandSchema, pageCommandSchema, type ContentCommand, type PageCommand, type Reply } from '../messaging/protocol';
import type { ProviderId } from '../providers/ids';
import { keyFor } from '../settings/schema';
import { catalogFor } from '../catalog/catalog';
import { originOf } from '../security/base-url';
import { loadCatalog, refreshCatalog } from './catalog';
import { idbJobStore } from './job-store';
import { startOfDay } from '../jobs/engine';
import { ticksToUsd } from '../api/models';
import { recheckBlockedDownloads } from './host-access';
import { loadSecrets, loadSettings, maskKey, saveSecrets, saveSettings } from './settings-store';
import { importSource } from './sources';
import { visionModels, visionReply } from './vision';
import { formatNumber, t } from '../i18n';
import { isExtensionPage } from './sender';

/**
 * One entry point for every message. The sender decides what is allowed: extension pages get the page
 * protocol, content scripts only the content protocol, anything else is refused. History upkeep (and with it
 * the archive code, fflate) is imported when a command needs it, not with the router.
 */
export interface RouterDeps {
  engine: JobEngine;
  providers: Record<ProviderId, { testConnection(ctx: { apiKey: string; baseUrl: string; signal: AbortSignal }): Promise<string> }>;
  onContent(command: ContentCommand, sender: Browser.runtime.MessageSender): Promise<Reply>;
  onPageExtra(command: Extract<PageCommand, { type: 'result.download' | 'result.replace-on-page' }>): Promise<Reply>;
  /** The panel's retry / screenshot for a failed page-image capture (capture-fallbacks.ts). */
  onCaptureFallback(command: Extract<PageCommand, { type: 'capture.retry' | 'capture.screenshot' }>): Promise<Reply>;
  /** "Reimagine images on this page…": run, cancel, replace/revert all (batch.ts). */
  onBatch(command: Extract<PageCommand, { type: 'batch.start' | 'batch.cancel' | 'batch.apply' }>): Promise<Reply>;
}

const fail = (error: ErrorInfo, fields?: Record<string, string>): Reply => ({ ok: false, error, ...(fields ? { fields } : {}) });

export function createRouter(deps: RouterDeps) {
  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> => {
    if (sender.id !== browser.runtime.id) return fail({ kind: 'invalid_request', message: t('worker.unknownSender') });
    try {
      if (isExtensionPage(sender)) {
        const parsed = pageCommandSchema.safeParse(message);
        if (!parsed.success) return fail({ kind: 'invalid_request', message: t('worker.badMessage', { reason: parsed.error.issues[0]?.message ?? 'invalid' }) });
        return await handlePage(parsed.data, deps);
      }
      const parsed = contentCommandSchema.safeParse(message);
      if (!parsed.success) return fail({ kind: 'invalid_request', message: t('worker.notAllowedFromAPage') });
      return await deps.onContent(parsed.data, sender);
    } catch (error) {
      return fail(toErrorInfo(error));
    }
  };
}

async function handlePage(command: PageCommand, deps: RouterDeps): Promise<Reply> {
  const { engine } = deps;
  switch (command.type) {
    case 'job.submit': {
      const result = await engine.submit(command.input);
      return result.ok ? { ok: true, jobId: result.job.id } : fail(result.error, result.fields);
    }
    case 'job.cancel':
      await engine.cancel(command.jobId);
      return { ok: true };
    case 'job.retry': {
      const result = await engine.retry(command.jobId);
      return result.ok ? { ok: true, jobId: result.job.id } : fail(result.error);
    }
    case 'jobs.delete':
      for (const id of command.jobIds) await engine.cancel(id);
      await (await import('./history')).deleteHistory(command.jobIds); // also announces: every open page drops them
      return { ok: true };
    case 'media.import':
      return { ok: true, source: await importSource(command.dataUrl) };
    case 'result.download':
    case 'result.replace-on-page':
      return deps.onPageExtra(command);
    case 'settings.get': {
      const [secrets, settings, catalog] = await Promise.all([loadSecrets(), loadSettings(), loadCatalog()]);
      const models = catalogFor(catalog, originOf(settings.baseUrls.xai));
      return {
        ok: true,
        settings,
        ...(models ? { catalog: models } : {}),
        maskedKeys: { xai: maskKey(secrets.xai), vydra: maskKey(secrets.vydra), runware: maskKey(secrets.runware) },
      };
    }
    case 'settings.save':
      if (command.settings) await saveSettings(command.settings);
      if (command.secrets) await saveSecrets(command.secrets);
      void engine.tick(); // a new key or a higher concurrency may unblock the queue
      return { ok: true };
    case 'secrets.reveal':
      return { ok: true, key: (await loadSecrets())[command.provider] ?? '' };
    case 'connection.test': {
      const settings = await loadSettings();
      const apiKey = command.apiKey?.trim() || keyFor(await loadSecrets(), command.provider);
      if (!apiKey) return fail({ kind: 'invalid_key', code: NO_KEY_CODE, message: t('worker.enterAnApiKeyFirst') });
      const baseUrl = command.baseUrl?.trim() || settings.baseUrls[command.provider];
      const signal = AbortSignal.timeout(15_000);
      const message = await deps.providers[command.provider].testConnection({ apiKey, baseUrl, signal });
      return { ok: true, message: command.provider === 'xai' ? `${message} ${await catalogNote(apiKey, baseUrl, signal)}` : message };
    }
    case 'access.recheck':
      await recheckBlockedDownloads(engine);
      return { ok: true };
    case 'capture.retry':
    case 'capture.screenshot':
      return deps.onCaptureFallback(command);
    case 'engine.wake':
      void engine.tick();
      return { ok: true };
    case 'spend.today': {
      const [spent, settings] = await Promise.all([idbJobStore.spentSince(startOfDay(Date.now())), loadSettings()]);
      return { ok: true, spentUsd: ticksToUsd(spent), capUsd: settings.dailySpendCapUsd };
    }
    case 'vision.run':
      return visionReply(command);
    case 'vision.models':
      return { ok: true, models: await visionModels() };
    case 'batch.start':
    case 'batch.cancel':
    case 'batch.apply':
      return deps.onBatch(command);
    case 'history.purge-oldest':
      return { ok: true, deleted: await (await import('./history')).purgeOldest(command.count) };
  }
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
