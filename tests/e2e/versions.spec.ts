import type { Locator, Page } from '@playwright/test';
import { expect, openExtensionPage, test } from './fixtures';
import { bodiesOf, chooseMode, configure, openPanel, results, setting, setupPanel, tileAction, tiles } from './sidepanel-helpers';
import { overlayFor, rightClick } from './site/helpers';
import { ui } from './i18n';

/**
 * Versions (issue 26): a generation edited twice from the same parent, one child edited again → a tree of
 * 4 versions on 3 levels; Compare the two siblings; Continue from the root makes it the source of a new
 * edit, which lands under the root.
 */
const tile = (panel: Page, prompt: string) => results(panel).getByRole('article', { name: ui('Image: {title}', { title: prompt }) });

async function generateFrom(panel: Page, from: Locator | undefined, prompt: string, expected: number) {
  if (from) {
    await (await tileAction(from, 'Edit this')).click();
    await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  }
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill(prompt);
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(tiles(panel)).toHaveCount(expected, { timeout: 20_000 });
}

test('Versions: a tree of edits, Compare two siblings, Continue from the root; the popup groups them by picture', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  await chooseMode(panel, 'Create image');
  await (await setting(panel, 'Count')).fill('1');
  await generateFrom(panel, undefined, 'a lighthouse', 1);
  await generateFrom(panel, tile(panel, 'a lighthouse'), 'make it night', 2);
  await generateFrom(panel, tile(panel, 'a lighthouse'), 'add snow', 3);
  await generateFrom(panel, tile(panel, 'make it night'), 'add stars', 4);
  expect(bodiesOf(emulator, '/v1/images/edits')).toHaveLength(3);

  // 4 versions on 3 levels, rooted at the first generation, whichever version it is opened from.
  await (await tileAction(tile(panel, 'add stars'), 'Versions')).click();
  const tree = panel.getByRole('tree', { name: ui('Versions') });
  const item = (prompt: string) => tree.getByRole('treeitem', { name: prompt, exact: true });
  await expect(tree.getByRole('treeitem')).toHaveCount(4);
  const levels = { 'a lighthouse': '1', 'make it night': '2', 'add stars': '3', 'add snow': '2' };
  for (const [prompt, level] of Object.entries(levels)) await expect(item(prompt)).toHaveAttribute('aria-level', level);
  await expect(tree.getByRole('treeitem').first()).toHaveAccessibleName('a lighthouse');
  // The version it was opened from holds the tab stop.
  await expect(item('add stars')).toHaveAttribute('tabindex', '0');

  // Compare the two siblings: the earlier one on the left.
  const compare = panel.getByRole('button', { name: ui('Compare'), exact: true });
  await expect(compare).toBeDisabled();
  await item('make it night').click();
  await item('add snow').press('Space'); // the keyboard chooses too
  await expect(item('make it night')).toHaveAttribute('aria-selected', 'true');
  await expect(item('add snow')).toHaveAttribute('aria-selected', 'true');
  await compare.click();
  await expect(panel.getByRole('slider', { name: ui('Compare position') })).toBeVisible();
  const dialog = panel.getByRole('dialog', { name: ui('Versions') });
  await expect(dialog.getByRole('img', { name: 'make it night' })).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'add snow' })).toBeVisible();
  await expect(dialog.getByText(ui('Left: {left}. Right: {right}.', { left: 'make it night', right: 'add snow' }))).toBeVisible();
  await panel.getByRole('button', { name: ui('Back to the versions') }).click();

  // Continue from the root: it becomes the source of a new edit, which lands under it.
  await item('make it night').click();
  await item('add snow').click();
  await item('a lighthouse').click();
  await panel.getByRole('button', { name: ui('Continue from here') }).click();
  await expect(tree).toBeHidden();
  await expect(panel.getByRole('radio', { name: ui('Edit image') })).toBeChecked();
  await generateFrom(panel, undefined, 'in fog', 5);
  await (await tileAction(tile(panel, 'in fog'), 'Versions')).click();
  await expect(tree.getByRole('treeitem')).toHaveCount(5);
  await expect(item('in fog')).toHaveAttribute('aria-level', '2');
  await panel.keyboard.press('Escape');
  await expect(tree).toBeHidden();

  // The History page can group the entries by picture: five versions of one picture are one row.
  const popup = await openExtensionPage(context, extensionId, 'history-page.html');
  const list = popup.getByRole('list', { name: ui('History') });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await popup.getByRole('checkbox', { name: ui('Group by picture') }).check();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toHaveAccessibleName('in fog'); // the newest version leads
  const show = list.getByRole('button', { name: ui('{count} versions', { count: 5 }) });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await list.getByRole('button', { name: ui('Hide versions') }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  // The choice is remembered.
  await popup.reload();
  await expect(popup.getByRole('checkbox', { name: ui('Group by picture') })).toBeChecked();
  await expect(list.getByRole('listitem')).toHaveCount(1);
});

test('on a page image: the overlay steps through its versions, Replace shows any of them, Revert brings back the page’s own', async ({ context, extensionId, emulator, site }) => {
  await configure(context, extensionId, emulator);
  const page = await context.newPage();
  await page.goto(site.url('/'));
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const img = page.locator('#plain');
  const original = await img.getAttribute('src');
  await rightClick(context, page, '#plain', 'reimagine-quick:sketch');
  const overlay = await overlayFor(page, '#plain');
  await overlay.expectButton('Replace', { timeout: 30_000 });
  await overlay.expectNoButton('Previous version'); // one version: nothing to step through

  // An edit of that result, made in the panel, is a second version of the same page image.
  const panel = await openPanel(context, extensionId);
  await expect(tiles(panel)).toHaveCount(1, { timeout: 30_000 });
  await generateFrom(panel, tiles(panel).first(), 'in winter', 2);
  await page.bringToFront();
  await overlay.expectButton('Previous version', { timeout: 30_000 });
  await overlay.expectButton('Next version');

  await overlay.click('Replace');
  await expect(img).toHaveAttribute('src', /^blob:/);
  const second = await img.getAttribute('src');
  await overlay.click('Previous version');
  await expect.poll(() => overlay.status()).toBe(ui('Version {n} of {total}', { n: '1', total: '2' }));
  await expect.poll(() => overlay.offeredButtons()).toContain(ui('Next version')); // at the first version, Previous is disabled
  await expect(img).not.toHaveAttribute('src', second ?? '');
  await expect(img).toHaveAttribute('src', /^blob:/);
  await overlay.click('Next version');
  await expect.poll(() => overlay.status()).toBe(ui('Version {n} of {total}', { n: '2', total: '2' }));
  await overlay.click('Revert');
  await expect(img).toHaveAttribute('src', original ?? '');
});
