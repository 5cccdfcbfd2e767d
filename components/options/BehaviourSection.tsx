import { TodaySpend } from './TodaySpend';
import { Field, numberText, optionalNumber, requiredNumber } from './form';
import type { SectionProps } from './sections';
import { t } from '../../lib/i18n';

export function BehaviourSection({ draft, update, errors }: SectionProps) {
  const r = draft.retention;
  const setRetention = (patch: Partial<typeof r>) => update((d) => ({ ...d, retention: { ...d.retention, ...patch } }));
  return (
    <section aria-labelledby="behaviour-h">
      <h2 id="behaviour-h">{t('options.behaviourSection.jobsAndHistory')}</h2>
      <Field id="concurrency" label={t('options.behaviourSection.jobsRunningAtOnce')} error={errors.concurrency} hint={t('options.behaviourSection.x1To10')}>
        {(a) => <input {...a} type="number" min={1} max={10} value={numberText(draft.concurrency)} onChange={(e) => update((d) => ({ ...d, concurrency: requiredNumber(e.target.value) }))} />}
      </Field>
      <Field id="spend-cap" label={t('options.behaviourSection.dailySpendingCapUsd')} error={errors.dailySpendCapUsd} hint={t('options.behaviourSection.emptyMeansNoCap')}>
        {(a) => (
          <input {...a} type="number" min={0} step="0.01" value={numberText(draft.dailySpendCapUsd)} onChange={(e) => update((d) => ({ ...d, dailySpendCapUsd: optionalNumber(e.target.value) }))} />
        )}
      </Field>
      <TodaySpend />
      <div className="field">
        <label style={{ fontWeight: 400, display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" style={{ width: 'auto' }} checked={draft.notifications} onChange={(e) => update((d) => ({ ...d, notifications: e.target.checked }))} />
          {t('options.behaviourSection.notifyMeWhenA')}
        </label>
      </div>
      <fieldset>
        <legend>{t('options.behaviourSection.historyRetentionEmptyKeep')}</legend>
        <Field id="keep-count" label={t('options.behaviourSection.keepAtMostEntries')} error={errors['retention.maxCount']} hint={t('options.behaviourSection.x10OrMore')}>
          {(a) => <input {...a} type="number" min={10} value={numberText(r.maxCount)} onChange={(e) => setRetention({ maxCount: optionalNumber(e.target.value) })} />}
        </Field>
        <Field id="keep-days" label={t('options.behaviourSection.deleteEntriesOlderThan')} error={errors['retention.maxAgeDays']}>
          {(a) => <input {...a} type="number" min={1} value={numberText(r.maxAgeDays)} onChange={(e) => setRetention({ maxAgeDays: optionalNumber(e.target.value) })} />}
        </Field>
        <Field id="keep-mb" label={t('options.behaviourSection.keepHistoryUnderMb')} error={errors['retention.maxMegabytes']} hint={t('options.behaviourSection.x50MbOrMore')}>
          {(a) => <input {...a} type="number" min={50} value={numberText(r.maxMegabytes)} onChange={(e) => setRetention({ maxMegabytes: optionalNumber(e.target.value) })} />}
        </Field>
      </fieldset>
    </section>
  );
}
