import {
  dispatchContextMenu,
  expect,
  getServiceWorker,
  getServiceWorkerStatus,
  killServiceWorker,
  launchContext,
  test,
  wakeServiceWorker,
} from './fixtures';

type Marked = { __e2eMarker?: number };

test('the built extension loads and its service worker survives a kill/wake cycle', async ({ context, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);

  const worker = await getServiceWorker(context);
  expect(worker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
  expect(await worker.evaluate(() => chrome.runtime.id)).toBe(extensionId);
  expect(await getServiceWorkerStatus(context)).toBe('running');

  // In-memory state lives in the worker's global scope: it must be gone after a kill.
  await worker.evaluate(() => {
    (globalThis as Marked).__e2eMarker = 42;
  });

  await killServiceWorker(context);
  expect(await getServiceWorkerStatus(context)).toBe('stopped');
  // Nothing wakes it by itself: getServiceWorker waits for a running worker and gives up.
  await expect(getServiceWorker(context, 1_000)).rejects.toThrow(/not running/);

  const revived = await wakeServiceWorker(context, extensionId);
  expect(revived.url()).toBe(`chrome-extension://${extensionId}/background.js`);
  expect(await revived.evaluate(() => (globalThis as Marked).__e2eMarker)).toBeUndefined();
  expect(await revived.evaluate(() => chrome.runtime.id)).toBe(extensionId);
  expect(await getServiceWorkerStatus(context)).toBe('running');

  // A second cycle works too (handles are re-fetched, not cached).
  await killServiceWorker(context);
  await wakeServiceWorker(context);
  expect(await (await getServiceWorker(context)).evaluate(() => 1 + 1)).toBe(2);
});

test('dispatchContextMenu reaches onClicked listeners inside the worker', async ({ context }) => {
  const worker = await getServiceWorker(context);
  await worker.evaluate(() => {
    chrome.contextMenus.onClicked.addListener((info, tab) => {
      (globalThis as { __e2eClicked?: unknown }).__e2eClicked = { id: info.menuItemId, src: info.srcUrl, tab: tab?.id };
    });
  });
  await dispatchContextMenu(
    context,
    { menuItemId: 'e2e-probe', srcUrl: 'http://127.0.0.1/x.png', editable: false, pageUrl: 'http://127.0.0.1/' },
    { id: 7, index: 0, url: 'http://127.0.0.1/' },
  );
  expect(await worker.evaluate(() => (globalThis as { __e2eClicked?: unknown }).__e2eClicked)).toEqual({
    id: 'e2e-probe',
    src: 'http://127.0.0.1/x.png',
    tab: 7,
  });
});

test.describe('on a profile of its own (the browser is closed and relaunched)', () => {
  test.use({ ownBrowser: true });

  test('launchContext relaunches on the same profile with the same extension and storage', async ({
    context,
    userDataDir,
    extensionId,
  }) => {
    const worker = await getServiceWorker(context);
    await worker.evaluate(() => chrome.storage.local.set({ e2eProbe: 'kept' }));
    await context.close();

    const relaunched = await launchContext(userDataDir);
    try {
      const again = await getServiceWorker(relaunched);
      expect(new URL(again.url()).host).toBe(extensionId);
      expect(await again.evaluate(() => chrome.storage.local.get('e2eProbe'))).toEqual({ e2eProbe: 'kept' });
    } finally {
      await relaunched.close();
    }
  });
});

test('the emulator fixture is up and reset between tests', async ({ emulator }) => {
  expect(emulator.apiBaseUrl).toBe(`${emulator.url}/v1`);
  expect(emulator.requests).toHaveLength(0);
});
