import { imageModelInfo, videoModelInfo } from '../model/imagine-models';
import { formatList, formatNumber, t } from '../i18n';

/**
 * A model's plain name for the picker ("Grok Imagine 2.0"): brand names as they are, the retired ones
 * marked. Ids we don't know (a newer catalogue entry, a typed id) show as themselves.
 */
const PLAIN_NAMES: Record<string, string> = {
  'grok-imagine-image-2.0': 'Grok Imagine 2.0',
  'grok-imagine-image': 'Grok Imagine 1.0',
  'grok-imagine-image-quality': 'Grok Imagine Quality',
  'grok-imagine-image-pro': 'Grok Imagine Pro',
  'grok-imagine-video-1.5': 'Grok Imagine Video 1.5',
  'grok-imagine-video-1.5-lite': 'Grok Imagine Video 1.5 Lite',
  'grok-imagine-video': 'Grok Imagine Video 1.0',
};

export function modelName(model: string): string {
  const id = model.trim();
  const name = Object.hasOwn(PLAIN_NAMES, id) ? PLAIN_NAMES[id]! : id;
  return imageModelInfo(id)?.servedBy ? t('composer.modelLabel.retiredName', { name }) : name;
}

/** What a model can do, in a few words: the combobox option labels and the hint under the control. */
export function modelCapabilities(model: string, output: 'image' | 'video'): string | undefined {
  const id = model.trim();
  if (output === 'image') {
    const info = imageModelInfo(id);
    if (!info) return undefined;
    if (info.servedBy) {
      return info.servedBy.quality
        ? t('composer.modelLabel.retiredAtQuality', { model: info.servedBy.model, quality: info.servedBy.quality })
        : t('composer.modelLabel.retired', { model: info.servedBy.model });
    }
    const parts = [
      ...(info.qualities ? [t('composer.modelLabel.qualities', { qualities: info.qualities.join('/') })] : []),
      t('composer.modelLabel.editSources', { max: formatNumber(info.maxEditSources) }),
      info.resolutions.join('/'),
      ...(info.aspectRatios.includes('21:9') ? [t('composer.modelLabel.wideRatios')] : []),
    ];
    return formatList(parts, 'unit');
  }
  const info = videoModelInfo(id);
  if (!info) return undefined;
  const inputs = { text: t('composer.modelLabel.textToVideo'), image: t('composer.modelLabel.imageToVideo'), reference: t('composer.modelLabel.referenceToVideo') };
  return t('composer.modelLabel.video', {
    inputs: formatList(info.inputs.map((i) => inputs[i]), 'unit'),
    resolutions: info.resolutions.join('/'),
    min: formatNumber(info.duration.min),
    max: formatNumber(info.duration.max),
    references: formatNumber(info.maxReferenceImages),
  });
}
