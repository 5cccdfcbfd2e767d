import { useState } from 'react';
import { useBatch } from '../../lib/ui/batch-panel-store';
import { useStory } from '../../lib/ui/story-editor-store';
import type { BatchPicker } from '../../lib/batch/batch-schema';
import { STORY_MAX_SHOTS } from '../../lib/story/story-schema';
import { formatNumber, t } from '../../lib/i18n';

/**
 * The picker's end for "Make a story from this page…": the chosen pictures (page order) become a new story,
 * one shot each starting from its picture; nothing is sent until Run story. The story editor opens on it.
 */
export function StoryPickerActions({ picker, selected }: { picker: BatchPicker; selected: string[] }) {
  const { closePicker } = useBatch();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const count = selected.length;
  const tooMany = count > STORY_MAX_SHOTS;
  const make = async () => {
    setBusy(true);
    // Page order, whatever order the boxes were ticked in.
    const ids = picker.candidates.filter((c) => selected.includes(c.id)).map((c) => c.id);
    const failed = await useStory.getState().fromPage(picker.scanId, ids);
    setBusy(false);
    if (failed) setError(failed);
    else closePicker();
  };
  return (
    <>
      <p className="hint">{tooMany ? t('story.pickTooMany', { max: formatNumber(STORY_MAX_SHOTS) }) : t('story.pickHint')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={count === 0 || tooMany || busy} onClick={() => void make()}>
          {t('story.makeStory', count, { count: formatNumber(count) })}
        </button>
        <button type="button" onClick={closePicker}>
          {t('batch.batchPickerView.close')}
        </button>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
