import { expect, test } from './fixtures';
import { configure, openPanel } from './sidepanel-helpers';
import { openExtensionPage } from './fixtures';
import { raw, ui, uiConnected, uiMatch, uiRe } from './i18n';

test('options → side panel → text-to-image: the emulator’s image renders in Results', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const panel = await openPanel(context, extensionId);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a lighthouse at dusk');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const image = panel.getByRole('region', { name: uiRe(/^Results/) }).getByRole('img').first();
  await expect(image).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const sent = emulator.requests.filter((r) => r.path === '/v1/images/generations');
  expect(sent).toHaveLength(1);
  expect(sent[0]?.headers.authorization).toBe('Bearer xai-emulator-key');
  expect((sent[0]?.body as { prompt: string }).prompt).toBe('a lighthouse at dusk');
});

test('a wrong key shows a clear "invalid key" message, not a stack trace, and keeps the prompt', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator, 'xai-wrong-key');
  const panel = await openPanel(context, extensionId);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('will not work');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(panel.getByText(uiRe(/Invalid API key/)).first()).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText(/at \w+ \(|TypeError|stack/)).toHaveCount(0);
  await expect(panel.getByRole('textbox', { name: ui('Prompt') })).toHaveValue('will not work');
});

test('Test connection says in words whether the key works', async ({ context, extensionId, emulator }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('textbox', { name: ui('API base URL') }).fill(emulator.apiBaseUrl);
  await options.getByRole('textbox', { name: ui('API key') }).fill('xai-emulator-key');
  await options.getByRole('button', { name: ui('Test connection') }).click();
  await expect(options.getByText(uiConnected())).toBeVisible();
  await options.getByRole('textbox', { name: ui('API key') }).fill('xai-nope');
  await options.getByRole('button', { name: ui('Test connection') }).click();
  // The sentence shows in the connection result and may also be announced in the page's live region. It
  // never sends the user to Options: they are on it, holding the key.
  const refused = options.getByRole('status', { name: ui('Connection test result') });
  await expect(refused).toHaveText(ui('{provider} rejected this key. Copy it again from the console, with nothing before or after it.', { provider: 'xAI' }));
  await expect(refused).not.toContainText(uiRe(/Options/));
  await expect.poll(() => emulator.requests.filter((r) => r.path === '/v1/api-key').length).toBe(2);
});

test('a rate-limited job says so in the queue, counts down, and is then sent once more', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  emulator.inject({ route: 'POST /v1/images/generations', kind: 'rate_limit', retryAfter: 3 });
  const panel = await openPanel(context, extensionId);
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('busy provider');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const queue = panel.getByRole('region', { name: uiRe(/^Queue/) });
  await expect(queue.getByText(uiMatch('Rate limited by the provider: sending again in {duration}. The request was not processed, so nothing was charged.', { duration: raw('\\d.*?') }))).toBeVisible();
  await expect(panel.getByRole('region', { name: uiRe(/^Results/) }).getByRole('img').first()).toBeVisible({ timeout: 20_000 });
  // The 429 was not processed; the one resend is the only accepted submission.
  expect(emulator.requests.filter((r) => r.path === '/v1/images/generations')).toHaveLength(2);
});
