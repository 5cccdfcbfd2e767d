import { modelCapabilities, modelName } from '../../lib/ui/model-label';
import { t } from '../../lib/i18n';

/**
 * The Model control: a select of the catalogue's models by plain name ("Grok Imagine 2.0"), newest
 * first as the catalogue lists them. Raw ids, what each model can do, and typing any other id (model
 * strings are free-form on the wire) live under "Advanced".
 */
export function ModelField(props: {
  value: string;
  output: 'image' | 'video';
  models: readonly string[];
  invalid: boolean;
  describedBy: string | undefined;
  onChange(value: string): void;
}) {
  const value = props.value.trim();
  const hint = modelCapabilities(value, props.output);
  // A typed id (or one the live catalogue dropped) stays selectable as itself.
  const options = value && !props.models.includes(value) ? [...props.models, value] : props.models;
  return (
    <>
      <select id="model" value={value} aria-invalid={props.invalid} aria-describedby={props.describedBy} onChange={(e) => props.onChange(e.target.value)}>
        {!value && <option value="">{t('composer.modelField.chooseModel')}</option>}
        {options.map((m) => (
          <option key={m} value={m}>
            {modelName(m)}
          </option>
        ))}
      </select>
      <details className="model-advanced">
        <summary>{t('composer.modelField.advanced')}</summary>
        <label htmlFor="model-id">{t('composer.modelField.modelId')}</label>
        <input id="model-id" list="model-options" autoComplete="off" spellCheck={false} value={props.value} aria-describedby="model-hint" onChange={(e) => props.onChange(e.target.value)} />
        <datalist id="model-options" data-testid="model-options">
          {props.models.map((m) => (
            <option key={m} value={m} label={modelCapabilities(m, props.output) ?? t('composer.modelField.fromYourAccountS')} />
          ))}
        </datalist>
        <span id="model-hint" className="hint">
          {hint ?? t('composer.modelField.aModelReimagineDoes')}
        </span>
      </details>
    </>
  );
}
