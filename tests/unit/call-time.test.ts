import { describe, expect, it } from 'vitest';
import { expectedCallMs } from '../../lib/jobs/call-time';
import type { Job } from '../../lib/model/job';

/** An image call's expected length: the user's own recent calls of the same kind, else the service's shape. */

const request = (resolution = '1k', model = 'grok-imagine-image', n = 1) => ({ mode: 'create-image', prompt: 'p', model, n, aspectRatio: '1:1', resolution });
const done = (id: string, ms: number, at: number, extra: Partial<Job> = {}): Job =>
  ({ id, provider: 'xai', status: 'done', request: request(), sentAt: at - ms, submittedAt: at, finishedAt: at + 100, updatedAt: at + 100, ...extra }) as unknown as Job;
const waiting = { id: 'now', provider: 'xai', request: request() } as unknown as Job;

describe('expectedCallMs', () => {
  it('uses the median of the same provider, model and resolution, newest first, ignoring absurd samples', () => {
    const history = [done('a', 6_000, 1_000), done('b', 9_000, 2_000), done('c', 7_000, 3_000), done('d', 50, 4_000), done('e', 20 * 60_000, 5_000)];
    expect(expectedCallMs(waiting, history)).toEqual({ ms: 7_000, source: 'history', samples: 3 });
    const other = [done('x', 30_000, 1_000, { request: request('2k') } as Partial<Job>), done('y', 30_000, 1_000, { provider: 'runware' } as Partial<Job>)];
    expect(expectedCallMs(waiting, other)).toMatchObject({ source: 'typical', ms: 8_000 });
  });

  it('without history: the service shape by resolution, a little more per extra image; none for videos', () => {
    expect(expectedCallMs({ ...waiting, request: request('2k') } as unknown as Job, [])?.ms).toBe(22_000);
    expect(expectedCallMs({ ...waiting, request: request('1k', 'grok-imagine-image', 4) } as unknown as Job, [])?.ms).toBe(11_000);
    expect(expectedCallMs({ ...waiting, request: { mode: 'create-video', prompt: 'p', model: 'm', duration: 4, aspectRatio: '16:9', resolution: '480p' } } as unknown as Job, [])).toBeUndefined();
  });
});
