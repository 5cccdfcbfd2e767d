import { expect, getServiceWorker, openExtensionPage, test } from './fixtures';
import { submitFromPage, videoRequest, waitForJobState } from './jobs-helpers';
import { configure } from './sidepanel-helpers';

test('badge counts active jobs; a job finishing while no Reimagine page is open raises a notification that opens it', async ({ context, extensionId, emulator }) => {
  test.setTimeout(60_000);
  emulator.configure({ videoRenderMs: 6_000 });
  await configure(context, extensionId, emulator);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const id = await submitFromPage(page, videoRequest('notify me'));
  await waitForJobState(page, id, ['running']);
  const worker = await getServiceWorker(context);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  await page.close(); // no Reimagine page open any more

  await expect
    .poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 30_000 })
    .toEqual([`reimagine-job:${id}`]);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

  // Clicking the notification opens the result.
  const opened = context.waitForEvent('page');
  await worker.evaluate((notificationId) => (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(notificationId), `reimagine-job:${id}`);
  const tab = await opened;
  expect(tab.url()).toContain(`sidepanel.html?job=${id}`);
  const done = await waitForJobState(tab, id, ['done']);
  // The video got a poster-frame thumbnail (decoded in the offscreen document) for history.
  expect(done.results[0]?.thumb).toBe(true);
});
