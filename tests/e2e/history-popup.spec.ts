import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, getServiceWorker, launchContext, openExtensionPage, test } from './fixtures';
import { readJobs, submitFromPage, waitForJobState } from './jobs-helpers';
import { configure } from './sidepanel-helpers';
import { escapeRe, ui, uiRe, uiUsd } from './i18n';

const image = (prompt: string) => ({ mode: 'create-image' as const, prompt, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1' as const, resolution: '1k' as const });

async function idOf(context: BrowserContext): Promise<string> {
  return new URL((await getServiceWorker(context)).url()).host;
}

/** Two finished image jobs and one failed one, made through the real background against the emulator. */
async function makeHistory(page: Page, emulator: { inject(f: unknown): void }): Promise<string[]> {
  const fox = await submitFromPage(page, image('a red fox in the snow'));
  await waitForJobState(page, fox, ['done']);
  const boat = await submitFromPage(page, image('a paper boat on a pond'));
  await waitForJobState(page, boat, ['done']);
  emulator.inject({ kind: 'moderation_http', route: 'POST /v1/images/generations' });
  const blocked = await submitFromPage(page, image('a forbidden picture'));
  await waitForJobState(page, blocked, ['failed']);
  return [fox, boat, blocked];
}

const rows = (popup: Page) => popup.getByRole('list', { name: ui('History') }).getByRole('listitem');
const row = (popup: Page, prompt: string) => popup.getByRole('listitem', { name: prompt });

/** Every visible thumbnail <img> has decoded pixels. */
async function thumbsPainted(popup: Page, count: number): Promise<void> {
  await expect
    .poll(() => popup.locator('[role=listitem] img.thumb').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length))
    .toBeGreaterThanOrEqual(count);
}

test.describe('on a profile of its own (the browser is closed and relaunched)', () => {
  test.use({ ownBrowser: true });

  test('history survives a browser restart; search, filters, re-run and delete work', async ({ context, extensionId, emulator, userDataDir }) => {
    await configure(context, extensionId, emulator);
    const page = await openExtensionPage(context, extensionId, 'history-page.html');
    await makeHistory(page, emulator);
    await context.close();

    const relaunched = await launchContext(userDataDir);
    try {
      const popup = await openExtensionPage(relaunched, await idOf(relaunched), 'history-page.html');
      await expect(rows(popup)).toHaveCount(3);
      // newest first, with status, mode, model and cost
      await expect(rows(popup).first()).toHaveAccessibleName('a forbidden picture');
      await expect(row(popup, 'a forbidden picture')).toContainText(ui('Failed'));
      await expect(row(popup, 'a red fox in the snow')).toContainText(new RegExp([ui('Done'), ui('Create image'), 'Grok Imagine 1.0', uiUsd(0.02)].map(escapeRe).join('.*')));
      await thumbsPainted(popup, 2);

      await popup.getByRole('searchbox', { name: ui('Search prompts') }).fill('BOAT pond');
      await expect(rows(popup)).toHaveCount(1);
      await expect(rows(popup).first()).toHaveAccessibleName('a paper boat on a pond');
      await popup.getByRole('searchbox', { name: ui('Search prompts') }).fill('');
      await popup.getByRole('combobox', { name: ui('Status') }).selectOption('failed');
      await expect(rows(popup)).toHaveCount(1);
      await popup.getByRole('combobox', { name: ui('Status') }).selectOption('all');
      await popup.getByRole('combobox', { name: ui('Kind') }).selectOption('video');
      await expect(popup.getByText(ui('Nothing matches these filters.'))).toBeVisible();
      await popup.getByRole('combobox', { name: ui('Kind') }).selectOption('all');
      const today = new Date();
      const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      await popup.getByLabel(ui('{label} date', { label: ui('From') })).fill(iso(new Date(today.getTime() + 86_400_000)));
      await expect(rows(popup)).toHaveCount(0);
      await popup.getByLabel(ui('{label} date', { label: ui('From') })).fill(iso(today));
      await expect(rows(popup)).toHaveCount(3);

      // Re-run: a new job with the same request, listed at the top, finished by the background.
      await row(popup, 'a red fox in the snow').getByRole('button', { name: ui('Re-run') }).click();
      await expect(popup.getByRole('status').filter({ hasText: ui('Started again.') })).toBeVisible();
      await expect(rows(popup)).toHaveCount(4);
      await expect(rows(popup).first()).toHaveAccessibleName('a red fox in the snow');
      await expect(rows(popup).first()).toContainText(ui('Done'), { timeout: 30_000 });
      const jobs = await readJobs(popup);
      const reruns = jobs.filter((j) => j.request.prompt === 'a red fox in the snow');
      expect(reruns).toHaveLength(2);
      expect(reruns.map((j) => j.origin?.via).sort()).toEqual(['rerun', undefined].sort());

      // Delete one, then bulk-delete two.
      await row(popup, 'a paper boat on a pond').getByRole('button', { name: ui('Delete') }).click();
      await expect(rows(popup)).toHaveCount(3);
      await popup.getByRole('checkbox', { name: ui('Select: {label}', { label: 'a forbidden picture' }) }).check();
      await rows(popup).first().getByRole('checkbox').check();
      await popup.getByRole('button', { name: ui('Delete selected') }).click();
      await popup.getByRole('button', { name: ui('Confirm delete {count}', { count: 2 }) }).click();
      await expect(rows(popup)).toHaveCount(1);
      expect((await readJobs(popup)).map((j) => j.request.prompt)).toEqual(['a red fox in the snow']);
    } finally {
      await relaunched.close();
    }
  });
});

test('export, then import into a fresh profile: same entries, media intact, import is idempotent', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const popup = await openExtensionPage(context, extensionId, 'history-page.html');
  await makeHistory(popup, emulator);
  await popup.reload();
  await expect(rows(popup)).toHaveCount(3);
  const mediaDigest = (p: Page) =>
    p.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('reimagine');
        open.onsuccess = () => resolve(open.result);
      });
      const all = await new Promise<{ id: string; blob: Blob }[]>((resolve) => {
        const req = db.transaction('media').objectStore('media').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      const out: Record<string, string> = {};
      for (const m of all) {
        const hash = await crypto.subtle.digest('SHA-256', await m.blob.arrayBuffer());
        out[m.id] = Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
      }
      return out;
    });
  const before = await mediaDigest(popup);
  const jobsBefore = (await readJobs(popup)).map((j) => ({ id: j.id, prompt: j.request.prompt, status: j.status })).sort((a, b) => a.id.localeCompare(b.id));

  const downloading = popup.waitForEvent('download');
  await popup.getByRole('button', { name: ui('Export all') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^reimagine-history-\d{4}-\d{2}-\d{2}\.zip$/);
  const dir = await mkdtemp(path.join(tmpdir(), 'reimagine-export-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);

  const freshDir = await mkdtemp(path.join(tmpdir(), 'reimagine-e2e-fresh-'));
  const fresh = await launchContext(freshDir);
  try {
    const other = await openExtensionPage(fresh, await idOf(fresh), 'history-page.html');
    await expect(other.getByText(uiRe(/No generations yet/))).toBeVisible();
    await other.getByLabel(ui('Import archive')).setInputFiles(file);
    await expect(other.getByRole('status').filter({ hasText: ui('Imported {count} entries.', { count: 3 }) })).toBeVisible({ timeout: 30_000 });
    await expect(rows(other)).toHaveCount(3);
    await thumbsPainted(other, 2);
    const jobsAfter = (await readJobs(other)).map((j) => ({ id: j.id, prompt: j.request.prompt, status: j.status })).sort((a, b) => a.id.localeCompare(b.id));
    expect(jobsAfter).toEqual(jobsBefore);
    expect(await mediaDigest(other)).toEqual(before);
    // No key or settings travel with the archive.
    const settings = await other.evaluate(() => chrome.runtime.sendMessage({ type: 'settings.get' }));
    expect(settings.maskedKeys.xai).toBeUndefined();
    expect(settings.settings.baseUrls.xai).toBe('https://api.x.ai/v1');

    await other.getByLabel(ui('Import archive')).setInputFiles(file);
    await expect(other.getByRole('status').filter({ hasText: `${ui('Imported {count} entries.', { count: 0 })} ${ui('{count} already present.', { count: 3 })}` })).toBeVisible({ timeout: 30_000 });
    await expect(rows(other)).toHaveCount(3);
  } finally {
    await fresh.close();
    await rm(freshDir, { recursive: true, force: true }).catch(() => undefined);
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
});

test('storage meter, one-click purge of the oldest, and Copy prompt', async ({ context, emulator }) => {
  test.setTimeout(90_000);
  const extensionId = await idOf(context);
  await configure(context, extensionId, emulator);
  const page = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const ids: string[] = [];
  for (let i = 0; i < 11; i++) ids.push(await submitFromPage(page, image(`entry number ${i}`)));
  for (const id of ids) await waitForJobState(page, id, ['done']);

  const popup = await openExtensionPage(context, extensionId, 'history-page.html');
  await expect(popup.getByRole('meter', { name: ui('Storage used') })).toBeVisible();
  await expect(popup.getByText(uiRe(/used of .* available/))).toBeVisible();

  // Copy prompt: record what reaches the clipboard.
  await popup.evaluate(() => {
    (window as unknown as { copied: string[] }).copied = [];
    navigator.clipboard.writeText = async (text: string) => void (window as unknown as { copied: string[] }).copied.push(text);
  });
  await row(popup, 'entry number 10').getByRole('button', { name: ui('Copy prompt') }).click();
  await expect.poll(() => popup.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual(['entry number 10']);

  await popup.getByRole('combobox', { name: ui('How many to purge') }).selectOption('10');
  await popup.getByRole('button', { name: ui('Purge oldest') }).click();
  await expect(rows(popup)).toHaveCount(1);
  await expect(row(popup, 'entry number 10')).toBeVisible();
  expect((await readJobs(page)).map((j) => j.request.prompt)).toEqual(['entry number 10']);
});

test('the popup is a launcher: open the side panel, search, recent results; the full History opens in a tab', async ({ context, extensionId, emulator }) => {
  await configure(context, extensionId, emulator);
  const popup = await openExtensionPage(context, extensionId, 'popup.html');
  const fox = await submitFromPage(popup, image('a red fox in the snow'));
  const boat = await submitFromPage(popup, image('a paper boat on a pond'));
  for (const id of [fox, boat]) await waitForJobState(popup, id, ['done']);
  await popup.reload();

  // No admin screen: no filters, purge, export or import here.
  await expect(popup.getByRole('button', { name: ui('Open side panel') })).toBeVisible();
  for (const gone of [popup.getByRole('combobox', { name: ui('Kind') }), popup.getByRole('button', { name: ui('Export all') }), popup.getByLabel(ui('Import archive'))]) await expect(gone).toHaveCount(0);

  const recent = popup.getByRole('list', { name: ui('Recent results') }).getByRole('button');
  await expect(recent).toHaveCount(2);
  await expect(recent.first()).toHaveAccessibleName(ui('Open {title} in the side panel', { title: 'a paper boat on a pond' }));
  await popup.getByRole('searchbox', { name: ui('Search prompts') }).fill('fox');
  await expect(recent).toHaveCount(1);
  await expect(recent.first()).toHaveAccessibleName(ui('Open {title} in the side panel', { title: 'a red fox in the snow' }));

  // Enter in the search opens the full History in a tab, searching the same words.
  const [history] = await Promise.all([context.waitForEvent('page'), popup.getByRole('searchbox', { name: ui('Search prompts') }).press('Enter')]);
  await history.waitForLoadState();
  expect(history.url()).toContain('/history-page.html?q=fox');
  await expect(history.getByRole('searchbox', { name: ui('Search prompts') })).toHaveValue('fox');
  await expect(history.getByRole('list', { name: ui('History') }).getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('button', { name: ui('Export all') })).toBeVisible();
});
