import { imageModelInfo, videoModelInfo } from '../api/models';

/** What a model can do, in a few words: the combobox option labels and the hint under the control. */
export function modelCapabilities(model: string, output: 'image' | 'video'): string | undefined {
  const id = model.trim();
  if (output === 'image') {
    const info = imageModelInfo(id);
    if (!info) return undefined;
    if (info.servedBy) return `retired: served by ${info.servedBy.model}${info.servedBy.quality ? ` at ${info.servedBy.quality} quality` : ''}`;
    const wide = info.aspectRatios.includes('21:9') ? ', 21:9 and 5:2' : '';
    const quality = info.qualities ? `quality ${info.qualities.join('/')}, ` : '';
    return `${quality}up to ${info.maxEditSources} edit sources, ${info.resolutions.join('/')}${wide}`;
  }
  const info = videoModelInfo(id);
  if (!info) return undefined;
  return `${info.inputs.map((i) => `${i}-to-video`).join(', ')}; ${info.resolutions.join('/')}; ${info.duration.min}–${info.duration.max} s; up to ${info.maxReferenceImages} references`;
}
