import type { BrowserContext, Page } from '@playwright/test';
import { expect, openExtensionPage, test } from './fixtures';
import { ui, uiRe } from './i18n';
import { EMULATOR_KEY, results } from './sidepanel-helpers';

/**
 * First run, as a new user meets it: a fresh profile installs Reimagine, the welcome page opens by itself,
 * and the first result is at most five user actions away (get a key, paste it, Test & save, try the sample,
 * Generate). Every click or paste below goes through `act`, which counts it.
 */
test.describe('first run', () => {
  test.use({ ownBrowser: true });

  test('install → welcome page → first result in at most 5 user actions', async ({ context, extensionId, emulator }) => {
    let actions = 0;
    const act = async <T>(step: Promise<T>): Promise<T> => {
      actions += 1;
      return step;
    };
    const welcome = await welcomePage(context, extensionId);

    // Until a key is saved, the side panel shows the same setup card instead of a composer.
    const early = await openExtensionPage(context, extensionId, 'sidepanel.html');
    await expect(early.getByRole('button', { name: ui('Test & save') })).toBeVisible();
    await expect(early.getByRole('button', { name: ui('Generate') })).toHaveCount(0);
    await early.close();

    // 1. Get a key ↗: the provider's console, in a new tab (the emulator's key stands in for the one made there).
    const getKey = welcome.getByRole('link', { name: ui('Get a key ↗') });
    await expect(getKey).toHaveAttribute('href', 'https://console.x.ai');
    const [consoleTab] = await Promise.all([context.waitForEvent('page'), act(getKey.click())]);
    await consoleTab.close();

    // A wrong key is refused, with a sentence that does not send the user elsewhere, and is not saved.
    await welcome.getByRole('textbox', { name: ui('API key') }).fill('xai-not-a-real-key');
    await welcome.getByRole('button', { name: ui('Test & save') }).click();
    await expect(welcome.getByRole('alert')).toContainText(ui('{provider} rejected this key. Copy it again from the console, with nothing before or after it.', { provider: 'xAI' }));
    await expect(welcome.getByRole('alert')).not.toContainText(uiRe(/Options/));
    await expect(welcome.getByRole('button', { name: ui('Try it on this picture') })).toBeDisabled();
    actions = 1; // the mistake above is this test's, not the user's path

    // 2. Paste the key; 3. Test & save (tested against the provider, saved because it works).
    await act(welcome.getByRole('textbox', { name: ui('API key') }).fill(EMULATOR_KEY));
    await act(welcome.getByRole('button', { name: ui('Test & save') }).click());
    await expect(welcome.getByRole('status').filter({ hasText: uiRe(/^Key saved\./) })).toBeVisible();

    // 4. Try it on this picture: the side panel opens with the sample and a prompt. Playwright cannot see
    // the real side panel, so the same page is open as a tab, where the hand-over arrives too.
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
    await act(welcome.getByRole('button', { name: ui('Try it on this picture') }).click());
    await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toHaveValue(ui('Turn this into a watercolour painting with soft, loose brush strokes.'));
    await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();

    // 5. Generate.
    await act(panel.getByRole('button', { name: ui('Generate') }).click());
    await expect(results(panel).getByRole('img').first()).toBeVisible({ timeout: 30_000 });
    expect(emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/images/edits')).toHaveLength(1);
    expect(actions).toBeLessThanOrEqual(5);
  });
});

/** The welcome tab the install opened by itself (no user action). */
async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  await expect.poll(() => context.pages().some((p) => p.url() === url)).toBe(true);
  const page = context.pages().find((p) => p.url() === url)!;
  await page.waitForLoadState('load');
  return page;
}
