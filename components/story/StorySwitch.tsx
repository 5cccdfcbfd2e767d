import { useEffect, type ReactNode } from 'react';
import { useStory, watchStory, newStory } from '../../lib/ui/story-store';
import { useSettings } from '../../lib/ui/settings-view-store';
import { StoryEditor } from './StoryEditor';
import { SESSION_NAMES } from '../../lib/storage/keys';
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
    const open = (id: string) => void useStory.getState().load(id).then(() => useStory.getState().setOpen(true));
    const id = new URLSearchParams(location.search).get('story');
    if (id) open(id);
    // A story's history entry (popup, History page) leaves its id in session storage for the open panel.
    const session = chrome.storage?.session;
    if (!session) return;
    const key = SESSION_NAMES.panelFocusStory;
    const take = async () => {
      const value: unknown = (await session.get(key))[key];
      if (typeof value !== 'string') return;
      await session.remove(key);
      open(value);
    };
    void take();
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'session' && changes[key]?.newValue) void take();
    };
    chrome.storage.onChanged.addListener(onChanged);
    return () => chrome.storage.onChanged.removeListener(onChanged);
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
