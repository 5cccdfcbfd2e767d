import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ImagineClient } from '../../lib/api/client';
import { ImagineError } from '../../lib/errors/taxonomy';
import { createRouter } from '../../lib/background/router';
import { saveSecrets, saveSettings } from '../../lib/background/state/settings-store';
import type { Job } from '../../lib/model/job';
import { PROVIDERS } from '../../lib/providers/registry';
import { setKeyDestinationPolicy } from '../../lib/security/key-origin';
import { savedOriginPolicy } from '../../lib/settings/saved-origin-policy';
import { DEFAULT_SETTINGS, type Secrets, type Settings } from '../../lib/settings/schema';
import { getJob, putJob } from '../../lib/storage/jobs';
import { createHarness, freshDatabase, waitForJob } from '../unit/helpers/engine-harness';
import { makeJob } from '../unit/helpers/job-fixture';

/**
 * Attack: get the user's saved key sent somewhere else — an imported/forged job record, a retry, a
 * connection test naming another base URL, a redirect. The guard in lib/api/http.ts must refuse before
 * fetch is ever called, whatever built the request.
 */
const SAVED_KEY = 'xai-the-users-real-key';
const settings: Settings = { ...DEFAULT_SETTINGS, baseUrls: { ...DEFAULT_SETTINGS.baseUrls, xai: 'https://api.x.ai/v1' } };
const secrets: Secrets = { xai: SAVED_KEY };

const ok = () => new Response(JSON.stringify({ data: [{ url: 'https://imgen.x.ai/a.jpeg' }] }), { status: 200, headers: { 'content-type': 'application/json' } });
function stub(respond: () => Response = ok) {
  const urls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return respond();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, urls };
}
async function refusal(promise: Promise<unknown>): Promise<ImagineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImagineError);
  return error as ImagineError;
}
const createImage = (api: ImagineClient) => api.generateImages({ prompt: 'x', model: 'grok-imagine-image', n: 1 });

afterEach(() => setKeyDestinationPolicy(undefined));

describe('request-time key guard (lib/api/http.ts)', () => {
  beforeEach(() => setKeyDestinationPolicy(savedOriginPolicy(async () => ({ settings, secrets }))));

  it('sends the saved key to the saved origin', async () => {
    const { fetch, urls } = stub();
    await createImage(new ImagineClient({ apiKey: SAVED_KEY, baseUrl: 'https://api.x.ai/v1', fetch }));
    expect(urls).toEqual(['https://api.x.ai/v1/images/generations']);
  });

  it.each(['http://evil.test/v1', 'https://evil.test/v1', 'https://api.x.ai.evil.test/v1', 'https://api.x.ai:8443/v1', 'http://api.x.ai/v1'])(
    'refuses to send the saved key to %s, without calling fetch',
    async (baseUrl) => {
      const { fetch, urls } = stub();
      const error = await refusal(createImage(new ImagineClient({ apiKey: SAVED_KEY, baseUrl, fetch })));
      expect(error.code).toBe('key_not_sent');
      expect(error.message).toMatch(/Your API key was not sent/);
      expect(urls).toEqual([]);
    },
  );

  it('lets a key typed in Options (not saved yet) go only to an https or loopback URL', async () => {
    const { fetch, urls } = stub();
    await createImage(new ImagineClient({ apiKey: 'xai-typed-now', baseUrl: 'https://other.example/v1', fetch }));
    await createImage(new ImagineClient({ apiKey: 'xai-typed-now', baseUrl: 'http://127.0.0.1:9/v1', fetch }));
    expect(await refusal(createImage(new ImagineClient({ apiKey: 'xai-typed-now', baseUrl: 'http://evil.test/v1', fetch })))).toMatchObject({ code: 'key_not_sent' });
    expect(urls).toEqual(['https://other.example/v1/images/generations', 'http://127.0.0.1:9/v1/images/generations']);
  });

  it('never follows a redirect with the key', async () => {
    const { fetch, urls } = stub(() => new Response(null, { status: 302, headers: { location: 'https://evil.test/steal' } }));
    const error = await refusal(createImage(new ImagineClient({ apiKey: SAVED_KEY, baseUrl: 'https://api.x.ai/v1', fetch })));
    expect(error.message).toMatch(/redirect/);
    expect(urls).toEqual(['https://api.x.ai/v1/images/generations']);
  });
});

describe('without the background policy, cleartext is still refused', () => {
  it('refuses http:// to anything but loopback', async () => {
    const { fetch, urls } = stub();
    expect(await refusal(createImage(new ImagineClient({ apiKey: 'k', baseUrl: 'http://evil.test/v1', fetch })))).toMatchObject({ code: 'key_not_sent' });
    expect(urls).toEqual([]);
  });
});

/** A failed job record pointing at the attacker's host, as a hostile archive would carry it. */
const forgedJob = (over: Partial<Job>): Job =>
  makeJob(crypto.randomUUID(), { baseUrl: 'http://evil.test/v1', status: 'failed', error: { kind: 'server_error', message: 'Try again' }, ...over });

describe('jobs whose base URL is not the saved one', () => {
  const saved = 'http://127.0.0.1:9/v1'; // nothing listens: any request that leaves would fail as network
  let fetchSpy: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    freshDatabase();
    fetchSpy = vi.spyOn(globalThis, 'fetch');
  });
  afterEach(() => fetchSpy.mockRestore());

  function harness() {
    const h = createHarness(saved);
    setKeyDestinationPolicy(savedOriginPolicy(async () => ({ settings: h.settings, secrets: { xai: 'xai-emulator-key' } })));
    return h;
  }

  it('Retry of a failed job made for another origin is refused and nothing is sent', async () => {
    const h = harness();
    const job = forgedJob({});
    await putJob(job);
    const result = await h.engine.retry(job.id);
    expect(result).toMatchObject({ ok: false, error: { code: 'key_not_sent' } });
    expect(result.ok ? '' : result.error.message).toMatch(/made for http:\/\/evil\.test.*127\.0\.0\.1:9.*Re-run/);
    expect((await getJob(job.id))?.status).toBe('failed');
    expect(fetchSpy).not.toHaveBeenCalled();
    h.kill();
  });

  it('an imported job is never retried, even when its base URL looks right', async () => {
    const h = harness();
    const job = forgedJob({ baseUrl: saved, imported: true });
    await putJob(job);
    expect(await h.engine.retry(job.id)).toMatchObject({ ok: false, error: { message: /Re-run/ } });
    expect(fetchSpy).not.toHaveBeenCalled();
    h.kill();
  });

  it('a queued job record pointing elsewhere fails at request time with the key unsent', async () => {
    const h = harness();
    const job = forgedJob({ status: 'queued', baseUrl: 'https://evil.test/v1' });
    delete job.error;
    await putJob(job);
    await h.engine.tick();
    const failed = await waitForJob(job.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'key_not_sent' } });
    expect(fetchSpy).not.toHaveBeenCalled();
    h.kill();
  });
});

describe('router: retry and connection.test', () => {
  const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
  let fetchSpy: ReturnType<typeof vi.spyOn>;
  beforeEach(async () => {
    fakeBrowser.reset();
    freshDatabase();
    await saveSettings(settings);
    await saveSecrets(secrets);
    setKeyDestinationPolicy(savedOriginPolicy(async () => ({ settings, secrets })));
    fetchSpy = vi.spyOn(globalThis, 'fetch');
  });
  afterEach(() => fetchSpy.mockRestore());

  it('refuses a retry command for an imported job', async () => {
    const h = createHarness(settings.baseUrls.xai);
    const job = forgedJob({ baseUrl: settings.baseUrls.xai, imported: true });
    await putJob(job);
    const route = createRouter({ engine: h.engine, providers: PROVIDERS, onContent: vi.fn(), onPageExtra: vi.fn(), onCaptureFallback: vi.fn(), onBatch: {} as never, onStory: {} as never });
    expect(await route({ type: 'job.retry', jobId: job.id }, page())).toMatchObject({ ok: false });
    expect((await getJob(job.id))?.status).toBe('failed');
    h.kill();
  });

  it('validates the base URL of connection.test in the background (Options alone is not enough)', async () => {
    const testConnection = vi.fn(async () => 'Connected');
    const route = createRouter({ engine: {} as never, providers: { xai: { testConnection } } as never, onContent: vi.fn(), onPageExtra: vi.fn(), onCaptureFallback: vi.fn(), onBatch: {} as never, onStory: {} as never });
    const reply = await route({ type: 'connection.test', provider: 'xai', baseUrl: 'http://evil.test/v1' }, page());
    expect(reply).toMatchObject({ ok: false, error: { message: /https:\/\// } });
    expect(testConnection).not.toHaveBeenCalled();
  });

  it('a connection test naming another https origin does not get the saved key', async () => {
    const route = createRouter({ engine: {} as never, providers: PROVIDERS, onContent: vi.fn(), onPageExtra: vi.fn(), onCaptureFallback: vi.fn(), onBatch: {} as never, onStory: {} as never });
    const reply = await route({ type: 'connection.test', provider: 'xai', baseUrl: 'https://evil.test/v1' }, page());
    expect(reply).toMatchObject({ ok: false, error: { code: 'key_not_sent' } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
