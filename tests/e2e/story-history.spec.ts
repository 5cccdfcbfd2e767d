import { expect, openExtensionPage, test } from './fixtures';
import { configure } from './sidepanel-helpers';
import { raw, ui, uiMatch } from './i18n';

/**
 * A story is ONE history entry: on the History page one row with a Story badge, the number of shots and
 * "Open story" (its shots are not listed one by one), one tile in the popup's recent grid, and none among
 * the panel's results (the story editor holds them). Opening it brings the story editor back with its shots.
 */
test('a story is one history entry (History page and popup) that opens back into the story editor', async ({ context, extensionId, emulator }) => {
  test.setTimeout(120_000);
  await configure(context, extensionId, emulator);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('button', { name: ui('Story'), exact: true }).click();
  const story = panel.getByRole('region', { name: ui('Story'), exact: true });
  for (let i = 0; i < 2; i++) await story.getByRole('button', { name: ui('Add shot') }).click();
  const shots = story.getByRole('listitem');
  await shots.nth(0).getByRole('textbox', { name: ui('Prompt'), exact: true }).fill('a harbour at dawn');
  await shots.nth(1).getByRole('textbox', { name: ui('Prompt'), exact: true }).fill('gulls take off');
  await shots.nth(1).getByRole('combobox', { name: ui('Start') }).selectOption('prompt');
  await story.getByRole('button', { name: ui('Run story') }).click();
  await expect.poll(() => emulator.videoJobs().length, { timeout: 30_000 }).toBe(2);
  emulator.finishAllVideos();
  for (let i = 0; i < 2; i++) await expect(shots.nth(i)).toContainText(ui('Done'), { timeout: 60_000 });
  // The shots live in the story, not one by one in the panel's results.
  await expect(panel.getByText(ui('No results yet.'), { exact: true })).toBeVisible();
  await panel.close();

  const history = await openExtensionPage(context, extensionId, 'history-page.html');
  const entries = history.getByRole('list', { name: ui('History') }).getByRole('listitem');
  await expect(entries).toHaveCount(1); // not one per shot
  const entry = entries.first();
  await expect(entry).toHaveAccessibleName(uiMatch('Story: {prompt}', { prompt: raw('(a harbour at dawn|gulls take off)') }, 'whole'));
  await expect(entry).toContainText(ui('{count} shots', { count: 2 }));

  // Opening it (here the side panel cannot open: it falls back to a tab) brings the editor back.
  await history.evaluate(() => {
    (chrome.sidePanel as unknown as { open: () => Promise<void> }).open = () => Promise.reject(new Error('no side panel in this test'));
  });
  const [opened] = await Promise.all([context.waitForEvent('page'), entry.getByRole('button', { name: ui('Open story') }).click()]);
  expect(opened.url()).toContain('/sidepanel.html?story=');
  const reopened = opened.getByRole('region', { name: ui('Story'), exact: true });
  await expect(reopened.getByRole('listitem')).toHaveCount(2);
  await expect(reopened.getByRole('listitem').nth(0).getByRole('textbox', { name: ui('Prompt'), exact: true })).toHaveValue('a harbour at dawn');
  await expect(reopened.getByRole('listitem').nth(1)).toContainText(ui('Done'));

  // The popup's recent grid: one Story tile.
  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  const recent = popup.getByRole('list', { name: ui('Recent results') }).getByRole('button');
  await expect(recent).toHaveCount(1);
  await expect(recent.first()).toHaveAccessibleName(uiMatch('Open {title} in the story editor', { title: raw('.+') }, 'whole'));
});
