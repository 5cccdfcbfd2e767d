import { readFile } from 'node:fs/promises';
import { expect, openExtensionPage, test } from './fixtures';
import { setupPanel } from './sidepanel-helpers';
import { nextRequest, rightClick } from './site/helpers';
import { escapeRe, raw, ui, uiMatch, uiRe } from './i18n';

/**
 * The prompt library on the built extension, in one browser context: save a prompt with two variables,
 * export, delete, import it back (and a hostile file that changes nothing), then use it from a quick
 * action with both variables filled in Options, and check the prompt the next right-click sends.
 */
test('library: save, export/import round trip, hostile import, and a two-variable prompt in a quick action', async ({ context, extensionId, emulator, site }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  const prompt = panel.getByRole('textbox', { name: ui('Prompt'), exact: true });
  await prompt.fill('A portrait of {subject} in the style of {style}');
  await panel.getByText(ui('Prompt library'), { exact: true }).click();
  await panel.getByRole('textbox', { name: ui('Save as') }).fill('Portrait');
  await panel.getByRole('textbox', { name: ui('Tags') }).fill('people, art');
  await panel.getByRole('button', { name: ui('Save to library') }).click();
  const saved = panel.getByRole('list', { name: ui('Saved prompts') });
  await expect(saved.getByRole('listitem', { name: 'Portrait' })).toBeVisible();

  // Use it with its variables filled in the panel.
  await prompt.fill('');
  await saved.getByRole('button', { name: ui('Use {name}', { name: 'Portrait' }) }).click();
  const fill = panel.getByRole('group', { name: ui('Fill in {name}', { name: 'Portrait' }) });
  await fill.getByRole('textbox', { name: 'subject', exact: true }).fill('a fox');
  await fill.getByRole('textbox', { name: 'style', exact: true }).fill('Hokusai');
  await fill.getByRole('button', { name: ui('Insert') }).click();
  await expect(prompt).toHaveValue('A portrait of a fox in the style of Hokusai');

  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: ui('Export library') }).click()]);
  const exported = await readFile((await download.path())!, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'reimagine-prompt-library', prompts: [{ name: 'Portrait', tags: ['people', 'art'] }] });

  await saved.getByRole('button', { name: ui('Delete {name}', { name: 'Portrait' }) }).click();
  await expect(saved.getByRole('listitem')).toHaveCount(0);
  const importFile = panel.getByLabel(ui('Import library file'));
  await importFile.setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(panel.getByRole('status').filter({ hasText: ui('Imported {added}.', { added: ui('{count} prompt', { count: 1 }) }) })).toBeVisible();
  await expect(saved.getByRole('listitem', { name: 'Portrait' })).toBeVisible();
  await importFile.setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"reimagine-prompt-library","version":1,"prompts":[{"id":1}]}') });
  await expect(panel.getByRole('alert').filter({ hasText: uiMatch('Nothing was imported: {reason}.', { reason: raw(`.*\\(${escapeRe(ui('prompt {n}', { n: 1 }))}, id\\)`) }, 'whole') })).toBeVisible();
  await expect(saved.getByRole('listitem')).toHaveCount(1);

  // Options: quick action 1 takes the library prompt with both variables filled.
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('combobox', { name: ui('Library prompt for {target}', { target: ui('quick action {n}', { n: 1 }) }) }).selectOption({ label: 'Portrait' });
  await options.getByRole('textbox', { name: ui('{slot} for {target}', { slot: 'subject', target: ui('quick action {n}', { n: 1 }) }) }).fill('a cat');
  await options.getByRole('textbox', { name: ui('{slot} for {target}', { slot: 'style', target: ui('quick action {n}', { n: 1 }) }) }).fill('Vermeer');
  await options.getByRole('button', { name: ui('Use in {target}', { target: ui('quick action {n}', { n: 1 }) }) }).click();
  await expect(options.getByLabel(ui('Prompt of quick action {n}', { n: 1 }))).toHaveValue('A portrait of a cat in the style of Vermeer');
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByRole('status', { name: ui('Save status') })).toHaveText(uiRe(/^Saved at/));

  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const since = emulator.requests.length;
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  expect((await nextRequest(emulator, '/v1/images/edits', since)).prompt).toBe('A portrait of a cat in the style of Vermeer');
});
