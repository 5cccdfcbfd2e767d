import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { expect, openExtensionPage, test } from '../e2e/fixtures';
import { readJobs, submitFromPage, waitForJobState } from '../e2e/jobs-helpers';
import { configure } from '../e2e/sidepanel-helpers';
import { makeJob } from '../unit/helpers/job-fixture';
import { writeZip, zeroBomb } from './helpers/zip-bytes';
import { raw, ui, uiList, uiMatch, uiPattern } from '../e2e/i18n';
import { ACCEPTED_MEDIA_FORMATS } from '../../lib/media/sniff';

/**
 * Issue 11, hostile archive, on the built extension: files chosen in the popup's "Import archive" input
 * are refused with a sentence, or imported as inert history, and the user's history is left as it was.
 */
const YEAR = 365 * 86_400_000;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const HTML = strToU8('<!doctype html><script>alert(document.domain)</script>');

interface Media {
  id: string;
  path: string;
  mimeType: string;
  bytes: Uint8Array;
}
const manifestOf = (jobs: unknown[], media: Media[]) =>
  strToU8(
    JSON.stringify({
      format: 'reimagine-history',
      version: 1,
      exportedAt: Date.now(),
      jobs,
      media: media.map((m) => ({ id: m.id, role: 'result', mimeType: m.mimeType, bytes: m.bytes.length, createdAt: 1, sha256: sha256(m.bytes), path: m.path })),
    }),
  );
const asFile = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });

/** A failed job from the "future", pointing at an attacker's server: Retry would have sent the key there. */
function keyTheftArchive() {
  const job = makeJob('evil-1', { createdAt: Date.now() + YEAR, status: 'failed', baseUrl: 'http://evil.test/v1', error: { kind: 'server_error', message: 'Temporary problem, retry' } });
  return asFile('key-theft.zip', zipSync({ 'manifest.json': manifestOf([{ ...job, request: { ...job.request, prompt: 'stolen key bait' } }], []) }));
}

/** A "result" that is an HTML page, labelled x/html. */
function htmlImageArchive() {
  const media: Media = { id: 'res-html', path: 'media/res-html.html', mimeType: 'x/html', bytes: HTML };
  const job = makeJob('html-1', { results: [{ mediaId: 'res-html', kind: 'image', mimeType: 'x/html', bytes: HTML.length, thumb: false }] });
  return asFile('html.zip', zipSync({ 'manifest.json': manifestOf([job], [media]), [media.path]: media.bytes }));
}

/** ~1 MiB that inflates to 1 GiB of zeros. */
function bombArchive() {
  const job = makeJob('bomb-1', { results: [{ mediaId: 'res-bomb', kind: 'image', mimeType: 'image/jpeg', bytes: 64, thumb: false }] });
  const media: Media = { id: 'res-bomb', path: 'media/res-bomb.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array(64) };
  return asFile(
    'bomb.zip',
    writeZip([
      { name: 'manifest.json', data: manifestOf([job], [media]) },
      { name: media.path, data: zeroBomb(1024), method: 8, declaredSize: 1024 * 1024 * 1024 },
    ]),
  );
}

/** Every job record and every stored file's hash: equal digests mean nothing changed. */
function profileDigest(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('reimagine');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const hash = async (blob: Blob) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('');
    const files = async (store: string) =>
      Promise.all(((await all(store)) as { id: string; blob: Blob }[]).map(async ({ blob, ...rest }) => ({ ...rest, type: blob.type, sha: await hash(blob) })));
    const digest = { jobs: await all('jobs'), media: await files('media'), thumbs: await files('thumbs') };
    db.close();
    return digest;
  });
}

test('hostile archives through the History page: refused with a sentence or imported as inert history; existing history intact', async ({ context, extensionId, emulator }) => {
  test.setTimeout(120_000);
  await configure(context, extensionId, emulator);
  const popup = await openExtensionPage(context, extensionId, 'history-page.html');
  const own = await submitFromPage(popup, { mode: 'create-image', prompt: 'my own fox', model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' });
  await waitForJobState(popup, own, ['done']);
  await popup.reload();
  const rows = popup.getByRole('list', { name: ui('History') }).getByRole('listitem');
  await expect(rows).toHaveCount(1);
  const before = await profileDigest(popup);
  const status = popup.getByRole('status');
  const input = popup.getByLabel(ui('Import archive'));

  await input.setInputFiles(bombArchive());
  await expect(status).toHaveText(ui('Nothing was imported. {reason}', { reason: ui('“{name}” is larger than {max}, the limit for one file.', { name: 'media/res-bomb.jpg', max: ui('{size} MiB', { size: 200 }) }) }), { timeout: 30_000 });
  expect(await profileDigest(popup)).toEqual(before);

  await input.setInputFiles(htmlImageArchive());
  await expect(status).toHaveText(uiMatch('Nothing was imported. {reason}', { reason: raw(uiPattern('“{name}” is not a {accepted} file (the archive calls it {claimed}).', { name: 'media/res-html.html', accepted: uiList([...ACCEPTED_MEDIA_FORMATS.image, ...ACCEPTED_MEDIA_FORMATS.video], 'disjunction') })) }, 'start'), { timeout: 30_000 });
  expect(await profileDigest(popup)).toEqual(before);
  await expect(rows).toHaveCount(1);

  await input.setInputFiles(keyTheftArchive());
  await expect(status).toHaveText(ui('Imported {count} entry.', { count: 1 }), { timeout: 30_000 });
  await expect(rows).toHaveCount(2);
  const evil = (await readJobs(popup)).find((j) => j.id === 'evil-1')!;
  expect(evil).toMatchObject({ status: 'failed', imported: true, baseUrl: '' });
  expect(evil.createdAt).toBeLessThanOrEqual(Date.now());
  const retry = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'job.retry', jobId: 'evil-1' }));
  expect(retry).toMatchObject({ ok: false, error: { message: ui('Imported jobs are history only; use Re-run to send it again with your current settings.') } });
  expect((await readJobs(popup)).find((j) => j.id === 'evil-1')?.status).toBe('failed');
  const after = await profileDigest(popup);
  expect(after.jobs).toContainEqual(before.jobs[0]);
  expect(after.media).toEqual(before.media);
  expect(after.thumbs).toEqual(before.thumbs);
});
