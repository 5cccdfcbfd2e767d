import type { JobEngine } from '../../jobs/engine';
import { t } from '../../i18n';
import { readLastQuick } from './last-quick-record';
import { notifyError } from './notify';
import { startCapture } from './start';

/**
 * "Repeat the last quick action" re-runs the last quick action on the image it was chosen on — in the same
 * document only. A tab keeps its id across navigation, so a replay is bound to the recorded document
 * (identity.ts) and reads exactly the recorded address under that page's rules; if the tab shows another
 * page now it refuses with a sentence and injects nothing. It is a new job the user asked for with a key
 * press — the earlier job is never re-sent.
 */
export const noQuickActionYet = () => t('worker.nothingToRepeatYetRight');

export async function repeatLastQuickAction(engine: JobEngine): Promise<void> {
  const last = await readLastQuick();
  if (!last.actionId || !last.target) return notifyError(noQuickActionYet());
  const { target } = last;
  // A record from before documents were recorded cannot be checked: it is not replayed.
  if (!target.documentId && !target.documentUrl) return notifyError(t('worker.pageChangedSinceQuickAction'));
  await startCapture(engine, { kind: 'quick', actionId: last.actionId }, { tabId: undefined, pageUrl: undefined, srcUrl: undefined, ...target, replay: true });
}
