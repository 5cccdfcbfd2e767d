import { useBatch } from '../../lib/ui/batch-panel-store';
import { BATCH_MAX_IMAGES, type BatchPicker } from '../../lib/batch/batch-schema';
import { BatchCost } from './BatchCost';
import { BatchGrid } from './BatchGrid';
import { BatchPromptFields } from './BatchPromptFields';
import { StoryPickerActions } from './StoryPickerActions';
import { formatNumber, t } from '../../lib/i18n';

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
              {capped ? t('batch.batchPickerView.showingFirst', { max: formatNumber(BATCH_MAX_IMAGES), total: formatNumber(picker.total) }) : t('batch.batchPickerView.pictures', picker.total, { count: formatNumber(picker.total) })}{' '}{t('batch.batchPickerView.iconsTrackingPixelsAnd')}
            </span>
            <span className="inline">
              <button type="button" className="link" onClick={() => setAll(true)}>
                {t('batch.batchPickerView.selectAll')}
              </button>
              <button type="button" className="link" onClick={() => setAll(false)}>
                {t('batch.batchPickerView.selectNone')}
              </button>
            </span>
          </div>
          <BatchGrid candidates={picker.candidates} selected={selected} onToggle={toggle} />
          {picker.purpose === 'story' ? (
            <StoryPickerActions picker={picker} selected={selected} />
          ) : (
            <>
          <BatchPromptFields />
          <BatchCost count={count}>
            {(blocked) => (
              <div className="actions">
                <button type="button" className="primary" disabled={count === 0 || !prompt.trim() || blocked || starting} onClick={() => void start()}>
                  {t('batch.batchPickerView.runOnImages', count, { count: formatNumber(count) })}
                </button>
                <button type="button" onClick={closePicker}>
                  {t('batch.batchPickerView.close')}
                </button>
              </div>
            )}
          </BatchCost>
            </>
          )}
        </>
      )}
      {picker.candidates.length === 0 && (
        <button type="button" onClick={closePicker}>
          {t('batch.batchPickerView.close')}
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
