import { E2E_BARE_EXTENSION_PATH, expect, openExtensionPage, test } from './fixtures';
import { readJobs } from './jobs-helpers';
import { chooseMode, configureKeyOnly, openPanel, queue, results, setting } from './sidepanel-helpers';
import { ui, uiRe } from './i18n';

/**
 * The web as production meets it: the API is https://api.x.ai, results come from imgen.x.ai / vidgen.x.ai
 * (and the resellers' CDNs), and none of those hosts sends CORS headers. The browser reaches the emulator
 * under those names through --host-resolver-rules (tests/e2e/fixtures.ts).
 */

test('a video with the shipped default base URL: the paid result is saved though vidgen.x.ai sends no CORS', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 1500 });
  await configureKeyOnly(context, extensionId);
  const panel = await openPanel(context, extensionId);
  await chooseMode(panel, 'Create video');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('waves at sunset');
  await (await setting(panel, 'Duration (s)')).fill('4');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(results(panel).locator('video')).toHaveCount(1, { timeout: 60_000 });

  const posts = emulator.requests.filter((r) => r.method === 'POST');
  expect(posts.map((r) => `${r.headers.host} ${r.path}`)).toEqual(['api.x.ai /v1/videos/generations']);
  const download = emulator.mediaRequests.find((r) => r.path.endsWith('.mp4'));
  expect(download?.headers.host).toBe('vidgen.x.ai');
  expect(download?.headers.authorization).toBeUndefined();
  const [job] = await readJobs(panel);
  expect(job).toMatchObject({ status: 'done', baseUrl: 'https://api.x.ai/v1' });
});

test.describe('a build without access to the reseller media host', () => {
  test.use({ extensionPath: E2E_BARE_EXTENSION_PATH });

  test('the result waits with "Allow access to cdn.vydra.ai"; nothing is submitted twice', async ({ context, extensionId, emulator }) => {
    // Settings straight through the page protocol (Options would ask for the media host in a prompt that
    // Playwright cannot answer — the point here is a user who has not allowed it).
    const options = await openExtensionPage(context, extensionId, 'options.html');
    const saved = await options.evaluate(async (baseUrl) => {
      const current = (await chrome.runtime.sendMessage({ type: 'settings.get' })) as { settings: { baseUrls: Record<string, string> } };
      return chrome.runtime.sendMessage({
        type: 'settings.save',
        settings: { ...current.settings, provider: 'vydra', baseUrls: { ...current.settings.baseUrls, vydra: baseUrl } },
        secrets: { vydra: 'vydra-emulator-key' },
      });
    }, emulator.vydraBaseUrl);
    expect(saved).toMatchObject({ ok: true });
    // The worker checks what is granted, not what the manifest lists.
    expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['https://cdn.vydra.ai/*'] }))).toBe(false);

    const panel = await openPanel(context, extensionId);
    await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a lighthouse');
    await panel.getByRole('button', { name: ui('Generate') }).click();

    const card = queue(panel).getByRole('article');
    await expect(card.getByRole('status')).toContainText(ui('Done at the provider, but Reimagine has no access to {host}, where the result is. Allow it to save the result — it is not generated or paid for again.', { host: 'cdn.vydra.ai' }), { timeout: 30_000 });
    await expect(card.getByRole('button', { name: ui('Allow access to {host}', { host: 'cdn.vydra.ai' }) })).toBeVisible();
    await expect(card.getByRole('button', { name: ui('Retry') })).toHaveCount(0);

    const [job] = await readJobs(panel);
    expect(job).toMatchObject({ status: 'downloading', blockedOrigin: 'https://cdn.vydra.ai', sends: 1 });
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(emulator.mediaRequests).toHaveLength(0); // nothing was even tried without access

    // The worker restarting (or a tick) does not resend or unblock it by itself.
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'engine.wake' }));
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'access.recheck' }));
    await expect.poll(async () => (await readJobs(panel))[0]?.status).toBe('downloading');
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

test('Options offers "Read images on all sites", off until the user allows it, with its reason', async ({ context, extensionId }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const toggle = options.getByRole('switch', { name: ui('Read images on all sites') });
  await expect(toggle).toBeEnabled();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toHaveAccessibleDescription(uiRe(/serve their pictures from another host/));
  // What counts is what the browser granted, not the manifest's optional list.
  expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['https://*/*', 'http://*/*'] }))).toBe(false);
});
