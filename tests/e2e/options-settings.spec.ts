import type { Page } from '@playwright/test';
import { expect, openExtensionPage, test } from './fixtures';
import { ui, uiConnected, uiRe } from './i18n';

const saveStatus = (options: Page) => options.getByRole('status', { name: ui('Save status') });
const settingsOf = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ type: 'settings.get' }));

test('every setting round-trips through Save and a reload; the key stays masked until revealed', async ({ context, extensionId, emulator }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const key = options.getByRole('textbox', { name: ui('API key'), exact: true });
  await expect(key).toHaveAttribute('type', 'password');
  // No key saved yet: the vision section says so (decided by the error's code, in any language)…
  const visionStatus = options.locator('section[aria-labelledby="vision-h"]').getByRole('status');
  await expect(visionStatus).toHaveText(ui('Save your API key to list the models it may use.'));
  await key.fill('xai-emulator-key');
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill(emulator.apiBaseUrl);
  await options.getByRole('button', { name: ui('Test connection') }).click();
  await expect(options.getByRole('status', { name: ui('Connection test result') })).toHaveText(uiConnected());

  // Defaults
  await options.getByLabel(ui('Image model')).fill('grok-imagine-image-quality');
  await options.getByLabel(ui('Image aspect ratio')).selectOption('16:9');
  await options.getByLabel(ui('Image resolution')).selectOption('2k');
  await options.getByLabel(ui('Images per request')).fill('4');
  await options.getByLabel(ui('Video model')).fill('grok-imagine-video-1.5');
  await options.getByLabel(ui('Video aspect ratio')).selectOption('9:16');
  await options.getByLabel(ui('Video resolution')).selectOption('720p');
  await options.getByLabel(ui('Video duration (seconds)')).fill('10');
  await options.getByLabel(ui('Extension length (seconds)')).fill('4');
  // Quick actions: edit the first, delete the second, add one, move it to the top
  await options.getByLabel(ui('Name of quick action {n}', { n: 1 })).fill('Charcoal');
  await options.getByRole('button', { name: ui('Delete “{name}”', { name: ui('Golden-hour light') }) }).click();
  await options.getByRole('button', { name: ui('Add quick action') }).click();
  await options.getByLabel(ui('Name of quick action {n}', { n: 3 })).fill('Make it snow');
  await options.getByLabel(ui('Mode of quick action {n}', { n: 3 })).selectOption('animate-image');
  await options.getByLabel(ui('Prompt of quick action {n}', { n: 3 })).fill('Gentle snow starts falling.');
  await options.getByRole('button', { name: ui('Move “{name}” up', { name: 'Make it snow' }) }).click();
  // Jobs and history, privacy
  await options.getByLabel(ui('Jobs running at once')).fill('2');
  await options.getByLabel(ui('Daily spending cap (USD)')).fill('1.5');
  await options.getByLabel(uiRe(/Notify me/)).uncheck();
  await options.getByLabel(ui('Keep at most (entries)')).fill('500');
  await options.getByLabel(ui('Delete entries older than (days)')).fill('30');
  await options.getByLabel(ui('Keep history under (MB)')).fill('200');
  await options.getByRole('radio', { name: uiRe(/URLs, when the image is public/) }).check();
  await options.getByLabel(uiRe(/Remember which page/)).uncheck();

  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(saveStatus(options)).toHaveText(uiRe(/^Saved at/));
  // …and lists the new key's models as soon as it is saved, without a reload or a click on Refresh.
  await expect(visionStatus).toHaveText(ui('{count} model of your key takes images.', { count: 1 }));

  const { settings, maskedKeys } = await settingsOf(options);
  expect(maskedKeys.xai).toBe('xai-••••-key');
  expect(settings).toMatchObject({
    provider: 'xai',
    baseUrls: { xai: emulator.apiBaseUrl },
    defaults: {
      image: { model: 'grok-imagine-image-quality', aspectRatio: '16:9', resolution: '2k', n: 4, outputFormat: 'jpeg' },
      video: { model: 'grok-imagine-video-1.5', aspectRatio: '9:16', resolution: '720p', duration: 10, extendDuration: 4 },
    },
    concurrency: 2,
    dailySpendCapUsd: 1.5,
    notifications: false,
    retention: { maxCount: 500, maxAgeDays: 30, maxMegabytes: 200 },
    privacy: { sendImagesAs: 'url', rememberSourcePages: false },
  });
  expect(settings.quickActions.map((a: { title: string; mode: string }) => [a.title, a.mode])).toEqual([
    ['Charcoal', 'edit-image'],
    ['Make it snow', 'animate-image'],
    [ui('Subtle push-in'), 'animate-image'],
  ]);

  // A reload shows what was saved; the key is masked until "Show key".
  await options.reload();
  await expect(options.getByLabel(ui('Image resolution'))).toHaveValue('2k');
  await expect(options.getByLabel(ui('Keep history under (MB)'))).toHaveValue('200');
  await expect(options.getByLabel(ui('Name of quick action {n}', { n: 2 }))).toHaveValue('Make it snow');
  await expect(options.getByLabel(uiRe(/Remember which page/))).not.toBeChecked();
  await expect(key).toHaveValue('');
  await expect(key).toHaveAttribute('placeholder', 'xai-••••-key');
  await options.getByRole('button', { name: ui('Show key') }).click();
  await expect(key).toHaveValue('xai-emulator-key');
  await expect(key).toHaveAttribute('type', 'text');
  await options.getByRole('button', { name: ui('Hide key') }).click();
  await expect(key).toHaveAttribute('type', 'password');

  // Clearing the cap and a retention bound saves them as "none".
  await options.getByLabel(ui('Daily spending cap (USD)')).fill('');
  await options.getByLabel(ui('Keep at most (entries)')).fill('');
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(saveStatus(options)).toHaveText(uiRe(/^Saved at/));
  expect((await settingsOf(options)).settings).toMatchObject({ dailySpendCapUsd: null, retention: { maxCount: null, maxAgeDays: 30 } });
});

test('bad values are explained inline and nothing is saved', async ({ context, extensionId }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('textbox', { name: ui('API base URL'), exact: true }).fill('ftp://example.org');
  await options.getByLabel(ui('Jobs running at once')).fill('50');
  await options.getByLabel(ui('Keep history under (MB)')).fill('5');
  await options.getByLabel(ui('Name of quick action {n}', { n: 1 })).fill('');
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(saveStatus(options)).toHaveText(ui('Not saved: fix the fields marked below.'));
  await expect(options.getByRole('textbox', { name: ui('API base URL'), exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByText(ui('Use an https:// URL (http:// only for localhost).'))).toBeVisible();
  await expect(options.getByText(ui('At most 10.'))).toBeVisible();
  await expect(options.getByText(ui('Must be at least {min}.', { min: 50 }))).toBeVisible();
  await expect(options.getByText(ui('Give the action a name.'))).toBeVisible();
  const { settings } = await settingsOf(options);
  expect(settings.concurrency).toBe(3);
  expect(settings.baseUrls.xai).toBe('https://api.x.ai/v1');
});
