import { browser, type Browser } from 'wxt/browser';
import { NO_KEY_CODE, toErrorInfo, type ErrorInfo } from '../errors/taxonomy';
import type { JobEngine } from '../jobs/engine';
import { contentCommandSchema, pageCommandSchema, type ContentCommand, type Failure, type PageCommand, type PageReply, type Reply } from '../messaging/protocol';
import type { ProviderId } from '../model/provider-ids';
import { keyFor } from '../settings/schema';
import { catalogFor } from '../catalog/catalog';
import { originOf } from '../security/base-url';
import { loadCatalog, refreshCatalog } from './catalog';
import { idbJobStore } from './job-store';
import { spentToday } from '../jobs/spend';
import { ticksToUsd } from '../api/models';
import { recheckBlockedDownloads } from './host-access';
import { loadSecrets, loadSettings, maskKey, saveSecrets, saveSettings } from './settings-store';
import { importSource } from './sources';
import { prepareAreaEdit } from './area-edit';
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
  /** The story editor's commands (story.ts). */
  onStory: StoryHandlers;
}

export type StoryHandlers = { [K in 'story.save' | 'story.run' | 'story.retry-shot' | 'story.from-page']: (command: Extract<PageCommand, { type: K }>) => Promise<PageReply<K>> };

const fail = (error: ErrorInfo, fields?: Record<string, string>): Failure => ({ ok: false, error, ...(fields ? { fields } : {}) });

/** One handler per page command, each typed by the reply its command promises (protocol.ts `PageReplies`). */
export type PageHandlers = { [K in PageCommand['type']]: (command: Extract<PageCommand, { type: K }>) => Promise<PageReply<K>> };

export function createRouter(deps: RouterDeps) {
  const handlers = pageHandlers(deps);
  // The table is typed per command; indexing it by a union loses that link, so the call is widened here once.
  const handlePage = (command: PageCommand) => (handlers[command.type] as (command: PageCommand) => Promise<Reply>)(command);
  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> => {
    if (sender.id !== browser.runtime.id) return fail({ kind: 'invalid_request', message: t('worker.unknownSender') });
    try {
      if (isExtensionPage(sender)) {
        const parsed = pageCommandSchema.safeParse(message);
        if (!parsed.success) return fail({ kind: 'invalid_request', message: t('worker.badMessage', { reason: parsed.error.issues[0]?.message ?? 'invalid' }) });
        return await handlePage(parsed.data);
      }
      const parsed = contentCommandSchema.safeParse(message);
      if (!parsed.success) return fail({ kind: 'invalid_request', message: t('worker.notAllowedFromAPage') });
      return await deps.onContent(parsed.data, sender);
    } catch (error) {
      return fail(toErrorInfo(error));
    }
  };
}

/**
 * The batch handlers (batch.ts) still answer an untyped `Reply`; they are typed when lib/background is split
 * into handlers/ (round two of issue 29). Until then this is the one place their shape is asserted.
 */
const batchReply = <K extends 'batch.start' | 'batch.cancel'>(reply: Promise<Reply>) => reply as Promise<PageReply<K>>;

function pageHandlers(deps: RouterDeps): PageHandlers {
  const { engine } = deps;
  return {
    'job.submit': async (command) => {
      const result = await engine.submit({ ...command.input, request: await prepareAreaEdit(command.input.request) });
      return result.ok ? { ok: true, jobId: result.job.id } : fail(result.error, result.fields);
    },
    'job.cancel': async (command) => {
      await engine.cancel(command.jobId);
      return { ok: true };
    },
    'job.retry': async (command) => {
      const result = await engine.retry(command.jobId);
      return result.ok ? { ok: true, jobId: result.job.id } : fail(result.error);
    },
    'jobs.delete': async (command) => {
      for (const id of command.jobIds) await engine.cancel(id);
      await (await import('./history')).deleteHistory(command.jobIds); // also announces: every open page drops them
      return { ok: true };
    },
    'media.import': async (command) => ({
      ok: true,
      source: await importSource(command.dataUrl, { from: { kind: 'file', ...(command.name ? { name: command.name.slice(0, 255) } : {}) } }),
    }),
    'result.download': (command) => deps.onPageExtra(command),
    'result.replace-on-page': (command) => deps.onPageExtra(command),
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
      const message = await deps.providers[command.provider].testConnection({ apiKey, baseUrl, signal });
      return { ok: true, message: command.provider === 'xai' ? `${message} ${await catalogNote(apiKey, baseUrl, signal)}` : message };
    },
    'access.recheck': async () => {
      await recheckBlockedDownloads(engine);
      return { ok: true };
    },
    'capture.retry': (command) => deps.onCaptureFallback(command),
    'capture.screenshot': (command) => deps.onCaptureFallback(command),
    'engine.wake': async () => {
      void engine.tick();
      return { ok: true };
    },
    'spend.today': async () => {
      const [spent, settings] = await Promise.all([spentToday(idbJobStore), loadSettings()]);
      return { ok: true, spentUsd: ticksToUsd(spent), capUsd: settings.dailySpendCapUsd };
    },
    'vision.run': (command) => visionReply(command),
    'vision.models': async () => ({ ok: true, models: await visionModels() }),
    'batch.start': (command) => batchReply(deps.onBatch(command)),
    'batch.cancel': (command) => batchReply(deps.onBatch(command)),
    'batch.apply': (command) => deps.onBatch(command),
    'story.save': (command) => deps.onStory['story.save'](command),
    'story.run': (command) => deps.onStory['story.run'](command),
    'story.retry-shot': (command) => deps.onStory['story.retry-shot'](command),
    'story.from-page': (command) => deps.onStory['story.from-page'](command),
    'history.purge-oldest': async (command) => ({ ok: true, deleted: await (await import('./history')).purgeOldest(command.count) }),
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
