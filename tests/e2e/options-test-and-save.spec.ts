import { expect, openExtensionPage, test } from './fixtures';
import { ui, uiConnected, uiRe } from './i18n';

/** Options: Test & save in one step, "Unsaved changes" as a warning, and "Add credits ↗" where credits ran out. */
test('Test & save checks the key with the provider, then saves; unsaved changes read as a warning', async ({ context, extensionId, emulator }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await expect(options.getByRole('navigation', { name: ui('Sections') }).getByRole('link')).toHaveCount(8);
  await options.getByRole('textbox', { name: ui('API key'), exact: true }).fill('xai-emulator-key');
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill(emulator.apiBaseUrl);
  const saveStatus = options.getByRole('status', { name: ui('Save status') });
  await expect(saveStatus).toHaveText(ui('Unsaved changes.'));
  await expect(saveStatus).toHaveClass(/warning/);
  await expect(saveStatus).not.toHaveClass(/success/);

  await options.getByRole('button', { name: ui('Test & save') }).click();
  await expect(options.getByRole('status', { name: ui('Connection test result') })).toHaveText(uiConnected());
  await expect(saveStatus).toHaveText(uiRe(/^Saved at /));
  expect(emulator.requests.filter((r) => r.path === '/v1/api-key').length).toBe(1);
  await options.reload();
  await expect(options.getByText(uiRe(/^Saved key: /))).toBeVisible();
});

test('a key whose team ran out of credits is not saved, and Options links to where credits are added', async ({ context, extensionId, emulator }) => {
  emulator.inject({ route: 'GET /v1/api-key', kind: 'credits_exhausted' });
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('textbox', { name: ui('API key'), exact: true }).fill('xai-emulator-key');
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill(emulator.apiBaseUrl);
  await options.getByRole('button', { name: ui('Test & save') }).click();
  await expect(options.getByRole('status', { name: ui('Connection test result') })).toHaveText(ui('This key works, but its team has no credits left.'));
  await expect(options.getByRole('link', { name: ui('Add credits ↗') })).toHaveAttribute('href', 'https://console.x.ai');
  await expect(options.getByRole('status', { name: ui('Save status') })).toHaveText(ui('Unsaved changes.'));
});
