import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { attachStoryPicture, markStoryCapture } from '../../lib/background/capture/story-capture';
import { putStory, readStory } from '../../lib/story/story-store';
import type { Story } from '../../lib/story/story-schema';
import { freshProfile } from './helpers/archive-fixture';

/**
 * A story picture's capture as the shot records it: the failure and, for a host the worker may not read,
 * the origin its "Allow access to <host>" asks for; a retry ("pending" again) clears both so the shot reads
 * the picture once more, and its success leaves only the picture.
 */
const purpose = { kind: 'story' as const, storyId: 's1', shotId: 'a' };
const story = (): Story => ({
  schemaVersion: 1,
  id: 's1',
  createdAt: 1,
  updatedAt: 1,
  title: '',
  houseStyle: '',
  aspectRatio: '16:9',
  resolution: '480p',
  model: 'grok-imagine-video',
  sound: false,
  running: false,
  shots: [{ id: 'a', prompt: '', duration: 6, start: { kind: 'image', from: 'page', captureId: 'c1' }, priorJobIds: [] }],
});
const startOf = async () => (await readStory('s1'))!.shots[0]!.start;

describe('story picture capture', () => {
  beforeEach(async () => {
    freshProfile();
    await putStory(story());
  });

  it('records the error and the origin to ask for, clears both on a retry, then keeps only the picture', async () => {
    await markStoryCapture(purpose, { state: 'pending' });
    expect(await startOf()).toEqual({ kind: 'image', from: 'page', captureId: 'c1' }); // nothing to clear: untouched
    await markStoryCapture(purpose, { state: 'failed', message: 'No access to cdn.test', accessOrigin: 'http://cdn.test' });
    expect(await startOf()).toMatchObject({ captureError: 'No access to cdn.test', accessOrigin: 'http://cdn.test' });

    await markStoryCapture(purpose, { state: 'pending' }); // capture.retry after the grant
    expect(await startOf()).toEqual({ kind: 'image', from: 'page', captureId: 'c1' });
    await markStoryCapture(purpose, { state: 'failed', message: 'HTTP 404' });
    expect(await startOf()).toEqual({ kind: 'image', from: 'page', captureId: 'c1', captureError: 'HTTP 404' }); // no stale origin

    await markStoryCapture(purpose, { state: 'pending' });
    await attachStoryPicture(purpose, { mediaId: 'm1', mimeType: 'image/png' });
    expect(await startOf()).toMatchObject({ kind: 'image', captureId: 'c1', source: { mediaId: 'm1' } });
    expect(await startOf()).not.toHaveProperty('captureError');
  });

  it('leaves a shot alone once the user changed its start', async () => {
    await putStory({ ...story(), shots: [{ ...story().shots[0]!, start: { kind: 'prompt' } }] });
    await markStoryCapture(purpose, { state: 'failed', message: 'No access', accessOrigin: 'http://cdn.test' });
    expect(await startOf()).toEqual({ kind: 'prompt' });
  });
});
