import type { CatalogModels } from '../catalog/catalog';
import { browser } from 'wxt/browser';
import type { SourceRef } from '../model/request';
import type { ProviderId } from '../model/provider-ids';
import type { Settings } from '../settings/schema';
import { replySchema, type Failure, type PageCommand } from './protocol';
import { t } from '../i18n';

/** What each page command answers with, so callers get typed replies. */
export interface PageReplies {
  'job.submit': { jobId: string };
  'job.cancel': object;
  'job.retry': { jobId: string };
  'jobs.delete': object;
  'media.import': { source: SourceRef };
  'result.download': object;
  'result.replace-on-page': object;
  'settings.get': { settings: Settings; maskedKeys: Record<ProviderId, string | undefined>; catalog?: CatalogModels };
  'settings.save': object;
  'secrets.reveal': { key: string };
  'connection.test': { message: string };
  'engine.wake': object;
  'access.recheck': object;
  'capture.retry': object;
  'capture.screenshot': object;
  'history.purge-oldest': { deleted: number };
  /** What counts against today's cap (local day), and the saved cap (null: none). */
  'spend.today': { spentUsd: number; capUsd: number | null };
  'vision.run': { jobId: string; text: string; model: string; cost?: string; tokens?: number; note?: string };
  'vision.models': { models: string[] };
  'batch.start': { batchId: string };
  'batch.cancel': { cancelled: number };
  'batch.apply': object;
}

export type PageReply<T extends PageCommand['type']> = ({ ok: true } & PageReplies[T]) | Failure;

/** Send a command to the background. Never throws: a dead worker or bad reply becomes a Failure. */
export async function send<C extends PageCommand>(command: C): Promise<PageReply<C['type']>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(command);
    const parsed = replySchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { kind: 'server_error', message: t('worker.badReply') } };
    return parsed.data as PageReply<C['type']>;
  } catch (error) {
    return { ok: false, error: { kind: 'server_error', message: error instanceof Error ? error.message : String(error) } };
  }
}
