import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteHistory } from '../../lib/background/state/history-upkeep';
import type { Job } from '../../lib/model/job';
import { makeJob } from './helpers/job-fixture';
import { db } from '../../lib/storage/db';
import { getJob, putJob } from '../../lib/storage/jobs';
import { getMedia } from '../../lib/storage/media';
import { freshDatabase } from './helpers/engine-harness';

const DAY = 24 * 60 * 60 * 1000;

function editJob(id: string, sourceIds: string[]): Job {
  return makeJob(id, {
    createdAt: Date.now() - 2 * DAY,
    request: { mode: 'edit-image', prompt: 'x', model: 'grok-imagine-image', n: 1, resolution: '1k', sources: sourceIds.map((mediaId) => ({ mediaId, mimeType: 'image/png' })) },
  });
}

async function putSource(id: string, ageMs: number) {
  await (await db()).put('media', { id, blob: new Blob(['x'], { type: 'image/png' }), mimeType: 'image/png', bytes: 1, createdAt: Date.now() - ageMs, role: 'source' });
}

describe('deleting history', () => {
  beforeEach(() => freshDatabase());

  it('removes the jobs and the sources nothing else uses, keeping shared and fresh ones', async () => {
    await putSource('only-a', 2 * DAY);
    await putSource('shared', 2 * DAY);
    await putSource('fresh-unused', 60_000); // just added in a composer: within the grace period
    await putJob(editJob('a', ['only-a', 'shared']));
    await putJob(editJob('b', ['shared']));

    await deleteHistory(['a']);

    expect(await getJob('a')).toBeUndefined();
    expect(await getJob('b')).toBeDefined();
    expect(await getMedia('only-a')).toBeUndefined();
    expect(await getMedia('shared')).toBeDefined();
    expect(await getMedia('fresh-unused')).toBeDefined();
  });
});
