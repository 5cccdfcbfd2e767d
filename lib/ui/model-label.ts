import { imageModelInfo, videoModelInfo } from '../api/models';
import { formatList, formatNumber, t } from '../i18n';

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
