import { expect, getServiceWorker, openExtensionPage, test } from './fixtures';

/**
 * The browser's UI language picks the extension's strings (browser.i18n): a Chromium started with
 * --lang=de (and LANGUAGE=de) shows Reimagine in German. The full suite can run that way with E2E_LANG=de.
 */
test.use({ uiLanguage: 'de' });

test('a browser in German shows the side panel, the menus and the numbers in German', async ({ context, extensionId }) => {
  const worker = await getServiceWorker(context);
  const fromWorker = await worker.evaluate(() => ({
    intl: chrome.i18n.getMessage('intl_locale'),
    editMenu: chrome.i18n.getMessage('menu_editImage'),
    batchMenu: chrome.i18n.getMessage('menu_batch'),
  }));
  expect(fromWorker).toEqual({ intl: 'de', editMenu: 'Bild bearbeiten…', batchMenu: 'Bilder auf dieser Seite neu gestalten…' });

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  // No key yet: the setup card, in German; once a key is saved, the composer.
  await expect(panel.getByRole('button', { name: 'Testen & speichern' })).toBeVisible();
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'settings.save', secrets: { xai: 'xai-emulator-key' } }));
  await expect(panel.getByRole('button', { name: 'Erzeugen' })).toBeVisible();
  await expect(panel.getByRole('radiogroup', { name: 'Modus' }).getByRole('radio', { name: 'Bild erstellen' })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Prompt' })).toHaveAttribute('placeholder', 'Ein Aquarellfuchs in einem verschneiten Wald…');

  const options = await openExtensionPage(context, extensionId, 'options.html');
  await expect(options.getByRole('button', { name: 'Speichern', exact: true })).toBeVisible();
  await expect(options.getByRole('heading', { name: 'Anbieter und API-Schlüssel' })).toBeVisible();
});
