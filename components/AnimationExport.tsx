import { useState } from 'react';
import { ANIMATION_FPS, ANIMATION_SIZES, DEFAULT_ANIMATION, type AnimationOptions } from '../lib/export/animation';
import type { Job } from '../lib/model/job';
import { downloadAnimation } from '../lib/ui/animation-download';
import { formatNumber, t } from '../lib/i18n';

/**
 * A video result's "Save as GIF" / "Save as WebP", with size and frame rate, and a progress bar while the
 * frames are read and encoded (the encoding runs in a worker: the panel stays usable).
 */
export function AnimationExport({ job, index, onStatus }: { job: Job; index: number; onStatus(tone: 'ok' | 'error', text: string): void }) {
  const [maxEdge, setMaxEdge] = useState<AnimationOptions['maxEdge']>(DEFAULT_ANIMATION.maxEdge);
  const [fps, setFps] = useState<AnimationOptions['fps']>(DEFAULT_ANIMATION.fps);
  const [progress, setProgress] = useState<number>();
  const busy = progress !== undefined;
  const save = (format: AnimationOptions['format']) => async () => {
    setProgress(0);
    try {
      const filename = await downloadAnimation(job, index, { format, maxEdge, fps }, (p) => setProgress(p.fraction));
      onStatus('ok', t('panel.animationExport.downloading', { file: filename }));
    } catch (error) {
      onStatus('error', error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(undefined);
    }
  };
  const id = `anim-${job.id}-${index}`;
  return (
    <fieldset className="animation-export" aria-label={t('panel.animationExport.saveAsAnimation')}>
      <legend>{t('panel.animationExport.saveAsGifOr')}</legend>
      <label htmlFor={`${id}-size`}>{t('panel.animationExport.size')}</label>
      <select id={`${id}-size`} value={maxEdge} disabled={busy} onChange={(e) => setMaxEdge(Number(e.target.value) as AnimationOptions['maxEdge'])}>
        {ANIMATION_SIZES.map((n) => (
          <option key={n} value={n}>
            {t('panel.animationExport.px', { size: formatNumber(n) })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-fps`}>{t('panel.animationExport.frameRate')}</label>
      <select id={`${id}-fps`} value={fps} disabled={busy} onChange={(e) => setFps(Number(e.target.value) as AnimationOptions['fps'])}>
        {ANIMATION_FPS.map((n) => (
          <option key={n} value={n}>
            {t('panel.animationExport.fps', { rate: formatNumber(n) })}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy} onClick={() => void save('gif')()}>
        {t('panel.animationExport.saveAsGif')}
      </button>
      <button type="button" disabled={busy} onClick={() => void save('webp')()}>
        {t('panel.animationExport.saveAsWebp')}
      </button>
      {busy && <progress max={1} value={progress} aria-label={t('panel.animationExport.exportProgress')} />}
    </fieldset>
  );
}
