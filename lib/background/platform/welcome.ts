import { browser, type Browser } from 'wxt/browser';

/**
 * First run: a fresh install opens the welcome page (entrypoints/welcome): get a key, paste it, Test & save,
 * then a sample to try. Updates and browser restarts open nothing. Called from main.ts's `onInstalled`
 * listener (registered in the worker's first turn); light on purpose, so it sits on the start path.
 */
export function openWelcomeOnInstall(details: Browser.runtime.InstalledDetails): void {
  if (details.reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
}
