import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS } from '../../lib/history/archive-limits';
import type { Job } from '../../lib/model/job';
import { getJob } from '../../lib/storage/jobs';
import { archiveJob } from '../unit/helpers/archive-fixture';
import { zipParts } from './helpers/hostile-zip';
import { importFile, profileAndArchive, snapshot } from './helpers/profile';

/**
 * Hostile lineage in archives (issue 26): every parent must be in the same file, the versions may not go
 * round in a circle, and a chain may not be deeper than the limit. Each is refused with a sentence and
 * leaves the profile exactly as it was.
 */
type Record_ = { id: string; request: { sources: { mediaId: string; from?: unknown }[] } };

async function expectRefused(zip: Uint8Array, message: RegExp): Promise<void> {
  const before = await snapshot();
  const reply = await importFile(zip);
  expect(reply).toEqual({ ok: false, message: expect.stringMatching(message) });
  expect(await snapshot()).toEqual(before);
}

const child = (id: string, parent: string, at: number, extra: Partial<Job> = {}): Job =>
  archiveJob(id, at, {
    request: { mode: 'edit-image', prompt: `prompt ${id}`, model: 'grok-imagine-image', n: 1, resolution: '1k', sources: [{ mediaId: `src-${id}`, mimeType: 'image/png', from: { kind: 'result', jobId: parent, output: 0 } }] },
    ...extra,
  });

describe('hostile archive: lineage', () => {
  it('refuses a parent that points into another archive (not in this file), naming the job', async () => {
    const { parts } = await profileAndArchive([archiveJob('root', 1000), child('kid', 'root', 2000)]);
    (parts.manifest.jobs[1] as Record_).request.sources[0]!.from = { kind: 'result', jobId: 'elsewhere-42', output: 0 };
    await expectRefused(zipParts(parts), /^Job 2 in the archive was made from job “elsewhere-42”, which is not in this archive\.$/);
  });

  it('refuses a cycle (two jobs made from each other) and a job made from itself', async () => {
    const { parts } = await profileAndArchive([child('a', 'b', 1000), child('b', 'a', 2000)]);
    await expectRefused(zipParts(parts), /in the archive is its own ancestor: the versions in this archive go round in a circle\./);
    (parts.manifest.jobs[0] as Record_).request.sources[0]!.from = { kind: 'result', jobId: 'a', output: 0 };
    (parts.manifest.jobs[1] as Record_).request.sources[0]!.from = { kind: 'page', capturedAt: 1 };
    await expectRefused(zipParts(parts), /^Job 1 in the archive is its own ancestor/);
  });

  it('refuses a 10,000-level chain cleanly (no stack overflow), in any record order', async () => {
    const { parts } = await profileAndArchive([archiveJob('n0', 1000), child('n1', 'n0', 2000)]);
    const template = parts.manifest.jobs[1] as Record_;
    const chain = Array.from({ length: 10_000 }, (_, i) => {
      const record = structuredClone(template) as Record_ & { results: unknown[] };
      record.id = `n${i}`;
      record.results = []; // their files are not in the archive; lineage is checked all the same
      record.request.sources = i === 0 ? [] : [{ mediaId: `s${i}`, from: { kind: 'result', jobId: `n${i - 1}`, output: 0 }, mimeType: 'image/png' } as never];
      if (i === 0) (record.request as unknown as Record<string, unknown>).mode = 'edit-image';
      return record;
    });
    chain[0]!.request.sources = [{ mediaId: 'src-n1', mimeType: 'image/png' } as never];
    parts.manifest.jobs = chain.reverse() as never;
    await expectRefused(zipParts(parts), new RegExp(`more than ${ARCHIVE_LIMITS.lineageDepth.toLocaleString('en')} levels deep`));
  });

  it('keeps a page image’s lineage only with web addresses', async () => {
    const { parts } = await profileAndArchive([archiveJob('p', 1000)]);
    (parts.manifest.jobs[0] as Record_).request.sources[0]!.from = { kind: 'page', capturedAt: 5, pageUrl: 'javascript:alert(1)', imageUrl: 'https://site.test/cat.jpg' };
    expect(await importFile(zipParts(parts))).toMatchObject({ ok: true, added: 1 });
    const stored = await getJob('p');
    expect(stored && 'sources' in stored.request && stored.request.sources[0]?.from).toEqual({ kind: 'page', capturedAt: 5, imageUrl: 'https://site.test/cat.jpg' });
  });
});
