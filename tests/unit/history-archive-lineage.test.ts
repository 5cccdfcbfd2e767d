import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { idbImportTarget } from '../../lib/background/state/history-upkeep';
import { buildArchive } from '../../lib/history/archive';
import { importArchive, readArchive } from '../../lib/history/archive-import';
import type { Job } from '../../lib/model/job';
import { getJob, listJobs } from '../../lib/storage/jobs';
import { getMedia, getThumb } from '../../lib/storage/media';
import { indexVersions, versionTree } from '../../lib/versions/tree';
import { archiveJob, blobBytes, freshProfile, seedArchiveJobs } from './helpers/archive-fixture';

beforeEach(freshProfile);

const editOf = (id: string, parent: string, at: number): Job =>
  archiveJob(id, at, {
    request: { mode: 'edit-image', prompt: `prompt ${id}`, model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: `res-${parent}`, mimeType: 'image/jpeg', from: { kind: 'result', jobId: parent, output: 0 } }] },
  });
const shape = (jobs: Job[], id: string) => versionTree(indexVersions(jobs), id)!.nodes.map((n) => `${n.depth}:${n.key}`);

describe('history archive keeps lineage', () => {
  it('survives export → import into a fresh profile: the same tree, page addresses included', async () => {
    const root = archiveJob('root', 1000, {
      request: { mode: 'edit-image', prompt: 'prompt root', model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: 'src-root', mimeType: 'image/png', from: { kind: 'page', capturedAt: 900, imageUrl: 'https://site.test/cat.jpg', pageUrl: 'https://site.test/' } }] },
    });
    const jobs = [root, editOf('a', 'root', 2000), editOf('b', 'root', 3000), editOf('a2', 'a', 4000)];
    await seedArchiveJobs(jobs);
    const before = shape(jobs, 'a2');
    expect(before).toEqual(['0:page:https://site.test/cat.jpg', '1:root:0', '2:a:0', '3:a2:0', '2:b:0']);
    const { blob } = await buildArchive(jobs, { getMedia, getThumb });

    freshProfile();
    expect(await importArchive(await readArchive(await blobBytes(blob)), idbImportTarget)).toMatchObject({ added: 4 });
    const imported = await listJobs();
    expect(shape(imported, 'a2')).toEqual(before);
    const a2 = await getJob('a2');
    expect(a2 && 'sources' in a2.request && a2.request.sources[0]?.from).toEqual({ kind: 'result', jobId: 'a', output: 0 });
  });

  it('an export leaves out links to jobs deleted since, so the user’s own archive always imports', async () => {
    const jobs = [editOf('orphan', 'deleted-long-ago', 2000)];
    await seedArchiveJobs(jobs);
    const { blob } = await buildArchive(jobs, { getMedia, getThumb });
    freshProfile();
    expect(await importArchive(await readArchive(await blobBytes(blob)), idbImportTarget)).toMatchObject({ added: 1 });
    const stored = await getJob('orphan');
    expect(stored && 'sources' in stored.request && stored.request.sources[0]).toEqual({ mediaId: 'res-deleted-long-ago', mimeType: 'image/jpeg' });
  });
});
