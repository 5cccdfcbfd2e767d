import type { ImageQuality } from '../../lib/model/imagine-models';
import { AUTO_SERVES } from '../../lib/pricing/prices';
import { t } from '../../lib/i18n';

/**
 * grok-imagine-image-2.0's Quality. Reimagine always sends the value chosen here so that the estimate and
 * the bill agree; Auto is billed at whatever quality the server picks, so it is estimated at the top of
 * its range.
 */
export function QualityField({ value, onChange }: { value: ImageQuality; onChange(value: ImageQuality): void }) {
  return (
    <>
      <select id="quality" value={value} aria-describedby="quality-hint" onChange={(e) => onChange(e.target.value as ImageQuality)}>
        <option value="low">{t('composer.qualityField.low')}</option>
        <option value="medium">{t('composer.qualityField.medium')}</option>
        <option value="auto">{t('composer.qualityField.autoPricedAtWhat')}</option>
      </select>
      {value === 'auto' && (
        <span id="quality-hint" className="hint">
          {t('composer.qualityField.autoHint', { generation: AUTO_SERVES.generation, edit: AUTO_SERVES.edit })}
        </span>
      )}
    </>
  );
}
