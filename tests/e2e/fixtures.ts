/**
 * Playwright fixtures for driving the built Reimagine extension in the system Chromium.
 *
 *   import { test, expect, getServiceWorker, killServiceWorker } from './fixtures';
 *
 * Fixtures:
 *   emulator     worker-scoped local xAI API emulator (tests/emulator/server.ts), reset() before each test;
 *                it also answers over HTTPS as api.x.ai, imgen.x.ai, vidgen.x.ai and the resellers' hosts,
 *                and issues results on those vendor hostnames without CORS headers, as in production
 *   site         worker-scoped fixture web site: pages on site.test, images on cdn.test (tests/e2e/site)
 *   extraHostRules  option: more `--host-resolver-rules` entries (e.g. 'MAP evil.test 127.0.0.1:PORT')
 *   sharedBrowser worker-scoped Chromium reused by the worker's tests (see shared-browser.ts)
 *   context      the shared browser with a fresh install of the extension build (a new id per test, so no
 *                state carries over); with `ownBrowser: true` or extraHostRules, a browser of the test's own
 *                on userDataDir, as a test that closes and relaunches the browser needs
 *   userDataDir  fresh Chromium profile dir per test (deleted afterwards), for ownBrowser and relaunches
 *   extensionId  the extension's id (host of its service worker URL)
 *
 * The extension must be built first (`npx wxt build`); `npm test` does that before `test:e2e`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createEmulator } from '../emulator/server';
import type { Emulator } from '../emulator/types';
import { chromiumArgs, chromiumEnv, CHROMIUM_PATH, REDUCED_MOTION, UI_LANGUAGE } from './launch';
import { SharedBrowser } from './shared-browser';
import { startSite, type Site } from './site/server';
import { TEST_TIMING } from '../emulator/timing';

export { expect };

export type { Emulator };
export type ExtensionPageName = 'sidepanel.html' | 'options.html' | 'popup.html' | 'history-page.html' | 'welcome.html';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The e2e build (`npm run build:e2e`): the release build plus REIMAGINE_EXTRA_HOST_PERMISSIONS for the local
 * emulator and the fixture page host. The release build (.output/chrome-mv3) is never loaded by tests.
 */
export const E2E_OUT_DIR = path.join('.output', 'e2e');
/** Other test builds (see scripts/build-e2e.ts): pass as `extensionPath` to launchContext. */
export const E2E_CDN_EXTENSION_PATH = path.join(REPO_ROOT, '.output', 'e2e-cdn', 'chrome-mv3');
export const E2E_BARE_EXTENSION_PATH = path.join(REPO_ROOT, '.output', 'e2e-bare', 'chrome-mv3');
/** `<all_urls>`: tabs.captureVisibleTab runs as after a real right-click's activeTab grant (a dispatched click gives none). */
export const E2E_CAPTURE_EXTENSION_PATH = path.join(REPO_ROOT, '.output', 'e2e-capture', 'chrome-mv3');
export const EXTENSION_PATH = process.env.EXTENSION_DIR ? path.resolve(REPO_ROOT, process.env.EXTENSION_DIR) : path.join(REPO_ROOT, E2E_OUT_DIR, 'chrome-mv3');
export { CHROMIUM_PATH };

/** Service worker file name of the built extension (manifest.background.service_worker). */
const WORKER_FILE = 'background.js';
const DEFAULT_WAIT_MS = 15_000;

/** Extension id per context, remembered so helpers that only get a context can build URLs. */
const knownExtensionIds = new WeakMap<BrowserContext, string>();

/**
 * In the shared browser (shared-browser.ts) each test installs its own copy of the extension; workers of
 * copies uninstalled after earlier tests must never be mistaken for the current one.
 */
const currentExtensionIds = new WeakMap<BrowserContext, string>();

function isWorkerScript(url: string, context: BrowserContext): boolean {
  const current = currentExtensionIds.get(context);
  return url.startsWith(current ? `chrome-extension://${current}/` : 'chrome-extension://') && url.endsWith(`/${WORKER_FILE}`);
}

function extensionWorkersOf(context: BrowserContext): Worker[] {
  return context.serviceWorkers().filter((worker) => isWorkerScript(worker.url(), context));
}

function remember(context: BrowserContext, worker: Worker): Worker {
  knownExtensionIds.set(context, new URL(worker.url()).host);
  return worker;
}

/**
 * The host mapping of the current Playwright worker (its emulator and site), used by every launch in it,
 * including relaunches on the same profile.
 */
let workerHostRules: string[] = [];

export interface LaunchOptions {
  /** `--host-resolver-rules` entries; default: the worker's emulator and site mapping. */
  hostRules?: string[];
  /** Another build of the extension (e.g. one that also grants the CDN host). */
  extensionPath?: string;
  /** Browser UI language (`--lang`, LANGUAGE), e.g. 'de'; default E2E_LANG or the system's. */
  uiLanguage?: string;
}

/**
 * Launches Chromium with the built extension and the given profile dir. Exported so a test can close
 * the browser and relaunch it on the same profile (persistence across browser restarts).
 * The web it sees looks like production: vendor and fixture hostnames resolve to local servers over
 * `--host-resolver-rules` (TLS with a throwaway certificate, hence --ignore-certificate-errors).
 * The caller owns the returned context and must close it.
 */
export async function launchContext(userDataDir: string, options: LaunchOptions = {}): Promise<BrowserContext> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`Built extension not found at ${extensionPath}. Run \`npm run build:e2e\` first.`);
  }
  const hostRules = options.hostRules ?? workerHostRules;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    reducedMotion: REDUCED_MOTION,
    args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, ...chromiumArgs(hostRules, options.uiLanguage)],
    env: chromiumEnv(options.uiLanguage),
    // Playwright passes its own --lang for `locale`: keep it the same language.
    ...(options.uiLanguage ? { locale: options.uiLanguage } : {}),
  });
}

/**
 * The extension's service worker, once it is running: waits (up to `timeoutMs`) for the worker to
 * appear and for its JS context to be live. It does NOT wake a stopped worker (use wakeServiceWorker).
 *
 * Note (Chromium 156 + Playwright 1.65): while Playwright is attached, Chrome keeps the worker's
 * DevTools target across stop/restart, so the Worker handle stays the same object after
 * killServiceWorker(); evaluate() on it simply waits until the worker runs again. Older combinations
 * drop the handle and emit a new 'serviceworker' event instead. Always get the handle via this
 * function after a kill so both behaviours work.
 */
export async function getServiceWorker(context: BrowserContext, timeoutMs = DEFAULT_WAIT_MS): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const workers = extensionWorkersOf(context);
    const current = workers[workers.length - 1];
    const left = deadline - Date.now();
    if (current) {
      remember(context, current);
      // Resolves as soon as the worker has a live JS context (immediately if it's running).
      const alive = await withTimeout(current.evaluate(() => true), Math.max(left, 1)).catch(() => false);
      if (alive) return current;
      if (!context.serviceWorkers().includes(current)) continue; // handle replaced: retry
    } else if (left > 0) {
      // Short waits in a loop: a worker registered between the check above and this call is still
      // found on the next iteration.
      await context
        .waitForEvent('serviceworker', { predicate: (worker) => isWorkerScript(worker.url(), context), timeout: Math.min(left, 1_000) })
        .catch(() => undefined);
      continue;
    }
    throw new Error(
      current
        ? `Extension service worker is not running after ${timeoutMs} ms (stopped and nothing woke it?)`
        : `No extension service worker (${WORKER_FILE}) appeared within ${timeoutMs} ms`,
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type CdpSend = (method: string, params?: Record<string, unknown>) => Promise<unknown>;
type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';
interface VersionEvent {
  versions: Array<{ versionId: string; scriptURL: string; runningStatus: RunningStatus; status: string }>;
}

/**
 * Runs `fn` with a CDP session on a fresh about:blank page that has the ServiceWorker domain
 * enabled, exposing the extension worker's running status as reported by Chrome. Closes both after.
 */
async function withServiceWorkerCdp<T>(
  context: BrowserContext,
  fn: (cdp: { send: CdpSend; status: () => RunningStatus | undefined; waitForStatus: (want: RunningStatus, timeoutMs: number) => Promise<void> }) => Promise<T>,
): Promise<T> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    // CDPSession.send is typed per protocol method; a loose wrapper keeps call sites simple.
    const send: CdpSend = (method, params) =>
      (session.send as (m: string, p?: Record<string, unknown>) => Promise<unknown>)(method, params);
    const latest = new Map<string, RunningStatus>(); // versionId -> status, extension worker only
    const waiters = new Set<() => void>();
    session.on('ServiceWorker.workerVersionUpdated', (event: VersionEvent) => {
      for (const v of event.versions) {
        if (isWorkerScript(v.scriptURL, context)) {
          if (v.status === 'redundant') latest.delete(v.versionId);
          else latest.set(v.versionId, v.runningStatus);
        }
      }
      for (const wake of waiters) wake();
    });
    const status = (): RunningStatus | undefined => {
      const all = [...latest.values()];
      if (all.length === 0) return undefined;
      for (const s of ['running', 'starting', 'stopping'] as const) if (all.includes(s)) return s;
      return 'stopped';
    };
    const waitForStatus = async (want: RunningStatus, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (status() !== want) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(`Extension service worker status is ${status() ?? 'unknown'}, not ${want}, after ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, Math.min(left, 250));
          waiters.add(wake);
        });
      }
    };
    try {
      await send('ServiceWorker.enable');
      return await fn({ send, status, waitForStatus });
    } finally {
      await send('ServiceWorker.disable').catch(() => undefined);
      await session.detach().catch(() => undefined);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Stops the extension's service worker the way Chrome does after idling (all in-memory state is
 * lost), via CDP `ServiceWorker.stopAllWorkers` from a blank page, and waits (bounded) until Chrome
 * reports it stopped (or Playwright drops the handle). Nothing restarts it until an event does
 * (alarm, message, context-menu click, ...) or wakeServiceWorker() is called.
 */
export async function killServiceWorker(context: BrowserContext, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
  const old = extensionWorkersOf(context);
  for (const worker of old) remember(context, worker);
  const deadline = Date.now() + timeoutMs;
  await withServiceWorkerCdp(context, async ({ send, status, waitForStatus }) => {
    await send('ServiceWorker.stopAllWorkers');
    for (;;) {
      // Either Chrome says the version stopped, or (older Playwright/Chrome) the handle went away.
      if (status() === 'stopped') return;
      if (old.length > 0 && !context.serviceWorkers().some((w) => old.includes(w))) return;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`Extension service worker still ${status() ?? 'listed'} ${timeoutMs} ms after ServiceWorker.stopAllWorkers`);
      }
      await waitForStatus('stopped', Math.min(left, 250)).catch(() => undefined);
    }
  });
}

/**
 * Chrome's view of the extension worker: 'running' | 'starting' | 'stopping' | 'stopped', or
 * undefined when no version is registered. Does not wake the worker.
 */
export async function getServiceWorkerStatus(context: BrowserContext): Promise<RunningStatus | undefined> {
  return withServiceWorkerCdp(context, async ({ status, waitForStatus }) => {
    // The ServiceWorker domain reports current versions asynchronously after enable.
    const deadline = Date.now() + 2_000;
    while (status() === undefined && Date.now() < deadline) {
      await waitForStatus('running', 100).catch(() => undefined);
    }
    return status();
  });
}

/**
 * Starts the extension's service worker again (after killServiceWorker or an idle stop) and returns
 * its handle once it runs. Uses CDP `ServiceWorker.startWorker` on the extension's scope (the way
 * any event would start it, but without dispatching one); falls back to opening an extension page
 * and posting a message to the registration.
 */
export async function wakeServiceWorker(
  context: BrowserContext,
  extensionId?: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<Worker> {
  const id = extensionId ?? knownExtensionIds.get(context);
  if (!id) throw new Error('wakeServiceWorker: extension id unknown (pass it, or call getServiceWorker first)');
  const scopeURL = `chrome-extension://${id}/`;

  const started = await withServiceWorkerCdp(context, async ({ send }) => {
    try {
      await send('ServiceWorker.startWorker', { scopeURL });
      return true;
    } catch {
      return false;
    }
  });
  if (started) {
    try {
      return await getServiceWorker(context, Math.min(timeoutMs, 5_000));
    } catch {
      // fall through to the fallback
    }
  }

  // Fallback: from an extension page, a message to the registration starts the worker.
  const page = await context.newPage();
  try {
    await page.goto(`${scopeURL}${firstExtensionPage()}`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      registration?.active?.postMessage({ type: 'e2e-wake' });
    });
    return await getServiceWorker(context, timeoutMs);
  } finally {
    await page.close().catch(() => undefined);
  }
}

function firstExtensionPage(): string {
  for (const name of ['sidepanel.html', 'options.html', 'popup.html']) {
    if (existsSync(path.join(EXTENSION_PATH, name))) return name;
  }
  return 'manifest.json';
}

/**
 * Waits (up to 15 s) for the welcome tab a fresh install opens, and closes it. False if it never came.
 */
export async function closeWelcomePage(context: BrowserContext, extensionId: string): Promise<boolean> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const welcome = () => context.pages().filter((p) => p.url() === url);
  const opened = await expect
    .poll(() => welcome().length, { timeout: DEFAULT_WAIT_MS })
    .toBeGreaterThan(0)
    .then(() => true, () => false);
  await Promise.all(welcome().map((p) => p.close()));
  return opened;
}

/** Opens chrome-extension://<id>/<name> in a new tab and waits for it to load. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  name: ExtensionPageName,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${name}`, { waitUntil: 'load' });
  return page;
}

export type ContextMenuInfo = Partial<chrome.contextMenus.OnClickData> & { menuItemId: string | number };
export type ContextMenuTab = Partial<chrome.tabs.Tab>;

/**
 * Fires the background's contextMenus.onClicked listeners with the given info/tab, inside the
 * service worker. NOTE: this is NOT a user gesture: activeTab is not granted and APIs that need a
 * gesture (sidePanel.open, permissions.request, ...) fail as they would from a non-gesture context.
 */
export async function dispatchContextMenu(
  context: BrowserContext,
  info: ContextMenuInfo,
  tab?: ContextMenuTab,
): Promise<void> {
  const worker = await getServiceWorker(context);
  await worker.evaluate(
    ([info, tab]) => {
      const event = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
      event.dispatch(info, tab);
    },
    [info, tab ?? null] as const,
  );
}

/**
 * Fires the background's commands.onCommand listeners (a keyboard shortcut) inside the service worker.
 * Like dispatchContextMenu, NOT a user gesture: sidePanel.open would throw, so tests stub it.
 */
export async function dispatchCommand(context: BrowserContext, name: string, tab?: ContextMenuTab): Promise<void> {
  const worker = await getServiceWorker(context);
  await worker.evaluate(
    ([name, tab]) => {
      const event = chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void };
      event.dispatch(name, tab);
    },
    [name, tab ?? null] as const,
  );
}

type TestFixtures = {
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  extraHostRules: string[];
  /** Which build to load (default EXTENSION_PATH); e.g. `test.use({ extensionPath: E2E_CDN_EXTENSION_PATH })`. */
  extensionPath: string;
  /**
   * A browser of the test's own on `userDataDir` (default: the worker's shared browser with a fresh install
   * of the extension). Needed by tests that close the browser and relaunch it on the same profile.
   */
  ownBrowser: boolean;
  /** Browser UI language for a browser of the test's own (implies ownBrowser), e.g. `test.use({ uiLanguage: 'de' })`. */
  uiLanguage: string;
  _resetEmulator: void;
};
type WorkerFixtures = {
  emulator: Emulator;
  site: Site;
  hostRules: string[];
  sharedBrowser: SharedBrowser;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  emulator: [
    // Playwright requires an object pattern here, even an empty one.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const emulator = await createEmulator({ ...TEST_TIMING, port: 0, https: true, mediaHosts: 'vendor' });
      try {
        await use(emulator);
      } finally {
        await emulator.close();
      }
    },
    { scope: 'worker' },
  ],

  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const site = await startSite();
      try {
        await use(site);
      } finally {
        await site.close();
      }
    },
    { scope: 'worker' },
  ],

  hostRules: [
    async ({ emulator, site }, use) => {
      workerHostRules = [...emulator.hostResolverRules(), ...site.hostResolverRules()];
      await use(workerHostRules);
    },
    { scope: 'worker' },
  ],

  sharedBrowser: [
    async ({ hostRules }, use) => {
      const shared = new SharedBrowser(hostRules);
      try {
        await use(shared);
      } finally {
        await shared.close();
      }
    },
    { scope: 'worker' },
  ],

  extraHostRules: [[], { option: true }],
  extensionPath: [EXTENSION_PATH, { option: true }],
  ownBrowser: [false, { option: true }],
  uiLanguage: [UI_LANGUAGE, { option: true }],

  _resetEmulator: [
    async ({ emulator }, use) => {
      emulator.reset();
      await use();
    },
    { auto: true },
  ],

  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'reimagine-e2e-'));
    try {
      await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    }
  },

  context: async ({ userDataDir, hostRules, extraHostRules, extensionPath, ownBrowser, uiLanguage, sharedBrowser }, use) => {
    if (ownBrowser || extraHostRules.length > 0 || uiLanguage !== UI_LANGUAGE) {
      const context = await launchContext(userDataDir, { hostRules: [...hostRules, ...extraHostRules], extensionPath, uiLanguage });
      try {
        await use(context);
      } finally {
        // A test may already have closed it (e.g. to relaunch on the same profile).
        await context.close().catch(() => undefined);
      }
      return;
    }
    const { context } = await sharedBrowser.acquire();
    const installed = await sharedBrowser.install(extensionPath);
    currentExtensionIds.set(context, installed.id);
    knownExtensionIds.set(context, installed.id);
    // The download list is the profile's, not the extension's: start each test with an empty one.
    const worker = await getServiceWorker(context);
    await worker.evaluate(() => chrome.downloads?.erase({}));
    // A fresh install opens the welcome page (lib/background/platform/welcome.ts): close it, so every test starts
    // from the same tabs. tests/e2e/first-run.spec.ts checks the page itself.
    if (!(await closeWelcomePage(context, installed.id))) throw new Error('the welcome page did not open on install');
    try {
      await use(context);
    } finally {
      currentExtensionIds.delete(context);
      knownExtensionIds.delete(context);
      await sharedBrowser.release(installed);
    }
  },

  extensionId: async ({ context }, use) => {
    const worker = await getServiceWorker(context);
    await use(new URL(worker.url()).host);
  },
});
