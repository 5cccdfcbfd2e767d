import { browser } from 'wxt/browser';
import { userMessage } from '../errors/taxonomy';
import { blobToDataUrl } from '../media/encode';
import { send } from '../messaging/client';
import { PENDING_PANEL_REQUEST_KEY, type PendingPanelRequest } from '../messaging/panel-request';
import { t } from '../i18n';

/** The welcome page's sample picture, bundled (public/welcome/sample.jpg, drawn by scripts/make-sample.ts). */
export const SAMPLE_IMAGE_PATH = '/welcome/sample.jpg';

/**
 * Opens the side panel in the click's user gesture (sidePanel.open refuses without one, so nothing is
 * awaited before it); a browser without the API gets the panel page in a tab. Resolves when it is open.
 */
export function openPanelInGesture(windowId: number | undefined): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: { open?: () => Promise<void> } }).sidebarAction;
  const tab = () => browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }).then(() => undefined);
  if (typeof sidebar?.open === 'function') return sidebar.open().catch(tab);
  if (!import.meta.env.FIREFOX && typeof chrome.sidePanel?.open === 'function' && windowId !== undefined) return chrome.sidePanel.open({ windowId }).catch(tab);
  return tab();
}

/**
 * "Try it on this picture": the sample becomes the composer's source in Edit image mode, with a prompt
 * ready, through the same hand-over a right-click uses (lib/messaging/panel-request.ts). Nothing is sent
 * to the provider: the user still presses Generate, and sees the estimate first.
 */
export async function sendSampleToComposer(): Promise<{ ok: true } | { ok: false; message: string }> {
  const blob = await (await fetch(browser.runtime.getURL(SAMPLE_IMAGE_PATH))).blob();
  const imported = await send({ type: 'media.import', dataUrl: await blobToDataUrl(blob, 'image/jpeg'), name: 'sample.jpg' });
  if (!imported.ok) return { ok: false, message: userMessage(imported.error) };
  const request: PendingPanelRequest = { id: crypto.randomUUID(), mode: 'edit-image', sources: [imported.source], prompt: t('setup.samplePrompt') };
  await browser.storage.session.set({ [PENDING_PANEL_REQUEST_KEY]: request });
  return { ok: true };
}
