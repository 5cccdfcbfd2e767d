import { browser, type Browser } from 'wxt/browser';
import { formatNumber, t } from '../i18n';
import type { JobEngine } from '../jobs/engine';
import type { Mode } from '../model/modes';
import { PROVIDER_LABELS } from '../model/provider-ids';
import { PROVIDERS } from '../providers/registry';
import type { Provider } from '../providers/types';
import type { QuickAction, Settings } from '../settings/schema';
import { clearReferences, countReferences, startCapture, writePendingPanelRequest, type CapturePurpose } from './capture';
import { loadSettings, onSettingsSaved } from './settings-store';
import { scanForBatch } from './batch';
import { rememberQuickAction } from './shortcuts';

/**
 * The right-click entry points. Items are created once (runtime.onInstalled) — Chrome keeps them across
 * worker restarts — and rebuilt only when the quick actions change; the click listener is registered
 * synchronously at every worker start, so a click that wakes the worker is delivered.
 * Ids are stable: tests dispatch clicks by id.
 */
export const MENU = {
  edit: 'reimagine-edit',
  animate: 'reimagine-animate',
  reference: 'reimagine-reference',
  quickSeparator: 'reimagine-quick-separator',
  editVideo: 'reimagine-edit-video',
  extendVideo: 'reimagine-extend-video',
  generate: 'reimagine-generate',
  describe: 'reimagine-describe',
  batch: 'reimagine-batch',
  editArea: 'reimagine-edit-area',
} as const;
export const QUICK_PREFIX = 'reimagine-quick:';
export const MAX_REFERENCES = 7;

export const referenceTitle = (count: number) => (count > 0 ? t('menu.addReferenceCount', { count: formatNumber(count) }) : t('menu.addReference'));

type CreateProps = Browser.contextMenus.CreateProperties;

/**
 * The menu model. Items for modes the selected provider cannot do stay visible but disabled, with the
 * reason in the title, so the user learns why instead of wondering where the entry went.
 */
export function menuItems(quickActions: QuickAction[], referenceCount: number, provider: Provider = PROVIDERS.xai): CreateProps[] {
  const can = (mode: Mode) => provider.capabilities.modes[mode] === true;
  const gate = (item: CreateProps, ...modes: Mode[]): CreateProps =>
    modes.some(can) ? item : { ...item, enabled: false, title: t('menu.notWithProvider', { title: String(item.title), provider: PROVIDER_LABELS[provider.id] }) };
  const items: CreateProps[] = [
    gate({ id: MENU.edit, title: t('menu.editImage'), contexts: ['image'] }, 'edit-image'),
    gate({ id: MENU.editArea, title: t('menu.editArea'), contexts: ['image'] }, 'edit-image'),
    gate({ id: MENU.animate, title: t('menu.animateImage'), contexts: ['image'] }, 'animate-image'),
    gate({ id: MENU.reference, title: referenceTitle(referenceCount), contexts: ['image'] }, 'edit-image', 'reference-video'),
    provider.capabilities.vision
      ? { id: MENU.describe, title: t('menu.describeImage'), contexts: ['image'] }
      : { id: MENU.describe, title: t('menu.notWithProvider', { title: t('menu.describeImage'), provider: PROVIDER_LABELS[provider.id] }), contexts: ['image'], enabled: false },
  ];
  if (quickActions.length) items.push({ id: MENU.quickSeparator, type: 'separator', contexts: ['image'] });
  for (const action of quickActions) {
    items.push(gate({ id: `${QUICK_PREFIX}${action.id}`, title: `${action.mode === 'animate-image' ? '▶ ' : ''}${action.title}`, contexts: ['image'] }, action.mode));
  }
  items.push(
    gate({ id: MENU.batch, title: t('menu.batch'), contexts: ['page', 'image'] }, 'edit-image', 'animate-image'),
    gate({ id: MENU.editVideo, title: t('menu.editVideo'), contexts: ['video'] }, 'edit-video'),
    gate({ id: MENU.extendVideo, title: t('menu.extendVideo'), contexts: ['video'] }, 'extend-video'),
    gate({ id: MENU.generate, title: t('menu.generateFromSelection'), contexts: ['selection'] }, 'create-image'),
  );
  return items;
}

let building: Promise<void> = Promise.resolve();

/** removeAll + create, serialized (a second rebuild waits for the first: duplicate ids would throw). */
export function rebuildMenus(settings?: Settings): Promise<void> {
  building = building.then(async () => {
    const current = settings ?? (await loadSettings());
    const count = await countReferences();
    await browser.contextMenus.removeAll();
    for (const item of menuItems(current.quickActions, count, PROVIDERS[current.provider])) {
      await new Promise<void>((resolve) => {
        browser.contextMenus.create(item, () => {
          void browser.runtime.lastError; // read it so Chrome doesn't log "unchecked"
          resolve();
        });
      });
    }
  });
  return building.catch((error: unknown) => console.error('Reimagine: building menus failed', error));
}

export async function setReferenceCount(count: number): Promise<void> {
  await building;
  await browser.contextMenus.update(MENU.reference, { title: referenceTitle(count) }).catch(() => undefined);
}

/**
 * Must be called synchronously: the side panel can only be opened while the click's user gesture is
 * live. Without one (tests' dispatch(), Firefox without a sidebar, old Chrome) it fails quietly — the
 * request was or will be written to session storage and the panel picks it up when it next opens.
 */
export function openSidePanel(tab: { id?: number; windowId?: number } | undefined): void {
  try {
    const sidePanel = (globalThis as { chrome?: { sidePanel?: { open?: (o: object) => Promise<void> } } }).chrome?.sidePanel;
    if (sidePanel?.open) {
      const target = tab?.id !== undefined ? { tabId: tab.id } : tab?.windowId !== undefined ? { windowId: tab.windowId } : undefined;
      if (target) void sidePanel.open(target).catch(() => undefined);
      return;
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open?: () => Promise<void> } }).sidebarAction;
    void sidebar?.open?.().catch(() => undefined);
  } catch {
    // no gesture / unsupported: the pending request waits in session storage
  }
}

const PANEL_MENUS: Record<string, CapturePurpose> = {
  [MENU.edit]: { kind: 'panel', mode: 'edit-image' },
  [MENU.editArea]: { kind: 'panel', mode: 'edit-image', area: true },
  [MENU.animate]: { kind: 'panel', mode: 'animate-image' },
  [MENU.editVideo]: { kind: 'panel', mode: 'edit-video' },
  [MENU.extendVideo]: { kind: 'panel', mode: 'extend-video' },
  [MENU.reference]: { kind: 'reference' },
  [MENU.describe]: { kind: 'describe' },
};

export function handleMenuClick(engine: JobEngine, info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): void {
  const id = String(info.menuItemId);
  const purpose: CapturePurpose | undefined = id.startsWith(QUICK_PREFIX) ? { kind: 'quick', actionId: id.slice(QUICK_PREFIX.length) } : PANEL_MENUS[id];
  // Before any await: a real click's gesture is only good for this synchronous turn.
  if (id === MENU.generate || id === MENU.batch || (purpose && purpose.kind !== 'quick')) openSidePanel(tab);
  if (id === MENU.batch) {
    void scanForBatch(tab, info).catch((error: unknown) => console.error('Reimagine: scanning the page failed', error));
    return;
  }
  if (id === MENU.generate) {
    void writePendingPanelRequest({ id: crypto.randomUUID(), mode: 'create-image', sources: [], prompt: (info.selectionText ?? '').trim().slice(0, 5000) });
    return;
  }
  if (!purpose) return;
  const target = {
    tabId: tab?.id,
    frameId: info.frameId ?? 0,
    pageUrl: info.frameUrl ?? info.pageUrl ?? tab?.url,
    srcUrl: info.srcUrl,
    mediaType: purpose.kind === 'panel' && (purpose.mode === 'edit-video' || purpose.mode === 'extend-video') ? ('video' as const) : ('image' as const),
  };
  // For the "repeat the last quick action" shortcut (shortcuts.ts).
  if (purpose.kind === 'quick') void rememberQuickAction(purpose.actionId, target).catch(() => undefined);
  void startCapture(engine, purpose, target);
}

/** Wire menus into a worker start. Listeners are added synchronously (see main.ts). */
export function registerMenus(engine: JobEngine): void {
  browser.runtime.onInstalled.addListener(() => void rebuildMenus());
  // Session storage (collected references) is empty after a browser restart: reset the title with it.
  browser.runtime.onStartup.addListener(() => void clearReferences().then(() => rebuildMenus()));
  browser.contextMenus.onClicked.addListener((info, tab) => handleMenuClick(engine, info, tab));
  // Test builds only (WXT_E2E_HOOKS=1, scripts/build-e2e.ts): Firefox's events have no `dispatch()` like
  // Chromium's, so the Firefox smoke (tests/firefox/) reaches this same handler through the event page's
  // window. A release build never sets the variable and the bundler drops this code.
  if (import.meta.env.WXT_E2E_HOOKS === '1') {
    (globalThis as { __reimagineMenuClick?: unknown }).__reimagineMenuClick = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) =>
      // Copies: the objects come from the calling page's realm, and the handler keeps them around.
      handleMenuClick(engine, structuredClone(info), tab && structuredClone(tab));
  }
  let lastShape: string | undefined;
  onSettingsSaved((settings) => {
    // Only what the menus show: the quick actions, and the provider (which modes are enabled).
    const key = JSON.stringify([settings.quickActions, settings.provider]);
    if (key === lastShape) return;
    lastShape = key;
    void rebuildMenus(settings);
  });
}
