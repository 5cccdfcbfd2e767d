import type { ImageQuality } from '../../lib/api/models';
import { AUTO_SERVES } from '../../lib/pricing/prices';

/**
 * grok-imagine-image-2.0's Quality. Reimagine always sends the value chosen here so that the estimate and
 * the bill agree; Auto is billed at whatever quality the server picks, so it is estimated at the top of
 * its range.
 */
export function QualityField({ value, onChange }: { value: ImageQuality; onChange(value: ImageQuality): void }) {
  return (
    <>
      <select id="quality" value={value} aria-describedby="quality-hint" onChange={(e) => onChange(e.target.value as ImageQuality)}>
        <option value="low">Low</option>
        <option value="medium">Medium</option>
        <option value="auto">Auto (priced at what the server picks)</option>
      </select>
      {value === 'auto' && (
        <span id="quality-hint" className="hint">
          Billed at the quality the server serves ({AUTO_SERVES.generation} for new images, {AUTO_SERVES.edit} for edits, per xAI); estimated at the higher price.
        </span>
      )}
    </>
  );
}
