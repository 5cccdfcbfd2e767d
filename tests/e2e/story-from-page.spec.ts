import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { expect, openExtensionPage, test } from './fixtures';
import { readMp4Xmp } from '../../lib/export/mp4-metadata';
import { batchRegion, expectPictures, openGallery, storyPickerRegion } from './batch-helpers';
import { openPanel, configure } from './sidepanel-helpers';
import { decodeSentImage, tabOf } from './site/helpers';
import { dispatchContextMenu } from './fixtures';
import { ui, uiRe } from './i18n';

/**
 * "Make a story from this page…" (menu id `reimagine-story`, page context): the batch picker lists the page's
 * pictures; the chosen ones become a new story with one shot per picture, in page order, each starting from
 * its picture. A shot's Prompt takes a library prompt with `{variables}` filled in (the composer's own library
 * item). Run story sends one image-to-video per shot, each carrying its own picture. The pictures differ in
 * shape, so the shots come back in different sizes: Download story re-encodes them (WebCodecs) to one size,
 * with a progress bar, keeps the sound, and writes each shot's prompt and model — and, with the Options
 * switch on, the page's address — into the file.
 */
const GENERATIONS = '/v1/videos/generations';
const posts = (emulator: { requests: Array<{ method: string; path: string; body?: unknown }> }) => emulator.requests.filter((r) => r.method === 'POST' && r.path === GENERATIONS);

test('make a story from this page: picked pictures become shots that start from them; a library prompt with variables fills a shot', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(120_000);
  await configure(context, extensionId, emulator);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('checkbox', { name: ui('Write the source page’s address into downloaded files') }).check();
  await options.getByRole('button', { name: ui('Save'), exact: true }).click();
  await expect(options.getByText(uiRe(/^Saved(\.| at)/))).toBeVisible();
  await options.close();
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
  const picker = storyPickerRegion(panel);
  await expectPictures(panel, 5, picker);
  // The story's own heading and intro, not the batch's.
  await expect(picker.getByRole('heading', { name: ui('Pictures for your story') })).toBeVisible();
  await expect(picker).toContainText(ui('Each picture you tick becomes one shot of the story, in page order, starting from that picture.'));
  await expect(batchRegion(panel)).toHaveCount(0);
  await picker.getByRole('button', { name: ui('Select none') }).click();
  const boxes = picker.getByRole('checkbox');
  // Pictures 4 (a CSS background, 400×300), 1 (plain, 640×480) and 3 (lazy, 480×320): ticked out of order.
  for (const index of [3, 0, 2]) await boxes.nth(index).check();
  await expect(picker.getByRole('textbox', { name: ui('Batch prompt') })).toHaveCount(0); // a story has no batch prompt
  await picker.getByRole('button', { name: ui('Make a story of {count} pictures', { count: 3 }) }).click();

  const story = panel.getByRole('region', { name: ui('Story'), exact: true });
  await expect(story).toBeVisible();
  await expect(storyPickerRegion(panel)).toHaveCount(0); // the picker closed
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

  // The shots render at their pictures' shapes (4:3, 3:2, 4:3): joining them needs a re-encode.
  emulator.finishAllVideos();
  for (let i = 0; i < 3; i++) await expect(shots.nth(i)).toContainText(ui('Done'), { timeout: 60_000 });
  await panel.evaluate(() => {
    const seen = ((window as unknown as { __seen: string[] }).__seen = [] as string[]);
    new MutationObserver(() => {
      const bar = document.querySelector('progress[aria-label]');
      if (bar) seen.push(`${bar.getAttribute('aria-label')}|${bar.parentElement?.querySelector('[role=status]')?.textContent ?? ''}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const saved = panel.waitForEvent('download', { timeout: 90_000 });
  const refused = story
    .getByRole('alert')
    .waitFor({ timeout: 90_000 })
    .then(async () => Promise.reject(new Error(`Download story refused: ${await story.getByRole('alert').innerText()}`)));
  refused.catch(() => undefined);
  await story.getByRole('button', { name: ui('Download story') }).click();
  const download = await Promise.race([saved, refused]);
  const seen = await panel.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.some((entry) => entry.startsWith(`${ui('Story file')}|`) && entry.includes(ui('Re-encoding the shots to one size and format… {percent}', { percent: '' }).trim().slice(0, 12)))).toBe(true);
  await expect(story.getByRole('progressbar')).toHaveCount(0); // gone once the file is saved

  const bytes = readFileSync((await download.path())!);
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const video = (await input.getPrimaryVideoTrack())!;
  expect(await input.computeDuration()).toBeCloseTo(18, 0); // 3 shots of 6 s
  const sizes = [await video.getDisplayWidth(), await video.getDisplayHeight()];
  expect(sizes[0]! / sizes[1]!).toBeCloseTo(4 / 3, 1); // the first shot's frame; the 3:2 shot fitted inside it
  expect(await input.getPrimaryAudioTrack()).not.toBeNull(); // sound kept through the re-encode
  const xmp = readMp4Xmp(new Uint8Array(bytes))!;
  expect(xmp).toContain('<reimagine:Shots><rdf:Seq>');
  expect(xmp).toContain('reimagine:Prompt="the camera orbits the lighthouse"');
  expect(xmp.match(/reimagine:Model="grok-imagine-video[^"]*"/g)?.length).toBeGreaterThanOrEqual(3);
  expect(xmp).toContain(`reimagine:SourcePage="${page.url()}"`); // the Options switch is on
  expect((await input.getMetadataTags()).comment).toContain('2. waves roll in');
  input.dispose();
});

test('a story picture the worker may not read: the shot offers Allow access (then reads it again) and another Start', async ({ context, extensionId, emulator, site }) => {
  test.setTimeout(90_000);
  await configure(context, extensionId, emulator);
  const panel = await openPanel(context, extensionId);
  const page = await context.newPage();
  await openGallery(page, site);
  await dispatchContextMenu(context, { menuItemId: 'reimagine-story', pageUrl: page.url(), frameId: 0, editable: false }, await tabOf(context, page));
  const picker = storyPickerRegion(panel);
  await expectPictures(panel, 5, picker);
  await picker.getByRole('button', { name: ui('Select none') }).click();
  await picker.getByRole('checkbox', { name: /cdn\.test/ }).check(); // this build holds no access to cdn.test
  await picker.getByRole('button', { name: ui('Make a story of {count} picture', { count: 1 }) }).click();

  const story = panel.getByRole('region', { name: ui('Story'), exact: true });
  const shot = story.getByRole('listitem').filter({ has: panel.getByRole('textbox', { name: ui('Prompt'), exact: true }) });
  const noAccess = ui('Reimagine does not have access to {host}, where this image is stored.', { host: 'cdn.test' });
  await expect(shot.getByRole('alert')).toContainText(noAccess, { timeout: 30_000 });
  await expect(shot).toContainText(ui('The picture could not be read'));
  await expect(shot).toContainText(ui('You can also choose another Start below, or delete this shot.'));
  const allow = shot.getByRole('button', { name: ui('Allow access to {host}', { host: 'cdn.test' }) });
  await expect(allow).toBeVisible();

  // Playwright cannot answer the browser's prompt: "Allow" is stood in for, and every message the panel sends
  // after it is recorded with the worker's reply. The grant itself is cdn-granted.spec.ts's build; here the
  // point is that the click reads the same capture again (no new right-click), and the worker, still without
  // access, says so again in the shot.
  await panel.evaluate(() => {
    const log: Array<{ type: string; captureId?: string; ok?: boolean }> = [];
    (window as unknown as { __sent: typeof log }).__sent = log;
    chrome.permissions.request = (() => Promise.resolve(true)) as unknown as typeof chrome.permissions.request;
    const original = chrome.runtime.sendMessage.bind(chrome.runtime) as (message: unknown) => Promise<{ ok?: boolean }>;
    chrome.runtime.sendMessage = (async (message: { type: string; captureId?: string }) => {
      const reply = await original(message);
      log.push({ type: message.type, captureId: message.captureId, ok: reply?.ok });
      return reply;
    }) as unknown as typeof chrome.runtime.sendMessage;
  });
  await allow.click();
  const sent = () => panel.evaluate(() => (window as unknown as { __sent: Array<{ type: string; captureId?: string; ok?: boolean }> }).__sent);
  await expect.poll(async () => (await sent()).find((m) => m.type === 'capture.retry'), { timeout: 30_000 }).toMatchObject({ ok: false, captureId: expect.any(String) });
  expect((await sent()).map((m) => m.type)).toContain('access.recheck');
  await expect(shot.getByRole('alert')).toContainText(noAccess);
  await expect(shot.getByText(ui('This image is no longer waiting; right-click it again.'))).toHaveCount(0); // the capture was found

  // The other way out: another Start. The shot is ready, and its picture's error is gone.
  await shot.getByRole('combobox', { name: ui('Start') }).selectOption('prompt');
  await expect(shot).toContainText(ui('Ready'));
  await expect(shot.getByRole('alert')).toHaveCount(0);
  expect(posts(emulator)).toHaveLength(0);
});
