import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { originMatches } from '../../lib/net/origin-match';
import type { JobRequest } from '../../lib/model/request';
import { MEDIA_ORIGINS, originPattern, providerOrigins } from '../../lib/providers/media-origins';
import { createEmulator, type Emulator } from '../emulator/server';
import { createHarness, freshDatabase, grantHostAccess, waitForJob } from './helpers/engine-harness';
import { TEST_TIMING } from '../emulator/timing';

/**
 * Results live on the vendors' media hosts, which send no CORS headers: without host access the job waits
 * (status downloading, blockedOrigin) for "Allow access to <host>", and a grant resumes only the download.
 */
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ ...TEST_TIMING, port: 0, rotateReadings: false });
});
afterAll(async () => emulator.close());
beforeEach(() => {
  emulator.reset();
  freshDatabase();
});

const image = (prompt: string): JobRequest => ({ mode: 'create-image', prompt, model: 'grok-imagine-image', n: 1, aspectRatio: '1:1', resolution: '1k' } as JobRequest);

describe('host access for results', () => {
  it('waits for access instead of failing, then downloads after the grant without submitting again', async () => {
    grantHostAccess(false);
    const h = createHarness(emulator.apiBaseUrl);
    const submitted = await h.engine.submit({ request: image('a fox') });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.error));
    const blocked = await waitForJob(submitted.job.id, (j) => j.blockedOrigin !== undefined);
    expect(blocked).toMatchObject({ status: 'downloading', blockedOrigin: new URL(emulator.url).origin, error: { kind: 'no_access' } });
    expect(emulator.mediaRequests).toHaveLength(0);

    await h.engine.tick(); // ticks leave it waiting
    expect((await waitForJob(submitted.job.id, () => true)).status).toBe('downloading');

    grantHostAccess(true);
    await h.engine.accessGranted(['http://127.0.0.1/*']);
    const done = await waitForJob(submitted.job.id);
    expect(done.status).toBe('done');
    expect(done.results).toHaveLength(1);
    expect(done.blockedOrigin).toBeUndefined();
    expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    h.kill();
  });

  it('matches granted patterns as permissions.onAdded reports them', () => {
    expect(originMatches('https://imgen.x.ai/*', 'https://imgen.x.ai')).toBe(true);
    expect(originMatches('https://*/*', 'https://cdn.vydra.ai')).toBe(true);
    expect(originMatches('*://*.runware.ai/*', 'https://im.runware.ai')).toBe(true);
    expect(originMatches('<all_urls>', 'https://vidgen.x.ai')).toBe(true);
    expect(originMatches('http://*/*', 'https://imgen.x.ai')).toBe(false);
    expect(originMatches('https://imgen.x.ai/*', 'https://vidgen.x.ai')).toBe(false);
    expect(originMatches('https://*.x.ai/*', 'https://evilx.ai')).toBe(false);
  });

  it('each provider declares its media origins, requested together with its API origin', () => {
    expect(MEDIA_ORIGINS.xai).toEqual(['https://imgen.x.ai', 'https://vidgen.x.ai']);
    expect(providerOrigins('vydra', 'https://www.vydra.ai/api/v1')).toEqual(['https://www.vydra.ai', 'https://cdn.vydra.ai']);
    expect(providerOrigins('runware', 'https://api.runware.ai/v1').map(originPattern)).toEqual([
      'https://api.runware.ai/*',
      'https://im.runware.ai/*',
      'https://vm.runware.ai/*',
    ]);
    expect(originPattern('http://127.0.0.1:7878')).toBe('http://127.0.0.1/*');
  });
});
