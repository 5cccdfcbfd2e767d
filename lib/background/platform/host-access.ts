import { browser } from 'wxt/browser';
import type { JobEngine } from '../../jobs/engine';
import { originPattern } from '../../providers/media-origins';
import { listActiveJobs } from '../../storage/jobs';

/**
 * Results wait (status downloading, `blockedOrigin`) while the browser gives no access to their media host.
 * A grant — from the queue's "Allow access to <host>", Options, or chrome://extensions — resumes them.
 * Registered in the worker's first turn, so a grant made while the worker was stopped still wakes it.
 */
export function watchHostAccess(engine: JobEngine): void {
  browser.permissions.onAdded.addListener((permissions) => {
    if (permissions.origins?.length) void engine.accessGranted(permissions.origins);
  });
}

/** At worker start: a grant may have happened while nothing listened (e.g. another profile sync). */
export async function recheckBlockedDownloads(engine: JobEngine): Promise<void> {
  const blocked = (await listActiveJobs()).flatMap((j) => (j.blockedOrigin ? [j.blockedOrigin] : []));
  const granted: string[] = [];
  for (const origin of new Set(blocked)) {
    if (await browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false)) granted.push(originPattern(origin));
  }
  if (granted.length > 0) await engine.accessGranted(granted);
}
