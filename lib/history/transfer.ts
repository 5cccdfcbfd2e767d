import { z } from 'zod';
import { t } from '../i18n';

/**
 * Import transport, page → background.
 *
 * Why not `send()`: chrome.runtime messaging is JSON-only, so a 500 MB archive would have to be base64'd
 * (+33 %) and split into chunks that the worker reassembles, and a worker stopped half-way loses them.
 * Extension pages are same-origin clients of the extension's service worker, so they can
 * `postMessage` it directly: structured clone carries the Blob itself (no copy into a string), the
 * worker keeps itself alive with `event.waitUntil` for the whole import, and it replies on a
 * MessageChannel port. Content scripts live in the page's origin and cannot reach this channel; the
 * worker still checks the sender's URL and validates the message with zod.
 */
export const IMPORT_MESSAGE = 'history.import';

export const importMessageSchema = z.object({
  type: z.literal(IMPORT_MESSAGE),
  archive: z.instanceof(Blob),
});

export const importReplySchema = z.union([
  z.object({ ok: z.literal(true), added: z.number(), skipped: z.number() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ImportReply = z.infer<typeof importReplySchema>;

/** From an extension page: hand the archive to the background and wait for its report. */
export async function sendArchiveForImport(archive: Blob, timeoutMs = 10 * 60_000): Promise<ImportReply> {
  try {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return { ok: false, message: t('historyData.reimagineSBackgroundIsNot') };
    const channel = new MessageChannel();
    const reply = new Promise<ImportReply>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, message: t('historyData.theImportTookTooLong') }), timeoutMs);
      channel.port1.onmessage = (event: MessageEvent) => {
        clearTimeout(timer);
        const parsed = importReplySchema.safeParse(event.data);
        resolve(parsed.success ? parsed.data : { ok: false, message: t('historyData.reimagineSBackgroundDidNot') });
        channel.port1.close();
      };
    });
    worker.postMessage({ type: IMPORT_MESSAGE, archive }, [channel.port2]);
    return await reply;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
