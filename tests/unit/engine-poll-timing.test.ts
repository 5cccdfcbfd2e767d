import { describe, expect, it } from 'vitest';
import { loadRenderHistory } from '../../lib/background/state/render-history';
import { putJob } from '../../lib/storage/jobs';
import { createHarness, waitForJob } from './helpers/engine-harness';
import { video, submit, useEngineEmulator } from './helpers/engine-suite';

const suite = useEngineEmulator();
const posts = (path: string) => suite.emulator.requests.filter((r) => r.method === 'POST' && r.path === path);

describe('job engine against the emulator: poll timing', () => {
  it('waits out 429s on polls (≥ 2 s each, never using up retries) and reads a seed-001 done body', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    suite.emulator.configure({ videoRenderMs: 0 });
    // More 429s than the 8 transient attempts a job gets: they must not count.
    suite.emulator.inject({ route: 'GET /v1/videos/:id', kind: 'rate_limit', retryAfter: 0, times: 9 }, { route: 'GET /v1/videos/:id', kind: 'done_form', shape: 'top_level' });
    const started = Date.now();
    const done = await waitForJob((await submit(h, video('through the limit'))).id, undefined, 45_000);
    expect(done.status).toBe('done');
    expect(done.results[0]?.kind).toBe('video');
    const polls = suite.emulator.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/videos/'));
    expect(polls).toHaveLength(10);
    const gaps = polls.slice(1).map((poll, i) => poll.at - (polls[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(18_000);
    expect(posts('/v1/videos/generations')).toHaveLength(1);
  }, 50_000);

  it('times polls by the render times of earlier jobs, learns from each finish, and still waits out a 429 in full', async () => {
    const h = createHarness(suite.emulator.apiBaseUrl);
    const earlier = await waitForJob((await submit(h, video('earlier'))).id);
    expect(earlier.renderSeenAt).toBeDefined();
    const learned = await loadRenderHistory();
    expect(learned).toHaveLength(1);
    expect(learned[0]!.ms).toBeGreaterThan(1_000);
    expect(learned[0]!.ms).toBeLessThan(3_500);
    for (let i = 0; i < 3; i++) {
      const base = Date.now() - 3_600_000 * (i + 1);
      await putJob({ ...earlier, id: `earlier-${i}`, createdAt: base, submittedAt: base, lastPendingAt: base + 1_400, renderSeenAt: base + 1_600 });
    }
    suite.emulator.reset();
    suite.emulator.inject({ route: 'GET /v1/videos/:id', kind: 'rate_limit', retryAfter: 0, times: 1 });
    const done = await waitForJob((await submit(h, video('on time'))).id, undefined, 20_000);
    expect(done.status).toBe('done');
    const [post] = posts('/v1/videos/generations');
    const polls = suite.emulator.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/videos/'));
    // History says ~1.5 s: the first look is at the window (not the prior's 2 s probe), the 429 still costs ≥ 2 s.
    expect(polls[0]!.at - post!.at).toBeGreaterThanOrEqual(1_000);
    expect(polls[0]!.at - post!.at).toBeLessThan(2_000);
    expect(polls[1]!.at - polls[0]!.at).toBeGreaterThanOrEqual(2_000);
    expect(polls).toHaveLength(2);
  }, 30_000);
});
