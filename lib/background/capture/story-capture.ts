import type { Reply } from '../../messaging/protocol';
import type { SourceRef } from '../../model/request';
import { announce } from '../../storage/changes';
import { updateStory } from '../../story/story-store';
import type { Story } from '../../story/story-schema';
import type { CapturePurpose } from './pending';
import { t } from '../../i18n';

/**
 * Where a story picture's capture ends (story-page.ts starts them): the shot's start gets the stored
 * picture, or the reason it could not be read. Kept apart from story-page.ts so capture/ does not import
 * the code that imports it.
 */
type StoryCapture = Extract<CapturePurpose, { kind: 'story' }>;

function setStart(purpose: StoryCapture, patch: { source: SourceRef } | { captureError: string }): Promise<Story | undefined> {
  return updateStory(purpose.storyId, (story) => {
    const shot = story.shots.find((s) => s.id === purpose.shotId);
    if (!shot || shot.start.kind !== 'image' || shot.start.source || shot.jobId) return undefined; // changed meanwhile: leave it
    const { captureError: _previous, ...start } = shot.start;
    return { ...story, updatedAt: Date.now(), shots: story.shots.map((s) => (s.id === shot.id ? { ...s, start: { ...start, ...patch } } : s)) };
  });
}

/** capture/finish.ts: the picture's bytes are stored; the shot starts from them. */
export async function attachStoryPicture(purpose: StoryCapture, source: SourceRef): Promise<Reply> {
  await setStart(purpose, { source });
  announce({ type: 'story', id: purpose.storyId });
  return { ok: true, next: 'panel' };
}

/** capture/announce.ts: a story picture's capture state (only a failure is recorded; the shot shows it). */
export async function markStoryCapture(purpose: StoryCapture, state: { state: 'pending' | 'failed' | 'ready'; message?: string }): Promise<void> {
  if (state.state !== 'failed') return;
  await setStart(purpose, { captureError: (state.message ?? t('panel.captureStatus.theImageCouldNot')).slice(0, 1000) });
  announce({ type: 'story', id: purpose.storyId });
}
