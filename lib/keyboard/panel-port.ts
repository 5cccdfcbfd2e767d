import { browser } from 'wxt/browser';
import { CLOSE_PANEL_MESSAGE, PANEL_PORT_PREFIX } from './commands';

/**
 * Side panel half of "open or close the panel" (panel-presence.ts): keep a port to the worker that names
 * this window, reconnect when the worker restarts, and close when the worker asks. A panel page opened as
 * a tab is not a side panel (`tabs.getCurrent` finds it) and does not register.
 */
export async function announcePanelPresence(): Promise<void> {
  if (await browser.tabs.getCurrent().catch(() => undefined)) return;
  const { id: windowId } = await browser.windows.getCurrent();
  if (windowId === undefined) return;
  const connect = () => {
    const port = browser.runtime.connect({ name: `${PANEL_PORT_PREFIX}${windowId}` });
    port.onMessage.addListener((message) => {
      if (message === CLOSE_PANEL_MESSAGE) window.close();
    });
    // The worker stopped (idle) or restarted: connect again so the next shortcut knows this panel is open.
    port.onDisconnect.addListener(() => setTimeout(connect, 1_000));
  };
  connect();
}
