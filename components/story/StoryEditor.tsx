import { useState } from 'react';
import { VIDEO_ASPECT_RATIOS } from '../../lib/model/imagine-models';
import { nextActions, planStory, stitchList, storyComplete } from '../../lib/story/planner';
import { downloadStory } from '../../lib/ui/story-download';
import type { JoinStage } from '../../lib/export/join-clips';
import { useStory } from '../../lib/ui/story-editor-store';
import { useCapabilities } from '../../lib/ui/settings-view-store';
import { ShotItem } from './ShotItem';
import { StoryChooser } from './StoryChooser';
import { StoryCost } from './StoryCost';
import { StoryPreview } from './StoryPreview';
import { formatNumber, t } from '../../lib/i18n';

/**
 * The story editor (region "Story"): story-wide settings, the shot list, the total before running, Run
 * story, the preview and Download story. The background runs the shots; this view only reads their state.
 */
export function StoryEditor({ onClose }: { onClose(): void }) {
  const story = useStory((s) => s.story);
  const jobs = useStory((s) => s.jobs);
  const error = useStory((s) => s.error);
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<{ stage: JoinStage; fraction: number }>();
  const [downloadError, setDownloadError] = useState<string>();
  const soundOff = useCapabilities().soundOff === true; // Sound is offered only where it can be turned off
  if (!story) return null;
  const { edit, addShot, run } = useStory.getState();
  const jobOf = (id: string) => jobs[id];
  const plans = planStory(story, jobOf);
  const complete = storyComplete(plans);
  const pending = nextActions(plans);
  const clips = stitchList(story, jobOf);
  const canRun = story.shots.length > 0 && !story.running && (pending.submit.length > 0 || pending.extractFrame.length > 0);

  const download = async () => {
    setDownloadError(undefined);
    setProgress({ stage: 'joining', fraction: 0 });
    try {
      await downloadStory(story, jobs, (stage, fraction) => setProgress({ stage, fraction }));
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section className="story" aria-label={t('story.region')}>
      <h2>
        {t('story.region')}
        <button type="button" onClick={onClose}>
          {t('story.back')}
        </button>
      </h2>
      <StoryChooser model={story.model} />
      <div className="story-settings">
        <div className="wide">
          <label htmlFor="story-style">{t('story.houseStyle')}</label>
          <input id="story-style" value={story.houseStyle} maxLength={1000} onChange={(e) => edit((s) => ({ ...s, houseStyle: e.target.value }))} />
        </div>
        <div>
          <label htmlFor="story-ratio">{t('story.aspectRatio')}</label>
          <select id="story-ratio" value={story.aspectRatio} onChange={(e) => edit((s) => ({ ...s, aspectRatio: e.target.value as (typeof VIDEO_ASPECT_RATIOS)[number] }))}>
            {VIDEO_ASPECT_RATIOS.map((ratio) => (
              <option key={ratio} value={ratio}>
                {ratio}
              </option>
            ))}
          </select>
        </div>
        {soundOff && (
          <div>
            <label className="story-check">
              <input type="checkbox" checked={story.sound} onChange={(e) => edit((s) => ({ ...s, sound: e.target.checked }))} />
              {t('story.sound')}
            </label>
          </div>
        )}
      </div>
      <p className="hint">{t('story.dragHint')}</p>
      <ol className="story-shots" aria-label={t('story.region')}>
        {story.shots.map((shot, index) => (
          <ShotItem key={shot.id} shot={shot} index={index} count={story.shots.length} plan={plans[index]} onMoved={setStatus} />
        ))}
      </ol>
      <StoryCost story={story} jobs={jobs} />
      <div className="story-actions field">
        <button type="button" onClick={addShot}>
          {t('story.addShot')}
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={!canRun}>
          {t('story.runStory')}
        </button>
        <button type="button" onClick={() => void download()} disabled={!complete || progress !== undefined}>
          {t('story.downloadStory')}
        </button>
      </div>
      {progress !== undefined && (
        <div className="story-progress">
          <progress max={1} value={progress.fraction} aria-label={t('story.downloadProgress')} aria-valuetext={formatNumber(progress.fraction, { style: 'percent' })} />
          <p role="status">{t(progress.stage === 'reencoding' ? 'story.reencoding' : 'story.stitching', { percent: formatNumber(progress.fraction, { style: 'percent' }) })}</p>
        </div>
      )}
      {(error || story.lastError || downloadError) && (
        <p className="error" role="alert">
          {error ?? story.lastError ?? downloadError}
        </p>
      )}
      {complete && clips && <StoryPreview clips={clips} />}
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </section>
  );
}
