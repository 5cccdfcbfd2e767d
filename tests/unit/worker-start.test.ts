import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { kickOffQuickCapture } from '../../lib/background/capture/kickoff';
import { quickActionOf } from '../../lib/background/menus/menu-gesture';
import { loadCapture } from '../../lib/background/capture/in-flight';
import { IMAGE_LIMITS } from '../../lib/media/prepare-image';
import { importServicesOnInstall, loadServicesModule, registerServices, SERVICES_SCRIPT, type ServicesModule } from '../../lib/background/services-loader';

/**
 * The worker's start path (docs/ARCHITECTURE.md, "The worker's start path"): the start script reaches the
 * services script only through its global registration and importScripts, and a quick action on a sleeping
 * worker is begun (page script injected, capture.start sent) before the services load.
 */
const services = { startServices: () => ({}) } as unknown as ServicesModule;
const forget = () => delete (globalThis as Record<string, unknown>).__reimagineServices;

describe('services-loader', () => {
  let listeners: Array<[string, () => void]>;
  let importScripts: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    forget();
    listeners = [];
    importScripts = vi.fn(() => registerServices(services));
    vi.stubGlobal('self', { importScripts, addEventListener: (type: string, listener: () => void) => listeners.push([type, listener]) });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    forget();
  });

  it('imports the services script once, synchronously, and then uses what it registered', async () => {
    const loading = loadServicesModule();
    expect(importScripts).toHaveBeenCalledExactlyOnceWith(SERVICES_SCRIPT); // before the promise settles
    expect(await loading).toBe(services);
    expect(await loadServicesModule()).toBe(services);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('imports it while the worker installs (the only time a new script may be imported), starting nothing', () => {
    importServicesOnInstall();
    expect(importScripts).not.toHaveBeenCalled();
    const [[type, onInstall]] = listeners as [[string, () => void]];
    expect(type).toBe('install');
    onInstall();
    expect(importScripts).toHaveBeenCalledExactlyOnceWith(SERVICES_SCRIPT);
  });

  it('a script that registers nothing is a rejected load, not a crash of the listener', async () => {
    importScripts.mockImplementation(() => undefined);
    await expect(loadServicesModule()).rejects.toThrow(SERVICES_SCRIPT);
  });
});

describe('kickOffQuickCapture', () => {
  const tab = { id: 7, windowId: 1, url: 'https://site.test/page' } as never;
  const click = (menuItemId: string) => ({ menuItemId, frameId: 0, pageUrl: 'https://site.test/page', srcUrl: 'https://site.test/a.png', editable: false }) as never;
  let sent: Array<{ tabId: number; message: unknown; options: unknown }>;
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    fakeBrowser.scripting.executeScript = vi.fn(async () => [{ documentId: 'doc-1', frameId: 0, result: undefined }]) as never;
    fakeBrowser.tabs.sendMessage = vi.fn(async (tabId: number, message: unknown, options: unknown) => void sent.push({ tabId, message, options })) as never;
  });

  it('only for a quick action in a normal tab', () => {
    expect(kickOffQuickCapture(click('reimagine-edit'), tab, quickActionOf('reimagine-edit'))).toBeUndefined();
    expect(kickOffQuickCapture(click('reimagine-quick:sketch'), undefined, quickActionOf('reimagine-quick:sketch'))).toBeUndefined();
    expect(kickOffQuickCapture(click('reimagine-quick:sketch'), { id: -1 } as never, quickActionOf('reimagine-quick:sketch'))).toBeUndefined();
    expect(fakeBrowser.scripting.executeScript).not.toHaveBeenCalled();
  });

  it('stores the capture with its document, then tells exactly that document to read the picture', async () => {
    const kickoff = kickOffQuickCapture(click('reimagine-quick:sketch'), tab, quickActionOf('reimagine-quick:sketch'))!;
    await kickoff.sent;
    const { captureId } = kickoff.capture;
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/page.js'] });
    expect(await loadCapture(captureId)).toMatchObject({ tabId: 7, frameId: 0, documentId: 'doc-1', srcUrl: 'https://site.test/a.png', purpose: { kind: 'quick', actionId: 'sketch' } });
    expect(sent).toEqual([
      {
        tabId: 7,
        message: { type: 'capture.start', captureId, srcUrl: 'https://site.test/a.png', mediaType: 'image', maxEdge: IMAGE_LIMITS.maxEdge, maxBytes: IMAGE_LIMITS.maxBytes },
        options: { frameId: 0, documentId: 'doc-1' },
      },
    ]);
  });

  it('a page it cannot inject into: `sent` rejects (startCapture takes over) and the capture is stored for it', async () => {
    fakeBrowser.scripting.executeScript = vi.fn(async () => Promise.reject(new Error('Cannot access contents of the page'))) as never;
    const kickoff = kickOffQuickCapture(click('reimagine-quick:sketch'), tab, quickActionOf('reimagine-quick:sketch'))!;
    await expect(kickoff.sent).rejects.toThrow('Cannot access');
    expect(await loadCapture(kickoff.capture.captureId)).toMatchObject({ tabId: 7 });
    expect(sent).toEqual([]);
  });
});
