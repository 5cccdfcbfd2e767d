import { dispatchCommand, expect, getServiceWorker, openExtensionPage, test } from './fixtures';
import { readJobs, submitFromPage, videoRequest, waitForJobState } from './jobs-helpers';
import { configure, openPanel, queue } from './sidepanel-helpers';
import { configureApi, nextRequest, rightClick, tabOf } from './site/helpers';
import { ui } from './i18n';

/**
 * Keyboard shortcuts (manifest `commands`, lib/keyboard/). A real key press can't reach Chrome's command
 * dispatcher from Playwright, so the command is dispatched through the `commands` API inside the worker,
 * which runs the real listener (not a user gesture: sidePanel.open/close are stubbed to see the calls).
 */
const edits = (emulator: { requests: { method: string; path: string; body: unknown }[] }) =>
  emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/edits').map((r) => r.body as { prompt: string; image: unknown });

test('the repeat shortcut runs the last quick action again on the last image right-clicked', async ({ context, extensionId, emulator, site }) => {
  await configureApi(context, extensionId, emulator.apiBaseUrl);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const tab = await tabOf(context, page);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');

  await rightClick(context, page, '#plain', 'reimagine-quick:golden-hour');
  await nextRequest(emulator, '/v1/images/edits', 0);
  await expect.poll(async () => (await readJobs(panel)).filter((j) => j.status === 'done').length, { timeout: 30_000 }).toBe(1);

  // From another tab: the shortcut acts on the remembered image, not on whatever tab has focus.
  await dispatchCommand(context, 'repeat-quick-action', { id: tab.id, windowId: tab.windowId });
  await expect.poll(() => edits(emulator).length, { timeout: 30_000 }).toBe(2);
  const [first, second] = edits(emulator);
  expect(second?.prompt).toBe(first?.prompt);
  expect(second?.prompt).toMatch(/golden-hour/);
  expect(JSON.stringify(second?.image)).toBe(JSON.stringify(first?.image)); // the same image, read again
  await expect.poll(async () => (await readJobs(panel)).filter((j) => j.status === 'done').length, { timeout: 30_000 }).toBe(2);
  const jobs = await readJobs(panel);
  expect(jobs.map((j) => j.request.mode)).toEqual(['edit-image', 'edit-image']);
  expect(new Set(jobs.map((j) => j.origin?.via))).toEqual(new Set(['quick-action']));
  expect(jobs.every((j) => j.origin?.tabId === tab.id)).toBe(true);
});

test('the repeat shortcut with nothing to repeat says so, and sends nothing', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const worker = await getServiceWorker(context);
  await dispatchCommand(context, 'repeat-quick-action');
  await expect
    .poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).length), { timeout: 15_000 })
    .toBeGreaterThan(0);
  expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
});

test('the panel shortcut opens the panel in the window, and closes a panel that is open there', async ({ context, extensionId, site }) => {
  const page = await context.newPage();
  await page.goto(site.url('/'));
  const tab = await tabOf(context, page);
  const worker = await getServiceWorker(context);
  await worker.evaluate(() => {
    const calls: unknown[] = [];
    (globalThis as unknown as { panelCalls: unknown[] }).panelCalls = calls;
    const api = chrome.sidePanel as unknown as Record<string, unknown>;
    api.open = (o: unknown) => (calls.push(['open', o]), Promise.resolve());
    api.close = (o: unknown) => (calls.push(['close', o]), Promise.resolve());
  });
  const calls = () => worker.evaluate(() => (globalThis as unknown as { panelCalls: unknown[] }).panelCalls);

  await dispatchCommand(context, 'toggle-side-panel', { id: tab.id, windowId: tab.windowId });
  expect(await calls()).toEqual([['open', { windowId: tab.windowId }]]);

  // A side panel in that window keeps a port named after it (lib/keyboard/panel-port.ts); this stands in for it.
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.evaluate((windowId) => {
    const port = chrome.runtime.connect({ name: `reimagine-panel:${windowId}` });
    const got: unknown[] = [];
    (globalThis as unknown as { got: unknown[] }).got = got;
    port.onMessage.addListener((m) => got.push(m));
  }, tab.windowId);
  await expect.poll(async () => {
    await dispatchCommand(context, 'toggle-side-panel', { id: tab.id, windowId: tab.windowId });
    return panel.evaluate(() => (globalThis as unknown as { got: unknown[] }).got.length);
  }).toBeGreaterThan(0);
  expect(await panel.evaluate(() => (globalThis as unknown as { got: unknown[] }).got[0])).toBe('close-panel');
  expect(await calls()).toContainEqual(['close', { windowId: tab.windowId }]);
});

test('in the panel, / focuses the prompt and Esc cancels the focused job (once, never re-sent)', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 600_000 });
  await configure(context, extensionId, emulator);
  const panel = await openPanel(context, extensionId);
  const prompt = panel.getByRole('textbox', { name: ui('Prompt') });
  await panel.locator('body').click({ position: { x: 2, y: 2 } });
  await panel.keyboard.press('/');
  await expect(prompt).toBeFocused();
  await panel.keyboard.type('a/b');
  await expect(prompt).toHaveValue('a/b'); // typing a slash in a field is just a slash

  const id = await submitFromPage(panel, videoRequest('cancel me with Esc'));
  await waitForJobState(panel, id, ['running']);
  const card = queue(panel).getByRole('article', { name: /cancel me with Esc/ });
  await card.focus();
  await panel.keyboard.press('Escape');
  expect((await waitForJobState(panel, id, ['cancelled', 'failed', 'done'])).status).toBe('cancelled');
  expect(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos/generations')).toHaveLength(1);
  // Esc in the prompt field cancels nothing.
  await prompt.focus();
  await panel.keyboard.press('Escape');
  await expect(prompt).toHaveValue('a/b');
});
