import { expect, test } from './fixtures';
import { chooseMode, openPanel, queue, setting, setupPanel, tiles } from './sidepanel-helpers';
import { ui, uiMatch, uiRe, uiUsd } from './i18n';

test('live queue: two panels agree, cancel, retry, and the failure reason', async ({ context, extensionId, emulator }) => {
  emulator.configure({ videoRenderMs: 120_000 });
  const panel = await setupPanel(context, extensionId, emulator);
  await chooseMode(panel, 'Create video');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a slow sunrise');
  await (await setting(panel, 'Duration (s)')).fill('2');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const card = queue(panel).getByRole('article', { name: `${ui('Create video')}: a slow sunrise` });
  await expect(card).toHaveAttribute('data-status', 'running', { timeout: 15_000 });
  await expect(card).toContainText(uiMatch('{duration} elapsed'));
  await expect(card.getByRole('progressbar')).toBeVisible();

  // A second panel opened mid-job shows the true state, and follows the first one's actions.
  const second = await openPanel(context, extensionId);
  const card2 = queue(second).getByRole('article', { name: `${ui('Create video')}: a slow sunrise` });
  await expect(card2).toHaveAttribute('data-status', 'running');

  await card.getByRole('button', { name: ui('Cancel') }).click();
  await expect(card).toHaveAttribute('data-status', 'cancelled');
  await expect(card2).toHaveAttribute('data-status', 'cancelled');

  // Retry from the second panel; the provider finishes; both panels show the result.
  await card2.getByRole('button', { name: ui('Retry') }).click();
  await expect(card).toHaveAttribute('data-status', 'running', { timeout: 15_000 });
  emulator.finishAllVideos();
  await expect(tiles(panel)).toHaveCount(1, { timeout: 30_000 });
  await expect(tiles(second)).toHaveCount(1);
  await expect(card).toHaveCount(0);
  await expect(panel.getByTestId('announcer')).toContainText(ui('Video ready: {prompt}', { prompt: 'a slow sunrise' }));

  // A failure shows the specific reason and what to do.
  emulator.inject({ kind: 'credits_exhausted', route: 'POST /v1/images/generations' });
  await chooseMode(panel, 'Create image');
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a lighthouse');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const failed = queue(panel).getByRole('article', { name: `${ui('Create image')}: a lighthouse` });
  await expect(failed).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
  await expect(failed).toContainText(ui('Credits exhausted: your team has used its credits or reached its spending limit. Add credits in the provider console.'));
  await expect(panel.getByTestId('announcer')).toContainText(uiMatch('{mode} failed. {reason}', { mode: ui('Create image') }));
  await failed.getByRole('button', { name: ui('Retry') }).click();
  await expect(tiles(panel)).toHaveCount(2, { timeout: 15_000 });
  await expect(failed).toHaveCount(0);
});

test('the daily spending cap blocks a new job with a clear message', async ({ context, extensionId, emulator }) => {
  const panel = await setupPanel(context, extensionId, emulator);
  await panel.evaluate(async () => {
    const got = (await chrome.runtime.sendMessage({ type: 'settings.get' })) as { settings: Record<string, unknown> };
    await chrome.runtime.sendMessage({ type: 'settings.save', settings: { ...got.settings, dailySpendCapUsd: 0.05 } });
  });
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a teapot');
  await expect(panel.getByText(ui('Today: {spent} of your {cap} daily cap.', { spent: uiUsd(0), cap: uiUsd(0.05) }))).toBeVisible();
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(tiles(panel)).toHaveCount(1, { timeout: 15_000 });

  // $0.04 spent (Grok Imagine 2.0, quality low); another $0.04 would pass $0.05.
  await expect(panel.getByText(uiRe(/this job would pass the cap/))).toBeVisible();
  await panel.getByRole('button', { name: ui('Generate') }).click();
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText(ui('Daily spending cap reached.'));
  await expect(alert).toContainText(uiRe(/Raise the cap in Options/));
  // uiRe: "Open Options" is also the no-key sentence's link text, which a language may word differently.
  await expect(alert.getByRole('button', { name: uiRe(/^Open Options$/) })).toBeVisible();
  expect(emulator.requests.filter((r) => r.path === '/v1/images/generations')).toHaveLength(1);
});
