import { useBatch } from '../../lib/ui/batch-panel-store';
import { BatchPickerView } from './BatchPickerView';
import { BatchProgress } from './BatchProgress';
import { t } from '../../lib/i18n';

/**
 * "Reimagine images on this page…" in the side panel: the picker after the menu click, then the batch it
 * started (its images, Replace all / Revert all / Cancel batch). Nothing is shown without either.
 * "Make a story from this page…" uses the same picker under its own heading: the pictures become shots.
 */
export function BatchSection() {
  const picker = useBatch((s) => s.picker);
  const record = useBatch((s) => s.record);
  if (!picker && !record) return null;
  const story = picker?.purpose === 'story';
  const heading = story ? t('story.pickerHeading') : t('batch.batchSection.imagesOnThisPage');
  return (
    <section aria-label={heading} className="batch">
      <h2>{heading}</h2>
      {story && <p className="hint">{t('story.pickerIntro')}</p>}
      {picker ? <BatchPickerView picker={picker} /> : record ? <BatchProgress record={record} /> : null}
    </section>
  );
}
