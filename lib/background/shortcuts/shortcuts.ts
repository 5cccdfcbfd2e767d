import { browser, type Browser } from 'wxt/browser';
import type { JobEngine } from '../../jobs/engine';
import { COMMAND } from '../../keyboard/commands';
import { togglePanel } from '../../keyboard/panel-presence';
import { repeatLastQuickAction } from '../capture/last-quick';

/**
 * The keyboard commands (lib/keyboard/commands.ts): open/close the panel, and "repeat the last quick
 * action" (capture/last-quick.ts, which decides whether the page it was chosen on is still there).
 */
export function handleCommand(engine: JobEngine, name: string, tab: Browser.tabs.Tab | undefined): void {
  // Synchronously first: the panel can only be opened inside the command's gesture.
  if (name === COMMAND.togglePanel) {
    togglePanel(tab);
    return;
  }
  if (name === COMMAND.repeatQuickAction) void repeatLastQuickAction(engine);
}

export function registerShortcuts(engine: JobEngine): void {
  browser.commands?.onCommand.addListener((name, tab) => handleCommand(engine, name, tab));
}
