import type { Reply } from '../../messaging/protocol';
import type { SourceRef } from '../../model/request';
import { announce } from '../../storage/changes';
import { updateStory } from '../../story/story-store';
import type { Story } from '../../story/story-schema';
import type { CapturePurpose } from './pending';
import { t } from '../../i18n';

/**
 * Where a story picture's capture ends (story-page.ts starts them): the shot's start gets the stored
 * picture, or the reason it could not be read (and, for a host the worker may not read, that origin: the
 * shot offers "Allow access to <host>", then `capture.retry` reads it again). Kept apart from story-page.ts
 * so capture/ does not import the code that imports it.
 */
type StoryCapture = Extract<CapturePurpose, { kind: 'story' }>;
type Patch = { source: SourceRef } | { captureError: string; accessOrigin?: string } | { reading: true };

function setStart(purpose: StoryCapture, patch: Patch): Promise<Story | undefined> {
  return updateStory(purpose.storyId, (story) => {
    const shot = story.shots.find((s) => s.id === purpose.shotId);
    if (!shot || shot.start.kind !== 'image' || shot.start.source || shot.jobId) return undefined; // changed meanwhile: leave it
    if ('reading' in patch && !shot.start.captureError) return undefined; // nothing to clear: no write
    const { captureError: _previous, accessOrigin: _origin, ...start } = shot.start;
    const next = 'reading' in patch ? start : { ...start, ...patch };
    return { ...story, updatedAt: Date.now(), shots: story.shots.map((s) => (s.id === shot.id ? { ...s, start: next } : s)) };
  });
}

/** capture/finish.ts: the picture's bytes are stored; the shot starts from them. */
export async function attachStoryPicture(purpose: StoryCapture, source: SourceRef): Promise<Reply> {
  await setStart(purpose, { source });
  announce({ type: 'story', id: purpose.storyId });
  return { ok: true, next: 'panel' };
}

/**
 * capture/announce.ts: a story picture's capture state. A failure is recorded on the shot; "pending" again
 * (a retry after the host grant) clears it, so the shot shows it is reading the picture once more.
 */
export async function markStoryCapture(purpose: StoryCapture, state: { state: 'pending' | 'failed' | 'ready'; message?: string; accessOrigin?: string }): Promise<void> {
  if (state.state === 'ready') return;
  const patch: Patch =
    state.state === 'pending'
      ? { reading: true }
      : { captureError: (state.message ?? t('panel.captureStatus.theImageCouldNot')).slice(0, 1000), ...(state.accessOrigin ? { accessOrigin: state.accessOrigin } : {}) };
  if (await setStart(purpose, patch)) announce({ type: 'story', id: purpose.storyId });
}
