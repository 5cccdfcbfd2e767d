import type { Page } from '@playwright/test';
import type { Job } from '../../lib/model/job';
import { authorizationLog, startStrangerServer, type StrangerServer } from '../emulator/auth-log';
import { expect, openExtensionPage, test as base } from '../e2e/fixtures';
import { readJobs } from '../e2e/jobs-helpers';
import { configureApi } from '../e2e/site/helpers';
import { makeJob } from '../unit/helpers/job-fixture';
import { raw, ui, uiMatch, uiRe } from '../e2e/i18n';

/**
 * Key check. Every test server in this process logs each `Authorization` header it receives with the
 * origin it was addressed to (tests/emulator/auth-log.ts). The attacker's host `evil.test` is mapped to a
 * stranger's server that accepts everything. Job records pointing there — the archive key-theft file's
 * failed job, a queued one, a running video — and connection tests naming it must never carry the key
 * there; the key reaches the saved origin only.
 */
const KEY = 'xai-emulator-key'; // the one the emulator accepts: the positive control must succeed

const test = base.extend<{ stranger: StrangerServer }>({
  // eslint-disable-next-line no-empty-pattern
  stranger: async ({}, use) => {
    const stranger = await startStrangerServer();
    try {
      await use(stranger);
    } finally {
      await stranger.close();
    }
  },
  extraHostRules: async ({ stranger }, use) => use([`MAP evil.test 127.0.0.1:${stranger.port}`]),
});

/** A failed job pointing at the attacker's host: the archive key-theft file's record. */
const record = (over: Partial<Job>): Job =>
  makeJob(crypto.randomUUID(), {
    request: { mode: 'create-image', prompt: 'stolen key', model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' },
    baseUrl: 'http://evil.test/v1',
    status: 'failed',
    error: { kind: 'server_error', message: 'Temporary failure, please retry.' },
    finishedAt: Date.now(),
    ...over,
  });

/** Writes job records straight into the extension's database, as a hostile archive or an old version would have. */
async function seed(page: Page, jobs: Job[]): Promise<void> {
  await page.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('reimagine');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('jobs', 'readwrite');
          for (const job of records) tx.objectStore('jobs').put(job);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    jobs,
  );
}

const keyed = () => authorizationLog.filter((s) => s.authorization.includes(KEY));

test('Retry, the queue, polls and connection tests never carry the saved key to another origin', async ({ context, extensionId, emulator, stranger }) => {
  test.setTimeout(120_000);
  const since = authorizationLog.length;
  await configureApi(context, extensionId, emulator.apiBaseUrl, KEY);
  const saved = new URL(emulator.apiBaseUrl).origin;

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  const stolen = record({});
  const queued = record({ status: 'queued', baseUrl: 'https://evil.test/v1', request: { ...stolen.request, prompt: 'queued elsewhere' } });
  delete queued.error;
  delete queued.finishedAt;
  const running = record({
    status: 'running',
    baseUrl: 'http://evil.test/v1',
    remoteId: 'req-evil',
    submittedAt: Date.now(),
    nextPollAt: 0,
    request: { mode: 'create-video', prompt: 'polled elsewhere', model: 'grok-imagine-video', duration: 4, aspectRatio: '16:9', resolution: '480p' },
  });
  delete running.error;
  delete running.finishedAt;
  await seed(panel, [stolen, queued, running]);
  await panel.reload();

  // The key-theft file's job: one click on Retry. Refused, in words, and nothing is sent.
  const card = panel.getByRole('article', { name: /stolen key/ });
  await card.getByRole('button', { name: ui('Retry') }).click();
  await expect(card.getByRole('alert')).toContainText(uiMatch('This job was made for {origin}, but the API base URL saved for {provider} is now {saved}. Your key is only sent there: use Re-run to send it again with your current settings.', { origin: 'http://evil.test' }));

  // The queued and running records are picked up by the engine: each fails at request time, key unsent.
  await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'engine.wake' }));
  await expect
    .poll(async () => (await readJobs(panel)).filter((j) => j.id !== stolen.id).map((j) => `${j.status}:${j.error?.code ?? ''}`).sort())
    .toEqual(['failed:key_not_sent', 'failed:key_not_sent']);
  await expect(panel.getByText(uiRe(/Your API key was not sent/)).first()).toBeVisible();

  // Test connection naming the attacker's host, with the saved key (nothing typed): refused at request time.
  // (Sent as the Options page sends it: its own URL check and host-permission prompt are not the authority.)
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const viaHttps = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'connection.test', provider: 'xai', baseUrl: 'https://evil.test/v1' }));
  expect(viaHttps).toMatchObject({ ok: false, error: { code: 'key_not_sent', message: expect.stringMatching(uiMatch('your {provider} key only goes to {origin}, and this request was for {destination}. Change the base URL in Options (and Save) if you meant to use that server', { origin: raw('http://127\\.0\\.0\\.1:\\d+'), destination: 'https://evil.test' })) } });
  // Cleartext to a stranger is refused by the message schema itself (the settings rule, in the background).
  const viaHttp = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'connection.test', provider: 'xai', baseUrl: 'http://evil.test/v1' }));
  expect(viaHttp).toMatchObject({ ok: false, error: { message: expect.stringMatching(/https:\/\//) } });

  // Positive control: the saved origin does get the key (a real generation from the panel).
  await panel.getByRole('textbox', { name: ui('Prompt') }).fill('a real one');
  await panel.getByRole('button', { name: ui('Generate') }).click();
  await expect(panel.getByRole('region', { name: uiRe(/^Results/) }).getByRole('img').first()).toBeVisible({ timeout: 30_000 });

  const sightings = keyed().filter((s) => authorizationLog.indexOf(s) >= since);
  expect(sightings.length).toBeGreaterThan(0);
  expect([...new Set(sightings.map((s) => s.origin))]).toEqual([saved]);
  expect(stranger.hits).toBe(0);
  expect((await readJobs(panel)).find((j) => j.id === stolen.id)).toMatchObject({ status: 'failed', sends: 1 });
});
