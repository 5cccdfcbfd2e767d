import { browser, type Browser } from 'wxt/browser';
import { toErrorInfo } from '../errors/taxonomy';
import type { JobEngine } from '../jobs/engine';
import { contentCommandSchema, pageCommandSchema, type ContentCommand, type PageCommand, type PageHandlers, type PageHandlersFor, type PageReply, type Reply } from '../messaging/protocol';
import { t } from '../i18n';
import { isExtensionPage } from './platform/sender';
import { fail } from './handlers/failure';
import { jobHandlers } from './handlers/job-handlers';
import { settingsHandlers, type ConnectionTesters } from './handlers/settings-handlers';

/**
 * One entry point for every message. The sender decides what is allowed: extension pages get the page
 * protocol, content scripts only the content protocol, anything else is refused. Page commands go to one
 * handler each (handlers/, and the features' own tables), typed by the reply its command promises
 * (protocol.ts `PageReplies`), so a handler answering the wrong shape does not compile.
 */
export interface RouterDeps {
  engine: JobEngine;
  providers: ConnectionTesters;
  onContent(command: ContentCommand, sender: Browser.runtime.MessageSender): Promise<Reply>;
  onPageExtra(command: Extract<PageCommand, { type: 'result.download' | 'result.replace-on-page' }>): Promise<PageReply<'result.download' | 'result.replace-on-page'>>;
  /** The panel's retry / screenshot for a failed page-image capture (capture/fallbacks.ts). */
  onCaptureFallback(command: Extract<PageCommand, { type: 'capture.retry' | 'capture.screenshot' }>): Promise<PageReply<'capture.retry' | 'capture.screenshot'>>;
  /** "Reimagine images on this page…": run, cancel, replace/revert all (batch/batch-commands.ts). */
  onBatch: PageHandlersFor<'batch'>;
  /** The story editor's commands (story/story-run.ts). */
  onStory: PageHandlersFor<'story'>;
}

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

/** Every page command's handler: a missing one, or one answering the wrong shape, does not compile. */
function pageHandlers(deps: RouterDeps): PageHandlers {
  return {
    ...jobHandlers(deps.engine),
    ...settingsHandlers(deps.engine, deps.providers),
    'result.download': (command) => deps.onPageExtra(command),
    'result.replace-on-page': (command) => deps.onPageExtra(command),
    'capture.retry': (command) => deps.onCaptureFallback(command),
    'capture.screenshot': (command) => deps.onCaptureFallback(command),
    ...deps.onBatch,
    ...deps.onStory,
  };
}
