import './platform/zod-jitless'; // first: before any schema is built
import { browser, type Browser } from 'wxt/browser';
import { JobEngine } from '../jobs/engine';
import { PROVIDERS } from '../providers/registry';
import { setKeyDestinationPolicy } from '../security/key-origin';
import { savedOriginPolicy } from '../settings/saved-origin-policy';
import { announce } from '../storage/changes';
import { getJob } from '../storage/jobs';
import { clearReferences, forgetUsedReferences, watchReferenceCount } from './capture/references';
import { handleCaptureFallback } from './capture/fallbacks';
import { batchHandlers } from './batch/batch-commands';
import { onStoryJobsChanged, resumeStories, storyHandlers } from './story/story-run';
import { recheckBlockedDownloads } from './platform/host-access';
import { idbJobStore } from './state/job-store';
import { handleMenuClick, rebuildMenus, setReferenceCount, watchMenuSettings } from './menus/menus';
import { handleCommand } from './shortcuts/shortcuts';
import { downloadResult, handleContentCommand, pushOverlayUpdates, replaceOnPage } from './page/overlay';
import { loadRenderHistory } from './state/render-history';
import type { CaptureKickoff } from './capture/kickoff';
import { createRouter } from './router';
import { saveOutput } from './io/save-output';
import { loadSecrets, loadSettings } from './state/settings-store';
import { NOTIFICATION_PREFIX, notifyFinished, refreshBadge } from './platform/signals';
import { resolveSource } from './io/sources';
import { scheduleWake } from './platform/wake';
import { checkCatalogOnStart, refreshCatalogIfStale } from './state/catalog-store';
import { t } from '../i18n';
import { configureZodLocale } from '../i18n/zod-locale';

/**
 * The worker's handlers and the job engine: everything main.ts's listeners hand their events to. Loaded on
 * demand (services-loader.ts: on Chrome the second classic script, background-services.js, pulled in with
 * importScripts; on Firefox a lazy `import()`): the first event that needs it, or shortly after a start that brought none, pays for it, so a
 * wake does not. Loading it starts the engine, which resumes whatever the previous worker left behind.
 */
export function startServices() {
  configureZodLocale();
  // Before anything can send a request: a saved key only goes to the origin saved for it.
  setKeyDestinationPolicy(savedOriginPolicy(async () => ({ settings: await loadSettings(), secrets: await loadSecrets() })));
  const engine: JobEngine = new JobEngine({
    store: idbJobStore,
    providers: PROVIDERS,
    loadSettings,
    loadSecrets,
    resolveSource,
    saveOutput,
    isOnline: () => navigator.onLine,
    renderHistory: loadRenderHistory,
    scheduleWake: (at) => scheduleWake(at, () => void engine.tick(), engine.busy),
    changed(jobs) {
      announce({ type: 'jobs', ids: jobs.map((j) => j.id) });
      void refreshBadge();
      pushOverlayUpdates(jobs); // the in-page overlays of jobs started from a page
      void forgetUsedReferences(jobs);
      onStoryJobsChanged(engine, jobs); // a shot finished: its story moves on
    },
    finished(job) {
      void loadSettings().then((s) => notifyFinished(job, s.notifications));
    },
  });

  const route = createRouter({
    engine,
    providers: PROVIDERS,
    onContent: (command, sender) => handleContentCommand(engine, command, sender),
    onPageExtra: async (command) => {
      if (command.type === 'result.replace-on-page') return replaceOnPage(command.jobId, command.index);
      const job = await getJob(command.jobId);
      return job ? downloadResult(job, command.index) : { ok: false, error: { kind: 'not_found', message: t('jobs.thatJobNoLongerExists') } };
    },
    onCaptureFallback: (command) => handleCaptureFallback(engine, command),
    onBatch: batchHandlers(engine),
    onStory: storyHandlers(engine),
  });
  watchMenuSettings(); // the menus follow the quick actions and the provider
  watchReferenceCount(setReferenceCount); // the reference item's title counts the collected images
  // History retention (after settings and job changes, and soon after this start) and archive imports load the
  // archive code (fflate): in a later task, after the event that loaded the handlers has its answer.
  const history = () => import('./state/history-upkeep');
  setTimeout(() => void history().then((h) => h.startRetention()));

  // Reconciliation: the engine reads the active jobs and schedules the next wake; the rest comes after.
  void engine
    .start()
    .then(() => recheckBlockedDownloads(engine))
    .then(() => resumeStories(engine)) // a story running when the last worker stopped goes on
    .then(refreshBadge);

  return {
    engine,
    route,
    onMenuClick: (info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, kickoff?: CaptureKickoff) => handleMenuClick(engine, info, tab, kickoff),
    onCommand: (name: string, tab: Browser.tabs.Tab | undefined) => handleCommand(engine, name, tab),
    onWorkerMessage: (event: MessageEvent) => history().then((h) => h.handleWorkerMessage(event)),
    onInstalled: () => {
      void rebuildMenus();
      checkCatalogOnStart();
    },
    onBrowserStart: () => {
      // Session storage (collected references) is empty after a browser restart: reset the menu title with it.
      void clearReferences().then(() => rebuildMenus());
      checkCatalogOnStart();
    },
    onCatalogAlarm: () => void refreshCatalogIfStale(),
    onNotificationClicked: (id: string) => {
      if (!id.startsWith(NOTIFICATION_PREFIX)) return;
      const jobId = id.slice(NOTIFICATION_PREFIX.length);
      void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?job=${encodeURIComponent(jobId)}`) });
      void browser.notifications.clear(id);
    },
  };
}

export type Services = ReturnType<typeof startServices>;
