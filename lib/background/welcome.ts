import { browser } from 'wxt/browser';

/**
 * First run: a fresh install opens the welcome page (entrypoints/welcome): get a key, paste it, Test & save,
 * then a sample to try. Updates and browser restarts open nothing. Registered in the worker's first turn,
 * like every listener (lib/background/main.ts).
 */
export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });
}
