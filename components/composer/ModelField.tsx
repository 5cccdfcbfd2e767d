import { modelCapabilities } from '../../lib/ui/model-label';
import { t } from '../../lib/i18n';

/**
 * The Model control: a native combobox (an input with a datalist) of the catalogue's models, each labelled
 * with what it can do. Typing any other id still works: model strings are free-form on the wire.
 */
export function ModelField(props: {
  value: string;
  output: 'image' | 'video';
  models: readonly string[];
  invalid: boolean;
  describedBy: string | undefined;
  onChange(value: string): void;
}) {
  const hint = modelCapabilities(props.value, props.output);
  return (
    <>
      <input
        id="model"
        list="model-options"
        autoComplete="off"
        value={props.value}
        aria-invalid={props.invalid}
        aria-describedby={[props.describedBy, 'model-hint'].filter(Boolean).join(' ')}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id="model-options" data-testid="model-options">
        {props.models.map((m) => (
          <option key={m} value={m} label={modelCapabilities(m, props.output) ?? t('composer.modelField.fromYourAccountS')} />
        ))}
      </datalist>
      <span id="model-hint" className="hint">
        {hint ?? t('composer.modelField.aModelReimagineDoes')}
      </span>
    </>
  );
}
