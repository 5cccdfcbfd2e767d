import { useEffect, type ReactNode } from 'react';
import { useStory, watchStory, newStory } from '../../lib/ui/story-store';
import { useSettings } from '../../lib/ui/settings-view-store';
import { StoryEditor } from './StoryEditor';
import { t } from '../../lib/i18n';
import './story.css';

/**
 * The Story entry point: a "Story" button that swaps the composer (its children) for the story editor, and
 * back. `?story=<id>` (a history entry) opens that story.
 */
export function StorySwitch({ children }: { children: ReactNode }) {
  const open = useStory((s) => s.open);
  const story = useStory((s) => s.story);
  const videoModel = useSettings((s) => s.settings.defaults.video.model);
  useEffect(() => watchStory(), []);
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('story');
    if (id) void useStory.getState().load(id).then(() => useStory.getState().setOpen(true));
  }, []);

  const start = async () => {
    if (!story) await useStory.getState().load();
    if (!useStory.getState().story) useStory.setState({ story: newStory(videoModel) });
    useStory.getState().setOpen(true);
  };
  if (!open) {
    return (
      <>
        <div className="story-switch">
          <button type="button" onClick={() => void start()}>
            {t('story.open')}
          </button>
        </div>
        {children}
      </>
    );
  }
  return <StoryEditor onClose={() => useStory.getState().setOpen(false)} />;
}
