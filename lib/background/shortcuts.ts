import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
import type { JobEngine } from '../jobs/engine';
import { COMMAND } from '../keyboard/commands';
import { togglePanel } from '../keyboard/panel-presence';
import { kvKey, KV_NAMES } from '../storage/keys';
import { readKv, writeKv } from '../storage/kv';
import { notifyError, startCapture, type CaptureTarget } from './capture';
import { t } from '../i18n';

/**
 * The keyboard commands (lib/keyboard/commands.ts). "Repeat the last quick action" re-runs the last
 * quick action the user chose from the menu, on the image it was chosen on: both are kept in the kv store
 * so a worker restart (or a browser restart, if the tab is restored) does not forget them. It is a new
 * job the user asked for with a key press — the earlier job is never re-sent.
 */
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
const LAST_QUICK = kvKey(KV_NAMES.lastQuickAction, lastQuickSchema);

export const NO_QUICK_ACTION_YET = t('worker.nothingToRepeatYetRight');

export async function rememberQuickAction(actionId: string, target: CaptureTarget): Promise<void> {
  await writeKv(LAST_QUICK, { actionId, target: { ...target, mediaType: 'image' } });
}

export async function repeatLastQuickAction(engine: JobEngine): Promise<void> {
  const last = await readKv(LAST_QUICK);
  if (!last.actionId || !last.target) return notifyError(NO_QUICK_ACTION_YET);
  const target: CaptureTarget = { tabId: undefined, pageUrl: undefined, srcUrl: undefined, ...last.target };
  await startCapture(engine, { kind: 'quick', actionId: last.actionId }, target);
}

export function handleCommand(engine: JobEngine, name: string, tab: Browser.tabs.Tab | undefined): void {
  // Synchronously first: the panel can only be opened inside the command's gesture.
  if (name === COMMAND.togglePanel) {
    togglePanel(tab);
    return;
  }
  if (name === COMMAND.repeatQuickAction) void repeatLastQuickAction(engine);
}

export function registerShortcuts(engine: JobEngine): void {
  browser.commands?.onCommand.addListener((name, tab) => handleCommand(engine, name, tab));
}
