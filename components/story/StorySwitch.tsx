import { useEffect, type ReactNode } from 'react';
import { useStory, watchStory, newStory } from '../../lib/ui/story-editor-store';
import { useSettings } from '../../lib/ui/settings-view-store';
import { StoryEditor } from './StoryEditor';
import { Icon } from '../gallery/Icon';
import { SESSION_NAMES } from '../../lib/storage/keys';
import { t } from '../../lib/i18n';
import './story.css';

/**
 * The Story entry point: StorySwitch swaps the composer (its children) for the story editor, and back;
 * StoryButton, in the panel's header, opens it (no row of its own above the composer, which starts at the
 * top). `?story=<id>` (a history entry) opens that story.
 */
export function StorySwitch({ children }: { children: ReactNode }) {
  const open = useStory((s) => s.open);
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
  if (!open) return <>{children}</>;
  return <StoryEditor onClose={() => useStory.getState().setOpen(false)} />;
}

/** The header's "Story" button; hidden while the story editor is open (its Back button returns). */
export function StoryButton() {
  const open = useStory((s) => s.open);
  const story = useStory((s) => s.story);
  const videoModel = useSettings((s) => s.settings.defaults.video.model);
  const start = async () => {
    if (!story) await useStory.getState().load();
    if (!useStory.getState().story) useStory.setState({ story: newStory(videoModel) });
    useStory.getState().setOpen(true);
  };
  if (open) return null;
  return (
    <button type="button" className="story-open" onClick={() => void start()}>
      <Icon name="video" />
      {t('story.open')}
    </button>
  );
}
