import { browser, type Browser } from 'wxt/browser';
import { COMMAND } from '../keyboard/commands';
import { togglePanel, trackPanelPorts } from '../keyboard/panel-presence';
import { menuOpensPanel, openSidePanel, quickActionOf } from './menus/menu-gesture';
import { isExtensionPage } from './platform/sender';
import type { Services } from './services';
import { CATALOG_ALARM, WAKE_ALARM } from './platform/wake';
import { openWelcomeOnInstall } from './platform/welcome';
import { kickOffQuickCapture } from './capture/kickoff';
import { importServicesOnInstall, loadServicesModule } from './services-loader';

/**
 * The service worker's start path: every listener, registered synchronously here (Chrome only delivers the
 * event that woke a worker to listeners added in its first turn), and nothing heavy. The handlers, the job
 * engine, zod's schemas, the Public Suffix List, the archive code… live in services.ts and are loaded on
 * demand (services-loader.ts: on Chrome a second classic script, imported with importScripts; see
 * docs/ARCHITECTURE.md, "The worker's start path"). What a listener must do inside the event's own
 * turn — open the side panel within a click's or a shortcut's user gesture — is done here, before loading.
 */

/** If no event needs the handlers sooner, they load (and the engine resumes its jobs) this long after a start. */
const IDLE_LOAD_MS = 300;

export function startBackground(): void {
  let loaded: Services | undefined;
  let loading: Promise<Services> | undefined;
  const services = (): Promise<Services> =>
    (loading ??= loadServicesModule().then(({ startServices }) => (loaded = startServices())));
  importServicesOnInstall();
  // A start with no event (Chrome starting the worker to resume alarms, a wake by DevTools) still resumes jobs.
  setTimeout(() => void services(), IDLE_LOAD_MS);

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // A page asking the engine to look at its queue needs no answer from it: answer at once, and load in a
    // later task (a microtask would run the load before the answer leaves).
    if (!loaded && isExtensionPage(sender) && (message as { type?: unknown } | null)?.type === 'engine.wake') {
      setTimeout(() => void services().then((s) => s.engine.tick()));
      return Promise.resolve({ ok: true });
    }
    return loaded ? loaded.route(message, sender) : services().then((s) => s.route(message, sender));
  });

  // Context menus (menus.ts): the panel opens in the click's turn; the rest once the handlers are loaded.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (loaded) return loaded.onMenuClick(info, tab);
    if (menuOpensPanel(info.menuItemId)) openSidePanel(tab);
    // A quick action: the page starts reading the picture first; the services load while it does.
    const kickoff = kickOffQuickCapture(info, tab, quickActionOf(info.menuItemId));
    const load = () => void services().then((s) => s.onMenuClick(info, tab, kickoff));
    if (kickoff) void kickoff.sending.then(load, load);
    else load();
  });
  // Test builds only (WXT_E2E_HOOKS=1, scripts/build-e2e.ts): Firefox's events have no `dispatch()` like
  // Chromium's, so the Firefox smoke (tests/firefox/) reaches the same handler through the event page's
  // window. A release build never sets the variable and the bundler drops this code.
  if (import.meta.env.WXT_E2E_HOOKS === '1') {
    (globalThis as { __reimagineMenuClick?: unknown }).__reimagineMenuClick = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) =>
      // Copies: the objects come from the calling page's realm, and the handler keeps them around.
      void services().then((s) => s.onMenuClick(structuredClone(info), tab && structuredClone(tab)));
  }

  // Keyboard commands (lib/keyboard/commands.ts): open/close the panel synchronously, in the key's gesture.
  browser.commands?.onCommand.addListener((name, tab) => {
    // Always this script's togglePanel: it holds the open panels' ports (trackPanelPorts below).
    if (name === COMMAND.togglePanel) return void togglePanel(tab);
    if (loaded) return loaded.onCommand(name, tab);
    void services().then((s) => s.onCommand(name, tab));
  });
  trackPanelPorts(); // which windows show a side panel, for the open/close shortcut

  // Results waiting for "Allow access to <host>" (platform/host-access.ts): a grant made while the worker slept wakes it.
  browser.permissions.onAdded.addListener((permissions) => {
    if (permissions.origins?.length) void services().then((s) => s.engine.accessGranted(permissions.origins ?? []));
  });
  // Archive imports (state/history-upkeep.ts) arrive as the worker's own `message` events; waitUntil must be called now.
  self.addEventListener('message', (event) => {
    (event as MessageEvent & { waitUntil?(p: Promise<unknown>): void }).waitUntil?.(services().then((s) => s.onWorkerMessage(event as MessageEvent)));
  });

  browser.runtime.onInstalled.addListener((details) => {
    openWelcomeOnInstall(details); // first run: the welcome page (get a key, Test & save, a sample to try)
    // The toolbar button opens the history popup; the side panel opens from the popup, the context menus, or
    // Chrome's own side-panel menu. Chrome keeps the behaviour, so it is set at install and update, not on
    // every wake. (Firefox has no side-panel API: its sidebar is `sidebar_action`; its bundle leaves this out.)
    if (!import.meta.env.FIREFOX) void chrome.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
    void services().then((s) => s.onInstalled());
  });
  // Browser relaunch: this listener is what starts the worker; loading the handlers resumes the jobs.
  browser.runtime.onStartup.addListener(() => void services().then((s) => s.onBrowserStart()));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM) void services().then((s) => s.engine.tick());
    if (alarm.name === CATALOG_ALARM) void services().then((s) => s.onCatalogAlarm());
  });
  self.addEventListener('online', () => void services().then((s) => s.engine.tick()));
  browser.notifications.onClicked.addListener((id) => void services().then((s) => s.onNotificationClicked(id)));
}
