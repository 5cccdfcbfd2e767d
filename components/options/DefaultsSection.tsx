import { IMAGE_ASPECT_RATIOS, IMAGE_RESOLUTIONS, VIDEO_ASPECT_RATIOS, VIDEO_RESOLUTIONS, imageModelInfo } from '../../lib/model/imagine-models';
import { PROVIDERS } from '../../lib/providers/registry';
import { Field, numberText, requiredNumber } from './form';
import type { SectionProps } from './sections';
import { formatNumber, t } from '../../lib/i18n';

/** Offer what the provider supports (capabilities) within what the settings schema accepts. */
const supported = <T extends string>(all: readonly T[], provider: readonly string[], current: string): T[] =>
  all.filter((v) => provider.includes(v) || v === current);

export function DefaultsSection({ draft, update, errors }: SectionProps) {
  const caps = PROVIDERS[draft.provider].capabilities;
  const img = draft.defaults.image;
  const vid = draft.defaults.video;
  const setImage = (patch: Partial<typeof img>) => update((d) => ({ ...d, defaults: { ...d.defaults, image: { ...d.defaults.image, ...patch } } }));
  const setVideo = (patch: Partial<typeof vid>) => update((d) => ({ ...d, defaults: { ...d.defaults, video: { ...d.defaults.video, ...patch } } }));
  const e = (path: string) => errors[`defaults.${path}`];
  return (
    <section aria-labelledby="defaults-h">
      <h2 id="defaults-h">{t('options.defaultsSection.defaults')}</h2>
      <datalist id="image-models">
        {caps.models.image.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <datalist id="video-models">
        {caps.models.video.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <fieldset>
        <legend>{t('options.defaultsSection.imagesCreateAndEdit')}</legend>
        <Field id="img-model" label={t('options.defaultsSection.imageModel')} error={e('image.model')}>
          {(a) => <input {...a} list="image-models" value={img.model} onChange={(ev) => setImage({ model: ev.target.value })} />}
        </Field>
        {imageModelInfo(img.model.trim())?.qualities && (
          <Field id="img-quality" label={t('options.defaultsSection.imageQuality')} error={e('image.quality')}>
            {(a) => (
              <select {...a} value={img.quality} onChange={(ev) => setImage({ quality: ev.target.value as typeof img.quality })}>
                <option value="low">{t('composer.qualityField.low')}</option>
                <option value="medium">{t('composer.qualityField.medium')}</option>
                <option value="auto">{t('composer.qualityField.autoPricedAtWhat')}</option>
              </select>
            )}
          </Field>
        )}
        <Field id="img-ratio" label={t('options.defaultsSection.imageAspectRatio')} error={e('image.aspectRatio')}>
          {(a) => (
            <select {...a} value={img.aspectRatio} onChange={(ev) => setImage({ aspectRatio: ev.target.value as typeof img.aspectRatio })}>
              {supported(IMAGE_ASPECT_RATIOS, caps.imageAspectRatios, img.aspectRatio).map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="img-resolution" label={t('options.defaultsSection.imageResolution')} error={e('image.resolution')}>
          {(a) => (
            <select {...a} value={img.resolution} onChange={(ev) => setImage({ resolution: ev.target.value as typeof img.resolution })}>
              {supported(IMAGE_RESOLUTIONS, caps.imageResolutions, img.resolution).map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="img-count" label={t('options.defaultsSection.imagesPerRequest')} error={e('image.n')} hint={t('options.defaultsSection.rangeHint', { min: formatNumber(1), max: formatNumber(Math.min(10, caps.maxCount)) })}>
          {(a) => <input {...a} type="number" min={1} max={10} value={numberText(img.n)} onChange={(ev) => setImage({ n: requiredNumber(ev.target.value) })} />}
        </Field>
        <Field id="img-format" label={t('options.defaultsSection.outputFormat')} error={e('image.outputFormat')}>
          {(a) => (
            <select {...a} value={img.outputFormat} onChange={(ev) => setImage({ outputFormat: ev.target.value as typeof img.outputFormat })}>
              {supported(['jpeg', 'png', 'webp'] as const, caps.outputFormats, img.outputFormat).map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('options.defaultsSection.videosCreateAnimateReferences')}</legend>
        <Field id="vid-model" label={t('options.defaultsSection.videoModel')} error={e('video.model')}>
          {(a) => <input {...a} list="video-models" value={vid.model} onChange={(ev) => setVideo({ model: ev.target.value })} />}
        </Field>
        <Field id="vid-ratio" label={t('options.defaultsSection.videoAspectRatio')} error={e('video.aspectRatio')}>
          {(a) => (
            <select {...a} value={vid.aspectRatio} onChange={(ev) => setVideo({ aspectRatio: ev.target.value as typeof vid.aspectRatio })}>
              {supported(VIDEO_ASPECT_RATIOS, caps.videoAspectRatios, vid.aspectRatio).map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="vid-resolution" label={t('options.defaultsSection.videoResolution')} error={e('video.resolution')}>
          {(a) => (
            <select {...a} value={vid.resolution} onChange={(ev) => setVideo({ resolution: ev.target.value as typeof vid.resolution })}>
              {supported(VIDEO_RESOLUTIONS, caps.videoResolutions, vid.resolution).map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="vid-duration" label={t('options.defaultsSection.videoDurationSeconds')} error={e('video.duration')} hint={t('options.defaultsSection.secondsRangeHint', { min: formatNumber(caps.videoDuration.min), max: formatNumber(caps.videoDuration.max) })}>
          {(a) => <input {...a} type="number" min={1} max={15} value={numberText(vid.duration)} onChange={(ev) => setVideo({ duration: requiredNumber(ev.target.value) })} />}
        </Field>
        <Field id="vid-extend" label={t('options.defaultsSection.extensionLengthSeconds')} error={e('video.extendDuration')} hint={t('options.defaultsSection.x2To10S')}>
          {(a) => <input {...a} type="number" min={2} max={10} value={numberText(vid.extendDuration)} onChange={(ev) => setVideo({ extendDuration: requiredNumber(ev.target.value) })} />}
        </Field>
        <Field id="vid-sound" label={t('options.defaultsSection.videoSound')} error={e('video.sound')}>
          {(a) => <input {...a} type="checkbox" checked={vid.sound} onChange={(ev) => setVideo({ sound: ev.target.checked })} />}
        </Field>
      </fieldset>
    </section>
  );
}
