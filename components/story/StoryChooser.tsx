import { useEffect, useState } from 'react';
import { listStories } from '../../lib/story/story-store';
import type { Story } from '../../lib/story/story-schema';
import { newStory, useStory } from '../../lib/ui/story-editor-store';
import { formatDateTime, t } from '../../lib/i18n';

/** Saved stories (each reopens here, shots and results as they were) and "New story". */
export function StoryChooser({ model }: { model: string }) {
  const current = useStory((s) => s.story);
  const [stories, setStories] = useState<Story[]>([]);
  useEffect(() => {
    void listStories().then(setStories);
  }, [current?.id, current?.shots.length]);
  const label = (story: Story) => story.title || story.shots[0]?.prompt.slice(0, 40) || t('story.untitled', { date: formatDateTime(story.createdAt) });
  return (
    <div className="story-actions story-chooser field">
      {stories.length > 1 && (
        <select aria-label={t('story.savedStories')} id="story-chooser" value={current?.id} onChange={(e) => void useStory.getState().load(e.target.value)}>
          {stories.map((story) => (
            <option key={story.id} value={story.id}>
              {label(story)}
            </option>
          ))}
        </select>
      )}
      <button type="button" onClick={() => useStory.setState({ story: newStory(model), jobs: {}, error: undefined })}>
        {t('story.newStory')}
      </button>
    </div>
  );
}
