import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { enforceRetention } from '../../lib/background/state/history-upkeep';
import { idbJobStore } from '../../lib/background/state/job-store';
import { saveSettings } from '../../lib/background/state/settings-store';
import { MANIFEST_PATH } from '../../lib/history/archive-format';
import { ARCHIVE_LIMITS } from '../../lib/history/archive-limits';
import { spentToday } from '../../lib/jobs/spend';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { getJob } from '../../lib/storage/jobs';
import { getMedia } from '../../lib/storage/media';
import { archiveJob, bytes, MAGIC } from '../unit/helpers/archive-fixture';
import { createHarness } from '../unit/helpers/engine-harness';
import { writeZip, zeroBomb, zipParts } from './helpers/hostile-zip';
import { importFile, profileAndArchive, snapshot } from './helpers/profile';

/**
 * Hostile archives (issue 11): each is refused with a sentence that says what is wrong and leaves the
 * profile byte-for-byte as it was, or is imported as inert history with the dangerous parts neutralised.
 */
const DAY = 86_400_000;
const YEAR = 365 * DAY;
const sha256 = async (data: Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)), (b) => b.toString(16).padStart(2, '0')).join('');

async function expectRefused(zip: Uint8Array, message: RegExp): Promise<void> {
  const before = await snapshot();
  const reply = await importFile(zip);
  expect(reply).toEqual({ ok: false, message: expect.stringMatching(message) });
  expect(await snapshot()).toEqual(before);
}

describe('hostile archive: the key-theft file', () => {
  it('imports a future-dated failed job with an attacker base URL as inert history: no retry, no base URL, no future date', async () => {
    const now = Date.now();
    const evil = archiveJob('evil', now + YEAR, { status: 'failed', provider: 'xai', baseUrl: 'http://evil.test/v1', error: { kind: 'server_error', message: 'try again' }, finishedAt: now + YEAR });
    const { parts, mine } = await profileAndArchive([evil], now);
    const before = await snapshot();

    expect(await importFile(zipParts(parts))).toEqual({ ok: true, added: 1, skipped: 0 });
    const stored = await getJob('evil');
    expect(stored).toMatchObject({ status: 'failed', imported: true, baseUrl: '' });
    expect(JSON.stringify(stored)).not.toContain('evil.test');
    expect(stored!.createdAt).toBeLessThanOrEqual(Date.now());
    expect(stored!.finishedAt).toBeLessThanOrEqual(Date.now());
    expect(stored!.origin).toEqual({ via: 'context-menu', pageUrl: 'https://example.org/' }); // never a tab of this browser

    // Retry is refused before anything is sent: the key never leaves for the file's URL.
    const harness = createHarness('http://127.0.0.1:9/v1');
    try {
      const reply = await harness.engine.retry('evil');
      expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Imported jobs are history only/) } });
      expect(harness.maxConcurrentSubmits).toBe(0);
      expect((await getJob('evil'))?.status).toBe('failed');
    } finally {
      harness.kill();
    }
    const after = await snapshot();
    for (const store of ['media', 'thumbs'] as const) for (const record of before[store]!) expect(after[store]).toContainEqual(record);
    for (const job of mine) expect(after.jobs).toContainEqual(before.jobs!.find((r) => (r as { id: string }).id === job.id));
  });
});

describe('hostile archive: dates and costs', () => {
  it('future-dated imports never make retention delete the user’s own jobs', async () => {
    const now = Date.now();
    const future = Array.from({ length: 10 }, (_, i) => archiveJob(`f${i}`, now + (i + 1) * YEAR));
    const { parts, mine } = await profileAndArchive(future, now);
    await saveSettings({ ...DEFAULT_SETTINGS, retention: { maxCount: 10, maxAgeDays: null, maxMegabytes: null } });
    const mineBefore = await Promise.all(mine.map((j) => getJob(j.id)));

    expect(await importFile(zipParts(parts))).toMatchObject({ ok: true, added: 10 });
    await enforceRetention(); // the import also starts a pass of its own; either way the result is the same
    // Over the limit by two: two imported jobs go, never the user's (which the file's dates made "newest").
    expect(await Promise.all(mine.map((j) => getJob(j.id)))).toEqual(mineBefore);
    const kept = (await Promise.all(future.map((j) => getJob(j.id)))).filter((j) => j !== undefined);
    expect(kept).toHaveLength(8);
    for (const job of kept) expect(job.createdAt).toBeLessThanOrEqual(Date.now());
    expect(await getMedia('res-mine-a')).toBeDefined();
    await saveSettings(DEFAULT_SETTINGS);
  });

  it('a huge imported cost never counts towards today’s spending', async () => {
    const now = Date.now();
    const rich = archiveJob('rich', now, { costTicks: 1e20, estimatedCostTicks: 1e20 });
    const { parts } = await profileAndArchive([rich], now);
    const spentBefore = await spentToday(idbJobStore);

    expect(await importFile(zipParts(parts))).toMatchObject({ ok: true, added: 1 });
    expect(await spentToday(idbJobStore)).toBe(spentBefore);
    expect((await getJob('rich'))?.costTicks).toBeUndefined(); // not a real cost: dropped
  });
});

describe('hostile archive: what the records point at', () => {
  it('refuses an x/html "image" (typed from its bytes, not its declared MIME)', async () => {
    const { parts } = await profileAndArchive([archiveJob('x', 1000)]);
    const entry = parts.manifest.media.find((m) => m.id === 'res-x')!;
    const html = bytes(1, 64, MAGIC.html);
    delete parts.files[entry.path as string];
    Object.assign(entry, { mimeType: 'x/html', path: 'media/res-x.html', bytes: html.length, sha256: await sha256(html) });
    parts.files['media/res-x.html'] = html;
    await expectRefused(zipParts(parts), /“media\/res-x\.html” is not a JPEG, PNG, WebP, GIF, MP4, or WebM file/);
  });

  it('types a real image from its bytes even when the file calls it x/html', async () => {
    const { parts } = await profileAndArchive([archiveJob('x', 1000)]);
    const entry = parts.manifest.media.find((m) => m.id === 'res-x')!;
    entry.mimeType = 'x/html';
    (parts.manifest.jobs[0]!.results as { mimeType: string }[])[0]!.mimeType = 'x/html';
    expect(await importFile(zipParts(parts))).toMatchObject({ ok: true, added: 1 });
    expect((await getJob('x'))?.results[0]?.mimeType).toBe('image/jpeg');
    expect((await getMedia('res-x'))?.blob.type).toBe('image/jpeg');
  });

  it('drops a javascript: page URL (and source URL) instead of keeping a clickable script', async () => {
    const { parts } = await profileAndArchive([archiveJob('js', 1000)]);
    const record = parts.manifest.jobs[0] as { origin: { pageUrl: string }; request: { sources: { srcUrl?: string; sendAsUrl?: boolean }[] } };
    record.origin.pageUrl = 'javascript:alert(document.domain)';
    record.request.sources[0]!.srcUrl = 'javascript:alert(1)';
    record.request.sources[0]!.sendAsUrl = true;
    expect(await importFile(zipParts(parts))).toMatchObject({ ok: true, added: 1 });
    const stored = await getJob('js');
    expect(stored?.origin).toEqual({ via: 'context-menu' });
    expect(JSON.stringify(stored)).not.toContain('javascript:');
    expect(stored && 'sources' in stored.request && stored.request.sources[0]?.sendAsUrl).toBeFalsy();
  });

  it('never resolves __proto__ or constructor names to prototype members', async () => {
    const { parts } = await profileAndArchive([archiveJob('p', 1000)]);
    const entry = parts.manifest.media.find((m) => m.id === 'res-p')!;
    // The old importer looked files up in a plain object: files["constructor"] was Object's constructor.
    entry.thumbPath = 'constructor';
    await expectRefused(zipParts(parts), /manifest is invalid \(media\.\d\.thumbPath/);
    entry.thumbPath = '__proto__';
    await expectRefused(zipParts(parts), /manifest is invalid/);
    delete entry.thumbPath;
    delete parts.files['thumbs/res-p.jpg'];
    (parts.manifest.jobs[0] as { id: string }).id = '__proto__';
    await expectRefused(zipParts(parts), /Job 1 in the archive has an invalid id/);
    const polluted = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(parts.manifest).slice(1)}`);
    (polluted.jobs[0] as { id: string }).id = 'constructor';
    const zip = zipSync({ ...parts.files, [MANIFEST_PATH]: strToU8(JSON.stringify(polluted)) });
    expect(await importFile(zip)).toMatchObject({ ok: true, added: 1 });
    expect((await getJob('constructor'))?.request.prompt).toBe('prompt p');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('hostile archive: size and shape', () => {
  it('refuses a 1 MiB → 1 GiB bomb that declares its size, before inflating anything', async () => {
    const bomb = zeroBomb(1024);
    expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024);
    const { parts } = await profileAndArchive([archiveJob('b', 1000)]);
    const zip = writeZip([
      { name: MANIFEST_PATH, data: strToU8(JSON.stringify(parts.manifest)) },
      { name: 'media/res-b.jpg', data: bomb, method: 8, declaredSize: 1024 * 1024 * 1024 },
    ]);
    // The message names the declared size: it was refused from the directory, before any inflating.
    await expectRefused(zip, /“media\/res-b\.jpg” is larger than 200 MiB, the limit for one file/);
  });

  it('stops a 1 MiB → 1 GiB bomb that lies about its size as soon as it passes what it declared', async () => {
    const bomb = zeroBomb(1024);
    const { parts } = await profileAndArchive([archiveJob('b', 1000)]);
    const entry = parts.manifest.media.find((m) => m.id === 'res-b')!;
    const others = Object.entries(parts.files).filter(([name]) => name !== entry.path && name !== MANIFEST_PATH);
    const zip = writeZip([
      ...others.map(([name, data]) => ({ name, data })),
      { name: entry.path as string, data: bomb, method: 8, declaredSize: 64 },
      { name: MANIFEST_PATH, data: strToU8(JSON.stringify(parts.manifest)) },
    ]);
    await expectRefused(zip, /“media\/res-b\.jpg” is larger than the archive says/);
    // The same bomb as manifest.json, declared small: stopped at its declared size too.
    await expectRefused(writeZip([{ name: MANIFEST_PATH, data: bomb, method: 8, declaredSize: 1000 }]), /manifest\.json is larger than/);
  });

  it('refuses 50,000 jobs by the job-count limit, with the numbers', async () => {
    const { parts } = await profileAndArchive([]);
    // The count is checked before any job is parsed, so tiny entries do: 50,000 whole jobs made a 25 MB
    // manifest whose zipping alone outlasted the test's budget on a loaded machine.
    parts.manifest.jobs = Array.from({ length: 50_000 }, (_, i) => ({ id: `j${i}` })) as typeof parts.manifest.jobs;
    expect(parts.manifest.jobs.length).toBeGreaterThan(ARCHIVE_LIMITS.jobs);
    await expectRefused(zipParts(parts), /holds 50,000 jobs; Reimagine imports at most 20,000 at once/);
  });

  it('refuses a truncated zip with a sentence', async () => {
    const { parts } = await profileAndArchive([archiveJob('t', 1000), archiveJob('u', 2000)]);
    const zip = zipParts(parts);
    await expectRefused(zip.subarray(0, Math.floor(zip.length * 0.6)), /incomplete/);
    await expectRefused(zip.subarray(0, zip.length - 30), /incomplete/);
  });

  it('refuses files the manifest does not list', async () => {
    const { parts } = await profileAndArchive([archiveJob('l', 1000)]);
    parts.files['media/extra.png'] = bytes(3, 64, MAGIC.png);
    await expectRefused(zipParts(parts), /contains “media\/extra\.png”, which its manifest does not list/);
    delete parts.files['media/extra.png'];
    parts.files['evil.exe'] = bytes(4);
    await expectRefused(zipParts(parts), /contains “evil\.exe”, which is not part of a Reimagine history export/);
  });

  it('refuses a job that is still active in the file', async () => {
    const { parts } = await profileAndArchive([archiveJob('q', 1000)]);
    (parts.manifest.jobs[0] as { status: string }).status = 'queued';
    await expectRefused(zipParts(parts), /Job 1 in the archive is still “queued”/);
  });
});

describe('hostile archive: duplicate ids', () => {
  it('refuses the same job id twice, and two jobs claiming one result file', async () => {
    const { parts } = await profileAndArchive([archiveJob('d', 1000), archiveJob('e', 2000)]);
    const [first, second] = parts.manifest.jobs as { id: string; results: { mediaId: string }[] }[];
    const secondId = second!.id;
    second!.id = first!.id;
    await expectRefused(zipParts(parts), /lists job “d” twice/);
    second!.id = secondId;
    second!.results[0]!.mediaId = first!.results[0]!.mediaId;
    await expectRefused(zipParts(parts), /Two jobs in the archive claim the same result file/);
  });

  it('never lets an imported job take over one of the user’s files or jobs', async () => {
    const now = Date.now();
    const { parts } = await profileAndArchive([archiveJob('mine-a', 1000), archiveJob('z', 2000)], now);
    const before = await snapshot();
    // Same job id as the user's own: skipped, the user's record stays as it is.
    expect(await importFile(zipParts(parts))).toMatchObject({ ok: true, added: 1, skipped: 1 });
    const after = await snapshot();
    const mineA = (s: typeof before) => s.jobs!.find((r) => (r as { id: string }).id === 'mine-a');
    expect(mineA(after)).toEqual(mineA(before));
    for (const record of before.media!) expect(after.media).toContainEqual(record);

    // A new job whose result id is one of the user's files: refused (deleting it would delete the user's file).
    const { parts: other } = await profileAndArchive([archiveJob('w', 1000)], now);
    const entry = other.manifest.media.find((m) => m.id === 'res-w')!;
    entry.id = 'res-mine-b';
    (other.manifest.jobs[0] as { results: { mediaId: string }[] }).results[0]!.mediaId = 'res-mine-b';
    await expectRefused(zipParts(other), /claims a result file that is already in your history/);
  });
});
