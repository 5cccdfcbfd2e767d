import { useBatch } from '../../lib/batch/panel-store';
import { BATCH_MAX_IMAGES, type BatchPicker } from '../../lib/batch/schema';
import { BatchCost } from './BatchCost';
import { BatchGrid } from './BatchGrid';
import { BatchPromptFields } from './BatchPromptFields';

/** The picker: which pictures, which prompt and mode, what it costs; "Run on N images". */
export function BatchPickerView({ picker }: { picker: BatchPicker }) {
  const { selected, prompt, starting, error, toggle, setAll, start, closePicker } = useBatch();
  const count = selected.length;
  const capped = picker.total > picker.candidates.length;
  return (
    <div className="batch-picker">
      {picker.message && <p className="notice">{picker.message}</p>}
      {picker.candidates.length > 0 && (
        <>
          <div className="label-row">
            <span className="hint">
              {capped ? `Showing the first ${BATCH_MAX_IMAGES} of ${picker.total} pictures on this page.` : `${picker.total} picture${picker.total === 1 ? '' : 's'} on this page.`} Icons, tracking pixels and
              pictures under 128 px are left out.
            </span>
            <span className="inline">
              <button type="button" className="link" onClick={() => setAll(true)}>
                Select all
              </button>
              <button type="button" className="link" onClick={() => setAll(false)}>
                Select none
              </button>
            </span>
          </div>
          <BatchGrid candidates={picker.candidates} selected={selected} pageUrl={picker.pageUrl} onToggle={toggle} />
          <BatchPromptFields />
          <BatchCost count={count}>
            {(blocked) => (
              <div className="actions">
                <button type="button" className="primary" disabled={count === 0 || !prompt.trim() || blocked || starting} onClick={() => void start()}>
                  Run on {count} image{count === 1 ? '' : 's'}
                </button>
                <button type="button" onClick={closePicker}>
                  Close
                </button>
              </div>
            )}
          </BatchCost>
        </>
      )}
      {picker.candidates.length === 0 && (
        <button type="button" onClick={closePicker}>
          Close
        </button>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
