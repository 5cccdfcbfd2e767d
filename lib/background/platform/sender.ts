import { browser, type Browser } from 'wxt/browser';

/** A message from one of our own pages (panel, popup, Options), not from a content script in a web page. */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}
