import { t } from '../../lib/i18n';

/**
 * Sound, in every video mode. Grok videos have sound unless the request says `generate_audio: false`
 * (xai-sdk-python 1.19.0), so on is the default and only "off" changes what is sent.
 */
export function SoundField({ value, onChange }: { value: boolean; onChange(value: boolean): void }) {
  return (
    <div className="field control checkbox-control">
      <label>
        <input id="sound" type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} /> {t('composer.soundField.label')}
      </label>
    </div>
  );
}
