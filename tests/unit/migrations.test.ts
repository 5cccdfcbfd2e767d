import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JOB_SCHEMA_VERSION } from '../../lib/model/job';
import { migrateSettings } from '../../lib/settings/migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../lib/settings/schema';
import { db, DB_NAME, DB_VERSION, resetDbConnection } from '../../lib/storage/db';
import { listActiveJobs } from '../../lib/storage/jobs';
import { getJob, listJobs } from '../../lib/storage/jobs';
import { KV } from '../../lib/storage/keys';
import { readRawKv } from '../../lib/storage/kv';
import { migrateJob } from '../../lib/storage/job-migrations';

/**
 * One fixture per past version of every persisted shape: job records (JOB_SCHEMA_VERSION), settings
 * (SETTINGS_VERSION) and the database layout (DB_VERSION). When a version is bumped, the test for
 * "the current version" below fails until a fixture of the old shape is added here.
 */

const request = { mode: 'create-image', prompt: 'a red fox', model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' };

/** Version 0 (pre-release): no schemaVersion, `submissions` instead of `sends`. */
const jobV0 = {
  id: 'job-v0',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_100_000,
  request,
  provider: 'xai',
  baseUrl: 'https://api.x.ai/v1',
  status: 'done',
  submissions: 2,
  results: [{ mediaId: 'm-v0', kind: 'image', mimeType: 'image/jpeg', bytes: 1234 }],
  costTicks: 200_000_000,
};

/** Version 1: sources without lineage. */
const jobV1 = {
  schemaVersion: 1,
  id: 'job-v1',
  createdAt: 1_700_000_200_000,
  updatedAt: 1_700_000_300_000,
  request,
  provider: 'xai',
  baseUrl: 'https://api.x.ai/v1',
  origin: { via: 'context-menu', pageUrl: 'https://example.org/page' },
  status: 'failed',
  sends: 1,
  attempts: 0,
  polls: 0,
  stalledPolls: 0,
  pendingOutputs: [],
  results: [],
  moderatedCount: 0,
  error: { kind: 'content_policy', message: 'Blocked by moderation.' },
};

/** Version 1 edits: a page capture (address kept), a screenshot, a reused result, a picked file. */
const editV1 = (id: string, sources: Record<string, unknown>[]) => ({
  ...jobV1,
  id,
  status: 'done',
  error: undefined,
  request: { mode: 'edit-image', prompt: 'make it blue', model: 'grok-imagine-image', n: 1, resolution: '1k', sources },
  results: [{ mediaId: `${id}-out`, kind: 'image', mimeType: 'image/jpeg', bytes: 10 }],
});

/** Version 2 (current): sources carry `from`. */
const jobV2 = {
  ...editV1('job-v2', [{ mediaId: 'm-parent', mimeType: 'image/jpeg', from: { kind: 'result', jobId: 'job-v0', output: 0 } }]),
  schemaVersion: 2,
};

const JOB_FIXTURES: Record<number, Record<string, unknown>> = { 0: jobV0, 1: jobV1, 2: jobV2 };

/** Settings version 0: unversioned, a single top-level `baseUrl`. */
const settingsV0 = { provider: 'xai', baseUrl: 'http://localhost:8080/v1', concurrency: 5, notifications: false };
const settingsV3 = { ...DEFAULT_SETTINGS, concurrency: 2, quickActions: [{ id: 'x', title: 'Noir', mode: 'edit-image', prompt: 'Film noir look' }] };
/** Settings version 2: the 1.0 models were the defaults, and image defaults had no quality. */
const { quality: _quality, ...imageV2 } = { ...DEFAULT_SETTINGS.defaults.image, model: 'grok-imagine-image' };
const settingsV2 = { ...settingsV3, version: 2, defaults: { image: imageV2, video: { ...DEFAULT_SETTINGS.defaults.video, model: 'grok-imagine-video', resolution: '480p' } } };
const SETTINGS_FIXTURES: Record<number, Record<string, unknown>> = {
  0: settingsV0,
  1: { ...settingsV2, version: 1, baseUrls: { ...settingsV2.baseUrls, vydra: 'https://vydra.ai/api/v1' } },
  2: settingsV2,
  3: settingsV3,
};

beforeEach(() => {
  // A fresh, empty IndexedDB per test.
  globalThis.indexedDB = new IDBFactory();
  resetDbConnection();
});

describe('job record migrations', () => {
  it('has a fixture for every version up to the current one', () => {
    for (let v = 0; v <= JOB_SCHEMA_VERSION; v++) expect(JOB_FIXTURES[v], `fixture for job v${v}`).toBeDefined();
  });

  it('upgrades each past version to the current schema', () => {
    for (const [version, fixture] of Object.entries(JOB_FIXTURES)) {
      const job = migrateJob(structuredClone(fixture));
      expect(job, `job v${version}`).toBeDefined();
      expect(job!.schemaVersion).toBe(JOB_SCHEMA_VERSION);
    }
  });

  it('v0 → v1: submissions become sends; missing fields get their defaults', () => {
    const job = migrateJob(structuredClone(jobV0))!;
    expect(job.sends).toBe(2);
    expect('submissions' in job).toBe(false);
    expect(job.results[0]).toMatchObject({ mediaId: 'm-v0', thumb: false });
    expect(job.attempts).toBe(0);
    expect(job.pendingOutputs).toEqual([]);
    // v0 without submissions: it was sent once
    const { submissions: _s, ...withoutCount } = jobV0;
    expect(migrateJob(withoutCount)!.sends).toBe(1);
  });

  it('keeps a current record as it is', () => {
    expect(migrateJob(structuredClone(jobV1))).toMatchObject({ id: 'job-v1', sends: 1, origin: { via: 'context-menu', pageUrl: 'https://example.org/page' } });
    const current = migrateJob(structuredClone(jobV2))!;
    expect(current.request).toMatchObject({ sources: [{ mediaId: 'm-parent', from: { kind: 'result', jobId: 'job-v0', output: 0 } }] });
  });

  it('v1 → v2: page captures become page references; sources that cannot be linked are kept as they are', () => {
    const job = migrateJob(
      editV1('edit-v1', [
        { mediaId: 'm-page', mimeType: 'image/jpeg', srcUrl: 'https://site.test/cat.jpg' },
        { mediaId: 'm-shot', mimeType: 'image/png', screenshot: true },
        { mediaId: 'm-other', mimeType: 'image/png', bytes: 5 },
      ]),
    )!;
    expect(job.schemaVersion).toBe(2);
    const sources = 'sources' in job.request ? job.request.sources : [];
    expect(sources[0]).toEqual({
      mediaId: 'm-page',
      mimeType: 'image/jpeg',
      srcUrl: 'https://site.test/cat.jpg',
      from: { kind: 'page', imageUrl: 'https://site.test/cat.jpg', pageUrl: 'https://example.org/page', capturedAt: jobV1.createdAt },
    });
    expect(sources[1]!.from).toEqual({ kind: 'page', pageUrl: 'https://example.org/page', capturedAt: jobV1.createdAt, screenshot: true });
    expect(sources[2]).toEqual({ mediaId: 'm-other', mimeType: 'image/png', bytes: 5 });
  });

  it('v1 → v2: a job without sources or with an odd source list is not touched beyond its version', () => {
    expect(migrateJob(structuredClone(jobV1))!.request).toEqual(request);
    expect(migrateJob(editV1('odd', [{ mediaId: 'x', mimeType: 'image/png', from: { kind: 'nonsense' } }]))).toBeUndefined();
  });

  it('skips records it cannot read (garbage, a newer version) instead of failing the list', () => {
    expect(migrateJob(null)).toBeUndefined();
    expect(migrateJob('job')).toBeUndefined();
    expect(migrateJob({ ...jobV1, schemaVersion: JOB_SCHEMA_VERSION + 1 })).toBeUndefined();
    expect(migrateJob({ ...jobV1, status: 'exploded' })).toBeUndefined();
  });

  it('migrates records stored by older versions when they are read from IndexedDB', async () => {
    const database = await db();
    await database.put('jobs', structuredClone(jobV0));
    await database.put('jobs', structuredClone(jobV1));
    await database.put('jobs', { id: 'broken', createdAt: 1_700_000_400_000 });
    expect((await getJob('job-v0'))?.sends).toBe(2);
    const listed = await listJobs();
    expect(listed.map((j) => j.id)).toEqual(['job-v1', 'job-v0']); // newest first, the broken one skipped
    expect(listed.every((j) => j.schemaVersion === JOB_SCHEMA_VERSION)).toBe(true);
  });
});

describe('database layout', () => {
  it('creates every store and index from an empty profile (version 0 = no database)', async () => {
    const database = await db();
    expect(database.version).toBe(DB_VERSION);
    expect([...database.objectStoreNames].sort()).toEqual(['jobs', 'kv', 'media', 'thumbs']);
    expect([...database.transaction('jobs').store.indexNames].sort()).toEqual(['by-created', 'by-status']);
    expect([...database.transaction('media').store.indexNames]).toEqual(['by-job']);
  });

  it('upgrades a version 1 database (no status index) in place, keeping its jobs', async () => {
    // Version 1 layout, as the first release created it.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const v1 = req.result;
        v1.createObjectStore('jobs', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
        v1.createObjectStore('media', { keyPath: 'id' }).createIndex('by-job', 'jobId');
        v1.createObjectStore('thumbs', { keyPath: 'id' });
        v1.createObjectStore('kv');
        req.transaction!.objectStore('jobs').put({ ...structuredClone(jobV1), status: 'running' });
      };
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    resetDbConnection();
    expect((await listActiveJobs()).map((j) => j.id)).toEqual(['job-v1']);
    expect((await db()).version).toBe(DB_VERSION);
  });

  it('opens a database left by the current version without touching its data', async () => {
    await (await db()).put('jobs', structuredClone(jobV1));
    (await db()).close();
    resetDbConnection();
    const reopened = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(reopened.version).toBe(DB_VERSION);
    reopened.close();
    expect(await getJob('job-v1')).toBeDefined();
  });
});

describe('settings migrations', () => {
  it('has a fixture for every version up to the current one', () => {
    for (let v = 0; v <= SETTINGS_VERSION; v++) expect(SETTINGS_FIXTURES[v], `fixture for settings v${v}`).toBeDefined();
  });

  it('v0 → v1: the single base URL becomes the xAI base URL, other choices are kept', () => {
    const settings = migrateSettings(structuredClone(settingsV0));
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.baseUrls.xai).toBe('http://localhost:8080/v1');
    expect(settings.baseUrls.vydra).toBe(DEFAULT_SETTINGS.baseUrls.vydra);
    expect(settings.concurrency).toBe(5);
    expect(settings.notifications).toBe(false);
    expect('baseUrl' in settings).toBe(false);
  });

  it('v1 → v2: the bare Vydra domain (it redirects and drops the key) becomes www; a custom URL is kept', () => {
    const settings = migrateSettings(structuredClone(SETTINGS_FIXTURES[1]));
    expect(settings.baseUrls.vydra).toBe('https://www.vydra.ai/api/v1');
    expect(settings.concurrency).toBe(2);
    const custom = migrateSettings({ ...SETTINGS_FIXTURES[1], baseUrls: { ...settingsV3.baseUrls, vydra: 'http://127.0.0.1:9/vydra/api/v1' } });
    expect(custom.baseUrls.vydra).toBe('http://127.0.0.1:9/vydra/api/v1');
  });

  it('v2 → v3: defaults still at the 1.0 models move to 2.0 (quality low) and 1.5 at 720p', () => {
    const settings = migrateSettings(structuredClone(settingsV2));
    expect(settings.defaults.image).toMatchObject({ model: 'grok-imagine-image-2.0', quality: 'low', resolution: '1k' });
    expect(settings.defaults.video).toMatchObject({ model: 'grok-imagine-video-1.5', resolution: '720p' });
    expect(settings.concurrency).toBe(2);
  });

  it('v2 → v3: a choice the user made is never changed', () => {
    const chosen = structuredClone(settingsV2);
    chosen.defaults.image = { ...chosen.defaults.image, model: 'my-fine-tune', resolution: '2k' };
    chosen.defaults.video = { ...chosen.defaults.video, model: 'grok-imagine-video-1.5-lite', resolution: '480p' };
    const settings = migrateSettings(chosen);
    expect(settings.defaults.image).toMatchObject({ model: 'my-fine-tune', resolution: '2k' });
    expect(settings.defaults.video).toMatchObject({ model: 'grok-imagine-video-1.5-lite', resolution: '480p' });
    // The old video model with a resolution the user raised: the model moves, the resolution stays.
    const raised = structuredClone(settingsV2);
    raised.defaults.video = { ...raised.defaults.video, resolution: '720p', duration: 10 };
    expect(migrateSettings(raised).defaults.video).toMatchObject({ model: 'grok-imagine-video-1.5', resolution: '720p', duration: 10 });
    // Resellers don't list the new models: their users keep what they had.
    const vydra = migrateSettings({ ...structuredClone(settingsV2), provider: 'vydra' });
    expect(vydra.defaults.image.model).toBe('grok-imagine-image');
    expect(vydra.defaults.video).toMatchObject({ model: 'grok-imagine-video', resolution: '480p' });
  });

  it('keeps a current record', () => {
    expect(migrateSettings(structuredClone(settingsV3))).toEqual(settingsV3);
  });

  it('resets only the invalid field, not the whole record', () => {
    const settings = migrateSettings({ ...settingsV3, concurrency: 99, privacy: { sendImagesAs: 'url' } });
    expect(settings.concurrency).toBe(DEFAULT_SETTINGS.concurrency);
    expect(settings.quickActions).toEqual(settingsV3.quickActions);
    expect(settings.privacy.sendImagesAs).toBe('url');
  });

  it('falls back to defaults for nothing or garbage', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('x')).toEqual(DEFAULT_SETTINGS);
  });

  it('loadSettings reads old records through the migration', async () => {
    await (await db()).put('kv', structuredClone(settingsV0), KV.settings.name); // an old record, as an old version wrote it
    // A fresh module: the store caches what it read, and other files in this thread may have read already.
    vi.resetModules();
    const { loadSettings } = await import('../../lib/background/state/settings-store');
    expect((await loadSettings()).baseUrls.xai).toBe('http://localhost:8080/v1');
    // the stored record itself is only rewritten by the next save
    expect(await readRawKv(KV.settings)).toMatchObject({ baseUrl: 'http://localhost:8080/v1' });
  });
});
