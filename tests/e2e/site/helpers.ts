import type { BrowserContext, Page } from '@playwright/test';
import { readImageSize, sniffImageFormat, type ImageFormat } from '../../emulator/image-inspect';
import { dispatchContextMenu, expect, getServiceWorker, type Emulator } from '../fixtures';
import { ClosedOverlay, targetIdOf } from './overlay';

/** Shared steps for tests/e2e/page-*.spec.ts and bench/page.ts: right-click an element the way Chrome would. */

export async function tabOf(context: BrowserContext, page: Page): Promise<chrome.tabs.Tab> {
  const worker = await getServiceWorker(context);
  const url = page.url();
  const tab = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u), url);
  if (!tab) throw new Error(`No tab for ${url}`);
  return tab;
}

/** The srcUrl Chrome puts in the menu info: the element's currentSrc. */
export async function rightClick(context: BrowserContext, page: Page, selector: string, menuItemId: string, mediaType: 'image' | 'video' = 'image'): Promise<void> {
  const srcUrl = await page.locator(selector).evaluate((el) => (el as HTMLImageElement).currentSrc || (el as HTMLImageElement).src);
  const tab = await tabOf(context, page);
  await dispatchContextMenu(context, { menuItemId, srcUrl, pageUrl: page.url(), frameId: 0, mediaType, editable: false }, tab);
}

export interface SentImage {
  format: ImageFormat;
  bytes: number;
  width: number;
  height: number;
}

export function decodeSentImage(uri: string): SentImage {
  expect(uri).toMatch(/^data:image\/(jpeg|png|webp);base64,/);
  const bytes = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
  const format = sniffImageFormat(bytes);
  if (!format) throw new Error('sent bytes are not JPEG/PNG/WebP');
  const size = readImageSize(bytes, format);
  if (!size) throw new Error('unreadable image header');
  return { format, bytes: bytes.length, ...size };
}

/** Waits for the next POST to `path` after `since` requests and returns its body. */
export async function nextRequest(emulator: Emulator, path: string, since: number, timeout = 20_000): Promise<Record<string, unknown>> {
  await expect.poll(() => emulator.requests.slice(since).some((r) => r.method === 'POST' && r.path === path), { timeout }).toBe(true);
  const found = emulator.requests.slice(since).find((r) => r.method === 'POST' && r.path === path);
  return found?.body as Record<string, unknown>;
}

/** The overlay drawn for the page element `selector` (its shadow root is closed: see ./overlay.ts). */
export const overlayFor = async (page: Page, selector: string): Promise<ClosedOverlay> => {
  // The page script marks the element in its isolated world (no attribute the page could read): ask there.
  let id: string | undefined;
  await expect.poll(async () => (id = await targetIdOf(page, selector)), { timeout: 15_000, message: `Reimagine's mark on ${selector}` }).toBeDefined();
  return new ClosedOverlay(page, { targetId: id! });
};

/**
 * Key + emulator base URL, saved through the options page's own protocol (settings.get → settings.save),
 * so these specs don't depend on the options form's layout.
 */
export async function configureApi(context: BrowserContext, extensionId: string, baseUrl: string, key = 'xai-emulator-key'): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const reply = await options.evaluate(
    async ([url, apiKey]) => {
      const current = (await chrome.runtime.sendMessage({ type: 'settings.get' })) as { settings: { baseUrls: Record<string, string> } };
      return chrome.runtime.sendMessage({
        type: 'settings.save',
        settings: { ...current.settings, baseUrls: { ...current.settings.baseUrls, xai: url } },
        secrets: { xai: apiKey },
      });
    },
    [baseUrl, key] as const,
  );
  if (!(reply as { ok?: boolean }).ok) throw new Error(`settings.save failed: ${JSON.stringify(reply)}`);
  await options.close();
}
