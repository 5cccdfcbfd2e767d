/**
 * One Chromium per Playwright worker, reused by its tests (a launch with a fresh profile costs ~2 s and
 * ~3 CPU-s on a 2-core machine, a quarter of a short test).
 *
 * Isolation comes from the extension, not the profile: each test installs a *fresh copy* of the build
 * (CDP `Extensions.loadUnpacked`, which needs `--enable-unsafe-extension-debugging`). An unpacked
 * extension's id is derived from its path, so every copy is a new extension: a first install with empty
 * storage, IndexedDB, alarms and grants, exactly as a per-test profile gave. After the test the copy is
 * uninstalled, every tab closed, and the site cookies and page permissions cleared.
 *
 * Tests that close the browser and relaunch it on the same profile use their own browser instead
 * (`test.use({ ownBrowser: true })`), as do tests with extra host-resolver rules.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from '@playwright/test';
import { chromiumArgs, chromiumEnv, CHROMIUM_PATH, REDUCED_MOTION, UI_LANGUAGE } from './launch';

export interface Installed {
  id: string;
  copyDir: string;
}

export class SharedBrowser {
  private context: BrowserContext | undefined;
  private cdp: CDPSession | undefined;
  private readonly profileDir = mkdtempSync(path.join(tmpdir(), 'reimagine-e2e-shared-'));

  constructor(private readonly hostRules: string[]) {}

  /** The shared context, launched on first use (and again if a test closed it). */
  async acquire(): Promise<{ context: BrowserContext; cdp: CDPSession }> {
    if (!this.context || !this.cdp) {
      const context = await chromium.launchPersistentContext(this.profileDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        reducedMotion: REDUCED_MOTION,
        // Playwright disables extensions unless it is told the launch loads one; this one loads them later.
        ignoreDefaultArgs: ['--disable-extensions'],
        args: ['--enable-unsafe-extension-debugging', ...chromiumArgs(this.hostRules)],
        env: chromiumEnv(),
        ...(UI_LANGUAGE ? { locale: UI_LANGUAGE } : {}),
      });
      context.on('close', () => {
        if (this.context === context) this.context = this.cdp = undefined;
      });
      const browser = context.browser();
      if (!browser) throw new Error('shared browser: no Browser behind the persistent context');
      this.cdp = await browser.newBrowserCDPSession();
      this.context = context;
    }
    return { context: this.context, cdp: this.cdp };
  }

  /** Installs a fresh copy of the build at `extensionPath`; its worker starts on install. */
  async install(extensionPath: string): Promise<Installed> {
    const { cdp } = await this.acquire();
    const copyDir = mkdtempSync(path.join(tmpdir(), 'reimagine-e2e-ext-'));
    cpSync(extensionPath, copyDir, { recursive: true });
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: copyDir } as never)) as { id: string };
    return { id, copyDir };
  }

  /** Uninstalls the test's copy and leaves one blank tab, no cookies and no page permissions behind. */
  async release(installed: Installed): Promise<void> {
    const context = this.context;
    const cdp = this.cdp;
    if (context && cdp) {
      const pages = context.pages();
      const keep = pages[0];
      await Promise.all(pages.slice(1).map((page) => page.close().catch(() => undefined)));
      // Closing the last tab would end the browser: the first one is blanked instead.
      await keep?.goto('about:blank').catch(() => undefined);
      await cdp.send('Extensions.uninstall' as never, { id: installed.id } as never).catch(() => undefined);
      await context.clearCookies().catch(() => undefined);
      await context.clearPermissions().catch(() => undefined);
    }
    await rm(installed.copyDir, { recursive: true, force: true }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    await rm(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  }
}
