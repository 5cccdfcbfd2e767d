import { TodaySpend } from './TodaySpend';
import { Field, numberText, optionalNumber, requiredNumber } from './form';
import type { SectionProps } from './sections';

export function BehaviourSection({ draft, update, errors }: SectionProps) {
  const r = draft.retention;
  const setRetention = (patch: Partial<typeof r>) => update((d) => ({ ...d, retention: { ...d.retention, ...patch } }));
  return (
    <section aria-labelledby="behaviour-h">
      <h2 id="behaviour-h">Jobs and history</h2>
      <Field id="concurrency" label="Jobs running at once" error={errors.concurrency} hint="1 to 10.">
        {(a) => <input {...a} type="number" min={1} max={10} value={numberText(draft.concurrency)} onChange={(e) => update((d) => ({ ...d, concurrency: requiredNumber(e.target.value) }))} />}
      </Field>
      <Field id="spend-cap" label="Daily spending cap (USD)" error={errors.dailySpendCapUsd} hint="Empty means no cap. Jobs that would exceed it are refused before anything is sent.">
        {(a) => (
          <input {...a} type="number" min={0} step="0.01" value={numberText(draft.dailySpendCapUsd)} onChange={(e) => update((d) => ({ ...d, dailySpendCapUsd: optionalNumber(e.target.value) }))} />
        )}
      </Field>
      <TodaySpend />
      <div className="field">
        <label style={{ fontWeight: 400, display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" style={{ width: 'auto' }} checked={draft.notifications} onChange={(e) => update((d) => ({ ...d, notifications: e.target.checked }))} />
          Notify me when a job finishes while no Reimagine page is open
        </label>
      </div>
      <fieldset>
        <legend>History retention (empty = keep)</legend>
        <Field id="keep-count" label="Keep at most (entries)" error={errors['retention.maxCount']} hint="10 or more.">
          {(a) => <input {...a} type="number" min={10} value={numberText(r.maxCount)} onChange={(e) => setRetention({ maxCount: optionalNumber(e.target.value) })} />}
        </Field>
        <Field id="keep-days" label="Delete entries older than (days)" error={errors['retention.maxAgeDays']}>
          {(a) => <input {...a} type="number" min={1} value={numberText(r.maxAgeDays)} onChange={(e) => setRetention({ maxAgeDays: optionalNumber(e.target.value) })} />}
        </Field>
        <Field id="keep-mb" label="Keep history under (MB)" error={errors['retention.maxMegabytes']} hint="50 MB or more. The oldest finished entries go first.">
          {(a) => <input {...a} type="number" min={50} value={numberText(r.maxMegabytes)} onChange={(e) => setRetention({ maxMegabytes: optionalNumber(e.target.value) })} />}
        </Field>
      </fieldset>
    </section>
  );
}
