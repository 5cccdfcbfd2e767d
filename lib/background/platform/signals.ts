import { browser } from 'wxt/browser';
import { userMessage } from '../../errors/taxonomy';
import { t } from '../../i18n';
import type { Job } from '../../model/job';
import { MODE_INFO } from '../../model/modes';
import { listActiveJobs } from '../../storage/jobs';

/** Action badge: how many jobs are in flight. Recomputed from storage, so it is right after a restart. */
export async function refreshBadge(): Promise<void> {
  const active = (await listActiveJobs()).length;
  await browser.action.setBadgeText({ text: active ? String(active) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#5b4bdb' });
}

/** True when a side panel, popup, options page or a full-page Reimagine tab is open. */
async function anyReimaginePageOpen(): Promise<boolean> {
  const runtime = chrome.runtime as typeof chrome.runtime & { getContexts?: typeof chrome.runtime.getContexts };
  if (!runtime.getContexts) return false;
  const contexts = await runtime.getContexts({
    contextTypes: ['SIDE_PANEL', 'POPUP', 'TAB'] as chrome.runtime.ContextType[],
  });
  return contexts.length > 0;
}

export const NOTIFICATION_PREFIX = 'reimagine-job:';

/** Tell the user a job finished while they were elsewhere; clicking opens the result. */
export async function notifyFinished(job: Job, enabled: boolean): Promise<void> {
  if (!enabled || job.status === 'cancelled' || (await anyReimaginePageOpen())) return;
  const what = MODE_INFO[job.request.mode].label;
  const prompt = job.request.prompt.length > 80 ? `${job.request.prompt.slice(0, 77)}…` : job.request.prompt;
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${job.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: job.status === 'done' ? t('notify.done', { what }) : t('notify.failed', { what }),
    message: job.status === 'done' ? prompt || t('notify.resultReady') : job.error ? userMessage(job.error) : t('notify.jobFailed'),
  });
}
