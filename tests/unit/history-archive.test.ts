import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError, buildArchive, importArchive, MANIFEST_PATH, readArchive } from '../../lib/history/archive';
import { idbImportTarget } from '../../lib/background/history';
import type { Job } from '../../lib/jobs/job';
import { db, resetDbConnection, type MediaRecord } from '../../lib/storage/db';
import { getJob } from '../../lib/storage/jobs';
import { getMedia, getThumb } from '../../lib/storage/media';
import { makeJob } from './helpers/job-fixture';

const bytes = (seed: number, n = 64) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);

function job(id: string, createdAt: number, extra: Partial<Job> = {}): Job {
  return makeJob(id, {
    createdAt,
    request: { mode: 'edit-image', prompt: `prompt ${id}`, model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: `src-${id}`, mimeType: 'image/png' }] },
    origin: { via: 'context-menu', pageUrl: 'https://example.org/', tabId: 12, targetId: 't1' },
    results: [{ mediaId: `res-${id}`, kind: 'image', mimeType: 'image/jpeg', bytes: 64, thumb: true }],
    costTicks: 200_000_000,
    ...extra,
  });
}

async function seed(jobs: Job[]): Promise<void> {
  const database = await db();
  for (const [i, j] of jobs.entries()) {
    await database.put('jobs', j);
    const result: MediaRecord = { id: `res-${j.id}`, blob: new Blob([bytes(i)], { type: 'image/jpeg' }), mimeType: 'image/jpeg', bytes: 64, createdAt: j.createdAt, role: 'result', jobId: j.id };
    const source: MediaRecord = { id: `src-${j.id}`, blob: new Blob([bytes(100 + i)], { type: 'image/png' }), mimeType: 'image/png', bytes: 64, createdAt: j.createdAt, role: 'source' };
    await database.put('media', result);
    await database.put('media', source);
    await database.put('thumbs', { id: result.id, blob: new Blob([bytes(200 + i, 16)], { type: 'image/jpeg' }) });
  }
}

const fresh = () => {
  globalThis.indexedDB = new IDBFactory();
  resetDbConnection();
};
const toBytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

beforeEach(fresh);

describe('history archive', () => {
  it('round-trips jobs and media into a fresh profile, and a second import changes nothing', async () => {
    const jobs = [job('a', 1000), job('b', 2000), job('c', 3000, { status: 'failed', results: [], error: { kind: 'content_policy', message: 'no' } })];
    await seed(jobs);
    const { blob, jobs: exported, media } = await buildArchive(jobs, { getMedia, getThumb });
    expect(exported).toBe(3);
    expect(media).toBe(5); // 3 sources + 2 results

    fresh(); // "another browser profile"
    const first = await importArchive(await readArchive(await toBytes(blob)), idbImportTarget);
    expect(first).toMatchObject({ added: 3, skipped: 0, invalid: 0 });
    expect((await getJob('a'))?.request.prompt).toBe('prompt a');
    expect((await getJob('c'))?.status).toBe('failed');
    expect(await toBytes((await getMedia('res-a'))!.blob)).toEqual(bytes(0));
    expect(await toBytes((await getMedia('src-b'))!.blob)).toEqual(bytes(101));
    expect(await toBytes((await getThumb('res-b'))!)).toEqual(bytes(201, 16));
    expect((await getMedia('res-a'))?.jobId).toBe('a');

    const again = await importArchive(await readArchive(await toBytes(blob)), idbImportTarget);
    expect(again).toMatchObject({ added: 0, skipped: 3 });
    expect(await (await db()).count('jobs')).toBe(3);
    expect(await (await db()).count('media')).toBe(5);
  });

  it('never contains keys or settings, nor the tab a job ran in', async () => {
    const jobs = [job('a', 1000)];
    await seed(jobs);
    await (await db()).put('kv', { xai: 'xai-secret-key' }, 'secrets');
    const { blob } = await buildArchive(jobs, { getMedia, getThumb });
    const files = unzipSync(await toBytes(blob));
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'media/res-a.jpg', 'media/src-a.png', 'thumbs/res-a.jpg']);
    const manifest = strFromU8(files[MANIFEST_PATH]!);
    expect(manifest).not.toContain('xai-secret-key');
    expect(JSON.parse(manifest)).not.toHaveProperty('settings');
    expect(JSON.parse(manifest).jobs[0].origin).toEqual({ via: 'context-menu', pageUrl: 'https://example.org/' });
  });

  it('leaves out jobs that are still running', async () => {
    const jobs = [job('a', 1000), job('b', 2000, { status: 'running', results: [] })];
    await seed(jobs);
    expect((await buildArchive(jobs, { getMedia, getThumb })).jobs).toBe(1);
  });

  it('refuses damaged or foreign archives with a sentence, before writing anything', async () => {
    const jobs = [job('a', 1000)];
    await seed(jobs);
    const files = unzipSync(await toBytes((await buildArchive(jobs, { getMedia, getThumb })).blob));
    files['media/res-a.jpg'] = bytes(9); // same size, other bytes
    fresh();
    await expect(readArchive(zipSync(files))).rejects.toThrow(/damaged/);
    await expect(readArchive(strToU8('not a zip'))).rejects.toThrow(ArchiveError);
    await expect(readArchive(zipSync({ 'other.txt': strToU8('x') }))).rejects.toThrow(/not a Reimagine history export/);
    await expect(readArchive(zipSync({ [MANIFEST_PATH]: strToU8(JSON.stringify({ format: 'reimagine-history', version: 99 })) }))).rejects.toThrow(/newer/);
    expect(await (await db()).count('jobs')).toBe(0);
  });

  it('imports older job versions through the migrations and counts unreadable ones', async () => {
    const jobs = [job('a', 1000)];
    await seed(jobs);
    const files = unzipSync(await toBytes((await buildArchive(jobs, { getMedia, getThumb })).blob));
    const manifest = JSON.parse(strFromU8(files[MANIFEST_PATH]!));
    const { schemaVersion: _v, sends: _s, ...v0 } = manifest.jobs[0];
    manifest.jobs = [{ ...v0, submissions: 3 }, { id: 'junk' }];
    files[MANIFEST_PATH] = strToU8(JSON.stringify(manifest));
    fresh();
    const report = await importArchive(await readArchive(zipSync(files)), idbImportTarget);
    expect(report).toMatchObject({ added: 1, invalid: 1 });
    expect((await getJob('a'))?.sends).toBe(3);
  });
});
