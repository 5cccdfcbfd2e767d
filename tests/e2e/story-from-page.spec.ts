import { expect, test } from './fixtures';
import { batchRegion, expectPictures, openGallery } from './batch-helpers';
import { openPanel, configure } from './sidepanel-helpers';
import { decodeSentImage, tabOf } from './site/helpers';
import { dispatchContextMenu } from './fixtures';
import { ui } from './i18n';

/**
 * "Make a story from this page…" (menu id `reimagine-story`, page context): the batch picker lists the page's
 * pictures; the chosen ones become a new story with one shot per picture, in page order, each starting from
 * its picture. A shot's Prompt takes a library prompt with `{variables}` filled in (the composer's own library
 * item). Run story sends one image-to-video per shot, each carrying its own picture.
 */
const GENERATIONS = '/v1/videos/generations';
const posts = (emulator: { requests: Array<{ method: string; path: string; body?: unknown }> }) => emulator.requests.filter((r) => r.method === 'POST' && r.path === GENERATIONS);

test('make a story from this page: picked pictures become shots that start from them; a library prompt with variables fills a shot', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(120_000);
  await configure(context, extensionId, emulator);
  const panel = await openPanel(context, extensionId);
  // A saved library prompt with a variable (the library is the extension origin's localStorage).
  await panel.evaluate(() =>
    localStorage.setItem(
      'reimagine.library',
      JSON.stringify({ format: 'reimagine-prompt-library', version: 1, houseStyle: '', prompts: [{ id: 'orbit', name: 'Orbit', text: 'the camera orbits {subject}', tags: [] }] }),
    ),
  );
  const page = await context.newPage();
  await openGallery(page, site);

  await dispatchContextMenu(context, { menuItemId: 'reimagine-story', pageUrl: page.url(), frameId: 0, editable: false }, await tabOf(context, page));
  const picker = batchRegion(panel);
  await expectPictures(panel, 5);
  await picker.getByRole('button', { name: ui('Select none') }).click();
  const boxes = picker.getByRole('checkbox');
  // Pictures 4 (a CSS background, 400×300), 1 (plain, 640×480) and 3 (lazy, 480×320): ticked out of order.
  for (const index of [3, 0, 2]) await boxes.nth(index).check();
  await expect(picker.getByRole('textbox', { name: ui('Batch prompt') })).toHaveCount(0); // a story has no batch prompt
  await picker.getByRole('button', { name: ui('Make a story of {count} pictures', { count: 3 }) }).click();

  const story = panel.getByRole('region', { name: ui('Story'), exact: true });
  await expect(story).toBeVisible();
  await expect(batchRegion(panel)).toHaveCount(0); // the picker closed
  const shots = story.getByRole('listitem').filter({ has: panel.getByRole('textbox', { name: ui('Prompt'), exact: true }) });
  await expect(shots).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(shots.nth(i).getByRole('combobox', { name: ui('Start') })).toHaveValue('image');
    await expect(shots.nth(i).getByRole('img', { name: ui('From a picture') })).toBeVisible({ timeout: 30_000 }); // read from the page
    await expect(shots.nth(i)).toContainText(ui('Ready'));
  }
  expect(posts(emulator)).toHaveLength(0); // nothing sent before Run story

  // Shot 1's prompt from the library, its variable filled in.
  await shots.nth(0).getByText(ui('Prompt library'), { exact: true }).click();
  await shots.nth(0).getByRole('button', { name: ui('Use {name}', { name: 'Orbit' }) }).click();
  const fill = shots.nth(0).getByRole('group', { name: ui('Fill in {name}', { name: 'Orbit' }) });
  await fill.getByRole('textbox', { name: 'subject', exact: true }).fill('the lighthouse');
  await fill.getByRole('button', { name: ui('Insert') }).click();
  await expect(shots.nth(0).getByRole('textbox', { name: ui('Prompt'), exact: true })).toHaveValue('the camera orbits the lighthouse');
  await shots.nth(1).getByRole('textbox', { name: ui('Prompt'), exact: true }).fill('waves roll in');
  await shots.nth(2).getByRole('textbox', { name: ui('Prompt'), exact: true }).fill('the light fades');

  await story.getByRole('button', { name: ui('Run story') }).click();
  await expect.poll(() => posts(emulator).length, { timeout: 30_000 }).toBe(3);
  const sent = posts(emulator).map((r) => r.body as { prompt: string; image: { url: string } });
  const byPrompt = new Map(sent.map((body) => [body.prompt, decodeSentImage(body.image.url)]));
  // Each shot carries its own picture, in page order (background, plain, lazy → plain, lazy, background).
  expect(byPrompt.get('the camera orbits the lighthouse')).toMatchObject({ width: 640, height: 480 });
  expect(byPrompt.get('waves roll in')).toMatchObject({ width: 480, height: 320 });
  expect(byPrompt.get('the light fades')).toMatchObject({ width: 400, height: 300 });
});
