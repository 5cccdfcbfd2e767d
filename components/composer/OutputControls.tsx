import type { Draft } from '../../lib/ui/composer-draft';
import { modelOf } from '../../lib/ui/composer-draft';
import { imageRatiosFor, videoDurationFor, videoResolutionsFor, type Control as ControlKey } from '../../lib/ui/composer-controls';
import { MODE_INFO } from '../../lib/model/modes';
import type { Capabilities } from '../../lib/providers/types';
import { Control } from './Control';
import { ModelField } from './ModelField';
import { QualityField } from './QualityField';
import { SoundField } from './SoundField';
import { t } from '../../lib/i18n';

/**
 * The output settings under the prompt. Which ones show, and the values each offers, follow the mode,
 * the provider and the selected model (ratios, resolutions, quality, durations).
 */
export function OutputControls({
  draft,
  caps,
  controls,
  err,
  describe,
  update,
}: {
  draft: Draft;
  caps: Capabilities;
  controls: ControlKey[];
  err(key: string): string | undefined;
  describe(key: string, hint?: string): string | undefined;
  update(patch: Partial<Draft>): void;
}) {
  const info = MODE_INFO[draft.mode];
  return (
    <div className="controls">
      {controls.includes('model') && (
        <Control id="model" label={t('composer.outputControls.model')} error={err('model')}>
          <ModelField
            value={modelOf(draft)}
            output={info.output === 'video' ? 'video' : 'image'}
            models={info.output === 'image' ? caps.models.image : caps.models.video}
            invalid={!!err('model')}
            describedBy={describe('model')}
            onChange={(value) => update(info.output === 'image' ? { imageModel: value } : { videoModel: value })}
          />
        </Control>
      )}
      {controls.includes('count') && (
        <Control id="count" label={t('composer.outputControls.count')} error={err('n')}>
          <input
            id="count"
            type="number"
            min={1}
            max={caps.maxCount}
            value={Number.isFinite(draft.n) && draft.n > 0 ? draft.n : ''}
            aria-invalid={!!err('n')}
            aria-describedby={describe('n')}
            onChange={(e) => update({ n: Number(e.target.value) || 0 })}
          />
        </Control>
      )}
      {controls.includes('aspectRatio') && (
        <Control id="aspect-ratio" label={t('composer.outputControls.aspectRatio')} error={err('aspectRatio')}>
          {draft.mode === 'edit-image' ? (
            <select id="aspect-ratio" value={draft.editAspectRatio} onChange={(e) => update({ editAspectRatio: e.target.value })}>
              <option value="">{t('composer.outputControls.followTheInputs')}</option>
              {imageRatiosFor(draft.imageModel, caps).map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ) : info.output === 'image' ? (
            <select id="aspect-ratio" value={draft.imageAspectRatio} onChange={(e) => update({ imageAspectRatio: e.target.value })}>
              {[...new Set([...imageRatiosFor(draft.imageModel, caps), draft.imageAspectRatio])].map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ) : (
            <select id="aspect-ratio" value={draft.videoAspectRatio} onChange={(e) => update({ videoAspectRatio: e.target.value })}>
              {caps.videoAspectRatios.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Control>
      )}
      {controls.includes('resolution') && (
        <Control id="resolution" label={t('composer.outputControls.resolution')} error={err('resolution')}>
          {info.output === 'image' ? (
            <select id="resolution" value={draft.imageResolution} onChange={(e) => update({ imageResolution: e.target.value })}>
              {caps.imageResolutions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ) : (
            <select
              id="resolution"
              value={draft.videoResolution}
              aria-invalid={!!err('resolution')}
              aria-describedby={describe('resolution')}
              onChange={(e) => update({ videoResolution: e.target.value })}
            >
              {/* Only what the model and mode take (a carried-over value is corrected: lib/ui/composer-limits.ts). */}
              {videoResolutionsFor(draft.videoModel, caps, draft.mode).map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Control>
      )}
      {controls.includes('quality') && (
        <Control id="quality" label={t('composer.outputControls.quality')} error={err('quality')}>
          <QualityField value={draft.quality} onChange={(quality) => update({ quality })} />
        </Control>
      )}
      {controls.includes('duration') && (
        <Control id="duration" label={draft.mode === 'extend-video' ? t('composer.outputControls.extendByS') : t('composer.outputControls.durationS')} error={err('duration')}>
          <input
            id="duration"
            type="number"
            min={videoDurationFor(draft.videoModel, caps, draft.mode).min}
            max={videoDurationFor(draft.videoModel, caps, draft.mode).max}
            value={(draft.mode === 'extend-video' ? draft.extendDuration : draft.duration) || ''}
            aria-invalid={!!err('duration')}
            aria-describedby={describe('duration')}
            onChange={(e) => {
              const value = Number(e.target.value) || 0;
              update(draft.mode === 'extend-video' ? { extendDuration: value } : { duration: value });
            }}
          />
        </Control>
      )}
      {controls.includes('sound') && <SoundField value={draft.sound} onChange={(sound) => update({ sound })} />}
      {controls.includes('outputFormat') && (
        <Control id="output-format" label={t('composer.outputControls.format')} error={err('outputFormat')}>
          <select id="output-format" value={draft.outputFormat} onChange={(e) => update({ outputFormat: e.target.value })}>
            {caps.outputFormats.map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </Control>
      )}
    </div>
  );
}
