import { browser, type Browser } from 'wxt/browser';
import { CLOSE_PANEL_MESSAGE, PANEL_PORT_PREFIX } from './commands';

/**
 * Which windows show a Reimagine side panel, known synchronously: a command's user gesture only lasts for
 * the listener's first turn, so "open or close" cannot await `runtime.getContexts`. Each real side panel
 * keeps a port named `reimagine-panel:<windowId>` open and reconnects when the worker restarts (see
 * panel-port.ts), so a worker that is running knows every open panel.
 */
const panels = new Map<number, Set<Browser.runtime.Port>>();

export function trackPanelPorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(PANEL_PORT_PREFIX)) return;
    // Only our own pages may claim to be a panel (a content script's sender URL is the web page's).
    if (port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(browser.runtime.getURL('/'))) return port.disconnect();
    const windowId = Number(port.name.slice(PANEL_PORT_PREFIX.length));
    if (!Number.isInteger(windowId)) return port.disconnect();
    const set = panels.get(windowId) ?? new Set();
    set.add(port);
    panels.set(windowId, set);
    port.onDisconnect.addListener(() => {
      set.delete(port);
      if (set.size === 0) panels.delete(windowId);
    });
  });
}

export const panelOpenIn = (windowId: number | undefined): boolean => windowId !== undefined && (panels.get(windowId)?.size ?? 0) > 0;

type SidePanelApi = { open?: (o: { windowId?: number; tabId?: number }) => Promise<void>; close?: (o: { windowId: number }) => Promise<void> };
const sidePanelApi = () => (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;

/**
 * Open or close the panel of the tab's window. Must be called synchronously from the command listener
 * (sidePanel.open needs its gesture). Closing: Chrome 141+ has sidePanel.close; elsewhere the panel is
 * asked to close itself. Firefox: sidebarAction.toggle, both ways.
 */
export function togglePanel(tab: { id?: number; windowId?: number } | undefined): 'opened' | 'closed' | 'unsupported' {
  const windowId = tab?.windowId;
  // Firefox's sidebar: the browser itself knows whether it shows, and a sidebar page cannot close itself
  // with window.close(), so toggle() decides both ways (in the command's gesture).
  const sidebar = (browser as unknown as { sidebarAction?: { toggle?: () => Promise<void> } }).sidebarAction;
  if (typeof sidebar?.toggle === 'function') {
    void sidebar.toggle().catch(() => undefined);
    return panelOpenIn(windowId) ? 'closed' : 'opened';
  }
  const sidePanel = sidePanelApi();
  if (windowId !== undefined && panelOpenIn(windowId)) {
    for (const port of panels.get(windowId) ?? []) port.postMessage(CLOSE_PANEL_MESSAGE);
    void sidePanel?.close?.({ windowId }).catch(() => undefined);
    return 'closed';
  }
  if (sidePanel?.open) {
    const target = windowId !== undefined ? { windowId } : tab?.id !== undefined ? { tabId: tab.id } : undefined;
    if (!target) return 'unsupported';
    void sidePanel.open(target).catch(() => undefined);
    return 'opened';
  }
  return 'unsupported';
}
