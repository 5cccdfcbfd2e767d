import 'fake-indexeddb/auto';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildArchive } from '../../lib/history/archive';
import { ArchiveError } from '../../lib/history/archive-error';
import { MANIFEST_PATH } from '../../lib/history/archive-format';
import { importArchive, readArchive } from '../../lib/history/archive-import';
import { idbImportTarget } from '../../lib/background/state/history-upkeep';
import { db } from '../../lib/storage/db';
import { getJob } from '../../lib/storage/jobs';
import { getMedia, getThumb } from '../../lib/storage/media';
import { archiveJob, blobBytes, bytes, freshProfile, MAGIC, seedArchiveJobs } from './helpers/archive-fixture';

const job = archiveJob;
const seed = seedArchiveJobs;
const fresh = freshProfile;
const toBytes = blobBytes;

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
    expect(first).toMatchObject({ added: 3, skipped: 0 });
    expect((await getJob('a'))?.request.prompt).toBe('prompt a');
    expect((await getJob('c'))?.status).toBe('failed');
    expect(await toBytes((await getMedia('res-a'))!.blob)).toEqual(bytes(0));
    expect(await toBytes((await getMedia('src-b'))!.blob)).toEqual(bytes(101, 64, MAGIC.png));
    expect(await toBytes((await getThumb('res-b'))!)).toEqual(bytes(201, 16));
    expect((await getMedia('res-a'))?.jobId).toBe('a');

    const again = await importArchive(await readArchive(await toBytes(blob)), idbImportTarget);
    expect(again).toMatchObject({ added: 0, skipped: 3 });
    expect(await (await db()).count('jobs')).toBe(3);
    expect(await (await db()).count('media')).toBe(5);
  });

  it('imports media that happen to contain zip signatures (exports use data descriptors; nothing scans for them)', async () => {
    const jobs = [job('a', 1000)];
    await seed(jobs);
    const tricky = bytes(7, 256);
    tricky.set([0x50, 0x4b, 0x07, 0x08, 0x50, 0x4b, 0x01, 0x02, 0x50, 0x4b, 0x03, 0x04], 40);
    await (await db()).put('media', { id: 'res-a', blob: new Blob([tricky], { type: 'image/jpeg' }), mimeType: 'image/jpeg', bytes: 256, createdAt: 1000, role: 'result', jobId: 'a' });
    const { blob } = await buildArchive(jobs, { getMedia, getThumb });
    fresh();
    expect(await importArchive(await readArchive(await toBytes(blob)), idbImportTarget)).toMatchObject({ added: 1 });
    expect(await toBytes((await getMedia('res-a'))!.blob)).toEqual(tricky);
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
    files['media/res-a.jpg'] = bytes(9); // same size and type, other bytes
    fresh();
    await expect(readArchive(zipSync(files))).rejects.toThrow(/damaged/);
    await expect(readArchive(strToU8('not a zip'))).rejects.toThrow(ArchiveError);
    await expect(readArchive(zipSync({ 'other.txt': strToU8('x') }))).rejects.toThrow(/not a Reimagine history export/);
    await expect(readArchive(zipSync({ [MANIFEST_PATH]: strToU8(JSON.stringify({ format: 'reimagine-history', version: 99 })) }))).rejects.toThrow(/newer/);
    expect(await (await db()).count('jobs')).toBe(0);
  });

  it('imports older job versions through the migrations; an unreadable record refuses the file', async () => {
    const jobs = [job('a', 1000)];
    await seed(jobs);
    const files = unzipSync(await toBytes((await buildArchive(jobs, { getMedia, getThumb })).blob));
    const manifest = JSON.parse(strFromU8(files[MANIFEST_PATH]!));
    const { schemaVersion: _v, sends: _s, ...v0 } = manifest.jobs[0];
    manifest.jobs = [{ ...v0, submissions: 3 }, { id: 'junk' }];
    files[MANIFEST_PATH] = strToU8(JSON.stringify(manifest));
    fresh();
    // One unreadable record refuses the whole file (all or nothing), naming the record.
    await expect(readArchive(zipSync(files))).rejects.toThrow(/Job 2 in the archive is not a valid Reimagine job/);
    manifest.jobs = [manifest.jobs[0]];
    files[MANIFEST_PATH] = strToU8(JSON.stringify(manifest));
    const report = await importArchive(await readArchive(zipSync(files)), idbImportTarget);
    expect(report).toMatchObject({ added: 1, skipped: 0 });
    expect((await getJob('a'))?.sends).toBe(3);
  });
});
