import { browser } from 'wxt/browser';

/**
 * What a menu click must do in its first synchronous turn, kept apart from menus.ts so that the worker's start
 * path (main.ts) can do it before the handlers are loaded: a real click's user gesture — which `sidePanel.open`
 * needs — does not survive an await.
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
} as const;
export const QUICK_PREFIX = 'reimagine-quick:';

/** The menus that show their work in the side panel: every one but the quick actions. */
const PANEL_MENU_IDS: ReadonlySet<string> = new Set([MENU.edit, MENU.animate, MENU.editVideo, MENU.extendVideo, MENU.reference, MENU.describe, MENU.generate, MENU.batch]);
export const menuOpensPanel = (menuItemId: string | number): boolean => PANEL_MENU_IDS.has(String(menuItemId));

/**
 * Opens the side panel (Firefox: the sidebar) for the clicked tab. Only works inside a user gesture; when it
 * cannot, the request was or will be written to session storage and the panel picks it up when it next opens.
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
