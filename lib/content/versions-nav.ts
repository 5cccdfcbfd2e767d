import { replace, stopCompare } from './result-view';
import { showPreview } from './result-preview';
import type { Target } from './target';
import { formatNumber, t } from '../i18n';

/**
 * Versions of one page image in its overlay: every finished job this element's overlay has shown (the
 * capture's own, then edits of its results made in the panel, which keep the element as their origin) is
 * a version. "Previous version" / "Next version" choose which one Replace, Compare and Download use; when
 * the page shows a result, stepping swaps the chosen one in. Revert always brings back the page's own
 * original (replace.ts keeps the first swap's original whatever is swapped in after it).
 */
export function rememberVersion(target: Target, jobId: string, index = 0): void {
  const versions = (target.versions ??= []);
  let at = versions.findIndex((v) => v.jobId === jobId && v.index === index);
  if (at < 0) at = versions.push({ jobId, index }) - 1;
  target.versionAt = at;
  showVersionNav(target);
}

export function showVersionNav(target: Target): void {
  const count = target.versions?.length ?? 0;
  const at = target.versionAt ?? 0;
  target.ui.setVersionNav(count > 1 ? { previous: at > 0, next: at < count - 1 } : undefined);
}

export async function stepVersion(target: Target, delta: -1 | 1): Promise<void> {
  const versions = target.versions ?? [];
  const at = (target.versionAt ?? versions.length - 1) + delta;
  const version = versions[at];
  if (!version) return;
  stopCompare(target);
  target.versionAt = at;
  target.jobId = version.jobId;
  target.resultIndex = version.index;
  // The previous version's bytes stay alive while they are on the page (the swap shows them); the next
  // Replace releases them with the swap.
  target.result = undefined;
  showVersionNav(target);
  if (target.swap) await replace(target, false);
  else void showPreview(target);
  target.ui.setStatus(t('overlay.versionOf', { n: formatNumber(at + 1), total: formatNumber(versions.length) }));
  target.ui.focus(delta < 0 ? (at > 0 ? 'previous-version' : 'next-version') : at < versions.length - 1 ? 'next-version' : 'previous-version');
}
