import { browser, type Browser } from 'wxt/browser';
import { formatNumber, t } from '../../i18n';
import type { JobEngine } from '../../jobs/engine';
import type { Mode } from '../../model/modes';
import { PROVIDER_LABELS } from '../../model/provider-ids';
import { PROVIDERS } from '../../providers/registry';
import type { Provider } from '../../providers/types';
import type { QuickAction, Settings } from '../../settings/schema';
import { writePendingPanelRequest, type CapturePurpose } from '../capture/pending';
import { countReferences } from '../capture/references';
import { startCapture } from '../capture/start';
import { stripInvisible } from '../../security/invisible-text';
import { loadSettings, onSettingsSaved } from '../state/settings-store';
import { scanForBatch } from '../batch/batch-commands';
import { startPick } from '../page/pick';
import { menuCaptureTarget, type CaptureKickoff } from '../capture/kickoff';
import { MENU, openSidePanel, QUICK_PREFIX } from './menu-gesture';

export { MENU, openSidePanel, QUICK_PREFIX };

/**
 * The right-click entry points. Items are created once (runtime.onInstalled) — Chrome keeps them across
 * worker restarts — and rebuilt only when the quick actions change; the click listener is registered
 * synchronously at every worker start, so a click that wakes the worker is delivered.
 * Ids are stable (menu-gesture.ts): tests dispatch clicks by id.
 */

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
    gate({ id: MENU.story, title: t('story.menuFromPage'), contexts: ['page'] }, 'animate-image'),
    gate({ id: MENU.editVideo, title: t('menu.editVideo'), contexts: ['video'] }, 'edit-video'),
    gate({ id: MENU.extendVideo, title: t('menu.extendVideo'), contexts: ['video'] }, 'extend-video'),
    gate({ id: MENU.generate, title: t('menu.generateFromSelection'), contexts: ['selection'] }, 'create-image'),
    // Pictures Chrome does not report as images (pick.ts); what is chosen opens in Edit image.
    gate({ id: MENU.pick, title: t('menu.pickPicture'), contexts: ['page', 'link', 'frame', 'selection', 'video', 'image'] }, 'edit-image'),
    gate({ id: MENU.useFrame, title: t('menu.useThisFrame'), contexts: ['video'] }, 'edit-image'),
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

const PANEL_MENUS: Record<string, CapturePurpose> = {
  [MENU.edit]: { kind: 'panel', mode: 'edit-image' },
  [MENU.editArea]: { kind: 'panel', mode: 'edit-image', area: true },
  [MENU.animate]: { kind: 'panel', mode: 'animate-image' },
  [MENU.editVideo]: { kind: 'panel', mode: 'edit-video' },
  [MENU.extendVideo]: { kind: 'panel', mode: 'extend-video' },
  [MENU.reference]: { kind: 'reference' },
  [MENU.describe]: { kind: 'describe' },
};

/** `kickoff`: a quick action the start script already began for a sleeping worker (capture/kickoff.ts). */
export function handleMenuClick(engine: JobEngine, info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, kickoff?: CaptureKickoff): void {
  const id = String(info.menuItemId);
  const purpose: CapturePurpose | undefined = id.startsWith(QUICK_PREFIX) ? { kind: 'quick', actionId: id.slice(QUICK_PREFIX.length) } : PANEL_MENUS[id];
  // Before any await: a real click's gesture is only good for this synchronous turn.
  if (id === MENU.pick || id === MENU.useFrame) {
    openSidePanel(tab);
    void startPick(info, tab, id === MENU.useFrame).catch((error: unknown) => console.error('Reimagine: starting the picker failed', error));
    return;
  }
  if (id === MENU.generate || id === MENU.batch || id === MENU.story || (purpose && purpose.kind !== 'quick')) openSidePanel(tab);
  if (id === MENU.batch || id === MENU.story) {
    void scanForBatch(tab, info, id === MENU.story ? 'story' : 'batch').catch((error: unknown) => console.error('Reimagine: scanning the page failed', error));
    return;
  }
  if (id === MENU.generate) {
    void writePendingPanelRequest({ id: crypto.randomUUID(), mode: 'create-image', sources: [], prompt: stripInvisible(info.selectionText ?? '').trim().slice(0, 5000) });
    return;
  }
  if (!purpose) return;
  const video = purpose.kind === 'panel' && (purpose.mode === 'edit-video' || purpose.mode === 'extend-video');
  void startCapture(engine, purpose, menuCaptureTarget(info, tab, video ? 'video' : 'image'), undefined, kickoff ? { kickoff } : {});
}

/**
 * Wire menus into a loaded worker. Their browser listeners (install, browser start, clicks) are registered by
 * main.ts at every worker start, which calls rebuildMenus / handleMenuClick from them.
 */
export function watchMenuSettings(): void {
  let lastShape: string | undefined;
  onSettingsSaved((settings) => {
    // Only what the menus show: the quick actions, and the provider (which modes are enabled).
    const key = JSON.stringify([settings.quickActions, settings.provider]);
    if (key === lastShape) return;
    lastShape = key;
    void rebuildMenus(settings);
  });
}
