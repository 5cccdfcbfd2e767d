import { describe, expect, it } from 'vitest';
import { keepRecordedPicture, nextActions, planStory, storySettled, previousVideoOf, retryShot, shotRequest, stitchList, storyComplete, type ShotJob } from '../../lib/story/planner';
import { estimateStory, storyCapError } from '../../lib/story/story-cost';
import { storySchema, type Story } from '../../lib/story/story-schema';
import { estimateRequest } from '../../lib/pricing/estimate';

const page = { mediaId: 'page-1', mimeType: 'image/jpeg' };
const video = (id: string) => ({ mediaId: `v-${id}`, kind: 'video' as const, mimeType: 'video/mp4', bytes: 100, thumb: false, durationS: 8 });

function story(patch: Partial<Story> = {}): Story {
  return storySchema.parse({
    id: 's1',
    createdAt: 1,
    updatedAt: 1,
    model: 'grok-imagine-video',
    houseStyle: 'warm film grain',
    shots: [
      { id: 'a', prompt: 'a shop window', duration: 8, start: { kind: 'image', source: page } },
      { id: 'b', prompt: 'the door opens', duration: 6, start: { kind: 'last-frame' } },
      { id: 'c', prompt: 'and inside', duration: 4, start: { kind: 'extend' } },
      { id: 'd', prompt: 'another day', duration: 5, start: { kind: 'prompt' } },
    ],
    ...patch,
  });
}

const jobs = (entries: Record<string, Partial<ShotJob>>) => (id: string) =>
  entries[id] ? ({ id, status: 'done', results: [], moderatedCount: 0, ...entries[id] } as ShotJob) : undefined;
const withJobs = (s: Story, ids: Record<string, string>): Story => ({ ...s, shots: s.shots.map((shot) => (ids[shot.id] ? { ...shot, jobId: ids[shot.id] } : shot)) });

describe('planStory', () => {
  it('independent shots are ready at once; continuations wait for their predecessor', () => {
    const plans = planStory(story(), jobs({}));
    expect(plans.map((p) => p.state)).toEqual(['ready', 'waiting', 'waiting', 'ready']);
    expect(plans[1]?.dependsOn).toBe('a');
    expect(nextActions(plans)).toEqual({ submit: ['a', 'd'], extractFrame: [] });
  });

  it('a done predecessor asks for its last frame first, then the shot is ready', () => {
    const s = withJobs(story(), { a: 'j1' });
    const done = jobs({ j1: { results: [video('a')] } });
    expect(nextActions(planStory(s, done))).toEqual({ submit: ['d'], extractFrame: ['b'] });
    const framed = { ...s, shots: s.shots.map((shot) => (shot.id === 'b' ? { ...shot, frame: { mediaId: 'frame', mimeType: 'image/png' } } : shot)) };
    expect(nextActions(planStory(framed, done)).submit).toEqual(['b', 'd']);
  });

  it('a failed or moderated shot blocks only the shots that depend on it', () => {
    const s = withJobs(story(), { a: 'j1', d: 'j4' });
    for (const failed of [{ status: 'failed' as const }, { results: [video('a')], moderatedCount: 1 }]) {
      const plans = planStory(s, jobs({ j1: failed, j4: { status: 'running' } }));
      expect(plans.map((p) => p.state)).toEqual(['failed', 'blocked', 'blocked', 'active']);
      expect(nextActions(plans)).toEqual({ submit: [], extractFrame: [] });
    }
  });

  it('a first shot cannot continue anything', () => {
    const s = story({ shots: [{ id: 'x', prompt: '', duration: 5, start: { kind: 'extend' }, priorJobIds: [] }] });
    expect(planStory(s, jobs({}))[0]?.state).toBe('blocked');
  });
});

describe('retryShot', () => {
  it('sets aside the failed job only; done shots keep theirs (nothing paid is run again)', () => {
    const s = withJobs(story(), { a: 'j1', b: 'j2', d: 'j4' });
    const lookup = jobs({ j1: { results: [video('a')] }, j2: { status: 'failed' }, j4: { results: [video('d')] } });
    const retried = retryShot(s, 'b', lookup)!;
    expect(retried.shots.map((shot) => shot.jobId)).toEqual(['j1', undefined, undefined, 'j4']);
    expect(retried.shots[1]?.priorJobIds).toEqual(['j2']);
    expect(retried.running).toBe(true);
    expect(retryShot(s, 'a', lookup)).toBeUndefined(); // done: not retryable
    expect(retryShot(s, 'c', lookup)).toBeUndefined(); // never sent
  });
});

describe('shotRequest', () => {
  it('applies house style, model, sound and the start to each shot', () => {
    const s = story({ sound: false });
    const [a, b, c, d] = s.shots;
    expect(shotRequest(s, a!, {})).toMatchObject({ mode: 'animate-image', sources: [page], prompt: 'a shop window, warm film grain', duration: 8, sound: false });
    expect(shotRequest(s, b!, {})).toBeUndefined(); // no frame yet
    expect(shotRequest(s, { ...b!, frame: { mediaId: 'f', mimeType: 'image/png' } }, {})).toMatchObject({ mode: 'animate-image', sources: [{ mediaId: 'f' }] });
    expect(shotRequest(s, c!, {})).toBeUndefined();
    const prev = previousVideoOf(withJobs(s, { b: 'j2' }), 'c', jobs({ j2: { results: [video('b')] } }));
    expect(shotRequest(s, c!, { previousVideo: prev! })).toMatchObject({ mode: 'extend-video', sources: [{ mediaId: 'v-b', mimeType: 'video/mp4' }], duration: 4 });
    expect(shotRequest(s, d!, {})).toMatchObject({ mode: 'create-video', aspectRatio: '16:9', resolution: '720p' });
  });
});

describe('stitchList', () => {
  it('an extension replaces the clip it extends (its result holds both), so the length is the sum of the shots', () => {
    const s = withJobs(story(), { a: 'j1', b: 'j2', c: 'j3', d: 'j4' });
    const lookup = jobs({ j1: { results: [video('a')] }, j2: { results: [video('b')] }, j3: { results: [video('c')] }, j4: { results: [video('d')] } });
    expect(stitchList(s, lookup)?.map((r) => r.mediaId)).toEqual(['v-a', 'v-c', 'v-d']);
    expect(storyComplete(planStory(s, lookup))).toBe(true);
    expect(stitchList(withJobs(story(), { a: 'j1' }), lookup)).toBeUndefined();
  });
});

describe('estimateStory', () => {
  it('sums every shot from the price table; done shots are not counted again', () => {
    const s = story();
    const all = estimateStory(s);
    const perShot = s.shots.map((shot) => estimateRequest(shotRequest(s, { ...shot, frame: page }, { previousVideo: { mediaId: 'v', mimeType: 'video/mp4' } })!)!.usd);
    expect(all.totalUsd).toBeCloseTo(perShot.reduce((a, b) => a + b, 0), 4);
    expect(all.remainingUsd).toBe(all.totalUsd);
    const partly = estimateStory(withJobs(s, { a: 'j1' }), jobs({ j1: { results: [video('a')] } }));
    expect(partly.remainingUsd).toBeCloseTo(all.totalUsd - perShot[0]!, 4);
  });

  it('is refused by the daily cap like any job', () => {
    const estimate = estimateStory(story());
    expect(storyCapError(estimate, null, 0)).toBeUndefined();
    expect(storyCapError(estimate, 100, 0)).toBeUndefined();
    expect(storyCapError(estimate, 0.5, 0)?.kind).toBe('spending_cap');
  });
});

describe('page pictures (Make a story from this page…)', () => {
  const reading = (patch: Record<string, unknown> = {}) => story({ shots: [{ id: 'a', prompt: 'x', duration: 6, start: { kind: 'image', from: 'page', captureId: 'cap-a', ...patch }, priorJobIds: [] }, { id: 'b', prompt: 'y', duration: 6, start: { kind: 'last-frame' }, priorJobIds: [] }] });

  it('a shot whose picture is still being read is not sent, and its successor waits', () => {
    const plans = planStory(reading(), jobs({}));
    expect(plans.map((p) => p.state)).toEqual(['reading', 'waiting']);
    expect(nextActions(plans).submit).toEqual([]);
    expect(shotRequest(reading(), reading().shots[0]!, {})).toBeUndefined();
    expect(estimateStory(reading()).unknown).toBe(false); // priced as it will be once read
  });

  it('an unreadable picture stops only what depends on it, and the story settles', () => {
    const plans = planStory(reading({ captureError: 'no access' }), jobs({}));
    expect(plans.map((p) => p.state)).toEqual(['unreadable', 'blocked']);
    expect(storySettled(plans)).toBe(true);
  });

  it('a save sent while the picture was read never erases what was read', () => {
    const recorded = reading({ source: page }).shots[0]!;
    const draft = { ...reading().shots[0]!, prompt: 'edited' };
    expect(keepRecordedPicture(draft, recorded)).toMatchObject({ prompt: 'edited', start: { source: page } });
    const other = { ...draft, start: { kind: 'prompt' as const } };
    expect(keepRecordedPicture(other, recorded)).toBe(other); // the user changed the start: theirs wins
  });
});
