import { useBatch } from '../../lib/ui/batch-panel-store';
import { BatchPickerView } from './BatchPickerView';
import { BatchProgress } from './BatchProgress';
import { t } from '../../lib/i18n';

/**
 * "Reimagine images on this page…" in the side panel: the picker after the menu click, then the batch it
 * started (its images, Replace all / Revert all / Cancel batch). Nothing is shown without either.
 */
export function BatchSection() {
  const picker = useBatch((s) => s.picker);
  const record = useBatch((s) => s.record);
  if (!picker && !record) return null;
  return (
    <section aria-label={t('batch.batchSection.imagesOnThisPage')} className="batch">
      <h2>{t('batch.batchSection.imagesOnThisPage')}</h2>
      {picker ? <BatchPickerView picker={picker} /> : record ? <BatchProgress record={record} /> : null}
    </section>
  );
}
