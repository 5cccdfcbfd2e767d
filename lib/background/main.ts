import { browser } from 'wxt/browser';
import { JobEngine } from '../jobs/engine';
import { PROVIDERS } from '../providers/registry';
import { setKeyDestinationPolicy } from '../security/key-origin';
import { savedOriginPolicy } from '../settings/saved-origin-policy';
import { announce } from '../storage/changes';
import { getJob } from '../storage/jobs';
import { forgetUsedReferences } from './capture';
import { handleCaptureFallback } from './capture-fallbacks';
import { handleBatchCommand } from './batch';
import { onStoryJobsChanged, resumeStories, storyHandlers } from './story';
import { startHistoryService } from './history';
import { recheckBlockedDownloads, watchHostAccess } from './host-access';
import { idbJobStore } from './job-store';
import { registerMenus } from './menus';
import { registerShortcuts } from './shortcuts';
import { trackPanelPorts } from '../keyboard/panel-presence';
import { downloadResult, handleContentCommand, pushOverlayUpdates, replaceOnPage } from './overlay';
import { loadRenderHistory } from './render-history';
import { createRouter } from './router';
import { saveOutput } from './save-output';
import { loadSecrets, loadSettings } from './settings-store';
import { NOTIFICATION_PREFIX, notifyFinished, refreshBadge } from './signals';
import { resolveSource } from './sources';
import { scheduleWake, WAKE_ALARM } from './wake';
import { CATALOG_ALARM, refreshCatalogIfStale, watchCatalog } from './catalog';
import { t } from '../i18n';
import { configureZodLocale } from '../i18n/zod-locale';

/**
 * Everything the service worker does, wired once per worker start. All listeners are registered
 * synchronously here (Chrome only delivers the events that woke a worker to listeners added in the
 * first turn), then the engine reconciles whatever the previous worker left behind.
 */
export function startBackground(): void {
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
    onBatch: (command) => handleBatchCommand(engine, command),
    onStory: storyHandlers(engine),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  // Context menus + in-page overlay (lib/background/menus.ts, capture.ts, overlay.ts).
  registerMenus(engine);
  registerShortcuts(engine); // keyboard commands (lib/keyboard/commands.ts)
  trackPanelPorts(); // which windows show a side panel, for the open/close shortcut
  watchHostAccess(engine); // results waiting for "Allow access to <host>"
  startHistoryService(); // archive imports (structured-clone channel) + retention
  watchCatalog(); // the live model catalogue: browser start, install/update, and a periodic alarm

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void engine.tick();
    if (alarm.name === CATALOG_ALARM) void refreshCatalogIfStale();
  });
  // Browser relaunch: this listener is what starts the worker, and start() below resumes the jobs.
  browser.runtime.onStartup.addListener(() => undefined);
  self.addEventListener('online', () => void engine.tick());

  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const jobId = id.slice(NOTIFICATION_PREFIX.length);
    void browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?job=${encodeURIComponent(jobId)}`) });
    void browser.notifications.clear(id);
  });

  // The toolbar button opens the history popup; the side panel opens from the popup, the context
  // menus, or Chrome's own side-panel menu. (Firefox has no side-panel API: its sidebar is
  // `sidebar_action`, opened through `sidebarAction`; the Firefox bundle leaves this call out.)
  if (!import.meta.env.FIREFOX) void chrome.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);

  void engine
    .start()
    .then(() => recheckBlockedDownloads(engine))
    .then(() => resumeStories(engine))
    .then(refreshBadge);
}
