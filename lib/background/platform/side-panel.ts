import { browser } from 'wxt/browser';

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
