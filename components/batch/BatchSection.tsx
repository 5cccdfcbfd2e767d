import { useBatch } from '../../lib/batch/panel-store';
import { BatchPickerView } from './BatchPickerView';
import { BatchProgress } from './BatchProgress';

/**
 * "Reimagine images on this page…" in the side panel: the picker after the menu click, then the batch it
 * started (its images, Replace all / Revert all / Cancel batch). Nothing is shown without either.
 */
export function BatchSection() {
  const picker = useBatch((s) => s.picker);
  const record = useBatch((s) => s.record);
  if (!picker && !record) return null;
  return (
    <section aria-label="Images on this page" className="batch">
      <h2>Images on this page</h2>
      {picker ? <BatchPickerView picker={picker} /> : record ? <BatchProgress record={record} /> : null}
    </section>
  );
}
