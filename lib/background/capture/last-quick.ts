import { z } from 'zod';
import type { JobEngine } from '../../jobs/engine';
import { readKv, writeKv } from '../../storage/kv';
import { t } from '../../i18n';
import { notifyError } from './notify';
import type { CaptureTarget } from './pending';
import { startCapture } from './start';

/**
 * "Repeat the last quick action" re-runs the last quick action the user chose from the menu, on the image
 * it was chosen on: both are kept in the kv store so a worker restart (or a browser restart, if the tab is
 * restored) does not forget them. It is a new job the user asked for with a key press — the earlier job is
 * never re-sent. The keyboard listener is shortcuts.ts; the menu click records here (menus.ts).
 */
const LAST_QUICK_KEY = 'lastQuickAction';
const lastQuickSchema = z.object({
  actionId: z.string().min(1).max(100).optional(),
  target: z
    .object({
      tabId: z.number().int().optional(),
      frameId: z.number().int().nonnegative(),
      pageUrl: z.string().max(8192).optional(),
      srcUrl: z.string().max(8192).optional(),
      mediaType: z.literal('image'),
    })
    .optional(),
});

export const noQuickActionYet = () => t('worker.nothingToRepeatYetRight');

export async function rememberQuickAction(actionId: string, target: CaptureTarget): Promise<void> {
  await writeKv(LAST_QUICK_KEY, { actionId, target: { ...target, mediaType: 'image' } });
}

export async function repeatLastQuickAction(engine: JobEngine): Promise<void> {
  const last = await readKv(LAST_QUICK_KEY, lastQuickSchema);
  if (!last.actionId || !last.target) return notifyError(noQuickActionYet());
  const target: CaptureTarget = { tabId: undefined, pageUrl: undefined, srcUrl: undefined, ...last.target };
  await startCapture(engine, { kind: 'quick', actionId: last.actionId }, target);
}
