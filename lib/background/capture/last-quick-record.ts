import type { Browser } from 'wxt/browser';
import { z } from 'zod';
import { KV_NAMES, kvKey } from '../../storage/keys';
import { readKv, writeKv } from '../../storage/kv';
import type { PendingCapture } from './pending';

/**
 * The record behind "Repeat the last quick action": which action, and exactly which document and address
 * it read. Written when the page script answers a quick action's capture (so the browser has told us the
 * document: `sender.documentId`, `sender.url`), never from what the page proposes later. Kept in the kv
 * store: a worker restart does not forget it.
 */
export const lastQuickSchema = z.object({
  actionId: z.string().min(1).max(100).optional(),
  target: z
    .object({
      tabId: z.number().int().optional(),
      frameId: z.number().int().nonnegative(),
      pageUrl: z.string().max(8192).optional(),
      srcUrl: z.string().max(8192).optional(),
      mediaType: z.literal('image'),
      documentId: z.string().max(200).optional(),
      documentUrl: z.string().max(8192).optional(),
    })
    .optional(),
});
export type LastQuick = z.infer<typeof lastQuickSchema>;
const LAST_QUICK = kvKey(KV_NAMES.lastQuickAction, lastQuickSchema);

export const readLastQuick = (): Promise<LastQuick> => readKv(LAST_QUICK);

/** A quick action's first capture was answered by its document: remember it for the repeat shortcut. */
export async function recordQuickAction(capture: PendingCapture, sender: Browser.runtime.MessageSender, readSrc: string | undefined): Promise<void> {
  const { purpose } = capture;
  if (purpose.kind !== 'quick' || capture.replay || capture.mediaType !== 'image') return;
  const documentId = (sender as { documentId?: string }).documentId ?? capture.documentId;
  const srcUrl = readSrc && /^https?:/.test(readSrc) ? readSrc : capture.srcUrl;
  await writeKv(LAST_QUICK, {
    actionId: purpose.actionId,
    target: {
      tabId: capture.tabId,
      frameId: capture.frameId,
      mediaType: 'image' as const,
      ...(capture.pageUrl ? { pageUrl: capture.pageUrl } : {}),
      ...(srcUrl ? { srcUrl } : {}),
      ...(documentId ? { documentId } : {}),
      ...(sender.url ? { documentUrl: sender.url } : {}),
    },
  }).catch(() => undefined);
}
