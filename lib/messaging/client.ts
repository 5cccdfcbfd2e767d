import { browser } from 'wxt/browser';
import { replySchema, type PageCommand, type PageReply } from './protocol';
import { t } from '../i18n';

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
