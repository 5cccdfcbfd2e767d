/**
 * Starts Debian's Firefox ESR headless over WebDriver BiDi (puppeteer-core drives Firefox's built-in BiDi;
 * Playwright's Firefox is a patched build and cannot drive a stock one) and installs the built extension
 * with BiDi `webExtension.install` (a temporary install, as about:debugging does).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'reimagine@example.org';

export interface FirefoxSession {
  browser: Browser;
  /** moz-extension://<uuid> of the installed extension. */
  origin: string;
  /** Where downloads land (a temporary folder, removed by close()). */
  downloadDir: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(extensionDir: string, proxyPort: number): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH} (apt-get install firefox-esr, or set FIREFOX_PATH)`);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No Firefox build at ${extensionDir}: run \`npm run build:e2e firefox\``);
  // Firefox picks an extension's moz-extension UUID from this pref when it has one: the test knows the
  // extension's pages' address before installing it.
  const uuid = randomUUID();
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'reimagine-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // The emulator's TLS certificate is a throwaway one (the session capability, for every request).
    acceptInsecureCerts: true,
    // Firefox ≥ 153 lets WebDriver navigate to moz-extension:// pages only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // MV3 host_permissions are granted at install (Firefox ≥ 127's default), as for a user who accepts
      // the install prompt.
      'extensions.originControls.grantByDefault': true,
      // Every request goes to the mapping proxy (tests/firefox/mapping-proxy.ts); loopback stays direct.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
      // downloads.download({ saveAs: false }) saves here without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      // As the Chromium e2e: the user prefers reduced motion (spinners stop; idle pages cost no CPU).
      'ui.prefersReducedMotion': 1,
    },
  });
  const close = async () => {
    await browser.close();
    rmSync(downloadDir, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, origin: `moz-extension://${uuid}`, downloadDir, close };
}
