import { useState } from 'react';
import { SUGGESTED_VOICES, VIDEO_MAX_REFERENCE_AUDIOS } from '../../lib/model/imagine-models';
import { formatNumber, t } from '../../lib/i18n';
import { FieldError } from './Control';

/**
 * Voices for Video from references on grok-imagine-video-1.5 (`reference_audios: [{voice_id}]`, at most 3).
 * Adding a voice puts its tag (<AUDIO_n>) in the prompt at the cursor, the way sources get <IMAGE_n>. The
 * preset list is not published for Imagine (lib/model/imagine-models.ts SUGGESTED_VOICES says where the suggestions
 * come from), so any id can be typed.
 */
export function VoiceField({
  voices,
  error,
  onChange,
  onInsertTag,
}: {
  voices: string[];
  error: string | undefined;
  onChange(voices: string[]): void;
  onInsertTag(tag: string): void;
}) {
  const [typed, setTyped] = useState<string>(SUGGESTED_VOICES[0]);
  const full = voices.length >= VIDEO_MAX_REFERENCE_AUDIOS;
  const add = () => {
    const id = typed.trim();
    if (!id || full) return;
    onChange([...voices, id]);
    onInsertTag(`<AUDIO_${voices.length}>`);
  };
  return (
    <div className="field control voice-field">
      <label htmlFor="voice">{t('composer.voiceField.label')}</label>
      <div className="button-row">
        <input
          id="voice"
          list="voice-suggestions"
          value={typed}
          maxLength={64}
          aria-describedby={['voice-hint', error ? 'voices-error' : ''].filter(Boolean).join(' ')}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id="voice-suggestions">
          {SUGGESTED_VOICES.map((voice) => (
            <option key={voice} value={voice} />
          ))}
        </datalist>
        <button type="button" disabled={full || typed.trim() === ''} onClick={add}>
          {t('composer.voiceField.add')}
        </button>
      </div>
      {voices.length > 0 && (
        <ul className="voice-list">
          {voices.map((voice, index) => (
            <li key={`${voice}-${index}`}>
              <code>{`<AUDIO_${index}>`}</code> {voice}{' '}
              <button
                type="button"
                className="link"
                aria-label={t('composer.voiceField.remove', { tag: `<AUDIO_${index}>`, voice })}
                onClick={() => onChange(voices.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <span id="voice-hint" className="hint">
        {t('composer.voiceField.hint', { max: formatNumber(VIDEO_MAX_REFERENCE_AUDIOS) })}
      </span>
      <FieldError id="voices-error" message={error} />
    </div>
  );
}
